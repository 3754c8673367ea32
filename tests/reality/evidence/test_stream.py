"""Evidence read in blocks: line numbers across block boundaries, long lines skipped unbuffered."""

from __future__ import annotations

import io
from typing import Any

from errdex.reality.evidence.fields import fields
from errdex.reality.evidence.jsonl import JsonLines
from errdex.reality.evidence.stream import Blocks

FIELDS = fields()


def test_line_numbers_survive_block_boundaries_and_skipped_long_lines() -> None:
    lines = [b'{"status":200}'] * 5 + [b'{"status":500,"pad":"' + b"x" * 300 + b'"}'] * 3
    data = b"\n".join(lines) + b"\n"
    reader = JsonLines(io.BytesIO(data), "log", FIELDS)
    reader_blocks = Blocks(io.BytesIO(data), size=64)
    assert b"".join(reader_blocks) == data
    assert [o.where for o in reader] == ["log:6", "log:7", "log:8"]
    assert reader.records == 8


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
