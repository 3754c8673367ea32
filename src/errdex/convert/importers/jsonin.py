"""Import JSON: canonical errdex JSON (``errdex export --format json``) or an array of objects.

Canonical JSON is read by the catalog io layer and written back unchanged.
Otherwise the entries are a top-level array, or the array under ``errors``
(or ``codes``/``items``/``data``): each object's keys are recognised like table
headers (``code``, ``msg``, ``message``, ``description`` …); a key no field
holds is reported with its line.
"""

from __future__ import annotations

from typing import Any

from errdex.convert.importers.draft import Draft
from errdex.convert.labels import role_of
from errdex.io import Diagnostic, SourceFile
from errdex.io.locate import positions

_LISTS = ("errors", "codes", "items", "data", "error_codes")
_KEY_ROLES = {
    "msg": "message",
    "error": "message",
    "errmsg": "message",
    "err_msg": "message",
    "http": "http_status",
    "status_code": "http_status",
    "httpstatus": "http_status",
}


def import_json(
    text: str, source: SourceFile, *, catalog_id: str | None = None, name: str = "<input>"
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Import JSON text; return catalog data and the problems found."""
    import orjson

    from errdex.io import reads
    from errdex.io.export import loadable_data

    draft = Draft(source)
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        draft.unplaced(exc.lineno, f"invalid JSON: {exc.msg}", col=exc.colno)
        return None, draft.diagnostics
    if isinstance(data, dict) and "catalog" in data:
        catalog, problems = reads(text, "json", name)
        if catalog is None or any(p.severity == "error" for p in problems):
            return None, problems
        out = loadable_data(catalog)
        if catalog_id:
            out["catalog"]["id"] = catalog_id
        return out, problems
    items: Any = None
    path: tuple[Any, ...] = ()
    if isinstance(data, list):
        items = data
    elif isinstance(data, dict):
        for key in _LISTS:
            if isinstance(data.get(key), list):
                items, path = data[key], (key,)
                break
        if isinstance(data.get("title"), str):
            draft.title = data["title"]
    if items is None:
        draft.unplaced(
            1,
            "no array of error objects found",
            hint='give a top-level array, or one under "errors"',
        )
        return None, draft.diagnostics
    where = positions(text, "json")

    def line_of(keys: tuple[Any, ...]) -> int:
        probe = keys
        while probe:
            if probe in where:
                return where[probe][0]
            probe = probe[:-1]
        return 1

    for i, item in enumerate(items):
        line = line_of((*path, i))
        if not isinstance(item, dict):
            draft.unplaced(line, f"item {i} is not an object; not imported")
            continue
        entry: dict[str, Any] = {}
        for key, value in item.items():
            role = _KEY_ROLES.get(str(key).lower()) or role_of(str(key))
            key_line = line_of((*path, i, key))
            if role is None or role in ("carried", "name_or_message"):
                draft.unplaced(key_line, f"key {key!r} is not a catalog field; not imported")
                continue
            if value is None:
                continue
            if role == "code":
                if isinstance(value, int) and not isinstance(value, bool):
                    entry["code"] = value
                elif isinstance(value, str) and value.strip():
                    entry["code"] = value.strip()
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            if not isinstance(value, str | int):
                draft.unplaced(key_line, f"value of {key!r} is not text or a number; not imported")
                continue
            draft.set_value(entry, role, str(value), key_line)
        if "code" not in entry:
            draft.unplaced(line, f"item {i} has no code; not imported")
            continue
        space = entry.pop("_space", None)
        module = entry.pop("_module", None)
        if module:
            draft.modules.setdefault(module, {"space": space or "app"})
            draft.spaces.setdefault(space or "app", {})
            entry["module"] = module
        elif space:
            draft.spaces.setdefault(space, {})
            entry["space"] = space
        draft.add_entry({"code": entry.pop("code"), **entry}, line)
    return draft.finish(catalog_id, name), sorted(draft.diagnostics, key=lambda d: d.position)
