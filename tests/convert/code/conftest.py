"""Toolchain fixtures for the generated-code tests.

Each fixture returns the path of a real compiler, or skips the test with the
missing tool named and how to install it. TypeScript's ``tsc`` is looked up
on PATH, then in ``$ERRDEX_TSC_DIR`` (default ``~/.cache/errdex/tsc``, where
``.ci/run`` installs it with ``npm install --prefix``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

TSC_DIR = Path(os.environ.get("ERRDEX_TSC_DIR", Path.home() / ".cache" / "errdex" / "tsc"))


def _need(tool: str, how: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} not found on PATH: {how}")
    return path


@pytest.fixture(scope="session")
def tsc() -> list[str]:
    """The command running the TypeScript compiler (with node)."""
    node = _need("node", "install Node.js (apt-get install nodejs npm)")
    on_path = shutil.which("tsc")
    if on_path:
        return [on_path]
    script = TSC_DIR / "node_modules" / "typescript" / "bin" / "tsc"
    if not script.is_file():
        pytest.skip(f"tsc not found: npm install --prefix {TSC_DIR} typescript@5 (see .ci/run)")
    return [node, str(script)]


@pytest.fixture(scope="session")
def node() -> str:
    """The node binary."""
    return _need("node", "install Node.js (apt-get install nodejs npm)")


@pytest.fixture(scope="session")
def go() -> str:
    """The go binary."""
    return _need("go", "apt-get install golang-go (see .ci/run)")


@pytest.fixture(scope="session")
def rustc() -> str:
    """The rustc binary (the generated module needs no crates, so no cargo registry)."""
    return _need("rustc", "install Rust (rustup, or apt-get install rustc)")
