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


TS_FLAGS = (
    "--strict",
    "--noUncheckedIndexedAccess",
    "--exactOptionalPropertyTypes",
    "--noUnusedLocals",
    "--noUnusedParameters",
    "--noImplicitReturns",
    "--noImplicitOverride",
    "--declaration",
    "--moduleResolution",
    "node",
)
"""What the generated TypeScript must compile under (plus a target and a module kind)."""


def write_typescript(catalog: Catalog, folder: Path) -> None:
    """Write the generated module ``gen.ts``, the driver ``main.ts`` and an ESM package.json."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in generate(catalog, "typescript", "gen").items():
        (folder / name).write_bytes(data)
    (folder / "main.ts").write_bytes(driver_source("typescript_driver.ts"))
    (folder / "package.json").write_text('{"type": "module"}\n')


def compile_typescript(
    tsc: list[str], folders: list[Path], target: str = "es2022", module: str = "es2022"
) -> None:
    """Compile every folder's ``gen.ts`` and ``main.ts`` in one tsc run (tsc starts slowly)."""
    sources = [str(f / n) for f in folders for n in ("gen.ts", "main.ts")]
    cmd = [*tsc, *TS_FLAGS, "--target", target, "--module", module, *sources]
    done = subprocess.run(cmd, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def build_rust(rustc: str, catalog: Catalog, folder: Path, optimize: bool = False) -> list[str]:
    """Build the Rust driver for ``catalog`` with one rustc call (no crates); its command."""
    folder.mkdir(parents=True, exist_ok=True)
    for data in generate(catalog, "rust", "gen").values():
        (folder / "gen.rs").write_bytes(data)
    (folder / "main.rs").write_bytes(driver_source("rust_driver.rs"))
    opt = ["-C", "opt-level=2"] if optimize else []
    cmd = [rustc, "--edition", "2021", "-D", "warnings", *opt, "-o", "driver", "main.rs"]
    done = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return [str(folder / "driver")]
