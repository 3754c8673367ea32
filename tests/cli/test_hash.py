"""``errdex hash PATH CODE``: the source_hash a translation of CODE records, or a clean refusal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from catalogs import HEAD
from errdex.cli.main import cli
from errdex.model import source_hash

CATALOG = (
    HEAD
    + """\

[spaces.app]
[spaces.rpc]
kind = "jsonrpc"

[[errors]]
code = 1
name = "tokenExpired"
space = "app"
message = "The token expired."
solution = "Log in again."

[[errors]]
code = 1
space = "rpc"
message = "Invalid token."

[errors.translations.zh-CN]
message = "令牌无效。"
source_hash = "000000000000"
"""
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["hash", *args])


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.toml"
    path.write_text(CATALOG, encoding="utf-8")
    return path


def test_hash_prints_the_hash_of_the_current_source_texts(shop: Path) -> None:
    result = run(str(shop), "tokenExpired")
    assert result.exit_code == 0
    assert result.stdout == source_hash("The token expired.", None, "Log in again.") + "\n"
    assert run(str(shop), "1", "--space", "rpc").stdout.strip() == source_hash(
        "Invalid token.", None, None
    )


def test_the_printed_hash_is_what_silences_a_stale_translation(shop: Path) -> None:
    fresh = run(str(shop), "1", "--space", "rpc").stdout.strip()
    shop.write_text(CATALOG.replace("000000000000", fresh), encoding="utf-8")
    checked = CliRunner().invoke(cli, ["check", "--select", "W302", str(shop)])
    assert checked.exit_code == 0 and "W302" not in checked.stdout


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ("1",),
            "errdex hash: code 1 exists in several spaces ('app', 'rpc')",
            "= help: add --space app",
        ),
        (
            ("404",),
            "errdex hash: catalog 'shop' has no error '404'",
            "= help: pass a code or a name",
        ),
    ],
)
def test_an_unknown_or_ambiguous_code_exits_2_with_a_hint(
    shop: Path, args: tuple[str, ...], message: str, hint: str
) -> None:
    result = run(str(shop), *args)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert message in result.stderr and hint in result.stderr


def test_a_catalog_that_does_not_load_exits_2_with_its_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[catalog]\nid = "x"\n[[errors]]\ncode = 1.5\n', encoding="utf-8")
    result = run(str(bad), "1")
    assert result.exit_code == 2
    assert "bad.toml:4:1: error[E003 wrong-type]" in result.stderr
