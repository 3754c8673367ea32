"""Read YAML catalog text through libyaml's event stream, noting where each entry starts.

``yaml.load`` with ``CSafeLoader`` parses in C but composes a node tree and
constructs values in Python: at 50 MB that is most of a minute and gigabytes
of nodes and marks. :func:`load_yaml` reads the parser's events one by one
and builds the plain values straight away — the same values ``yaml.load``
gives — keeping nothing of the tree. On the way it records, for
:class:`errdex.io.locator.Locator`, where each element of the top-level
``errors`` list starts and where every key outside those elements is, so a
diagnostic finds its ``line:col`` without composing the file again.

Anything beyond plain data — an anchor or alias, a merge key (``<<``), an
explicit collection tag (``!!set``, ``!!omap``), a second document, nesting
deeper than :data:`MAX_DEPTH`, a key repeated in one mapping — makes
:func:`load_yaml` hand the whole text to ``yaml.load`` instead
(:class:`Unusual`), so those keep PyYAML's exact semantics and error messages
(and a repeated key is reported at its place, :mod:`errdex.io.duplicates`);
only their places are then found the slow way.
"""

from __future__ import annotations

from array import array
from typing import Any

import yaml
from yaml import events

from errdex.io.duplicates import yaml_loader
from errdex.io.huge_ints import bounded_constructor

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML was built with it, else the pure-Python one."""

MAX_DEPTH = 200
"""Deeper nesting goes to ``yaml.load``, whose recursion reports it (no catalog nests so)."""

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_COLLECTIONS = frozenset({None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_RESOLVERS: dict[Any, list[tuple[str, Any]]] = LOADER.yaml_implicit_resolvers
_BOOLS: dict[str, bool] = yaml.constructor.SafeConstructor.bool_values

_NOKEY: Any = object()  # a mapping frame waiting for its next key


class Unusual(Exception):
    """The text uses YAML beyond plain data: read it with ``yaml.load`` instead."""


class YamlIndex:
    """Where a YAML file's entries start, and the places of every key outside them.

    ``starts[i]`` is the character offset of the start of the line where
    element ``i`` of the top-level ``errors`` list starts, ``lines[i]`` and
    ``cols[i]`` the 0-based line and column of the element (as libyaml counts
    them); ``end`` is the offset of the line where the list ends. ``outside``
    maps every other key path to its 1-based ``(line, col)``.
    """

    __slots__ = ("cols", "end", "lines", "outside", "starts")

    def __init__(self) -> None:
        self.starts = array("q")
        self.lines = array("q")
        self.cols = array("q")
        self.end = -1
        self.outside: dict[tuple[Any, ...], tuple[int, int]] = {(): (1, 1)}


def _resolve(value: str) -> str:
    """The tag of an untagged plain scalar, as PyYAML's resolver picks it."""
    candidates = _RESOLVERS.get(value[0] if value else "", ())
    for tag, regexp in candidates:
        if regexp.match(value):
            return tag
    return _STR


