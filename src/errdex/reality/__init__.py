"""The catalog meets reality: proof by request, and reconciliation with production.

Two jobs, one judge (:func:`errdex.decode`, the wire contract's decoder):

- :mod:`errdex.reality.verify` sends each entry's request examples to a
  running service (or an ASGI/WSGI app in-process) and checks that the answer
  is that entry, in the declared envelope, with the declared status, headers
  and retry advice — ``errdex verify``.
- :mod:`errdex.reality.reconcile` reads what services really sent (OTLP JSON,
  JSON-lines logs, HAR files, raw response dumps), streaming, and reports the
  drift between the catalog and production — ``errdex reconcile``.

This layer may import the model, the catalog io and the runtime; nothing
below it imports it.
"""

from __future__ import annotations

__all__: list[str] = []
