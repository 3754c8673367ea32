"""Generate, build and run one language's conformance driver (``docs/wire.md`` §2).

A :class:`Toolchain` writes the generated code of a catalog plus its driver into
a folder, builds them with the language's real tools, and returns the command
that runs the driver there. :func:`run_vectors` feeds it a vectors file and
judges its answers. Python's toolchain lives here; those of Go, Rust and
TypeScript in ``errdex.conformance.lang_<name>`` modules (one class each),
found through :data:`TOOLCHAINS`.
"""

from __future__ import annotations

import importlib
import json
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from errdex.conformance.compare import Outcome, judge
from errdex.conformance.vectors import Vectors, dump_lines
from errdex.model import Catalog

DRIVER_TIMEOUT = 300
"""Seconds a driver may take to answer a whole vectors file."""

TOOLCHAINS = {
    "python": "errdex.conformance.toolchain:PythonToolchain",
    "typescript": "errdex.conformance.lang_typescript:TypeScriptToolchain",
    "go": "errdex.conformance.lang_go:GoToolchain",
    "rust": "errdex.conformance.lang_rust:RustToolchain",
}
"""Language → ``module:class`` of its toolchain."""


class ToolchainMissing(RuntimeError):
    """A tool the language needs is not installed; ``str()`` names it and how to get it."""


class DriverFailed(RuntimeError):
    """The build or the driver failed; ``str()`` holds its output."""


class Toolchain(Protocol):
    """How one language is built and run against vectors."""

    lang: str

    def prepare(self, catalog: Catalog, folder: Path) -> list[str]:
        """Write code and driver into ``folder``, build them; return the driver's argv.

        Raises :class:`ToolchainMissing` when a tool is absent and
        :class:`DriverFailed` when the build fails."""
        ...


def driver_source(name: str) -> str:
    """The text of one driver file shipped in :mod:`errdex.conformance.drivers`."""
    return resources.files("errdex.conformance.drivers").joinpath(name).read_text("utf-8")


def need(tool: str, hint: str) -> str:
    """The path of ``tool`` on PATH, else :class:`ToolchainMissing` naming it."""
    found = shutil.which(tool)
    if found is None:
        raise ToolchainMissing(f"{tool} not found on PATH: {hint}")
    return found


def build(argv: list[str], folder: Path, *, timeout: int = 600, env: Any = None) -> None:
    """Run one build step in ``folder``; :class:`DriverFailed` with its output on failure."""
    try:
        done = subprocess.run(
            argv, cwd=folder, capture_output=True, timeout=timeout, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        raise DriverFailed(f"{' '.join(argv)} took more than {timeout} s") from None
    if done.returncode != 0:
        output = (done.stdout + done.stderr).decode("utf-8", "replace")
        raise DriverFailed(f"{' '.join(argv)} failed (exit {done.returncode}):\n{output}")


class PythonToolchain:
    """Generated Python, run by the interpreter running errdex with ``-I -S``: no
    site-packages, so the generated module must work without errdex installed."""

    lang = "python"
    module = "conformance_catalog"

    def prepare(self, catalog: Catalog, folder: Path) -> list[str]:
        from errdex.convert.code import generate

        for name, data in generate(catalog, "python", self.module).items():
            (folder / name).write_bytes(data)
        (folder / "driver.py").write_text(driver_source("python_driver.py"), "utf-8")
        check = f"import sys; sys.path.insert(0, '.'); import {self.module}"
        build([sys.executable, "-I", "-S", "-c", check], folder)
        return [sys.executable, "-I", "-S", "driver.py", self.module]


def toolchain(lang: str) -> Toolchain:
    """The toolchain of ``lang``; ToolchainMissing when this errdex has no driver for it."""
    target = TOOLCHAINS.get(lang)
    if target is None:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(TOOLCHAINS)}")
    module_name, attr = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise ToolchainMissing(
            f"this errdex has no conformance driver for {lang} yet ({module_name})"
        ) from None
    made: Toolchain = getattr(module, attr)()
    return made


def run_driver(argv: list[str], folder: Path, text: str) -> list[dict[str, Any]]:
    """Run a prepared driver over a vectors file's text; return its parsed answers."""
    try:
        done = subprocess.run(
            argv,
            cwd=folder,
            input=text.encode("utf-8", "surrogatepass"),
            capture_output=True,
            timeout=DRIVER_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise DriverFailed(f"the driver took more than {DRIVER_TIMEOUT} s") from None
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode != 0:
        raise DriverFailed(f"the driver exited with {done.returncode}:\n{stderr[-4000:]}")
    answers: list[dict[str, Any]] = []
    for number, line in enumerate(done.stdout.decode("utf-8", "replace").split("\n"), 1):
        if not line.strip():
            continue
        try:
            answer = json.loads(line)
        except ValueError:
            raise DriverFailed(f"driver output line {number} is not JSON: {line[:200]}") from None
        if isinstance(answer, dict):
            answers.append(answer)
    return answers


def run_vectors(
    catalog: Catalog, lang: str, vectors: Vectors, *, keep: Path | None = None
) -> Outcome:
    """Generate and build ``lang`` code for ``catalog``, run ``vectors`` through it, judge.

    ``keep`` is a folder to build in and leave behind; by default a temporary
    folder is used and removed."""
    chain = toolchain(lang)
    text = dump_lines(vectors.header, (case.data for case in vectors.cases))
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        argv = chain.prepare(catalog, keep)
        return judge(vectors.cases, run_driver(argv, keep, text))
    with tempfile.TemporaryDirectory(prefix=f"errdex-conformance-{lang}-") as tmp:
        folder = Path(tmp)
        argv = chain.prepare(catalog, folder)
        return judge(vectors.cases, run_driver(argv, folder, text))


__all__ = [
    "TOOLCHAINS",
    "DriverFailed",
    "PythonToolchain",
    "Toolchain",
    "ToolchainMissing",
    "build",
    "driver_source",
    "need",
    "run_driver",
    "run_vectors",
    "toolchain",
]
