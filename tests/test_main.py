"""``python -m errdex``: the same command line as the ``errdex`` script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from catalogs import EXAMPLES
from errdex._version import __version__


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "errdex", *args], capture_output=True, text=True, timeout=120
    )


def test_version_and_help() -> None:
    done = run("--version")
    assert done.returncode == 0 and __version__ in done.stdout
    assert "Usage:" in run("--help").stdout


def test_a_command_runs_and_its_exit_code_is_the_processs(tmp_path: Path) -> None:
    assert run("check", str(EXAMPLES / "zan")).returncode in (0, 1)  # warnings: 1 at most
    missing = run("check", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2 and "no such file" in missing.stderr + missing.stdout
    assert "Traceback" not in missing.stderr
