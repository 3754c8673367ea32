"""``errdex completion``: a script per shell, and the completion protocol it relies on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def _errdex_on_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose ``errdex`` on PATH runs this tree's errdex (as the script calls it)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "errdex"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m errdex "$@"\n')
    wrapper.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("_ERRDEX")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bash_completes_a_command_through_the_loaded_script(tmp_path: Path) -> None:
    script = errdex("completion", "bash").stdout
    # bash calls the function with the command's name, as it does at a <TAB>
    ask = "COMP_WORDS=(errdex sea); COMP_CWORD=1; _errdex_completion errdex; "
    ask += 'printf "%s\\n" "${COMPREPLY[@]}"'
    result = subprocess.run(
        ["bash", "-c", f"{script}\n{ask}"],
        capture_output=True,
        text=True,
        env=_errdex_on_path(tmp_path),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "search" in result.stdout.split()


@pytest.mark.skipif(
    shutil.which("fish") is None, reason="fish is not installed (.ci/run installs it)"
)
def test_fish_completes_a_command_and_an_option(tmp_path: Path) -> None:
    script = tmp_path / "errdex.fish"
    script.write_text(errdex("completion", "fish").stdout)
    result = subprocess.run(
        [
            "fish",
            "--no-config",
            "-c",
            f"source {script}; complete -C 'errdex sea'; complete -C 'errdex search --li'",
        ],
        capture_output=True,
        text=True,
        env=_errdex_on_path(tmp_path),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    words = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert "search" in words and "--limit" in words


@pytest.mark.skipif(
    shutil.which("zsh") is None, reason="zsh is not installed (.ci/run installs it)"
)
def test_zsh_registers_the_script_and_gets_candidates(tmp_path: Path) -> None:
    script = tmp_path / "_errdex.zsh"
    script.write_text(errdex("completion", "zsh").stdout)
    env = _errdex_on_path(tmp_path)
    env["ZDOTDIR"] = str(tmp_path)  # no user zshrc
    loaded = subprocess.run(
        [
            "zsh",
            "-f",
            "-c",
            f"autoload -Uz compinit && compinit -u -D; source {script}; "
            "print -r -- $_comps[errdex]",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "_errdex_completion"
    env.update({"_ERRDEX_COMPLETE": "zsh_complete", "COMP_WORDS": "errdex sea", "COMP_CWORD": "1"})
    answered = subprocess.run(
        ["zsh", "-f", "-c", "errdex"], capture_output=True, text=True, env=env, timeout=60
    )
    assert "search" in answered.stdout.split()
