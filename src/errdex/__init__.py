"""errdex: one catalog of error codes for all of a team's services.

    import errdex
    cat = errdex.load("examples/csghub")
    entry = cat.entry("AUTH-ERR-4")

``import errdex`` stays light: it loads the model and the catalog reader
(tomllib, orjson); the runtime (raising, rendering, decoding) is imported on
first use of :func:`render`, :func:`decode` or :class:`Error`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from errdex._version import __version__
from errdex.io import CatalogError, Diagnostic, load, loads
from errdex.model import AmbiguousCodeError, Catalog, Entry, UnknownCodeError

__all__ = [
    "AmbiguousCodeError",
    "Catalog",
    "CatalogError",
    "Diagnostic",
    "Entry",
    "Error",
    "Rendered",
    "UnknownCodeError",
    "__version__",
    "decode",
    "load",
    "loads",
    "render",
]

_RUNTIME = {"Error", "Rendered", "render", "decode"}

if TYPE_CHECKING:
    from errdex.runtime import Error, Rendered, decode, render


def __getattr__(name: str) -> Any:
    if name in _RUNTIME:
        import errdex.runtime as runtime

        value = getattr(runtime, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'errdex' has no attribute {name!r}")
