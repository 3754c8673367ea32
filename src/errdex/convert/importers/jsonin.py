"""Import JSON: canonical errdex JSON (``errdex export --format json``) or an array of objects.

Canonical JSON is read by the catalog io layer and written back unchanged.
Otherwise the entries are a top-level array, or the array under ``errors``
(or ``codes``/``items``/``data``), or an object keyed by code
(``{"CodeName": {"description": …, "http": 400}}``, ``{"1001": "message"}``):
each object's keys are recognised like table headers (``code``, ``msg``,
``message``, ``description`` …); a key no field holds is reported once, at
the first line it has a value, with the number of values lost (empty values
lose nothing and make no note). When objects carry an application code (``error_code``) beside a
``code`` that is an HTTP status, ``code`` is read as the HTTP status, in any
key order.
"""

from __future__ import annotations

import re
from typing import Any

from errdex.convert.importers.draft import INT_RE, Draft
from errdex.convert.labels import role_of
from errdex.io import Diagnostic, SourceFile
from errdex.io.locate import Positions, json_scan, positions
from errdex.io.progress import Steps, counted

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


_APP_CODES = frozenset(
    {"error_code", "errorcode", "errcode", "err_code", "app_code", "appcode", "biz_code"}
)
"""Keys naming an application code beside a ``code`` that is the HTTP status."""
_CODE_KEY = re.compile(r"[+-]?\d+|[A-Z][A-Za-z0-9_.-]*|[A-Za-z0-9_.-]*\d[A-Za-z0-9_.-]*")
"""A key that looks like a code (a number, ``CodeName``, ``E1001``), not a setting name."""
_STATUS_KEYS = frozenset({"code", "status", "status_code", "statuscode", "http_code"})


def _role(key: str, status_in_code: bool, app_code: bool = False) -> str | None:
    """The field ``key`` fills; ``app_code``: ``error_code`` is the code (no ``code`` key)."""
    lowered = key.lower()
    if status_in_code:
        if lowered in _APP_CODES:
            return "code"
        if lowered in _STATUS_KEYS:
            return "http_status"
    if app_code and lowered in _APP_CODES:
        return "code"
    return _KEY_ROLES.get(lowered) or role_of(key)


def _app_code_is_code(items: list[Any], status_in_code: bool) -> bool:
    """Whether ``error_code`` (``errorCode``…) is the code: no object has a key naming one."""
    return not status_in_code and not any(
        _role(str(k), False) == "code" for item in items if isinstance(item, dict) for k in item
    )


def _http_status(value: Any) -> int | None:
    """``value`` as an HTTP status (404, "404"), or None when it is no status number."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if type(value) is int and 100 <= value <= 599:
        return value
    return None


def _status_in_code(items: list[Any]) -> bool:
    """Whether ``code`` holds the HTTP status and another key the application code.

    True when some object has both an application-code key (``error_code``…)
    and a ``code``/``status`` that is an HTTP status; then it holds for every
    object, whatever the order of their keys.
    """
    for item in items:
        if not isinstance(item, dict):
            continue
        lowered = {str(k).lower(): v for k, v in item.items()}
        if not any(k in _APP_CODES for k in lowered):
            continue
        status = next((lowered[k] for k in _STATUS_KEYS if k in lowered), None)
        if type(status) is int and 100 <= status <= 599:
            return True
    return False


def _keyed_by_code(data: dict[str, Any]) -> bool:
    """An object whose keys are codes and whose values are field objects or messages."""
    if not data or any(k in data for k in ("title", "catalog", "errors")):
        return False
    values = list(data.values())
    objects = sum(1 for v in values if isinstance(v, dict))
    strings = sum(1 for v in values if isinstance(v, str))
    if objects == len(values):
        known = sum(1 for v in values if any(_role(str(k), False) not in (None, "code") for k in v))
        return known * 2 > len(values)
    return strings == len(values) and all(_CODE_KEY.fullmatch(k.strip()) for k in data)


_LOCATE_EVERY = 4096
"""Places recorded between two progress calls while the entries' lines are found."""


