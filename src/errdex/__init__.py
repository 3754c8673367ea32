"""errdex: one catalog of error codes for all of a team's services.

    import errdex
    cat = errdex.load("examples/csghub")
    entry = cat.entry("AUTH-ERR-4")
    raise cat.error("AUTH-ERR-4", age=5)

``import errdex`` stays light: every public name is imported on first use. The
model and the catalog reader (tomllib, orjson) come with :func:`load`; the runtime
(raising, rendering, decoding) with the first :func:`render`, :func:`decode`,
:class:`Error` or ``cat.error(...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from errdex._version import __version__

__all__ = [
    "AmbiguousCodeError",
    "Catalog",
    "CatalogError",
    "Diagnostic",
    "Entry",
    "Error",
    "RemovedCodeError",
    "Rendered",
    "UnknownCodeError",
    "__version__",
    "decode",
    "load",
    "loads",
    "render",
]

_LAZY = {
    "AmbiguousCodeError": "errdex.model",
    "Catalog": "errdex.bound",
    "CatalogError": "errdex.io",
    "Diagnostic": "errdex.io",
    "Entry": "errdex.model",
    "UnknownCodeError": "errdex.model",
    "load": "errdex.bound",
    "loads": "errdex.bound",
    "Error": "errdex.runtime.errors",
    "Rendered": "errdex.runtime.profiles.common",
    "RemovedCodeError": "errdex.runtime.raising",
    "render": "errdex.runtime.render",
    "decode": "errdex.runtime.decode",
}
"""Public name → the module that defines it, imported on first use (PEP 562): ``import
errdex`` costs next to nothing; ``errdex.load`` brings the model and the reader, the
runtime comes with the first raise, render or decode."""

if TYPE_CHECKING:
    from errdex.bound import Catalog, load, loads
    from errdex.io import CatalogError, Diagnostic
    from errdex.model import AmbiguousCodeError, Entry, UnknownCodeError
    from errdex.runtime.decode import decode
    from errdex.runtime.errors import Error
    from errdex.runtime.profiles.common import Rendered
    from errdex.runtime.raising import RemovedCodeError
    from errdex.runtime.render import render


def __getattr__(name: str) -> Any:
    """Import a public name (or a subpackage: ``errdex.io``) on first use."""
    import importlib

    module = _LAZY.get(name)
    if module is None:
        if name.startswith("_"):
            raise AttributeError(f"module 'errdex' has no attribute {name!r}")
        try:
            value = importlib.import_module(f"errdex.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"errdex.{name}":
                raise
            raise AttributeError(f"module 'errdex' has no attribute {name!r}") from None
    else:
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
