"""Catalog text with terminal escapes (ESC/CSI, OSC, BEL, C1, bidi) never reaches the terminal
raw in ``explain`` and ``search``: it is shown as visible escapes (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE = {
    "csi": "\x1b[2J\x1b[31m",  # clear screen, red
    "osc": "\x1b]0;pwned\x07",  # window title, ended by BEL
    "osc8": "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # hyperlink
    "c1": "\x9b31m\x9d0;t\x9c",  # C1 CSI / OSC / ST
    "bidi": "\u202eevil\u202c",
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    errors = []
    for i, (kind, seq) in enumerate(HOSTILE.items(), 1):
        errors.append(
            {
                "code": i,
                "name": f"hostile{kind.capitalize()}",
                "title": f"Title {seq} quota",
                "message": f"Quota {seq} exceeded",
                "description": f"Text with {kind}: {seq} quota end.",
                "solution": f"Fix {seq}",
            }
        )
    data = {"catalog": {"id": "hostile"}, "spaces": {"app": {"kind": "app"}}, "errors": errors}
    path = tmp_path_factory.mktemp("hostile") / "errdex.json"
    path.write_text(json.dumps(data))
    return path


def errdex(*args: str) -> str:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-m", "errdex", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout + done.stderr


def _raw_controls(out: str) -> list[str]:
    bad = [
        ch
        for ch in out
        if ch in "\x07\x9b\x9c\x9d\u202e\u202c" or ("\x00" <= ch < " " and ch not in "\n\t")
    ]
    return bad


@pytest.mark.parametrize("code", ["1", "2", "3", "4", "5"])
def test_explain_shows_escapes_visibly_never_raw(catalog: Path, code: str) -> None:
    out = errdex("explain", code, "--catalog-path", str(catalog))
    assert _raw_controls(out) == []
    assert "\\x1b" in out or "\\x9b" in out or "\\u202e" in out


def test_search_snippets_and_heads_are_safe_and_keep_their_marks(catalog: Path) -> None:
    out = errdex("search", "quota", "--catalog-path", str(catalog), "--limit", "10")
    assert _raw_controls(out) == [] and "\\x1b" in out and "\\u202e" in out
    colored = errdex("search", "quota", "--catalog-path", str(catalog), "--color", "always")
    assert "\x1b]" not in colored and "\x07" not in colored and "\x1b[2J" not in colored
    assert "\x1b[" in colored  # errdex's own styling still reaches the terminal


def test_json_output_escapes_controls_for_scripts(catalog: Path) -> None:
    out = errdex("search", "quota", "--catalog-path", str(catalog), "--json")
    assert "\x1b" not in out and json.loads(out)["total"] == 5


def errdex_on_a_terminal(*args: str) -> str:
    """``errdex ARGS`` with stdout a terminal (a pty in raw mode: LF stays LF)."""
    import os
    import pty
    import tty

    master, slave = pty.openpty()
    tty.setraw(slave)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path), "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "errdex", *args], stdout=slave, stderr=subprocess.PIPE, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert proc.wait(timeout=120) == 0, proc.stderr.read() if proc.stderr else ""
    return b"".join(chunks).decode("utf-8")


REVIEW = Path(__file__).parents[1] / "convert" / "fixtures" / "review"


@pytest.mark.parametrize("fmt", ["markdown", "myst", "rst", "html", "json", "csv", "openapi"])
def test_export_on_a_terminal_shows_escapes_visibly_never_raw(catalog: Path, fmt: str) -> None:
    for path in (catalog, REVIEW):
        out = errdex_on_a_terminal("export", str(path), "--format", fmt)
        assert [ch for ch in _raw_controls(out) if ch != "\r" or fmt != "csv"] == [], path
        # a document shows them as a page does; JSON and CSV are data, escaped on a terminal
        assert ("⟨U+202E⟩" if fmt in ("markdown", "myst", "rst", "html") else "\\u202e") in out


@pytest.mark.parametrize("fmt", ["markdown", "myst", "rst", "html"])
def test_export_of_a_document_into_a_pipe_holds_no_raw_control_either(
    catalog: Path, fmt: str
) -> None:
    out = errdex("export", str(REVIEW), "--format", fmt)
    assert _raw_controls(out) == [] and "␛" in out and "⟨U+202E⟩" in out
