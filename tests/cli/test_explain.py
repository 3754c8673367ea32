"""``errdex explain CODE``: every match grouped, hex and names, states, suggestions, --json."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from catalogs import EXAMPLES, HEAD
from errdex.cli.main import cli

SHOP = (
    HEAD
    + """\

[[errors]]
code = "SHOP-1"
name = "outOfStock"
message = "The item is out of stock."

[[errors]]
code = "SHOP-2"
message = "The old cart API was used."
status = "deprecated"
replaced_by = "SHOP-1"

[[errors]]
code = "SHOP-3"
status = "removed"
reason = "coupons were retired in 2023"
"""
)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["explain", *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def words(text: str) -> str:
    """Text with every run of whitespace as one space (column widths do not matter)."""
    return " ".join(text.split())


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.toml"
    path.write_text(SHOP, encoding="utf-8")
    return path


def test_one_number_shows_both_catalogs() -> None:
    code, out, _ = run("1003", "--catalog-path", str(EXAMPLES))
    assert code == 0
    assert "2 errors in 2 catalogs" in out
    assert out.index("subquery-indexer-proxy") < out.index("yuanrong")
    assert "JWT token create" in out and "Instance not found." in out


def test_429_at_alchemy_is_http_and_jsonrpc() -> None:
    code, out, _ = run("429", "--catalog", "alchemy", "--catalog-path", str(EXAMPLES))
    assert code == 0
    assert "space http" in out and "space jsonrpc" in out and "zan" not in out
    said = words(out)
    assert "JSON-RPC code: 429" in said
    # every entry has a retry line: the HTTP 429 by its status, the JSON-RPC 429 (sent
    # with HTTP 200, which says nothing) without "fix the request" advice
    assert "retry: Safe to retry, with exponential backoff" in said
    assert "this follows from HTTP status 429" in said
    assert said.count("retry: ") == 2 and "HTTP status 200 says nothing" in said


def test_names_case_and_hex_are_accepted() -> None:
    for query, note in (
        ("invalidJWT", "matched by name"),
        ("auth-err-4", "ignoring case"),
        ("0x3EB", "as hex"),
    ):
        code, out, _ = run(query, "--catalog-path", str(EXAMPLES))
        assert code == 0 and note in out, query
    _, out, _ = run("AUTH-ERR-4", "--catalog-path", str(EXAMPLES))
    assert "error[AUTH-ERR-4] invalidJWT" in out and "matched" not in out


def test_locale_shows_the_chinese_text_first() -> None:
    code, out, _ = run("AUTH-ERR-4", "--locale", "zh-CN", "--catalog-path", str(EXAMPLES))
    assert code == 0
    assert out.index("令牌") < out.index("Translations") < out.index("[en] description")


def test_unknown_code_exits_1_with_suggestions() -> None:
    code, out, _ = run("10003", "--catalog-path", str(EXAMPLES))
    assert code == 1
    assert "unknown code: 10003" in out and "did you mean" in out and "1003" in out


def test_an_empty_code_is_a_usage_error_and_a_huge_one_is_clipped() -> None:
    code, _, err = run("  ", "--catalog-path", str(EXAMPLES))
    assert code == 2 and "CODE is empty" in err
    code, out, _ = run("9" * 5000, "--catalog-path", str(EXAMPLES))
    assert code == 1 and "unknown code" in out and len(out) < 500


def test_deprecated_and_removed_are_explained(shop: Path) -> None:
    code, out, _ = run("shop-2", "--catalog-path", str(shop))
    assert code == 0 and "DEPRECATED" in out and "replaced by: SHOP-1 — outOfStock" in words(out)
    code, out, _ = run("SHOP-3", "--catalog-path", str(shop))
    assert code == 0 and "REMOVED" in out and "coupons were retired in 2023" in out


def test_json_output_for_scripts() -> None:
    code, out, _ = run("1003", "--json", "--catalog-path", str(EXAMPLES))
    data = orjson.loads(out)
    assert code == 0 and data["found"] is True
    assert [(m["catalog"], m["space"], m["code"]) for m in data["matches"]] == [
        ("subquery-indexer-proxy", "app", 1003), ("yuanrong", "sdk", 1003),
    ]  # fmt: skip
    code, out, _ = run("nope-nope", "--json", "--catalog-path", str(EXAMPLES))
    assert code == 1 and orjson.loads(out)["found"] is False


def test_catalog_texts_are_not_read_as_markup(tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(
        '[catalog]\nid = "m"\n\n[[errors]]\ncode = 1\nmessage = "[bold]x[/bold] [link=y]z[/link]"\n'
    )
    _, out, _ = run("1", "--catalog-path", str(path))
    assert "[bold]x[/bold] [link=y]z[/link]" in out


def test_registry_comes_from_the_environment(tmp_path: Path, shop: Path) -> None:
    code, out, _ = run("SHOP-1", env={"ERRDEX_CATALOGS": str(shop)})
    assert code == 0 and "outOfStock" in out


def test_broken_catalogs_are_reported_and_the_rest_used(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[catalog\n", encoding="utf-8")
    code, out, err = run(
        "1003", "--catalog-path", str(EXAMPLES / "yuanrong"), "--catalog-path", str(bad)
    )
    assert code == 0 and "Instance not found." in out
    assert "bad.toml:1:" in err and "left out" in err


def test_no_usable_catalog_and_unknown_catalog_exit_2(tmp_path: Path) -> None:
    code, _, err = run("1", "--catalog-path", str(tmp_path / "missing.toml"))
    assert code == 2 and "no catalogs" in err
    code, _, err = run("1", "--catalog", "nope", "--catalog-path", str(EXAMPLES))
    assert code == 2 and "no catalog 'nope'" in err and "csghub" in err


@pytest.mark.parametrize(
    ("option", "value", "listed", "close"),
    [
        ("--space", "nope", "jsonrpc", None),
        ("--space", "htpp", "jsonrpc", "http"),
        ("--catalog", "za", "csghub", "zan"),
        ("--locale", "../x", "zh-CN", None),
    ],
)
def test_an_unknown_filter_value_is_bad_usage_naming_it(
    option: str, value: str, listed: str, close: str | None
) -> None:
    """As ``errdex search`` does: not "unknown code" (exit 1) for a mistyped filter."""
    from cli_process import errdex

    result = errdex("explain", "1003", option, value, "--catalog-path", str(EXAMPLES))
    assert result.returncode == 2, result.stderr
    kind = option[2:]
    assert f"errdex explain: no {kind} {value!r}" in result.stderr
    assert listed in result.stderr and "= help:" in result.stderr
    assert "unknown code" not in result.stdout
    if close is not None:
        assert f"did you mean {close!r}?" in result.stderr and f"{option} {close}" in result.stderr
    else:
        assert "did you mean" not in result.stderr
