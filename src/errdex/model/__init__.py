"""The model layer: an immutable catalog of error codes.

Imports nothing else of errdex. ``Catalog`` is the root; ``Entry``, ``Module``,
``Space`` and the small value types live in :mod:`errdex.model.types`; code
normalisation in :mod:`errdex.model.codes`.
"""

from errdex.model.catalog import AmbiguousCodeError, Catalog, UnknownCodeError
from errdex.model.codes import Code, code_sort_key, normalize_code, parse_code_query
from errdex.model.hashing import source_hash
from errdex.model.types import (
    CatalogMeta,
    CompatAllow,
    Entry,
    Example,
    Expect,
    Module,
    Param,
    Profile,
    Request,
    Scan,
    ScanPattern,
    SetupStep,
    Space,
    Target,
    Translation,
    Variant,
    Verify,
)

__all__ = [
    "AmbiguousCodeError",
    "Catalog",
    "CatalogMeta",
    "Code",
    "CompatAllow",
    "Entry",
    "Example",
    "Expect",
    "Module",
    "Param",
    "Profile",
    "Request",
    "Scan",
    "ScanPattern",
    "SetupStep",
    "Space",
    "Target",
    "Translation",
    "UnknownCodeError",
    "Variant",
    "Verify",
    "code_sort_key",
    "normalize_code",
    "parse_code_query",
    "source_hash",
]
