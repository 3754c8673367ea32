"""A folder of fake command-line tools, for testing how a toolchain is found and refused."""

from __future__ import annotations

from pathlib import Path

import pytest


def fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **tools: str) -> Path:
    """Put executables named by ``tools`` (name → shell script body) alone on PATH."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    for name, body in tools.items():
        script = folder / name
        script.write_text("#!/bin/sh\n" + body + "\n", "utf-8")
        script.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return folder


__all__ = ["fake_tools"]
