"""``errdex completion``: a script per shell, and the completion protocol it relies on."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from cli_process import errdex


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
