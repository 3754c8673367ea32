"""Write imported catalog data as an ``errdex.toml`` file (tomlkit does the quoting).

Tables come in the order of the format documentation: ``[catalog]``,
``[spaces.*]``, ``[modules.*]``, ``[profiles.*]``, ``[[targets]]``,
``[compat]``, then one ``[[errors]]`` per entry with its variants, examples and
translations. Texts holding a line break are written as multi-line strings.
"""

from __future__ import annotations

from typing import Any

import tomlkit
from tomlkit.items import Item


def _value(value: Any) -> Any:
    if isinstance(value, str):
        if "\n" in value and "\r" not in value and not _awkward(value):
            return tomlkit.string(value, multiline=True)
        return tomlkit.string(value)
    if isinstance(value, list) and all(not isinstance(v, dict) for v in value):
        arr = tomlkit.array()
        arr.extend(_value(v) for v in value)
        return arr
    if isinstance(value, dict):
        inline = tomlkit.inline_table()
        for k, v in value.items():
            inline[k] = _value(v)
        return inline
    return value


def _awkward(text: str) -> bool:
    """Texts tomlkit's multi-line strings would not keep byte for byte."""
    return any((ord(ch) < 32 and ch not in "\n\t") or ord(ch) == 127 for ch in text)


def _table(data: dict[str, Any], nested: tuple[str, ...] = ()) -> Any:
    table = tomlkit.table()
    for key, value in data.items():
        if value is None:
            continue
        if key in nested and isinstance(value, list):
            aot = tomlkit.aot()
            for item in value:
                aot.append(_table(item))
            table.add(key, aot)
        elif key == "translations" and isinstance(value, dict):
            sub = tomlkit.table(is_super_table=True)
            for locale, texts in value.items():
                sub.add(locale, _table(texts))
            table.add(key, sub)
        else:
            scalar: Item | Any = _value(value)
            table.add(key, scalar)
    return table


def to_toml(data: dict[str, Any]) -> str:
    """The TOML text of catalog ``data`` (the format of ``errdex.toml``)."""
    doc = tomlkit.document()
    if "catalog" in data:
        doc.add("catalog", _table(data["catalog"]))
    for key in ("spaces", "modules", "profiles"):
        section = data.get(key)
        if not section:
            continue
        items = (
            section
            if isinstance(section, dict)
            else {s["id"]: {k: v for k, v in s.items() if k != "id"} for s in section}
        )
        outer = tomlkit.table(is_super_table=True)
        for name, body in items.items():
            outer.add(name, _table(body))
        doc.add(key, outer)
    if data.get("targets"):
        aot = tomlkit.aot()
        for target in data["targets"]:
            aot.append(_table(target))
        doc.add("targets", aot)
    compat = data.get("compat") or {}
    if compat.get("allow"):
        table = tomlkit.table()
        aot = tomlkit.aot()
        for allow in compat["allow"]:
            aot.append(_table(allow))
        table.add("allow", aot)
        doc.add("compat", table)
    errors = tomlkit.aot()
    for entry in data.get("errors", []):
        errors.append(_table(entry, nested=("variants", "examples")))
    doc.add("errors", errors)
    return tomlkit.dumps(doc)
