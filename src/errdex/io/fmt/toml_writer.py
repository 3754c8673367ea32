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


Plan = list[tuple[str, Shape, int]]
"""A table's keys in canonical order, each with its value's shape and its place in the
table as read."""


class _Keys(dict[str, str]):
    """Key parts as written, spelled once per name (a big catalog repeats a few dozen
    names hundreds of thousands of times)."""

    def __init__(self, quoted: Container[str]) -> None:
        super().__init__()
        self.quoted = quoted
        self.plans: dict[tuple[int, tuple[str, ...]], tuple[Shape, Plan, bool]] = {}

    def plan(self, shape: Shape, names: tuple[str, ...]) -> tuple[Plan, bool]:
        """``names`` in canonical order, each with the shape of its value and its index
        in ``names``, and whether that order is ``names``' own: worked out once per table
        shape and key list (the entries of a catalog share a few key lists)."""
        found = self.plans.get((id(shape), names))
        if found is not None and found[0] is shape:
            return found[1], found[2]
        where = {name: i for i, name in enumerate(names)}
        plan = [(n, shapes.child(shape, n), where[n]) for n in shapes.ordered(shape, names)]
        kept = all(i == at for i, (_, _, at) in enumerate(plan))
        self.plans[id(shape), names] = (shape, plan, kept)
        return plan, kept

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
        body = ", ".join(keys[k] + " = " + _value(item[k], sub, keys) for k, sub, _ in plan)
        return "{ " + body + " }"
    if isinstance(item, (list, tuple)):
        element = shapes.items(shape)
        return "[" + ", ".join(_value(v, element, keys) for v in item) + "]"
    raise TypeError(f"no TOML value for {type(item).__name__}")


def _is_tables(item: Any) -> bool:
    return isinstance(item, list) and bool(item) and all(isinstance(v, Mapping) for v in item)


class Trace:
    """What :func:`to_toml` can record for ``errdex fmt``'s fast path (:mod:`.toml_placed`):
    where each table's header is and its shape, and the tables whose keys it wrote in
    another order than the data hold them (the order a file was read in).

    ``heads``: (index in the text's lines, shape) per header, in order. ``moved``:
    (index of a table's first key line, the place as read of each key line written).
    Indices count the items of the line list the text is joined from (a multi-line
    string is one item).
    """

    __slots__ = ("heads", "lines", "moved")

    def __init__(self) -> None:
        self.heads: list[tuple[int, Shape]] = []
        self.moved: list[tuple[int, list[int]]] = []
        self.lines: list[str] = []

    def as_read(self) -> str:
        """The text with every table's key lines in the order they were read, the tables
        where they are (the canonical text when nothing moved)."""
        lines = self.lines
        if not self.moved:
            return "\n".join(lines) + "\n" if lines else ""
        lines = list(lines)
        orders: dict[tuple[int, ...], list[int]] = {}
        for start, places in self.moved:
            key = tuple(places)
            order = orders.get(key)
            if order is None:
                order = orders[key] = sorted(range(len(places)), key=places.__getitem__)
            lines[start : start + len(order)] = [self.lines[start + i] for i in order]
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
            trace.heads.append((len(out), shape))
        out.append(f"[[{path}]]" if aot else f"[{path}]")
    later: list[str] = []
    start = len(out)
    plan, kept = keys.plan(shape, tuple(data))
    for name, sub, _ in plan:
        item = data[name]
        if item is None:
            continue
        if type(item) is str:  # most values: no other test needed
            out.append(keys[name] + " = " + string(item))
            continue
        nested = _is_tables(item) and (sub.items is not None or sub.fields is None)
        if nested or (isinstance(item, Mapping) and name in _SUBTABLES and bool(path)):
            later.append(name)
        else:
            out.append(keys[name] + " = " + _value(item, sub, keys))
    if not kept and trace is not None:
        places = [at for name, _, at in plan if data[name] is not None and name not in later]
        trace.moved.append((start, places))
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


def _collection(section: Any) -> dict[str, Any]:
    if isinstance(section, Mapping):
        return dict(section)
    return {s["id"]: {k: v for k, v in s.items() if k != "id"} for s in section}


def to_toml(
    data: Mapping[str, Any],
    comments: Sequence[str | None] = (),
    quoted: Container[str] = (),
    trace: Trace | None = None,
) -> str:
    """The TOML text of catalog ``data`` (the format of ``errdex.toml``), fmt-canonical.

    ``comments``: one comment (or None) per entry, written above its ``[[errors]]``.
    ``quoted``: key names written quoted even where TOML allows them bare (the formatter
    keeps a name quoted when its author quoted it once: ``[errors.translations."zh-CN"]``).
    ``trace``: filled with the text's tables and lines (a new :class:`Trace`).
    """
    top = shapes.of_file("main")
    keys = _Keys(quoted)
    head: list[str] = []
    places: list[int] = []  # of the top-level key lines, in ``data``
    out: list[str] = []
    for name in shapes.ordered(top, list(data)):
        item = data[name]
        if item is None or (not item and name != "errors"):
            continue
        sub = shapes.child(top, name)
        if name in ("spaces", "modules", "profiles"):
            for child_key, child in _collection(item).items():
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
            trace.heads = [(i + shift, shape) for i, shape in trace.heads]
            trace.moved = [(i + shift, at) for i, at in trace.moved]
        if places != sorted(places):
            trace.moved.insert(0, (0, places))
        trace.lines = lines
    return "\n".join(lines) + "\n" if lines else ""
