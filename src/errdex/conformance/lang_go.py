"""The Go toolchain of ``errdex conformance run --lang go`` (docs/wire.md §2).

Writes the generated package ``gen`` and the driver (``drivers/go_driver.go``) as
module ``errdexdriver`` (``go 1.19``) and builds it with ``go build`` — module
mode, no network (``GOPROXY=off``), no toolchain download (``GOTOOLCHAIN=local``):
the generated Go has no dependencies. ``race=True`` builds with ``-race``.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from errdex.conformance.toolchain import ToolchainMissing, build, driver_source, need
from errdex.model import Catalog

MIN_GO = (1, 19)
HINT = "install Go 1.19 or later (Debian: apt-get install golang-go)"


def go_env(folder: Path) -> dict[str, str]:
    """The environment of go commands: a shared build cache, no network, no toolchain switch."""
    env = dict(os.environ)
    env.setdefault("GOCACHE", str(Path.home() / ".cache" / "go-build"))
    env.update(
        GOPATH=str(folder / "gopath"), GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off"
    )
    return env


class GoToolchain:
    """Generated Go, built into one driver binary."""

    lang = "go"

    def __init__(self, race: bool = False) -> None:
        self.race = race

    def check(self) -> str:
        """The ``go`` command; ToolchainMissing when absent or older than Go 1.19."""
        go = need("go", HINT)
        try:
            out = subprocess.run([go, "version"], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            raise ToolchainMissing(f"{go} does not run: {HINT}") from None
        found = re.search(r"go(\d+)\.(\d+)", out.stdout)
        if found is None or (int(found[1]), int(found[2])) < MIN_GO:
            raise ToolchainMissing(f"{out.stdout.strip() or go} is too old: {HINT}")
        return go

    def prepare(self, catalog: Catalog, folder: Path) -> list[str]:
        from errdex.convert.code import generate

        go = self.check()
        pkg = folder / "gen"
        pkg.mkdir(parents=True, exist_ok=True)
        for name, data in generate(catalog, "go", "gen").items():
            (pkg / name).write_bytes(data)
        (folder / "go.mod").write_text("module errdexdriver\n\ngo 1.19\n", "utf-8")
        (folder / "main.go").write_text(driver_source("go_driver.go"), "utf-8")
        binary = folder / "driver"
        flags = ["-race"] if self.race else []
        build([go, "build", *flags, "-o", str(binary), "."], folder, env=go_env(folder))
        return [str(binary)]


__all__ = ["GoToolchain", "go_env"]
