"""OpenTelemetry OTLP JSON: error spans, and the ``errdex.errors`` counter.

The Collector's file exporter writes one ``ExportTraceServiceRequest`` or
``ExportMetricsServiceRequest`` a line; an SDK's JSON dump is one document.
Both are read. From traces, every server (or unspecified-kind) span that
records an error: the code from ``errdex.code``, else ``error.type`` (unless
that is only the HTTP status or an exception class), the status from
``http.response.status_code`` (or the older ``http.status_code``), the message
from the ``exception`` event. Client spans are skipped: the server's span of
the same error is the evidence. From metrics, each series of
``errdex.errors`` counts its errors: a cumulative series by its last value, a
delta series by the sum of its points. Spans and the counter count the same
errors, so a file that holds error spans is counted by its spans (each error
once) and its counter series are ignored; an export of metrics alone is
counted by the counter.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from errdex.reality.evidence import EvidenceError, Observation
from errdex.reality.evidence.stream import Blocks, Prefixed, Readable, Reader

COUNTER = "errdex.errors"
CLIENT = 3
CUMULATIVE = 2
MAX_DOCUMENT = 1 << 29
"""Largest single-document export read whole (512 MiB); larger ones must be JSON lines."""
MAX_SERIES = 100_000
"""Counter series remembered at once; points of further series are counted as overflow."""


def value(any_value: Any) -> Any:
    """The Python value of an OTLP ``AnyValue`` (``{"intValue": "401"}`` → 401)."""
    if type(any_value) is not dict:
        return None
    for key, raw in any_value.items():
        if key == "stringValue":
            return raw
        if key == "intValue":
            try:
                return int(raw)
            except (TypeError, ValueError):
                return None
        if key in ("boolValue", "doubleValue"):
            return raw
        if key == "arrayValue" and type(raw) is dict:
            return [value(v) for v in raw.get("values", ()) or ()]
    return None


def attributes(items: Any) -> dict[str, Any]:
    """An OTLP attribute list as a dict."""
    found: dict[str, Any] = {}
    if type(items) is list:
        for item in items:
            if type(item) is dict and type(item.get("key")) is str:
                found[item["key"]] = value(item.get("value"))
    return found


def _status(attrs: dict[str, Any]) -> int | None:
    for key in ("http.response.status_code", "http.status_code", "rpc.grpc.status_code"):
        status = attrs.get(key)
        if type(status) is str and status.isdigit():
            status = int(status)
        if type(status) is int and 100 <= status <= 599:
            return status
    return None


def _code(attrs: dict[str, Any], status: int | None) -> Any:
    code = attrs.get("errdex.code")
    if code is None:
        code = attrs.get("code")
    if code is None:
        kind = attrs.get("error.type")
        # error.type may be only the status ("500") or an exception class ("ValueError")
        if (
            type(kind) is str
            and kind != "_OTHER"
            and kind != str(status)
            and not (
                kind[:1].isupper() and kind.isidentifier() and kind.endswith(("Error", "Exception"))
            )
        ):
            code = kind
    return code if type(code) in (str, int) else None


class Otlp(Reader):
    """The errors of an OTLP JSON file (traces, metrics, or both)."""

    kind = "otlp"

    def __init__(self, stream: Readable, name: str, catalog_id: str | None = None) -> None:
        super().__init__(stream, name)
        self.catalog_id = catalog_id
        """Points and spans naming another catalog (``errdex.catalog``) are skipped."""
        self.spans = 0
        """Error spans read."""
        self.ignored_points = 0
        """Counter series not counted because the file's spans already count each error."""
        self.overflow_points = 0
        self._series: dict[tuple[Any, ...], Observation] = {}

    def _documents(self) -> Iterator[tuple[str, Any]]:
        head = self.stream.read(1 << 16)
        stripped = head.lstrip()
        first_line = stripped.split(b"\n", 1)[0]
        try:
            orjson.loads(first_line)
            lines = True
        except orjson.JSONDecodeError:
            lines = False
        if not lines:
            data = head + self.stream.read(MAX_DOCUMENT)
            if len(data) > MAX_DOCUMENT:
                raise EvidenceError(
                    f"{self.name}: an OTLP document over {MAX_DOCUMENT >> 20} MiB; "
                    "export JSON lines instead (the Collector's file exporter does)"
                )
            try:
                yield f"{self.name}:1", orjson.loads(data)
            except orjson.JSONDecodeError as exc:
                raise EvidenceError(f"{self.name}: not OTLP JSON: {exc}") from None
            return
        line_no = 0
        blocks = Blocks(Prefixed(head, self.stream))
        for block in blocks:  # a line over MAX_LINE comes as an empty one, counted by blocks
            for line in block.split(b"\n"):
                line_no += 1
                if not line.strip():
                    continue
                try:
                    yield f"{self.name}:{line_no}", orjson.loads(line)
                except orjson.JSONDecodeError:
                    self.bad(f"{self.name}:{line_no}")
            line_no -= 1  # the block's last split is the empty text after its final newline
        self.long_lines = blocks.long_lines

    def __iter__(self) -> Iterator[Observation]:
        for where, doc in self._documents():
            if type(doc) is not dict:
                continue
            self.records += 1
            for seen in self._spans(where, doc.get("resourceSpans")):
                self.spans += 1
                yield seen
            self._points(where, doc.get("resourceMetrics"))
        if self.spans:
            self.ignored_points = len(self._series)
            return
        for seen in self._series.values():
            yield seen

    def _ours(self, attrs: dict[str, Any]) -> bool:
        other = attrs.get("errdex.catalog", attrs.get("catalog"))
        return self.catalog_id is None or other is None or other == self.catalog_id

    def _spans(self, where: str, resources: Any) -> Iterator[Observation]:
        for resource in resources if type(resources) is list else ():
            for scope in _list(resource, "scopeSpans"):
                for span in _list(scope, "spans"):
                    self.window.see(span.get("startTimeUnixNano"))
                    if span.get("kind") == CLIENT:
                        continue
                    attrs = attributes(span.get("attributes"))
                    status = _status(attrs)
                    code = _code(attrs, status)
                    failed = (span.get("status") or {}).get("code") == 2
                    if code is None and not failed and (status is None or status < 400):
                        continue
                    if not self._ours(attrs):
                        continue
                    message = None
                    for event in _list(span, "events"):
                        if event.get("name") == "exception":
                            text = attributes(event.get("attributes")).get("exception.message")
                            message = text if type(text) is str else None
                    space = attrs.get("errdex.space")
                    yield Observation(
                        where,
                        status,
                        (),
                        None,
                        code,
                        message,
                        space if type(space) is str else None,
                    )

    def _points(self, where: str, resources: Any) -> None:
        for resource in resources if type(resources) is list else ():
            for scope in _list(resource, "scopeMetrics"):
                for metric in _list(scope, "metrics"):
                    if metric.get("name") != COUNTER:
                        continue
                    data = metric.get("sum") or {}
                    cumulative = data.get("aggregationTemporality") == CUMULATIVE
                    for point in _list(data, "dataPoints"):
                        self.window.see(point.get("timeUnixNano"))
                        seen = self._point(where, point)
                        if seen is None:
                            continue
                        attrs = tuple(sorted(attributes(point.get("attributes")).items(), key=str))
                        key = (point.get("startTimeUnixNano") if cumulative else None, attrs)
                        before = self._series.get(key)
                        if before is None and len(self._series) >= MAX_SERIES:
                            self.overflow_points += 1
                            continue
                        if before is not None and not cumulative:
                            seen = before._replace(times=before.times + seen.times)
                        elif before is not None:
                            seen = seen._replace(where=before.where)
                        self._series[key] = seen

    def _point(self, where: str, point: dict[str, Any]) -> Observation | None:
        attrs = attributes(point.get("attributes"))
        if not self._ours(attrs):
            return None
        raw: Any = point.get("asInt", point.get("asDouble"))
        try:
            count = int(float(raw))
        except (TypeError, ValueError, OverflowError):
            return None
        if count <= 0:
            return None
        status = _status(attrs)
        code = _code(attrs, status)
        space = attrs.get("errdex.space", attrs.get("space"))
        return Observation(
            where, status, (), None, code, None, space if type(space) is str else None, count
        )


def _list(node: Any, key: str) -> list[dict[str, Any]]:
    found = node.get(key) if type(node) is dict else None
    return [item for item in found if type(item) is dict] if type(found) is list else []
