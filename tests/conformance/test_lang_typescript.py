"""``errdex.conformance.lang_typescript``: tsc found on PATH or in errdex's cache, run by node."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_tools import fake_tools

from errdex.conformance.lang_typescript import FLAGS, tsc_command
from errdex.conformance.toolchain import ToolchainMissing


def test_without_node_nothing_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tools(tmp_path, monkeypatch, tsc="true")
    with pytest.raises(ToolchainMissing, match=r"^node not found on PATH: install Node\.js"):
        tsc_command()


def test_tsc_on_path_first_then_the_cache_folder(tmp_path: Path, monkeypatch) -> None:
    folder = fake_tools(tmp_path, monkeypatch, node="true", tsc="true")
    assert tsc_command() == [str(folder / "tsc")]
    (folder / "tsc").unlink()
    cache = tmp_path / "tsc-cache"
    monkeypatch.setenv("ERRDEX_TSC_DIR", str(cache))
    with pytest.raises(ToolchainMissing, match=rf"npm install --prefix {cache} typescript@5"):
        tsc_command()
    script = cache / "node_modules" / "typescript" / "bin" / "tsc"
    script.parent.mkdir(parents=True)
    script.write_text("")
    assert tsc_command() == [str(folder / "node"), str(script)]


def test_the_generated_code_compiles_under_the_strictest_flags() -> None:
    assert {"--strict", "--noUncheckedIndexedAccess", "--exactOptionalPropertyTypes"} <= set(FLAGS)
