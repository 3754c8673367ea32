"""Choosing the evidence reader: sniffing the format; any bytes give observations or an error."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.reality.evidence import EvidenceError
from errdex.reality.evidence.detect import KINDS, reader_for, sniff
from errdex.reality.evidence.fields import fields

FIELDS = fields()


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(KINDS))
def test_any_bytes_give_observations_or_a_clear_error(data: bytes, kind: str) -> None:
    try:
        for seen in reader_for(io.BytesIO(data), "f", kind, FIELDS, "shop"):
            assert seen.where.startswith("f")
    except EvidenceError as exc:
        assert str(exc).startswith("f:")


def test_sniffing_tells_the_formats_apart() -> None:
    assert sniff("a.har", b"") == "har"
    assert sniff("x.log.gz", b'{"log": 1, "entries": []}') == "har"
    assert sniff("x", b'{"resourceSpans": []}') == "otlp"
    assert sniff("x", b"\r\nHTTP/1.1 500 Oops\r\n") == "dump"
    assert sniff("x", b'{"status": 500}\n') == "jsonl"
