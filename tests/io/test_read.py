"""``errdex.io.read``: catalog files to text and data, every reason a file cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from errdex.io.read import (
    decode,
    file_problem,
    folder_files,
    folder_problem,
    format_of,
    parse,
    read_text,
)
from errdex.io.source import SourceFile


def test_format_by_suffix() -> None:
    assert [format_of(Path(n)) for n in ("a.toml", "b.YAML", "c.yml", "d.json", "e.txt")] == [
        "toml",
        "yaml",
        "yaml",
        "json",
        None,
    ]


def test_read_text_drops_a_bom_and_names_a_bad_byte(tmp_path: Path) -> None:
    good = tmp_path / "c.toml"
    good.write_bytes(b"\xef\xbb\xbf[catalog]\n")
    assert read_text(good) == ("[catalog]\n", None)
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"a = 1\nb = 'caf\xe9'\n")
    text, problem = read_text(bad)
    assert text is None and problem is not None
    assert (problem.rule.id, problem.line, problem.col) == ("E006", 2, 9)
    assert (
        problem.message == "the file is not UTF-8 (byte 0xe9)"
        and problem.hint == "save the file as UTF-8"
    )


def test_decode_alone() -> None:
    src = SourceFile(None, "", "toml")
    assert decode("中".encode(), src) == ("中", None)
    assert decode(b"\xff", src)[1].position == (1, 1)


def test_missing_folder_and_special_files_are_named(tmp_path: Path) -> None:
    missing = read_text(tmp_path / "nope.toml")[1]
    assert missing.message.startswith("no such file: ") and missing.hint == "check the path"
    assert "is a folder, expected a file" in file_problem(tmp_path).message
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    assert "expected a catalog file" in file_problem(fifo).message  # never opened
    link = tmp_path / "dangling.toml"
    link.symlink_to(tmp_path / "gone.toml")
    assert "which does not exist" in file_problem(link).message
    assert file_problem(tmp_path, expect="folder") is None
    plain = tmp_path / "plain.toml"
    plain.write_text("")
    assert "is a file, expected a folder" in file_problem(plain, expect="folder").message


def test_folder_files_lists_catalog_files_and_reports_odd_ones(tmp_path: Path) -> None:
    (tmp_path / "b.toml").write_text("")
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("")
    (tmp_path / ".hidden.toml").write_text("")
    (tmp_path / "dir.yaml").mkdir()
    files, problems = folder_files(tmp_path)
    assert [p.name for p in files] == ["a.json", "b.toml"]
    assert [p.message.split(" is ")[1] for p in problems] == ["a folder, expected a file"]
    assert folder_files(tmp_path / "absent") == ([], [])
    assert folder_problem(tmp_path) is None


@pytest.mark.parametrize(
    ("fmt", "text", "data"),
    [
        ("toml", 'a = 1\n[t]\nb = "x"\n', {"a": 1, "t": {"b": "x"}}),
        ("json", '{"a": [1, 2]}', {"a": [1, 2]}),
        ("yaml", "a:\n  - 1\n", {"a": [1]}),
    ],
)
def test_parse_each_format(fmt: str, text: str, data: dict) -> None:
    assert parse(text, SourceFile(None, text, fmt)) == (data, None)


def test_parse_reports_syntax_errors_and_non_tables() -> None:
    data, problem = parse("a = = 1\n", SourceFile(None, "a = = 1\n", "toml"))
    assert data is None and problem.rule.id == "E001" and problem.line == 1
    data, problem = parse("[1, 2]", SourceFile(None, "[1, 2]", "json"))
    assert data is None and problem is not None
