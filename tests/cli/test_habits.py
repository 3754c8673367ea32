"""CLI habits through the real entry point (``python -m errdex``): negative codes, ``-`` for
stdin, "did you mean", ``--format json`` / ``--json``, colour, completion, exit codes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ANSI = "\x1b["


def errdex(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "errdex", *args],
        input=stdin.decode() if stdin is not None else "",
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd,
        timeout=120,
    )


def test_negative_codes_are_plain_arguments() -> None:
    explained = errdex("explain", "-32000", "--catalog-path", str(EXAMPLES))
    assert explained.returncode == 0, explained.stderr
    assert "error[-32000]" in explained.stdout and "zan" in explained.stdout
    found = errdex("search", "-32000", "--json", "--catalog-path", str(EXAMPLES))
    data = orjson.loads(found.stdout)
    assert {h["code"] for h in data["hits"][:3]} == {-32000}
    before = errdex("explain", "--catalog", "zan", "-32000", "--catalog-path", str(EXAMPLES))
    assert before.returncode == 0 and "Unauthorized" in before.stdout
    hexed = errdex("explain", "-0x7D00", "--catalog-path", str(EXAMPLES), "--json")
    assert hexed.returncode == 0 and orjson.loads(hexed.stdout)["matches"]


def test_an_option_value_that_looks_negative_stays_the_options() -> None:
    result = errdex("search", "limit", "--offset", "-1", "--catalog-path", str(EXAMPLES))
    assert result.returncode == 2 and "-1" in result.stderr  # --offset refuses it, as before


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = errdex("serch", "jwt")
    assert result.returncode == 2
    assert "did you mean 'search'" in result.stderr
    assert "Traceback" not in result.stderr


def test_dash_reads_the_catalog_from_stdin() -> None:
    text = (EXAMPLES / "alchemy" / "errdex.toml").read_bytes()
    checked = errdex("check", "-", stdin=text)
    assert checked.returncode in (0, 1) and "<stdin>" in checked.stdout + checked.stderr
    exported = errdex("export", "-", "--format", "json", stdin=text)
    assert orjson.loads(exported.stdout)["catalog"]["id"] == "alchemy"
    assert errdex("hash", "-", "1", stdin=text).stdout.strip()
    explained = errdex("explain", "102", "--catalog-path", "-", stdin=text)
    assert "Gas too low" in explained.stdout
    formatted = errdex("fmt", "-", stdin=text)
    assert formatted.returncode == 0 and formatted.stdout == text.decode()


def test_fmt_dash_prints_the_formatted_text_and_check_exits_1() -> None:
    messy = (
        b'[catalog]\nid = "x"\n\n[spaces.app]\nkind = "app"\n\n'
        b'[[errors]]\nmessage = "Hi."\ncode = 1\n'
    )
    checked = errdex("fmt", "--check", "-", stdin=messy)
    assert checked.returncode == 1 and "<stdin> would be reformatted" in checked.stderr
    out = errdex("fmt", "-", stdin=messy)
    assert out.returncode == 0 and out.stdout.index("code = 1") < out.stdout.index("message")


def test_bad_stdin_is_a_located_diagnostic_exit_2() -> None:
    result = errdex("export", "-", "--format", "json", stdin=b"[catalog\nid=1\n")
    assert result.returncode == 2
    assert result.stderr.startswith("<stdin>:1:") and "Traceback" not in result.stderr


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
        '[catalog]\nid = "shop"\n\n[spaces.app]\nkind = "app"\n\n'
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


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_are_printed_for_each_shell(shell: str) -> None:
    result = errdex("completion", shell)
    assert result.returncode == 0 and "_ERRDEX_COMPLETE" in result.stdout


def test_the_completion_protocol_completes_commands_and_options() -> None:
    env = {"_ERRDEX_COMPLETE": "bash_complete", "COMP_WORDS": "errdex sea", "COMP_CWORD": "1"}
    assert "search" in errdex(env=env).stdout
    env = {
        "_ERRDEX_COMPLETE": "bash_complete",
        "COMP_WORDS": "errdex search --li",
        "COMP_CWORD": "2",
    }
    assert "--limit" in errdex(env=env).stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_bash_script_loads_in_bash() -> None:
    script = errdex("completion", "bash").stdout
    result = subprocess.run(
        ["bash", "-c", script + "\ncomplete -p errdex"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "_errdex_completion" in result.stdout


def test_exit_codes_follow_one_rule() -> None:
    assert errdex("explain", "1003", "--catalog-path", str(EXAMPLES)).returncode == 0
    assert errdex("explain", "987654", "--catalog-path", str(EXAMPLES)).returncode == 1
    assert errdex("search", "zzzqqq", "--catalog-path", str(EXAMPLES)).returncode == 1
    assert errdex("search", "x", "--limit", "0").returncode == 2
    assert errdex("export", "/nonexistent/errdex.toml").returncode == 2
