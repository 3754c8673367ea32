"""``errdex.conformance.lang_rust``: generated Rust built by rustc alone, warnings as errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_tools import fake_tools

import errdex
from catalogs import SHOP
from errdex.conformance.lang_rust import RustToolchain
from errdex.conformance.toolchain import DriverFailed, ToolchainMissing


def test_no_rustc_names_the_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tools(tmp_path, monkeypatch)
    with pytest.raises(ToolchainMissing, match=r"^rustc not found on PATH: install Rust"):
        RustToolchain().prepare(errdex.loads(SHOP), tmp_path)


def test_the_build_writes_the_sources_and_runs_rustc_strictly(tmp_path: Path, monkeypatch) -> None:
    log = tmp_path / "argv"
    fake_tools(tmp_path, monkeypatch, rustc=f'echo "$@" > {log}; : > driver')
    work = tmp_path / "work"
    work.mkdir()
    argv = RustToolchain().prepare(errdex.loads(SHOP), work)
    assert argv == [str(work / "driver")]
    assert "pub" in (work / "gen.rs").read_text() and (work / "main.rs").is_file()
    assert log.read_text().split() == [
        "--edition",
        "2021",
        "-D",
        "warnings",
        "-o",
        "driver",
        "main.rs",
    ]


def test_a_failing_rustc_is_a_driver_failure_with_its_output(tmp_path: Path, monkeypatch) -> None:
    fake_tools(tmp_path, monkeypatch, rustc="echo 'error[E0425]: nope' >&2; exit 1")
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(DriverFailed, match=r"failed \(exit 1\):\nerror\[E0425\]: nope"):
        RustToolchain().prepare(errdex.loads(SHOP), work)
