"""Build the generated code of a catalog with its driver, once per catalog and language.

Each ``build_*`` writes the generated files and the driver (``runtime/drivers`` in
the package) into a folder, compiles them with the real toolchain and returns
the command that runs the driver: JSON cases on stdin, one JSON result per line
on stdout. :func:`run` feeds cases and returns the parsed results.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import errdex
from errdex.convert.code import generate
from errdex.model import Catalog

DRIVERS = Path(errdex.__file__).parent / "conformance" / "drivers"


def driver_source(name: str) -> bytes:
    """A driver's source, as shipped in the package (``errdex/conformance/drivers``)."""
    return (DRIVERS / name).read_bytes()


def go_env(folder: Path) -> dict[str, str]:
    """The environment for go commands: a shared build cache, no network, no toolchain switch."""
    env = dict(os.environ)
    env.setdefault("GOCACHE", str(Path.home() / ".cache" / "go-build"))
    env.update(
        GOPATH=str(folder / "gopath"), GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off"
    )
    return env


def write_go(catalog: Catalog, folder: Path) -> Path:
    """Write the generated package ``gen`` and the driver into ``folder``; the package path."""
    pkg = folder / "gen"
    pkg.mkdir(parents=True, exist_ok=True)
    for old in pkg.glob("*.go"):
        old.unlink()
    for name, data in generate(catalog, "go", "gen").items():
        (pkg / name).write_bytes(data)
    (folder / "go.mod").write_text("module errdexdriver\n\ngo 1.19\n")
    (folder / "main.go").write_bytes(driver_source("go_driver.go"))
    return pkg


def build_go(go: str, catalog: Catalog, folder: Path, race: bool = False) -> list[str]:
    """Build the Go driver for ``catalog``; the command that runs it."""
    write_go(catalog, folder)
    out = folder / "driver"
    cmd = [go, "build", *(["-race"] if race else []), "-o", str(out), "."]
    done = subprocess.run(cmd, cwd=folder, env=go_env(folder), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [str(out)]


def run(command: list[str], lines: str, cwd: Path | None = None) -> list[Any]:
    """Run a driver on JSON Lines input; the parsed result lines."""
    done = subprocess.run(command, input=lines.encode(), capture_output=True, cwd=cwd, timeout=600)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return [json.loads(line) for line in done.stdout.decode().split("\n") if line]
