"""Every file errdex writes stays inside its output folder and is never half-written."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from catalogs import HEAD
from errdex.cli.main import cli
from errdex.io.confine import Escape, confine, write_atomic, write_tree


@pytest.mark.parametrize(
    "name",
    [
        "../x.md",
        "a/../../x.md",
        "/etc/passwd",
        "\\\\server\\share\\x",
        "C:\\x.md",
        "a\x00b",
        "",
        " ",
    ],
)
def test_names_leaving_the_folder_are_refused(tmp_path, name):
    with pytest.raises(Escape):
        confine(tmp_path, name)


def test_a_symlinked_folder_pointing_out_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "root"
    root.mkdir()
    os.symlink(outside, root / "docs")
    with pytest.raises(Escape, match="symlink"):
        confine(root, "docs/errors.md")
    os.symlink(root / "loop", root / "loop")
    with pytest.raises(Escape):
        confine(root, "loop/x.md")


def test_names_inside_are_kept(tmp_path):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "alias")  # a symlink that stays inside is fine
    assert confine(tmp_path, "a/b.md") == tmp_path / "a" / "b.md"
    assert confine(tmp_path, "alias/b.md") == tmp_path / "alias" / "b.md"


def test_a_symlink_at_the_target_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    root = tmp_path / "out"
    root.mkdir()
    os.symlink(victim, root / "errors.md")
    write_atomic(confine(root, "errors.md"), "new")
    assert victim.read_text() == "keep me"
    assert not (root / "errors.md").is_symlink()
    assert (root / "errors.md").read_text() == "new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "errors.md"
    target.write_text("old")

    def broken(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["errors.md"]


def test_write_tree_checks_every_name_before_writing(tmp_path):
    with pytest.raises(Escape):
        write_tree(tmp_path, {"a.md": "a", "../b.md": "b"})
    assert list(tmp_path.iterdir()) == []


CATALOG = (
    HEAD
    + """
[[errors]]
code = 1
name = "boom"
message = "Boom."

[[targets]]
kind = "docs"
format = "markdown"
output = "docs/errors.md"
"""
)


def test_build_refuses_a_target_folder_symlinked_out(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "proj"
    root.mkdir()
    (root / "errdex.toml").write_text(CATALOG)
    os.symlink(outside, root / "docs")
    result = CliRunner().invoke(cli, ["build", str(root)])
    assert result.exit_code == 2, result.output
    assert "symlink" in result.output and "Traceback" not in result.output
    assert list(outside.iterdir()) == []


def test_gen_replaces_a_symlinked_output_file_instead_of_writing_through_it(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "shop.toml").write_text(CATALOG)
    out = tmp_path / "gen"
    out.mkdir()
    runner = CliRunner()
    args = ["gen", str(tmp_path / "shop.toml"), "--lang", "go", "-o", str(out)]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    (written,) = [p for p in out.rglob("*") if p.is_file()]
    written.unlink()
    os.symlink(victim, written)
    again = runner.invoke(cli, args)
    assert again.exit_code == 0, again.output
    assert victim.read_text() == "keep me"
    assert written.is_file() and not written.is_symlink()
