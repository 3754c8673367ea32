"""The canonical key order of catalog files, derived from :mod:`errdex.io.spec`.

A :class:`Shape` says how the formatter may order the keys of one table:
a closed table of the spec (``[catalog]``, an entry, a variant) has its keys
in the spec's order, unknown keys after them in their own order; a map
(``[spaces.*]``, ``translations``, a profile ``body``) keeps its keys in the
order the author wrote them, because that order means something (document
order, the order of a JSON envelope).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from errdex.io import spec

_FIRST = ("$schema", "catalog", "spaces", "modules", "profiles", "targets", "compat")
TOP_ORDER = (*_FIRST, *(k for k in spec.TOP if k not in _FIRST and k != "errors"), "errors")
"""Top-level tables of a catalog file in canonical order: the fixed ones, any other
table of the spec (``[scan]``) in spec order, and the entries last (they are the bulk)."""

_ID = spec.Field("str", "key of the item when a collection is written as a list", required=True)


class Shape(NamedTuple):
    """How to order one table's keys and what shape its values have.

    ``fields``: the spec of a closed table (None for a map or unknown data).
    ``values``: the shape of every value of a map. ``items``: the shape of
    every element when the value is a list of tables. ``order``: an explicit
    key order overriding the order of ``fields``.
    """

    fields: Mapping[str, spec.Field] | None = None
    values: Shape | None = None
    items: Shape | None = None
    order: tuple[str, ...] | None = None


FREE = Shape()
"""Data the spec does not describe: every key keeps its place."""


_MEMO_LIMIT = 4096
_OF_FIELD: dict[int, tuple[spec.Field, Shape]] = {}
_RANK: dict[int, tuple[Shape, Mapping[str, int]]] = {}
"""Memos keyed by ``id`` holding the keyed object too (so an id is never reused while its
entry lives): the spec's fields are few and long-lived, and a big catalog asks for the
same shapes and ranks once per table — hundreds of thousands of times."""


def of_field(field: spec.Field) -> Shape:
    """The shape of a value of ``field`` (the same object for the same field)."""
    hit = _OF_FIELD.get(id(field))
    if hit is not None and hit[0] is field:
        return hit[1]
    if len(_OF_FIELD) >= _MEMO_LIMIT:
        _OF_FIELD.clear()
    shape = _shape_of(field)
    _OF_FIELD[id(field)] = (field, shape)
    return shape


def _shape_of(field: spec.Field) -> Shape:
    if field.kind == "table" and field.sub is not None:
        return Shape(fields=field.sub)
    if field.kind == "tables" and field.sub is not None:
        return Shape(items=Shape(fields=field.sub))
    if field.kind == "map" and field.sub is not None:
        # Collections may also be written as a list of tables with an "id" key.
        return Shape(values=Shape(fields=field.sub), items=Shape(fields={"id": _ID, **field.sub}))
    return FREE


def of_file(role: str) -> Shape:
    """The shape of a whole file of a catalog: ``main``, ``module`` or ``locale``."""
    if role == "module":
        return Shape(fields=spec.MODULE_FILE)
    if role == "locale":
        return Shape(fields=spec.LOCALE_FILE)
    return Shape(fields=spec.TOP, order=TOP_ORDER)


def child(shape: Shape, key: str) -> Shape:
    """The shape of the value under ``key`` of a table of ``shape``."""
    if shape.fields is not None:
        field = shape.fields.get(key)
        return of_field(field) if field is not None else FREE
    return shape.values or FREE


def path(shape: Shape, keys: Sequence[str]) -> Shape:
    """The shape at a dotted key path below a table of ``shape``."""
    for key in keys:
        shape = child(shape, key)
    return shape


def items(shape: Shape) -> Shape:
    """The shape of each element of a list of tables of ``shape``."""
    return shape.items or FREE


def rank(shape: Shape) -> Mapping[str, int] | None:
    """Position of each known key, or None when keys keep their source order (shared:
    read it, never change it)."""
    if shape.fields is None:
        return None
    hit = _RANK.get(id(shape))
    if hit is not None and hit[0] is shape:
        return hit[1]
    if len(_RANK) >= _MEMO_LIMIT:
        _RANK.clear()
    ranks = {k: i for i, k in enumerate(shape.order or shape.fields)}
    _RANK[id(shape)] = (shape, ranks)
    return ranks


def ordered(shape: Shape, keys: Sequence[str]) -> list[str]:
    """``keys`` in canonical order: spec order for a closed table, source order otherwise.

    The sort is stable, so unknown keys stay after the known ones in their
    source order.
    """
    ranks = rank(shape)
    if ranks is None:
        return list(keys)
    last = len(ranks)
    return sorted(keys, key=lambda k: ranks.get(k, last))
