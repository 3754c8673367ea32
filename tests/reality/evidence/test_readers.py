"""Evidence readers: bounded, streaming, and never a traceback on arbitrary input."""

from __future__ import annotations

import io
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.reality.evidence import EvidenceError
from errdex.reality.evidence.detect import KINDS, reader_for, sniff
from errdex.reality.evidence.fields import fields
from errdex.reality.evidence.jsonl import JsonLines, candidates, needles, observe
from errdex.reality.evidence.stream import Blocks

FIELDS = fields()

scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.text(max_size=8))
codes = st.one_of(st.integers(100, 599), st.sampled_from(["401", "404", "503", "abc", "42"]))
records = st.fixed_dictionaries(
    {},
    optional={
        "status": codes,
        "status_code": codes,
        "http.response.status_code": codes,
        "http": st.fixed_dictionaries({}, optional={"status_code": codes}),
        "error": st.fixed_dictionaries({}, optional={"code": scalars, "message": scalars}),
        "error_code": scalars,
        "response": st.fixed_dictionaries({}, optional={"body": scalars}),
        "level": st.sampled_from(["info", "error"]),
        "msg": st.text(max_size=10),
    },
)


@settings(max_examples=300, deadline=None)
@given(records)
def test_the_prefilter_never_drops_an_error_line(record: dict[str, Any]) -> None:
    line = orjson.dumps(record)
    block = b'{"status":200}\n' + line + b'\n{"status":204}\n'
    if observe(record, FIELDS, "x:1") is not None:
        assert block.index(line) in candidates(block, needles(FIELDS)), line


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(KINDS))
def test_any_bytes_give_observations_or_a_clear_error(data: bytes, kind: str) -> None:
    try:
        for seen in reader_for(io.BytesIO(data), "f", kind, FIELDS, "shop"):
            assert seen.where.startswith("f")
    except EvidenceError as exc:
        assert str(exc).startswith("f:")


def test_line_numbers_survive_block_boundaries_and_skipped_long_lines() -> None:
    lines = [b'{"status":200}'] * 5 + [b'{"status":500,"pad":"' + b"x" * 300 + b'"}'] * 3
    data = b"\n".join(lines) + b"\n"
    reader = JsonLines(io.BytesIO(data), "log", FIELDS)
    reader_blocks = Blocks(io.BytesIO(data), size=64)
    assert b"".join(reader_blocks) == data
    assert [o.where for o in reader] == ["log:6", "log:7", "log:8"]
    assert reader.records == 8


def test_sniffing_tells_the_formats_apart() -> None:
    assert sniff("a.har", b"") == "har"
    assert sniff("x.log.gz", b'{"log": 1, "entries": []}') == "har"
    assert sniff("x", b'{"resourceSpans": []}') == "otlp"
    assert sniff("x", b"\r\nHTTP/1.1 500 Oops\r\n") == "dump"
    assert sniff("x", b'{"status": 500}\n') == "jsonl"


def test_a_record_longer_than_the_limit_is_skipped_not_buffered(monkeypatch: Any) -> None:
    import errdex.reality.evidence.stream as stream

    monkeypatch.setattr(stream, "MAX_LINE", 100)
    data = b'{"status":500}\n{"status":500,"x":"' + b"y" * 1000 + b'"}\n{"status":503}\n'
    reader = JsonLines(io.BytesIO(data), "log", FIELDS)
    reader_blocks = Blocks(io.BytesIO(data), size=32)
    assert b"".join(reader_blocks).count(b"\n") == 3
    assert reader_blocks.long_lines == 1
    seen = [o.where for o in reader]
    assert seen[0] == "log:1" and seen[-1] == "log:3"


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
