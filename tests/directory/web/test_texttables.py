"""The Unicode tables of ``static/errdex-text.js``: their encoding, markers, this Python's data."""

from __future__ import annotations

import sys

import pytest

from errdex.directory.web import texttables


def _decode(encoded: str) -> set[int]:
    """The code points of ranges written by :func:`texttables.encode_ranges`."""
    points: set[int] = set()
    after = 0
    for pair in encoded.split(","):
        gap, length = (int(part, 36) for part in pair.split("."))
        first = after + gap
        points.update(range(first, first + length + 1))
        after = first + length + 1
    return points


def test_ranges_are_gap_and_length_pairs_in_base_36() -> None:
    assert texttables.encode_ranges([(0, 2), (10, 10)]) == "0.2,7.0"
    assert texttables.encode_ranges([(36, 71)]) == "10.z"
    assert texttables.encode_ranges([]) == ""
    assert _decode("0.2,7.0") == {0, 1, 2, 10}


@pytest.fixture(scope="module")
def tables() -> dict[str, str | dict[str, str]]:
    """This Python's tables, computed once (a pass over every code point per table)."""
    return texttables.tables()


@pytest.mark.slow
def test_the_space_table_is_str_isspace(tables: dict[str, str | dict[str, str]]) -> None:
    encoded = tables["SPACE"]
    assert isinstance(encoded, str)
    spaces = _decode(encoded)
    assert spaces == {cp for cp in range(sys.maxunicode + 1) if chr(cp).isspace()}


@pytest.mark.slow
def test_render_writes_every_table_between_the_markers(
    tables: dict[str, str | dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(texttables, "tables", lambda: tables)
    block = texttables.render()
    assert block.startswith(texttables.BEGIN) and block.endswith(texttables.END)
    for name in tables:
        assert f"    {name}: " in block
    script = "before\n" + block + "\nafter\n"
    assert texttables.current(script) == block


def test_a_script_without_the_markers_has_no_current_block() -> None:
    with pytest.raises(ValueError):
        texttables.current("var TABLES = {};\n")
