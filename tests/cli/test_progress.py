"""Progress bars of long work (check, fmt, import, export, build, build --site, search and
explain indexing, scan), through the real entry point: on stderr only when it is a terminal (a
pseudo-terminal here) or FORCE_COLOR says so, never in stdout, a pipe or ``--format json``, and
only after the delay.

``ERRDEX_PROGRESS_DELAY`` sets the delay: 0 shows the bar at once (so small work shows
it, whatever the speed of the machine), a long one shows nothing; no test times anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "convert" / "importers" / "fixtures"
SCANNED = ROOT / "tests" / "check" / "scan" / "fixtures" / "subquery-proxy"
HIDE_CURSOR = b"\x1b[?25l"  # rich hides the cursor while its bar is live

CATALOG = """\
[catalog]
id = "shop"

[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"
message = "The token expired {age} seconds ago."

[[targets]]
kind = "code"
lang = "python"
output = "gen/shop_errors.py"

[[targets]]
kind = "docs"
format = "markdown"
output = "docs/errors.md"
"""


def _env(delay: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return {**env, "ERRDEX_PROGRESS_DELAY": delay, "COLUMNS": "100", **extra}


def _on_terminal(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, bytes, bytes]:
    """Run ``errdex ARGS`` with stderr on a pseudo-terminal: exit code, stdout, terminal."""
    import pty

    leader, follower = pty.openpty()
    cmd = [sys.executable, "-m", "errdex", *args]
    with subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=follower) as proc:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        assert proc.stdout is not None
        out = proc.stdout.read()
        code = proc.wait(timeout=600)
    os.close(leader)
    return code, out, seen


def _piped(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "errdex", *args]
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, timeout=600)


DOCUMENTS = {
    "errors.json": '[{"code": 1001, "message": "Token expired."},\n {"code": 1002}]\n',
    "errors.md": "# Errors\n\n| Code | Message |\n| --- | --- |\n| 1001 | Token expired. |\n",
    "errors.csv": "code,message\n1001,Token expired.\n1002,Account locked.\n",
}
"""One small document per importer: the bar counts their records (objects, rows, lines)."""


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    (tmp_path / "errdex.toml").write_text(CATALOG, encoding="utf-8")
    for name, text in DOCUMENTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


COMMANDS = {
    "check": (["check", str(EXAMPLES / "zan")], b"Checking"),
    "fmt": (["fmt", "--check", str(EXAMPLES / "zan")], b"Verifying the formatted catalog"),
    "import": (["import", str(FIXTURES / "json" / "nats_server_errors.json")], b"Importing"),
    "build": (["build", "--check", "."], b"Generating"),
    "export": (["export", str(EXAMPLES / "zan"), "--format", "markdown"], b"Writing markdown"),
    "site": (["build", "--site", "site", "."], b"Building the site"),
    # the first label of each bar is drawn when the bar starts; what a document's importer
    # counts inside it is tested on the importer (tests/convert/importers/test_progress.py)
    "import-markdown": (["import", "errors.md"], b"Importing errors.md"),
    # the search index is built (and counted) on first use; loading the catalogs comes first
    "search": (["search", "token", "--catalog-path", ".", "--no-cache"], b"Indexing"),
    "search-reading": (
        ["search", "token", "--catalog-path", ".", "--no-cache"],
        b"Reading the catalogs",
    ),
    "explain": (["explain", "nosuch", "--catalog-path", ".", "--no-cache"], b"Looking up nosuch"),
    "scan": (["scan", str(SCANNED / "src"), "--catalog", str(SCANNED)], b"Scanning"),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_bar_shows_on_a_terminal_and_never_in_stdout(name: str, shop: Path) -> None:
    args, label = COMMANDS[name]
    code, out, seen = _on_terminal(args, _env("0"), shop)
    piped = _piped(args, _env("0"), shop)
    assert label in seen and HIDE_CURSOR in seen
    # stdout is the same bytes as without a terminal, and carries nothing of the bar
    assert (code, out) == (piped.returncode, piped.stdout)
    assert label not in out and b"\x1b" not in out
    # a pipe sees no bar at all, even with no delay
    assert label not in piped.stderr and HIDE_CURSOR not in piped.stderr


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_work_quicker_than_the_delay_shows_nothing(name: str, shop: Path) -> None:
    args, label = COMMANDS[name]
    _, _, seen = _on_terminal(args, _env("600"), shop)
    assert label not in seen and HIDE_CURSOR not in seen


def test_force_color_shows_the_bar_in_a_pipe_but_never_with_format_json(shop: Path) -> None:
    args = ["check", str(EXAMPLES / "zan")]
    forced = _piped(args, _env("0", FORCE_COLOR="1"), shop)
    assert b"Checking" in forced.stderr and b"Checking" not in forced.stdout
    for args in (
        ["fmt", "--check", "--format", "json", str(EXAMPLES / "zan")],
        ["import", "--format", "json", str(FIXTURES / "json" / "nats_server_errors.json")],
        ["build", "--check", "--format", "json", "."],
        ["export", str(EXAMPLES / "zan"), "--format", "json"],
        ["import", "--format", "json", "errors.md"],
        ["search", "--format", "json", "token", "--catalog-path", ".", "--no-cache"],
        ["explain", "--format", "json", "nosuch", "--catalog-path", ".", "--no-cache"],
        ["scan", "--format", "json", str(SCANNED / "src"), "--catalog", str(SCANNED)],
    ):
        result = _piped(args, _env("0", FORCE_COLOR="1"), shop)
        json.loads(result.stdout)  # the whole of stdout is the JSON
        assert HIDE_CURSOR not in result.stderr, args
        code, out, seen = _on_terminal(args, _env("0"), shop)
        assert code == result.returncode, args
        assert HIDE_CURSOR not in seen and out == result.stdout, args
    for fmt in ("json", "sarif"):
        result = _piped(["check", "--format", fmt, str(EXAMPLES / "zan")], _env("0"), shop)
        _, out, seen = _on_terminal(
            ["check", "--format", fmt, str(EXAMPLES / "zan")], _env("0"), shop
        )
        assert HIDE_CURSOR not in seen and out == result.stdout


def test_a_file_name_in_the_bar_is_shown_safe_and_never_read_as_markup() -> None:
    from rich.console import Console
    from rich.text import Text

    from errdex.cli.output import _shown

    label = _shown("Reading cat[bold]\x1b[31m/errdex.toml")
    console = Console(record=True, width=200, color_system=None)
    console.print(Text.from_markup(label))  # how rich reads a task description
    assert console.export_text().strip() == "Reading cat[bold]\\x1b[31m/errdex.toml"
