"""``errdex build``: write the [[targets]] a catalog declares; ``--check`` for CI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogs import AUTH
from errdex.cli.main import cli

CATALOG = (
    AUTH
    + """\

[[targets]]
kind = "code"
lang = "python"
output = "gen/shop_errors.py"

[[targets]]
kind = "code"
lang = "go"
output = "gen/shoperr/errors.go"

[[targets]]
kind = "docs"
format = "json"
output = "docs/errors.json"
"""
)

OUTPUTS = ["docs/errors.json", "gen/shop_errors.py", "gen/shop_errors.pyi", "gen/shoperr/errors.go"]


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    (tmp_path / "errdex.toml").write_text(CATALOG)
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.output


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_check_lists_missing_files_and_writes_nothing(shop: Path) -> None:
    code, out = _run(str(shop), "--check")
    assert code == 1
    for name in OUTPUTS:
        assert f"{name}: missing" in out
    assert _files(shop) == ["errdex.toml"]


def test_build_writes_every_target_then_check_passes(shop: Path) -> None:
    code, out = _run(str(shop))
    assert code == 0, out
    assert _files(shop) == sorted(["errdex.toml", *OUTPUTS])
    assert "package shoperr" in (shop / "gen/shoperr/errors.go").read_text()
    assert json.loads((shop / "docs/errors.json").read_text())["catalog"]["id"] == "shop"
    assert _run(str(shop), "--check")[0] == 0


def test_build_rewrites_only_what_changed(shop: Path) -> None:
    _run(str(shop))
    go = shop / "gen/shoperr/errors.go"
    go_time = go.stat().st_mtime_ns
    catalog = shop / "errdex.toml"
    catalog.write_text(CATALOG.replace("{age} seconds ago", "{age}s ago"))
    code, out = _run(str(catalog), "--check")  # a catalog file works as well as its folder
    assert code == 1
    assert "gen/shop_errors.py: stale: line" in out and "{age}s ago" in out
    assert "errors.go: stale" in out
    _run(str(catalog))
    assert "{age}s ago" in (shop / "gen/shop_errors.py").read_text()
    assert go.stat().st_mtime_ns != go_time
    py_time = (shop / "gen/shop_errors.py").stat().st_mtime_ns
    code, out = _run(str(catalog))
    assert code == 0 and "unchanged" in out
    assert (shop / "gen/shop_errors.py").stat().st_mtime_ns == py_time


def test_a_hand_edit_makes_the_file_stale(shop: Path) -> None:
    _run(str(shop))
    with (shop / "gen/shop_errors.py").open("a") as fh:
        fh.write("# my edit\n")
    code, out = _run(str(shop), "--check")
    assert code == 1 and "gen/shop_errors.py: stale" in out and "lines" in out


def test_broken_catalog_exits_2(shop: Path) -> None:
    (shop / "errdex.toml").write_text(CATALOG + "\nbroken = \n")
    code, out = _run(str(shop), "--check")
    assert code == 2 and "errdex.toml:" in out and "Traceback" not in out


def test_code_target_without_lang_exits_2_with_its_location(shop: Path) -> None:
    (shop / "errdex.toml").write_text(CATALOG + '\n[[targets]]\nkind = "code"\noutput = "x.py"\n')
    code, out = _run(str(shop))
    assert code == 2
    assert "errdex.toml:" in out and "missing `lang`" in out and "= help:" in out
    assert not (shop / "gen").exists()


def test_output_outside_the_catalog_folder_is_refused(shop: Path) -> None:
    extra = '\n[[targets]]\nkind = "docs"\nformat = "json"\noutput = "../escape.json"\n'
    (shop / "errdex.toml").write_text(CATALOG + extra)
    code, out = _run(str(shop))
    assert code == 2 and "inside the catalog's folder" in out
    assert not (shop.parent / "escape.json").exists()


def test_no_targets_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "errdex.toml").write_text('[catalog]\nid = "empty"\n')
    code, out = _run(str(tmp_path), "--check")
    assert code == 0 and "no [[targets]]" in out


def test_docs_targets_go_through_the_doc_generators(shop: Path) -> None:
    extra = '\n[[targets]]\nkind = "docs"\nformat = "markdown"\nstyle = "list"\noutput = "e.md"\n'
    (shop / "errdex.toml").write_text(CATALOG + extra)
    code, out = _run(str(shop))
    assert code == 0, out
    assert "AUTH-ERR-4" in (shop / "e.md").read_text()


def test_an_unwritable_output_exits_2_without_a_traceback(shop: Path) -> None:
    (shop / "docs").write_text("a file where the docs folder should be")
    result = CliRunner().invoke(cli, ["build", str(shop)])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "errdex build: cannot write" in result.output and "docs/errors.json" in result.output


def test_two_targets_writing_one_file_are_refused(shop: Path) -> None:
    extra = '\n[[targets]]\nkind = "docs"\nformat = "csv"\noutput = "docs/errors.json"\n'
    (shop / "errdex.toml").write_text(CATALOG + extra)
    code, out = _run(str(shop))
    assert code == 2 and "also the output of target 3" in out
    assert not (shop / "docs").exists()


def test_a_style_on_a_non_markdown_target_is_refused(shop: Path) -> None:
    extra = '\n[[targets]]\nkind = "docs"\nformat = "myst"\nstyle = "list"\noutput = "e.md"\n'
    (shop / "errdex.toml").write_text(CATALOG + extra)
    code, out = _run(str(shop))
    assert code == 2 and "`style` applies to markdown docs only" in out and "errdex.toml:" in out
