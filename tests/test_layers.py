"""The layer table of DESIGN.md holds in code: import-linter's contracts in pyproject.toml.

The same check CI runs (``lint-imports``): every contract kept on this tree,
and an upward import or an import circle breaks the build naming both modules.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("importlinter", reason="import-linter (the test extra) is not installed")

ROOT = Path(__file__).resolve().parents[1]
_LINT = "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()"


def _lint(src: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _LINT, "--no-cache", "--no-logo", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env={"PYTHONPATH": str(src), "PATH": "", "HOME": str(cwd)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_import_contract_is_kept() -> None:
    run = _lint(ROOT / "src", ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout


def test_the_contract_lists_the_layers() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for layer in ("errdex.cli", "errdex.integrations", "errdex.directory", "errdex.runtime"):
        assert f'"{layer}' in text or f" {layer}" in text
    assert 'type = "layers"' in text and 'type = "acyclic_siblings"' in text


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "src" / "errdex", tmp_path / "src" / "errdex")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


def test_an_upward_import_fails_naming_importer_and_imported(copy: Path) -> None:
    _append(copy / "src/errdex/model/codes.py", "import errdex.cli.main  # noqa")
    run = _lint(copy / "src", copy)
    assert run.returncode != 0
    assert "errdex.model is not allowed to import errdex.cli" in run.stdout
    assert "errdex.model.codes -> errdex.cli.main" in run.stdout


def test_runtime_reading_files_fails(copy: Path) -> None:
    _append(copy / "src/errdex/runtime/text.py", "import errdex.io.read  # noqa")
    run = _lint(copy / "src", copy)
    assert run.returncode != 0
    assert "errdex.runtime.text -> errdex.io.read" in run.stdout


def test_an_import_circle_fails(copy: Path) -> None:
    _append(copy / "src/errdex/model/codes.py", "import errdex.model.types  # noqa")
    run = _lint(copy / "src", copy)
    assert run.returncode != 0
    assert "No cycles are allowed in errdex.model" in run.stdout
