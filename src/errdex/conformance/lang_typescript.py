"""The TypeScript toolchain of ``errdex conformance run --lang typescript`` (docs/wire.md §2).

Writes the generated module ``gen.ts`` and the driver (``drivers/typescript_driver.ts``)
as an ESM package, compiles both with ``tsc`` under ``strict``,
``noUncheckedIndexedAccess`` and ``exactOptionalPropertyTypes``, and runs the
driver with ``node``. ``tsc`` is found on PATH, else in ``$ERRDEX_TSC_DIR``
(default ``~/.cache/errdex/tsc``, where ``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from errdex.conformance.toolchain import ToolchainMissing, build, driver_source, need
from errdex.model import Catalog

FLAGS = (
    "--strict",
    "--noUncheckedIndexedAccess",
    "--exactOptionalPropertyTypes",
    "--target",
    "es2022",
    "--module",
    "es2022",
    "--moduleResolution",
    "node",
)
"""What the generated module and the driver must compile under."""


def tsc_command() -> list[str]:
    """The command running tsc; ToolchainMissing when neither node nor tsc is found."""
    node = need("node", "install Node.js (Debian: apt-get install nodejs npm)")
    on_path = shutil.which("tsc")
    if on_path:
        return [on_path]
    folder = Path(os.environ.get("ERRDEX_TSC_DIR", Path.home() / ".cache" / "errdex" / "tsc"))
    script = folder / "node_modules" / "typescript" / "bin" / "tsc"
    if not script.is_file():
        raise ToolchainMissing(
            f"tsc not found on PATH or in {folder}: npm install --prefix {folder} typescript@5"
        )
    return [node, str(script)]


class TypeScriptToolchain:
    """Generated TypeScript, compiled by tsc and run by node."""

    lang = "typescript"

    def prepare(self, catalog: Catalog, folder: Path) -> list[str]:
        from errdex.convert.code import generate

        tsc = tsc_command()
        node = need("node", "install Node.js (Debian: apt-get install nodejs npm)")
        for name, data in generate(catalog, "typescript", "gen").items():
            (folder / name).write_bytes(data)
        (folder / "main.ts").write_text(driver_source("typescript_driver.ts"), "utf-8")
        (folder / "package.json").write_text('{"type": "module"}\n', "utf-8")
        build([*tsc, *FLAGS, "gen.ts", "main.ts"], folder)
        return [node, str(folder / "main.js")]


__all__ = ["TypeScriptToolchain"]
