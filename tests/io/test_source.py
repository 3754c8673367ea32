"""``errdex.io.source``: one file of a catalog, its text and the places of its keys."""

from __future__ import annotations

import os
from pathlib import Path

from errdex.io.source import SourceFile, display_path


def test_display_path_is_relative_inside_the_working_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "a" / "c.toml") == os.path.join("a", "c.toml")
    assert display_path(tmp_path.parent / "c.toml") == os.path.join("..", "c.toml")
    far = Path("/") / "elsewhere-errdex" / "c.toml"
    assert display_path(far) == str(far)


def test_a_source_file_finds_lines_and_key_paths() -> None:
    src = SourceFile(Path("c.toml"), '[catalog]\nid = "x"\n\n[[errors]]\ncode = 1\n', "toml")
    assert src.display == "c.toml" and src.format == "toml"
    assert src.line_text(2) == 'id = "x"' and src.line_text(99) is None
    assert src.locate(("errors", 0, "code")) == (5, 1)
    assert src.has(("catalog", "id")) and not src.has(("catalog", "title"))
    assert src.locate(("catalog", "title")) == src.locate(("catalog",))  # nearest located ancestor
    assert repr(src) == "<SourceFile c.toml (toml)>"


def test_text_without_a_path() -> None:
    src = SourceFile(None, "a = 1\n", "toml", None)
    assert src.display == "<string>" and src.path is None
    assert src.text == "a = 1\n" and src.locate(("a",)) == (1, 1)
    named = SourceFile(None, "", "json", "git:HEAD:c.json")
    assert named.display == "git:HEAD:c.json"
