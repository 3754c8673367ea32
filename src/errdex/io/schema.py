"""The JSON Schema of the catalog format, generated from :mod:`errdex.io.spec`."""

from __future__ import annotations

from typing import Any

from errdex.io import spec

SCHEMA_ID = "https://errdex.dev/schema/catalog.schema.json"


def _field(field: spec.Field) -> dict[str, Any]:
    out = _field_type(field)
    if not field.required:  # canonical JSON writes unset keys as null
        if "enum" in out:
            out["enum"] = [*out["enum"], None]
        elif isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        elif isinstance(out.get("type"), list):
            out["type"] = [*out["type"], "null"]
    if field.doc:
        out["description"] = field.doc
    return out


def _field_type(field: spec.Field) -> dict[str, Any]:
    kind = field.kind
    out: dict[str, Any]
    if kind == "str":
        out = {"type": "string"}
        if field.pattern is not None:
            out["pattern"] = f"^(?:{field.pattern})$"
    elif kind == "int":
        out = {"type": "integer"}
        if field.minimum is not None:
            out["minimum"] = field.minimum
        if field.maximum is not None:
            out["maximum"] = field.maximum
    elif kind == "bool":
        out = {"type": "boolean"}
    elif kind == "code":
        out = {"type": ["integer", "string"], "minLength": 1}
    elif kind == "strs":
        out = {"type": "array", "items": {"type": "string"}}
    elif kind == "pair":
        out = {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}
    elif kind == "enum":
        out = {"enum": list(field.choices)}
    elif kind == "table":
        out = _table(field.sub or {})
    elif kind == "tables":
        out = {"type": "array", "items": _table(field.sub or {})}
    elif kind == "map":
        out = {"type": "object", "additionalProperties": _table(field.sub or {})}
    else:
        out = {}
    return out


def _table(fields: dict[str, spec.Field], with_id: bool = False) -> dict[str, Any]:
    props = {k: _field(f) for k, f in fields.items()}
    if with_id:
        props = {"id": {"type": "string"}, **props}
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    required = [k for k, f in fields.items() if f.required] + (["id"] if with_id else [])
    if required:
        out["required"] = required
    return out


def _collection(fields: dict[str, spec.Field], doc: str) -> dict[str, Any]:
    """A table of named tables, or (canonical JSON) a list of tables with an ``id``."""
    return {
        "description": doc,
        "oneOf": [
            {"type": "object", "additionalProperties": _table(fields)},
            {"type": "array", "items": _table(fields, with_id=True)},
        ],
    }


def catalog_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a catalog file (``errdex.toml`` or a single-file catalog).

    It also accepts the canonical JSON that ``errdex export --format json``
    writes, whose unset values are ``null``.
    """
    top = _table(spec.TOP)
    props = top["properties"]
    props["spaces"] = _collection(spec.SPACE, "code spaces")
    props["modules"] = _collection(spec.MODULE, "modules")
    props["profiles"] = _collection(spec.PROFILE, "plain JSON envelopes")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "errdex catalog",
        "description": "A catalog of error codes: https://errdex.dev/docs/catalog-format",
        **top,
        "required": ["catalog"],
        "$defs": {
            "module_file": _table(spec.MODULE_FILE),
            "locale_file": _table(spec.LOCALE_FILE),
        },
    }
