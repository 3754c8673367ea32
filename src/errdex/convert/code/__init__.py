"""Code generators: a catalog as Python, TypeScript, Go or Rust source.

:func:`generate` is the one entry point (used by ``errdex gen`` and ``errdex
build``): it returns ``{file name: bytes}``, deterministic for a given catalog,
language and package name. Each language lives in its own module and renders
the shared :class:`~errdex.convert.code.table.CodeTable`.
"""

from __future__ import annotations

import importlib

from errdex.model import Catalog

LANGS = ("python", "typescript", "go", "rust")
"""Languages :func:`generate` knows, in the order the docs list them."""


def generate(catalog: Catalog, lang: str, package: str | None = None) -> dict[str, bytes]:
    """Return the generated files of ``catalog`` in ``lang`` as ``{file name: bytes}``.

    ``package`` names the Python module, the Go package, the TypeScript class
    prefix or the Rust module; by default it comes from the catalog id. The
    first file is the main one; others (the Python ``.pyi`` stub) go beside it.
    """
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    module = importlib.import_module(f"errdex.convert.code.{lang}")
    files: dict[str, str] = module.generate(catalog, package)
    return {name: text.encode() for name, text in files.items()}


__all__ = ["LANGS", "generate"]
