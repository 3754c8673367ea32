"""``errdex export PATH --format json``: canonical JSON on stdout or atomically to a file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

import errdex
from catalogs import AUTH, EXAMPLES, HEAD
from errdex.cli.main import cli

CATALOG = AUTH + 'translations.zh-CN.message = "令牌已于 {age} 秒前过期。"\n'
BROKEN = HEAD + '\n[[errors]]\ncode = 1\nhttp_status = "404"\n'


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.toml"
    path.write_text(CATALOG, encoding="utf-8")
    return path


def test_export_prints_canonical_json_that_loads_back(shop: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(shop), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout_bytes)
    assert data["catalog"]["id"] == "shop"
    (entry,) = data["errors"]
    assert (entry["code"], entry["module"], entry["http_status"]) == ("AUTH-ERR-4", "auth", 401)
    assert entry["translations"]["zh-CN"]["message"] == "令牌已于 {age} 秒前过期。"
    assert errdex.loads(result.stdout_bytes.decode(), "json") == errdex.load(shop)


def test_json_is_the_default_format(shop: Path) -> None:
    runner = CliRunner()
    default = runner.invoke(cli, ["export", str(shop)])
    explicit = runner.invoke(cli, ["export", str(shop), "--format", "json"])
    assert default.exit_code == 0
    assert default.stdout_bytes == explicit.stdout_bytes


@pytest.mark.parametrize("example", sorted(p.parent.name for p in EXAMPLES.glob("*/errdex.toml")))
def test_every_example_exports_and_re_exports_byte_identically(
    example: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["export", str(EXAMPLES / example)])
    assert first.exit_code == 0, first.output
    again = tmp_path / "again.json"
    again.write_bytes(first.stdout_bytes)
    second = runner.invoke(cli, ["export", str(again)])
    assert second.exit_code == 0, second.output
    assert second.stdout_bytes == first.stdout_bytes


def test_output_file_is_written_and_nothing_is_printed(shop: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "shop.json"  # the folder is created
    result = CliRunner().invoke(cli, ["export", str(shop), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert errdex.load(out) == errdex.load(shop)
    assert sorted(p.name for p in out.parent.iterdir()) == ["shop.json"]  # no temporary left
    assert out.stat().st_mode & 0o777 == 0o644


def test_output_file_replaces_the_old_one_keeping_its_mode(shop: Path, tmp_path: Path) -> None:
    out = tmp_path / "shop.json"
    out.write_text("old")
    os.chmod(out, 0o600)
    result = CliRunner().invoke(cli, ["export", str(shop), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert orjson.loads(out.read_bytes())["catalog"]["id"] == "shop"
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_broken_catalog_exits_2_with_the_place_and_leaves_the_output_alone(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BROKEN)
    out = tmp_path / "out.json"
    out.write_text("previous export")
    result = CliRunner().invoke(cli, ["export", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{bad}:6:1: error[E003 wrong-type]: 'http_status' is a string" in result.stderr
    assert "= help: write http_status as an integer" in result.stderr
    assert out.read_text() == "previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml", "out.json"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.toml", None, "missing.toml: error[E006 unreadable]: no such file or folder"),
        ("syntax.toml", '[catalog]\nid = "x\n', "syntax.toml:2:8: error[E001 syntax]"),
        ("syntax.json", '{"catalog": }', "syntax.json:1:13: error[E001 syntax]"),
        ("list.yaml", "- a\n", "list.yaml:1:1: error[E003 wrong-type]"),
    ],
)
def test_unreadable_input_exits_2_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: str | None, expected: str
) -> None:
    if content is not None:
        (tmp_path / name).write_text(content)
    monkeypatch.chdir(tmp_path)
    # a real process: what a user's shell shows
    proc = subprocess.run(
        [sys.executable, "-m", "errdex", "export", name],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"errdex export: cannot load {name}\n  = help: fix the errors above" in proc.stderr


def test_an_unknown_format_is_a_usage_error(shop: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(shop), "--format", "xml"])
    assert result.exit_code == 2
    assert "errdex export: invalid value for '--format'" in result.stderr


def test_an_output_that_cannot_be_written_exits_2_without_a_traceback(
    shop: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["export", str(shop), "-o", str(blocker / "out.json")])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"errdex export: cannot write {blocker / 'out.json'}" in result.stderr
    assert "= help:" in result.stderr


def test_a_locale_that_is_no_language_tag_is_bad_usage() -> None:
    from cli_process import EXAMPLES, errdex

    done = errdex("export", str(EXAMPLES / "csghub"), "--format", "markdown", "--locale", "../x")
    assert done.returncode == 2 and done.stdout == ""
    assert "errdex export: --locale '../x' is not a BCP 47 language tag" in done.stderr
    assert "= help: give a tag such as en or zh-CN" in done.stderr
    assert "Traceback" not in done.stderr
    ok = errdex("export", str(EXAMPLES / "csghub"), "--format", "markdown", "--locale", "fr")
    assert ok.returncode == 0 and "does not promise locale 'fr'" in ok.stderr
