"""errdex: one catalog of error codes for all of a team's services.

    import errdex
    cat = errdex.load("examples/csghub")
    entry = cat.entry("AUTH-ERR-4")
    raise cat.error("AUTH-ERR-4", age=5)

``import errdex`` stays light: it loads the model and the catalog reader
(tomllib, orjson); the runtime (raising, rendering, decoding) is imported on
first use of :func:`render`, :func:`decode`, :class:`Error` or ``cat.error(...)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from errdex._version import __version__
from errdex.bound import Catalog, load, loads
from errdex.io import CatalogError, Diagnostic
from errdex.model import AmbiguousCodeError, Entry, UnknownCodeError

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

_RUNTIME = {
    "Error": "errdex.runtime.errors",
    "Rendered": "errdex.runtime.profiles.common",
    "RemovedCodeError": "errdex.runtime.raising",
    "render": "errdex.runtime.render",
    "decode": "errdex.runtime.decode",
}

if TYPE_CHECKING:
    from errdex.runtime.decode import decode
    from errdex.runtime.errors import Error
    from errdex.runtime.profiles.common import Rendered
    from errdex.runtime.raising import RemovedCodeError
    from errdex.runtime.render import render


def __getattr__(name: str) -> Any:
    """Import the runtime on first use of one of its names (PEP 562)."""
    module = _RUNTIME.get(name)
    if module is None:
        raise AttributeError(f"module 'errdex' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_RUNTIME})
