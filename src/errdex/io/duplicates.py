"""Duplicate keys in JSON and YAML catalog files: a located error, never "the last one wins".

``orjson`` and PyYAML keep the last of two equal keys in one object and say
nothing; the first value is lost without a trace (TOML's parser refuses such
a file). :func:`check_json` and the loader of :func:`yaml_loader` turn a
repeated key into :class:`DuplicateKey`, which :func:`errdex.io.read.parse`
reports as a syntax error (E001) at the second key, naming the line of the
first. The YAML loader also bounds integers (:mod:`errdex.io.huge_ints`).
This module imports no other errdex module: the YAML reader uses it too.

Both are cheap when there is no duplicate. JSON: every key of the text owns
one ``:`` outside strings, and ``orjson.dumps`` of the parsed value writes one
``:`` per key it kept and every string's ``:`` as it is; so a text without
duplicates (and without a ``\\u003a`` escape) has exactly as many ``:`` as
the dump of what was parsed. Only when the counts differ (or the text escapes
a colon) is the text scanned, in Python, for the place of the repeated key.
YAML: PyYAML builds each mapping from its key/value nodes; a mapping with
fewer keys than pairs had a repeated key (or a merge ``<<`` it overrides), and
only then are its explicit keys compared.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from errdex.io.huge_ints import bounded_int


class DuplicateKey(Exception):
    """A key set twice in one JSON object or YAML mapping; positions are 1-based."""

    def __init__(self, key: Any, line: int, col: int, first_line: int) -> None:
        super().__init__(f"key {key!r} at {line}:{col} is already set at line {first_line}")
        self.key = key
        self.line = line
        self.col = col
        self.first_line = first_line


# -- JSON ----------------------------------------------------------------------

_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:]', re.S)
"""A JSON string, or a bracket or colon (numbers, literals and commas are skipped)."""


def check_json(text: str, data: Any) -> None:
    """Raise :class:`DuplicateKey` when an object of JSON ``text`` repeats a key.

    ``data`` is ``orjson.loads(text)``. Without a duplicate this is two counts,
    a test for a backslash and ``orjson.dumps`` of the data (about a fifth of
    the parse); only a suspect text is scanned for the repeated key's place.
    """
    if text.count(":") != _colons(data) or ("\\" in text and "\\u003" in text):
        _locate_json(text)


_CHUNK = 2000
"""Entries dumped at a time: a small buffer reused, not one the size of the file."""


def _colons(data: Any) -> int:
    """The ``:`` in ``orjson.dumps(data)``: one per key, and those inside strings."""
    import orjson

    try:
        errors = data.get("errors") if type(data) is dict else None
        if type(errors) is not list or len(errors) <= _CHUNK:
            return orjson.dumps(data).count(b":")
        rest = {k: v for k, v in data.items() if k != "errors"}
        count = orjson.dumps(rest).count(b":") + 1  # the "errors" key itself
        for start in range(0, len(errors), _CHUNK):
            count += orjson.dumps(errors[start : start + _CHUNK]).count(b":")
        return count
    except orjson.JSONEncodeError:  # nested deeper than orjson writes: count the slow way
        return -1


def _locate_json(text: str) -> None:
    """Scan ``text`` (valid JSON) for the first repeated key and raise it, located."""
    stack: list[dict[str, int] | None] = []
    last: re.Match[str] | None = None
    for m in _TOKEN.finditer(text):
        token = m.group()
        first = token[0]
        if first == '"':
            last = m
        elif first == "{":
            stack.append({})
        elif first == "[":
            stack.append(None)
        elif first == "}" or first == "]":
            if stack:
                stack.pop()
        elif last is not None and stack and stack[-1] is not None:  # ':' after a key
            raw = last.group()
            key = json.loads(raw) if "\\" in raw else raw[1:-1]
            seen = stack[-1]
            at = last.start()
            before = seen.setdefault(key, at)
            if before != at:
                line, col = _place(text, at)
                raise DuplicateKey(key, line, col, _place(text, before)[0])


def _place(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# -- YAML ----------------------------------------------------------------------


@cache
def yaml_loader() -> Any:
    """PyYAML's safe loader (libyaml's when built with it) refusing a repeated key.

    A class made on first use, so that reading JSON or TOML never imports PyYAML.
    A key that a merge (``<<: *base``) brings in and the mapping sets again is an
    override, as YAML means it, not a duplicate.
    """
    import yaml
    from yaml.nodes import MappingNode

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class UniqueKeyLoader(base):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            pairs = node.value if isinstance(node, MappingNode) else None
            mapping = super().construct_mapping(node, deep=deep)
            if pairs is not None and len(mapping) != len(node.value):
                # flatten_mapping deleted the merge keys from ``pairs`` in place and, when
                # it merged, put ``merged + pairs`` in node.value: ``pairs`` are the keys
                # written in this mapping
                seen: dict[Any, Any] = {}
                for key_node, _ in pairs:
                    key = self.construct_object(key_node, deep=deep)
                    first = seen.setdefault(key, key_node)
                    if first is not key_node:
                        mark = key_node.start_mark
                        line = first.start_mark.line + 1
                        raise DuplicateKey(key, mark.line + 1, mark.column + 1, line)
            return mapping

    UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", bounded_int)
    return UniqueKeyLoader
