"""Canonical JSON layout of a catalog file: spec key order, two-space indent, final newline."""

from __future__ import annotations

from typing import Any

import orjson

from errdex.io.fmt import shape as shapes
from errdex.io.fmt.shape import Shape


def format_json(text: str, shape: Shape) -> str:
    """Format the JSON text of a catalog file whose top level has ``shape``."""
    data = orjson.loads(text)
    return orjson.dumps(
        reorder(data, shape), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    ).decode()


def reorder(value: Any, shape: Shape) -> Any:
    """``value`` with the keys of every table in canonical order (lists keep their order)."""
    if isinstance(value, dict):
        keys = shapes.ordered(shape, list(value))
        return {k: reorder(value[k], shapes.child(shape, k)) for k in keys}
    if isinstance(value, list):
        element = shapes.items(shape)
        return [reorder(v, element) for v in value]
    return value
