"""``--format json`` / ``--json`` and colour, the same for every command (``python -m errdex``)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from cli_process import EXAMPLES, errdex

from catalogs import HEAD

ANSI = "\x1b["


@pytest.mark.parametrize(
    "args",
    [
        ["explain", "1003", "--catalog-path", str(EXAMPLES)],
        ["search", "jwt", "--catalog-path", str(EXAMPLES)],
        ["fmt", "--check", str(EXAMPLES / "zan")],
        ["build", "--check", str(EXAMPLES / "zan")],
    ],
)
def test_format_json_and_its_json_alias_print_the_same_json(args: list[str]) -> None:
    long = errdex(*args, "--format", "json")
    short = errdex(*args, "--json")
    assert long.returncode == short.returncode
    assert orjson.loads(long.stdout) == orjson.loads(short.stdout)


def test_new_reports_the_allocated_code_as_json(tmp_path: Path) -> None:
    catalog = tmp_path / "errdex.toml"
    catalog.write_text(
        HEAD + '\n[spaces.app]\nkind = "app"\n\n'
        '[modules.cart]\nspace = "app"\nrange = [100, 199]\n\n'
        '[[errors]]\ncode = 100\nmodule = "cart"\nname = "cartEmpty"\nmessage = "Empty."\n'
    )
    args = ["new", str(catalog), "-m", "cart", "-n", "cartFull", "--message", "Full."]
    result = errdex(*args, "--json")
    assert result.returncode == 0, result.stderr
    data = orjson.loads(result.stdout)
    assert data["code"] == 101 and data["written"] is True and data["module"] == "cart"
    assert "cartFull" in catalog.read_text()


def test_scan_takes_json_as_an_alias(tmp_path: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text("raise error(1003)\n")
    catalog = str(EXAMPLES / "yuanrong")
    long = errdex("scan", str(source), "-c", catalog, "--format", "json")
    short = errdex("scan", str(source), "-c", catalog, "--json")
    assert orjson.loads(long.stdout) == orjson.loads(short.stdout)


def test_colour_follows_force_color_no_color_and_the_option() -> None:
    args = ["explain", "1003", "--catalog-path", str(EXAMPLES)]
    assert ANSI not in errdex(*args).stdout  # a pipe: no colour
    assert ANSI in errdex(*args, env={"FORCE_COLOR": "1"}).stdout
    assert ANSI not in errdex(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ANSI in errdex(*args, "--color", "always").stdout
    assert ANSI in errdex("--color", "always", *args).stdout
    assert ANSI not in errdex(*args, "--color", "never", env={"FORCE_COLOR": "1"}).stdout