class _Scalars:
    """Turns scalar events into values: plain strings, integers, booleans and nulls
    inline; anything else (floats, dates, binary, explicit tags) through PyYAML's
    own constructor, so the values and the errors are PyYAML's."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}  # tags of plain scalars seen as keys (they repeat)
        self.constructor: Any = None

    def value(self, ev: Any, key: bool) -> Any:
        tag = ev.tag
        value: str = ev.value
        if tag is None or tag == "!":
            if not ev.implicit[0]:
                return value  # quoted: a string
            if key:
                tag = self.keys.get(value)
                if tag is None:
                    tag = self.keys[value] = _resolve(value)
            else:
                tag = _resolve(value)
        if tag == _STR:
            return value
        if tag == _INT and value.isdigit() and (value[0] != "0" or value == "0"):
            return int(value)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLS[value.lower()]
        if tag in (_MERGE, _VALUE):
            raise Unusual
        if self.constructor is None:
            self.constructor = bounded_constructor()  # integers beyond any range: refused
        node = yaml.ScalarNode(tag, value, ev.start_mark, ev.end_mark, ev.style)
        return self.constructor.construct_object(node, deep=True)


def _events(text: str, index: YamlIndex) -> Any:
    """Build the value of a one-document stream from its events; fill ``index``."""
    parser = LOADER(text)
    try:
        return _build(parser.get_event, index)
    finally:
        parser.dispose()


def _build(get: Any, index: YamlIndex) -> Any:
    scalar_event, mapping_start, sequence_start = (
        events.ScalarEvent,
        events.MappingStartEvent,
        events.SequenceStartEvent,
    )
    mapping_end, sequence_end = events.MappingEndEvent, events.SequenceEndEvent
    scalars = _Scalars()
    to_value = scalars.value
    outside = index.outside
    starts, lines, cols = index.starts, index.lines, index.cols
    # A frame: [container, pending key (_NOKEY: a mapping waiting for a key; None in a
    # list), key path (None inside an entry), is it the entries list]. Paths are kept
    # only outside the entries: cheap.
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0
    while True:
        ev = get()
        kind = type(ev)
        if kind is scalar_event or kind is mapping_start or kind is sequence_start:
            if ev.anchor is not None:
                raise Unusual
            if kind is scalar_event:
                frame = stack[-1] if stack else None
                is_key = frame is not None and frame[1] is _NOKEY
                item: Any = to_value(ev, is_key)
                if frame is None:
                    root = item
                    continue
                if is_key:
                    try:
                        hash(item)
                    except TypeError:
                        raise Unusual from None
                    frame[1] = item
                    path = frame[2]
                    if path is not None:
                        mark = ev.start_mark
                        place = (mark.line + 1, mark.column + 1)
                        outside[(*path, item)] = place
                        if item is not ev.value and type(ev.value) is str:
                            outside[(*path, ev.value)] = place  # also as spelt: 1054, "1054"
                    continue
                _attach(frame, item, ev, starts, lines, cols, outside)
                continue
            if ev.tag not in _COLLECTIONS:
                raise Unusual
            new: Any = {} if kind is mapping_start else []
            if not stack:
                root = new
                stack.append([new, _NOKEY if kind is mapping_start else None, (), False])
                continue
            frame = stack[-1]
            if frame[1] is _NOKEY:
                raise Unusual  # a collection as a mapping key
            child = _attach(frame, new, ev, starts, lines, cols, outside)
            if len(stack) >= MAX_DEPTH:
                raise Unusual
            entries = child == ("errors",) and kind is sequence_start
            stack.append([new, _NOKEY if kind is mapping_start else None, child, entries])
        elif kind is mapping_end or kind is sequence_end:
            frame = stack.pop()
            if frame[3]:
                mark = ev.start_mark
                index.end = mark.index - mark.column
        elif kind is events.AliasEvent:
            raise Unusual
        elif kind is events.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise Unusual  # yaml.load says "expected a single document"
        elif kind is events.StreamEndEvent:
            return root


def _attach(
    frame: list[Any],
    item: Any,
    ev: Any,
    starts: array[int],
    lines: array[int],
    cols: array[int],
    outside: dict[tuple[Any, ...], tuple[int, int]],
) -> tuple[Any, ...] | None:
    """Put ``item`` into the frame's container; return its key path (None inside an entry)."""
    top, path = frame[0], frame[2]
    if type(top) is list:
        child = None
        if path is not None:
            if frame[3]:  # an element of the entries list
                mark = ev.start_mark
                starts.append(mark.index - mark.column)
                lines.append(mark.line)
                cols.append(mark.column)
            else:
                mark = ev.start_mark
                child = (*path, len(top))
                outside.setdefault(child, (mark.line + 1, mark.column + 1))
        top.append(item)
        return child
    key = frame[1]
    if key in top:
        raise Unusual  # a repeated key: yaml_loader() reports it at its place
    top[key] = item
    frame[1] = _NOKEY
    return (*path, key) if path is not None else None


def load_yaml(text: str) -> tuple[Any, YamlIndex | None]:
    """The value of YAML ``text`` (as ``yaml.load`` with the safe loader gives it) and,
    when the text is plain data, the :class:`YamlIndex` of its places.

    Raises what ``yaml.load`` raises for text it cannot read (``yaml.YAMLError``
    with its marks, ``RecursionError``).
    """
    index = YamlIndex()
    try:
        return _events(text, index), index
    except Unusual:
        return yaml.load(text, Loader=yaml_loader()), None
