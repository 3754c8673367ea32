"""Evidence: what services really sent, read from the files production leaves behind.

Every reader yields :class:`Observation` values, one per error a service sent
(or, for metrics, per data point that counts many), streaming: a reader holds
one block or one document at a time, never a whole log. Readers:

- :mod:`.jsonl` — JSON-lines access and application logs, with field paths;
- :mod:`.otlp` — OpenTelemetry OTLP JSON exports: spans and the
  ``errdex.errors`` metric (the Collector's file exporter writes one export a line);
- :mod:`.har` — HAR files saved from browsers and proxies;
- :mod:`.dump` — raw HTTP response dumps (``curl -i``, proxy captures).

:func:`errdex.reality.evidence.detect.reader_for` picks one by name and content.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Observation(NamedTuple):
    """One error a service sent, as the evidence shows it.

    ``body`` is the response body when the evidence kept it; ``code`` (and
    ``message``, ``space``) what the evidence says without a body — a log's
    ``error.code`` field, a span's ``error.type``. ``times`` is more than one
    for a metric data point.
    """

    where: str
    """``file:line`` (or ``file#n`` for the n-th item of a document) of the record."""
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None
    code: Any = None
    message: str | None = None
    space: str | None = None
    times: int = 1


class EvidenceError(Exception):
    """Raised when an evidence file cannot be read at all (missing, not the
    format asked for); ``str()`` names the file and what to do."""
