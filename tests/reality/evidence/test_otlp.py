"""OTLP JSON exports as evidence: one observation per error span, bounded lines."""

from __future__ import annotations

import io
from typing import Any

import orjson

from errdex.reality.evidence.detect import reader_for
from errdex.reality.evidence.fields import fields

FIELDS = fields()


def test_an_otlp_line_longer_than_the_limit_is_counted_and_skipped(monkeypatch: Any) -> None:
    import errdex.reality.evidence.stream as stream

    monkeypatch.setattr(stream, "MAX_LINE", 200)
    span = {"kind": 2, "attributes": [{"key": "errdex.code", "value": {"stringValue": "X-1"}}]}
    export = orjson.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [span]}]}]})
    padded = orjson.dumps({"resourceSpans": [], "pad": "x" * 300})
    data = export + b"\n" + padded + b"\n" + export + b"\n"
    reader = reader_for(io.BytesIO(data), "t.jsonl", "otlp", FIELDS, None)
    assert [o.where for o in reader] == ["t.jsonl:1", "t.jsonl:3"]
    assert reader.long_lines == 1