def _positions(text: str, count: int, progress: Steps | None) -> Positions:
    """The position map of ``text`` (:func:`errdex.io.locate.positions`); with a
    ``progress``, it hears how far the scan is, in entries (``count`` of them, estimated
    from the share of the text scanned)."""
    if progress is None:
        return positions(text, "json")
    from errdex.io.locator import Lines

    lines, size, label = Lines(text), max(1, len(text)), "Finding the line of each entry"
    calls = 0

    def where(offset: int) -> tuple[int, int]:
        nonlocal calls
        calls += 1
        if calls % _LOCATE_EVERY == 0:
            progress(label, offset * count // size, count)
        return lines.where(offset)

    progress(label, 0, count)
    found = json_scan(text, [(0, len(text))], where)
    progress(label, count, count)
    return found


def import_json(
    text: str,
    source: SourceFile,
    *,
    catalog_id: str | None = None,
    name: str = "<input>",
    progress: Steps | None = None,
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Import JSON text; return catalog data and the problems found. ``progress`` hears
    how many entries are located and read (canonical errdex JSON: which step it is at)."""
    import orjson

    from errdex.io import reads
    from errdex.io.export import loadable_data

    draft = Draft(source, progress)
    if progress is not None:
        progress("Parsing the JSON", 0, None)
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        draft.unplaced(exc.lineno, f"invalid JSON: {exc.msg}", col=exc.colno)
        return None, draft.diagnostics
    if isinstance(data, dict) and "catalog" in data:
        if progress is not None:
            progress("Loading the errdex catalog", 0, None)
        catalog, problems = reads(text, "json", name)
        if catalog is None or any(p.severity == "error" for p in problems):
            return None, problems
        if progress is not None:
            progress("Copying its entries", 0, None)
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
    keyed = items is None and isinstance(data, dict) and _keyed_by_code(data)
    if keyed:
        # {"CodeName": {"description": …, "http": 400}, …}: the key is the code
        items = [
            {
                "code": int(key) if INT_RE.fullmatch(key.strip()) else key,
                **(value if isinstance(value, dict) else {"message": value}),
            }
            for key, value in data.items()
        ]
    if items is None:
        draft.unplaced(
            1,
            "no array of error objects found",
            hint='give a top-level array, one under "errors", or an object keyed by code',
        )
        return None, draft.diagnostics
    where = _positions(text, len(items), progress)
    status_in_code = _status_in_code(items)
    app_code = _app_code_is_code(items, status_in_code)

    def line_of(keys: tuple[Any, ...]) -> int:
        probe = keys
        while probe:
            if probe in where:
                return where[probe][0]
            probe = probe[:-1]
        return 1

    keys = list(data) if keyed else []
    dropped: dict[str, tuple[int, int]] = {}  # key no field holds: its first line, values lost
    for i, item in enumerate(counted(items, "Reading entries", progress)):
        line = line_of((keys[i],) if keyed else (*path, i))
        if not isinstance(item, dict):
            draft.unplaced(line, f"item {i} is not an object; not imported")
            continue
        entry: dict[str, Any] = {}
        for key, value in item.items():
            role = _role(str(key), status_in_code, app_code)
            if role == "status" and _http_status(value) is not None:
                # "status": 404 beside the code is the HTTP status, not active/deprecated
                role, value = "http_status", _http_status(value)
            key_line = line_of((keys[i], key) if keyed else (*path, i, key))
            if role is None or role in ("carried", "name_or_message"):
                if value not in (None, "", [], {}):  # an empty field loses nothing
                    first, count = dropped.get(str(key), (key_line, 0))
                    dropped[str(key)] = (first, count + 1)
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
    for key, (first, count) in dropped.items():
        values = "its value" if count == 1 else f"its {count} values"
        draft.unplaced(first, f"key {key!r} is not a catalog field; {values} not imported")
    return draft.finish(catalog_id, name), sorted(draft.diagnostics, key=lambda d: d.position)
