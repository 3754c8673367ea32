"""Write catalog data as an ``errdex.toml`` file, already in ``errdex fmt``'s layout.

Used when an import writes its catalog, and by ``errdex fmt`` to recognise a
file that is canonical already (:func:`errdex.io.fmt.files.formatted_already`):
the text this writes is a fixed point of the formatter, so a file equal to
it needs no formatting. A direct string writer (no tomlkit document: building
one costs several times a TOML load for a big catalog). It follows
:mod:`errdex.io.fmt`'s canonical layout, so ``errdex fmt`` leaves the file as
written:

- top-level tables in canonical order (``[catalog]``, ``[spaces.*]``,
  ``[modules.*]``, ``[profiles.*]``, ``[[targets]]``, ``[compat]``, then one
  ``[[errors]]`` per entry), the keys of every table in the spec's order,
  unknown keys after them in their own order;
- a table's plain values first, then its sub-tables (``variants``,
  ``examples`` as arrays of tables, ``translations`` as one table per locale);
  other nested tables inline ``{ k = v }``, arrays on one line;
- strings as basic strings ``"..."``, a literal ``'...'`` where a basic one
  would need escapes, and a multi-line basic string for texts with line breaks.
"""

from __future__ import annotations

import math
import re
from collections.abc import Container, Mapping, Sequence
from operator import itemgetter
from typing import Any

from errdex.io.fmt import shape as shapes
from errdex.io.fmt.shape import Shape

