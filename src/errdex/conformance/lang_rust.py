"""The Rust toolchain of ``errdex conformance run --lang rust`` (docs/wire.md §2).

Writes the generated module ``gen.rs`` and the driver (``drivers/rust_driver.rs``,
``mod gen;``) and builds them with one ``rustc -D warnings`` call: the generated
Rust needs no crates, so no cargo registry and no network.
"""

from __future__ import annotations

from pathlib import Path

from errdex.conformance.toolchain import build, driver_source, need
from errdex.model import Catalog

HINT = "install Rust (rustup, or Debian: apt-get install rustc)"


class RustToolchain:
    """Generated Rust, built into one driver binary by rustc alone."""

    lang = "rust"

    def prepare(self, catalog: Catalog, folder: Path) -> list[str]:
        from errdex.convert.code import generate

        rustc = need("rustc", HINT)
        for data in generate(catalog, "rust", "gen").values():
            (folder / "gen.rs").write_bytes(data)
        (folder / "main.rs").write_text(driver_source("rust_driver.rs"), "utf-8")
        build([rustc, "--edition", "2021", "-D", "warnings", "-o", "driver", "main.rs"], folder)
        return [str(folder / "driver")]


__all__ = ["RustToolchain"]
