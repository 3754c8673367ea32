"""Run errdex through its real entry point (``python -m errdex``) in a child process.

The CLI tests that are about what a user at a terminal sees (argument order,
stdin, colour, completion, exit codes) run the command this way; the colour
variables of the test run are removed so each test states its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from catalogs import EXAMPLES, ROOT

__all__ = ["EXAMPLES", "ROOT", "errdex", "errdex_into_closed_pipe", "errdex_on_a_terminal"]


def errdex(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m errdex ARGS`` with ``stdin``, extra ``env`` and ``cwd``; text output."""
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "errdex", *args],
        # surrogateescape: bytes that are not UTF-8 (a binary stdin) reach the child unchanged
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else "",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        env=environ,
        cwd=cwd,
        timeout=120,
    )


def errdex_into_closed_pipe(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``python -m errdex ARGS`` with stdout a pipe whose reader has already gone (what
    ``errdex … | head -1`` becomes once ``head`` exits); stderr captured as text."""
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "errdex", *args],
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=environ,
            cwd=cwd,
            timeout=120,
        )
    finally:
        os.close(write_end)


def errdex_on_a_terminal(*args: str, cwd: Path = ROOT) -> tuple[int, bytes, str]:
    """Run ``python -m errdex ARGS`` with stdout a terminal (a pty in raw mode: LF stays LF);
    its exit status, the bytes the terminal received, and stderr."""
    import pty
    import tty

    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ["NO_COLOR"] = "1"
    leader, follower = pty.openpty()
    tty.setraw(follower)
    with subprocess.Popen(
        [sys.executable, "-m", "errdex", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=environ,
        cwd=cwd,
    ) as proc:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(leader)
        stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        code = proc.wait(timeout=120)
    return code, b"".join(chunks), stderr