_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x08\x0a-\x1f\x7f]')
_LITERAL_OK = re.compile(r"[^'\x00-\x08\x0a-\x1f\x7f]*\Z")
_ML_ESCAPE = re.compile(r'\\|"(?=")|"\Z|[\x00-\x08\x0b-\x1f\x7f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_SUBTABLES = frozenset({"translations"})
"""Maps written as one ``[a.b.key]`` table per item rather than inline."""


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def string(value: str) -> str:
    """``value`` as a TOML string in canonical spelling."""
    if not _NEEDS_ESCAPE.search(value):
        return '"' + value + '"'
    if _LITERAL_OK.match(value):
        return "'" + value + "'"
    if "\n" in value and "\r" not in value:
        return '"""\n' + _ML_ESCAPE.sub(_escape, value) + '"""'
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def key(name: str, quoted: Container[str] = ()) -> str:
    """A key part: bare where TOML allows and not in ``quoted``, else a basic string."""
    if _BARE.match(name) and name not in quoted:
        return name
    return '"' + _NEEDS_ESCAPE.sub(_escape, name) + '"'


Order = tuple[int, Any]
"""How to put n lines written in canonical order in the order read: (n, an itemgetter of
n items, or None when they are in that order)."""

Plan = list[tuple[str, Shape, int, str]]
"""A table's keys in canonical order, each with its value's shape, its place in the
table as read and the start of its line (``key = ``)."""


class _Keys(dict[str, str]):
    """Key parts as written, spelled once per name (a big catalog repeats a few dozen
    names hundreds of thousands of times)."""

    def __init__(self, quoted: Container[str]) -> None:
        super().__init__()
        self.quoted = quoted
        self.plans: dict[tuple[int, tuple[str, ...]], tuple[Shape, Plan, Order | None]] = {}
        self.orders: dict[tuple[int, ...], Order] = {}

    def plan(self, shape: Shape, names: tuple[str, ...]) -> tuple[Plan, Order | None]:
        """``names`` in canonical order, each with the shape of its value and its index
        in ``names``, and how to put their lines back in the order of ``names`` (None when
        that is the canonical order): worked out once per table shape and key list (the
        entries of a catalog share a few key lists)."""
        found = self.plans.get((id(shape), names))
        if found is not None and found[0] is shape:
            return found[1], found[2]
        where = {name: i for i, name in enumerate(names)}
        plan = [
            (n, shapes.child(shape, n), where[n], self[n] + " = ")
            for n in shapes.ordered(shape, names)
        ]
        order = self.order(tuple(at for _, _, at, _ in plan))
        moved = order if order[1] is not None else None
        self.plans[id(shape), names] = (shape, plan, moved)
        return plan, moved

    def order(self, places: tuple[int, ...]) -> Order:
        """How to pick lines written in canonical order in the order read (``places``):
        their number and an itemgetter, or None when that is their order."""
        order = self.orders.get(places)
        if order is None:
            picks = sorted(range(len(places)), key=places.__getitem__)
            moved = picks != list(range(len(picks)))
            order = self.orders[places] = (len(places), itemgetter(*picks) if moved else None)
        return order

    def __missing__(self, name: str) -> str:
        spelled = key(name, self.quoted)
        self[name] = spelled
        return spelled


def value(item: Any, shape: Shape = shapes.FREE, quoted: Container[str] = ()) -> str:
    """One TOML value (a scalar, an array, an inline table; its keys in ``quoted`` quoted)."""
    return _value(item, shape, _Keys(quoted))


def _value(item: Any, shape: Shape, keys: _Keys) -> str:
    if isinstance(item, str):
        return string(item)
    if item is True:
        return "true"
    if item is False:
        return "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if math.isnan(item):
            return "nan"
        if math.isinf(item):
            return "inf" if item > 0 else "-inf"
        return repr(item)
    if isinstance(item, Mapping):
        if not item:
            return "{}"
        plan, _ = keys.plan(shape, tuple(k for k, v in item.items() if v is not None))
        body = ", ".join(start + _value(item[k], sub, keys) for k, sub, _, start in plan)
        return "{ " + body + " }"
    if isinstance(item, (list, tuple)):
        element = shapes.items(shape)
        return "[" + ", ".join(_value(v, element, keys) for v in item) + "]"
    raise TypeError(f"no TOML value for {type(item).__name__}")


def _is_tables(item: Any) -> bool:
    if not isinstance(item, list) or not item:
        return False
    # Parsed data holds plain dicts: a type test per item, the abstract test only else.
    return all(type(v) is dict for v in item) or all(isinstance(v, Mapping) for v in item)


class Trace:
    """What :func:`to_toml` can record for ``errdex fmt``'s fast path (:mod:`.toml_placed`):
    where each table's header is and its shape, and the tables whose keys it wrote in
    another order than the data hold them (the order a file was read in).

    ``heads`` and ``shapes``: the index in ``lines`` of each header, and its table's
    shape. ``moved``: the index of the first key line of each table whose keys moved,
    and in ``orders`` how many key lines it has and how to pick them in the order read.
    ``lines``: the items the text is joined from (a multi-line string is one item).
    All flat lists of ints and shared objects: a big catalog records 100,000 tables, and
    as many small containers would wake the collector over all of its data.
    """

    __slots__ = ("heads", "lines", "moved", "orders", "shapes")

    def __init__(self) -> None:
        self.heads: list[int] = []
        self.shapes: list[Shape] = []
        self.moved: list[int] = []
        self.orders: list[Order] = []
        self.lines: list[str] = []

    def move(self, start: int, order: Order) -> None:
        """Record that the key lines from ``lines[start]`` were read in ``order``."""
        if order[1] is not None:
            self.moved.append(start)
            self.orders.append(order)

    def as_read(self) -> str:
        """The text with every table's key lines in the order they were read, the tables
        where they are (the canonical text when nothing moved)."""
        written = self.lines
        if not self.moved:
            return "\n".join(written) + "\n" if written else ""
        lines = list(written)
        for start, (n, pick) in zip(self.moved, self.orders, strict=True):
            lines[start : start + n] = pick(written[start : start + n])
        return "\n".join(lines) + "\n"


def _table(
    out: list[str],
    path: str,
    data: Mapping[str, Any],
    shape: Shape,
    aot: bool,
    comment: str | None,
    keys: _Keys,
    trace: Trace | None = None,
) -> None:
    """Append the table ``data`` at ``path`` (a rendered dotted key) to ``out``."""
    if path:
        if out:
            out.append("")
        if comment:
            out.extend("# " + c if c else "#" for c in comment.split("\n"))
        if trace is not None:
            trace.heads.append(len(out))
            trace.shapes.append(shape)
        out.append(f"[[{path}]]" if aot else f"[{path}]")
    later: list[str] = []
    start = len(out)
    names = tuple(data)
    found = keys.plans.get((id(shape), names))  # keys.plan, without a call per table
    plan, moved = (found[1], found[2]) if found and found[0] is shape else keys.plan(shape, names)
    skipped = False  # a key without a line
    for name, sub, _, line in plan:
        item = data[name]
        if item is None:
            skipped = True
            continue
        kind = type(item)
        if kind is str:  # most values; printable without '"' or '\': string() has no escape
            plain = '"' not in item and "\\" not in item and item.isprintable()
            out.append(f'{line}"{item}"' if plain else line + string(item))
            continue
        if kind is int:  # codes and statuses: spelled as _value spells them
            out.append(f"{line}{item}")
            continue
        if kind is bool:
            out.append(line + ("true" if item else "false"))
            continue
        nested = _is_tables(item) and (sub.items is not None or sub.fields is None)
        if nested or (isinstance(item, Mapping) and name in _SUBTABLES and bool(path)):
            later.append(name)
        else:
            out.append(line + _value(item, sub, keys))
    if moved and trace is not None:
        if skipped or later:  # the lines written are fewer than the keys
            places = tuple(at for k, _, at, _ in plan if data[k] is not None and k not in later)
            moved = keys.order(places)
        if moved[1] is not None:
            trace.moved.append(start)
            trace.orders.append(moved)
    for name in later:
        item = data[name]
        sub = shapes.child(shape, name)
        prefix = (path + "." if path else "") + keys[name]
        if isinstance(item, Mapping):
            values = sub.values or shapes.FREE
            for child_key, child in item.items():
                path_ = prefix + "." + keys[child_key]
                _table(out, path_, child, values, False, None, keys, trace)
        else:
            for element in item:
                _table(out, prefix, element, shapes.items(sub), True, None, keys, trace)


_COLLECTIONS = {"main": ("spaces", "modules", "profiles"), "module": (), "locale": ("errors",)}
"""The top-level maps of each role's file written as one table per item."""


def _collection(section: Any) -> dict[str, Any]:
    if isinstance(section, Mapping):
        return dict(section)
    return {s["id"]: {k: v for k, v in s.items() if k != "id"} for s in section}


def to_toml(
    data: Mapping[str, Any],
    comments: Sequence[str | None] = (),
    quoted: Container[str] = (),
    trace: Trace | None = None,
    role: str = "main",
) -> str:
    """The TOML text of catalog ``data`` (the format of ``errdex.toml``), fmt-canonical.

    ``comments``: one comment (or None) per entry, written above its ``[[errors]]``.
    ``quoted``: key names written quoted even where TOML allows them bare (the formatter
    keeps a name quoted when its author quoted it once: ``[errors.translations."zh-CN"]``).
    ``trace``: filled with the text's tables and lines (a new :class:`Trace`).
    ``role``: the file's role in a folder catalog (``main``; ``module``: a module file,
    ``[module]`` and its ``[[errors]]``; ``locale``: ``[errors.CODE]`` tables of texts).
    """
    top = shapes.of_file(role)
    collections = _COLLECTIONS[role]
    keys = _Keys(quoted)
    head: list[str] = []
    places: list[int] = []  # of the top-level key lines, in ``data``
    out: list[str] = []
    for name in shapes.ordered(top, list(data)):
        item = data[name]
        if item is None or (not item and name != "errors"):
            continue
        sub = shapes.child(top, name)
        if name in collections:
            for child_key, child in _collection(item).items():
                if not isinstance(child, Mapping):
                    raise TypeError(f"{name}.{child_key} is no table")
                child_path = f"{keys[name]}.{keys[child_key]}"
                values = sub.values or shapes.FREE
                _table(out, child_path, child, values, False, None, keys, trace)
        elif isinstance(item, Mapping):
            _table(out, keys[name], item, sub, False, None, keys, trace)
        elif _is_tables(item):
            notes = comments if name == "errors" else ()
            for i, element in enumerate(item):
                note = notes[i] if i < len(notes) else None
                _table(out, keys[name], element, shapes.items(sub), True, note, keys, trace)
        elif isinstance(item, list) and not item:
            continue
        else:
            head.append(keys[name] + " = " + _value(item, sub, keys))
            places.append(len(places) if trace is None else list(data).index(name))
    lines = head + ([""] if head and out else []) + out
    if trace is not None:
        shift = len(lines) - len(out)
        if shift:
            trace.heads = [i + shift for i in trace.heads]
            trace.moved = [i + shift for i in trace.moved]
        if len(places) > 1:
            moved_, orders = trace.moved, trace.orders
            trace.moved, trace.orders = [], []
            trace.move(0, keys.order(tuple(places)))
            trace.moved += moved_
            trace.orders += orders
        trace.lines = lines
    return "\n".join(lines) + "\n" if lines else ""
