"""Every file-system oddity in place of a catalog file or folder is a located E006, exit 2.

Nothing is skipped silently and nothing blocks: a FIFO is never opened, a
device never read. Tests run as root, where permissions do not refuse a read,
so refusals are simulated by making ``os.open`` and ``os.scandir`` raise.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogs import HEAD
from errdex.cli.main import cli
from errdex.io import read

MAIN = HEAD + '\n[modules.auth]\nprefix = "A-"\n'
MODULE = '[[errors]]\ncode = "A-1"\nname = "a1"\nmessage = "One."\n'


def _catalog(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    (root / "modules").mkdir(parents=True)
    (root / "errdex.toml").write_text(MAIN)
    (root / "modules" / "auth.toml").write_text(MODULE)
    return root


def _e006(diagnostics):
    return [d for d in diagnostics if d.rule.id == "E006"]


def _odd(kind: str, place: Path) -> None:
    if kind == "fifo":
        os.mkfifo(place)
    elif kind == "dangling":
        os.symlink(place.parent / "nowhere.toml", place)
    elif kind == "folder":
        place.mkdir()
    elif kind == "dev-zero":
        os.symlink("/dev/zero", place)
    elif kind == "loop":
        os.symlink(place, place)


ODD = {
    "fifo": "FIFO",
    "dangling": "does not exist",
    "folder": "is a folder",
    "dev-zero": "character device",
    "loop": "symlink loop",
}


@pytest.mark.parametrize("kind", sorted(ODD))
def test_an_odd_module_file_is_reported_not_skipped(tmp_path, kind):
    root = _catalog(tmp_path)
    place = root / "modules" / "odd.toml"
    _odd(kind, place)
    catalog, diagnostics = read(root)
    (problem,) = _e006(diagnostics)
    assert ODD[kind] in problem.message and "odd.toml" in problem.message
    assert catalog is not None and len(catalog.entries) == 1  # the good module still loads


@pytest.mark.parametrize("kind", sorted(ODD))
def test_an_odd_catalog_path_is_reported(tmp_path, kind):
    place = tmp_path / "errdex.toml"
    _odd(kind, place)
    catalog, diagnostics = read(place)
    assert catalog is None
    (problem,) = _e006(diagnostics)
    said = "holds no errdex.toml" if kind == "folder" else ODD[kind]  # a folder is a catalog folder
    assert said in problem.message


@pytest.mark.parametrize("kind", sorted(ODD))
def test_check_exits_2_on_every_oddity(tmp_path, kind):
    root = _catalog(tmp_path)
    _odd(kind, root / "modules" / "odd.toml")
    result = CliRunner().invoke(cli, ["check", str(root)])
    assert result.exit_code == 2, result.output
    assert "odd.toml" in result.output and "Traceback" not in result.output


def test_a_fifo_as_the_catalog_path_does_not_hang_the_command(tmp_path):
    fifo = tmp_path / "errdex.toml"
    os.mkfifo(fifo)
    for command in (["check"], ["export", "--format", "json"], ["fmt", "--check"]):
        run = subprocess.run(
            [sys.executable, "-m", "errdex", *command, str(fifo)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert run.returncode == 2, (command, run.stderr)
        assert "Traceback" not in run.stderr
        if command[0] != "fmt":  # fmt (io/fmt) names the file without saying what it is
            assert "FIFO" in run.stderr + run.stdout


def test_a_locales_file_where_a_folder_belongs(tmp_path):
    root = _catalog(tmp_path)
    (root / "locales").write_text("zh-CN")
    _, diagnostics = read(root)
    (problem,) = _e006(diagnostics)
    assert "locales" in problem.message and "expected a folder" in problem.message


def test_a_main_file_that_is_a_folder(tmp_path):
    root = tmp_path / "shop"
    (root / "errdex.toml").mkdir(parents=True)
    catalog, diagnostics = read(root)
    assert catalog is None
    assert "is a folder, expected a file" in _e006(diagnostics)[0].message


def test_an_unlistable_modules_folder(tmp_path, monkeypatch):
    root = _catalog(tmp_path)
    real = os.scandir

    def refuse(path="."):
        if Path(path).name == "modules":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refuse)
    _, diagnostics = read(root)
    (problem,) = _e006(diagnostics)
    assert "cannot list" in problem.message and "permission denied" in problem.message
    assert "modules" in problem.message


def test_an_unreadable_file_in_every_command(tmp_path, monkeypatch):
    root = _catalog(tmp_path)
    real = os.open

    def refuse(path, flags, *args, **kwargs):
        if str(path).endswith("auth.toml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    runner = CliRunner()
    for command in (
        ["check", str(root)],
        ["export", str(root), "--format", "json"],
        ["gen", str(root), "--lang", "python", "-o", str(tmp_path / "gen")],
        ["hash", str(root), "A-1"],
    ):
        result = runner.invoke(cli, command)
        assert result.exit_code == 2, (command, result.output)
        assert "permission denied" in result.output and "auth.toml" in result.output, command
        assert result.exception is None or isinstance(result.exception, SystemExit), command
