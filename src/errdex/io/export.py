"""The canonical JSON form of a catalog: every key present, effective values, stable order.

:func:`to_data` gives plain data; :func:`to_json` gives bytes. The result is a
catalog file itself (lists of objects with ``id`` for spaces, modules and
profiles), so ``load(export(c)) == c``.
"""

from __future__ import annotations

from typing import Any

import orjson

from errdex.model.catalog import Catalog
from errdex.model.types import Entry, Verify


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "items"):
        return {k: _plain(v) for k, v in value.items()}
    return value


def entry_data(entry: Entry) -> dict[str, Any]:
    """One entry as canonical data (the comparison ``key`` is left out: it is derived)."""
    data: dict[str, Any] = _plain(entry)
    del data["key"]
    return data


def verify_data(verify: Verify) -> dict[str, Any]:
    """The ``[verify]`` table as data: setup steps are their request keys plus ``capture``."""
    data: dict[str, Any] = _plain(verify)
    data["setup"] = [{**_plain(s.request), "capture": _plain(s.capture)} for s in verify.setup]
    return data


def to_data(catalog: Catalog) -> dict[str, Any]:
    """The whole catalog as canonical plain data (``verify`` only when the catalog has it)."""
    data = {
        "catalog": _plain(catalog.meta),
        "spaces": [_plain(s) for s in catalog.spaces.values()],
        "modules": [_plain(m) for m in catalog.modules.values()],
        "profiles": [_plain(p) for p in catalog.profiles.values()],
        "targets": [_plain(t) for t in catalog.targets],
        "compat": {"allow": [_plain(a) for a in catalog.compat]},
        "errors": [entry_data(e) for e in catalog.entries],
    }
    if catalog.verify != Verify():
        data["verify"] = verify_data(catalog.verify)
    return data


def _drop_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_nulls(v) for v in value]
    return value


def loadable_data(catalog: Catalog) -> dict[str, Any]:
    """Canonical data without ``null`` values: what a catalog file holds."""
    data: dict[str, Any] = _drop_nulls(to_data(catalog))
    return data


def to_json(catalog: Catalog, *, indent: bool = True) -> bytes:
    """The canonical JSON bytes of a catalog, ending with a newline."""
    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
    return orjson.dumps(to_data(catalog), option=option)
