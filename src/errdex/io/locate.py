"""Map key paths of a parsed catalog file back to ``(line, column)`` in its text.

Parsers give values, not places. These scanners walk the text once, on the
first diagnostic that needs a place, and record where each table, array
element and key starts. They are forgiving: a path they do not know falls back
to its nearest known ancestor (see :meth:`SourceFile.locate`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import chain
from typing import Any

Positions = dict[tuple[Any, ...], tuple[int, int]]


def positions(text: str, format: str) -> Positions:
    """Return the position map of ``text`` in ``format`` (``toml``, ``json`` or ``yaml``)."""
    if format == "json":
        return _json_positions(text)
    if format == "yaml":
        return _yaml_positions(text)
    return _toml_positions(text)


# -- TOML --------------------------------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _split_key(text: str) -> tuple[str, ...] | None:
    """Split a TOML dotted key (``a."b.c".d``) into its parts; None if it is not a key."""
    parts: list[str] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in " \t":
            i += 1
        if i >= n:
            return None
        ch = text[i]
        if ch in "\"'":
            end = text.find(ch, i + 1)
            while ch == '"' and end > 0 and text[end - 1] == "\\":
                end = text.find(ch, end + 1)
            if end < 0:
                return None
            raw = text[i + 1 : end]
            parts.append(_unescape(raw) if ch == '"' and "\\" in raw else raw)
            i = end + 1
        else:
            m = _BARE_KEY.match(text, i)
            if not m:
                return None
            parts.append(m.group())
            i = m.end()
        while i < n and text[i] in " \t":
            i += 1
        if i >= n:
            return tuple(parts)
        if text[i] != ".":
            return None
        i += 1


def _unescape(raw: str) -> str:
    """The value of a basic-string key with escapes (``"a\\u00e9"``); the raw text if invalid."""
    import tomllib

    try:
        value: str = tomllib.loads(f'k = "{raw}"')["k"]
        return value
    except Exception:
        return raw


def _key_end(line: str) -> int:
    """Index of the ``=`` that ends the key part of a key/value line, or -1."""
    quote = ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "=":
            return i
        elif ch == "#":
            return -1
    return -1


def _toml_positions(text: str) -> Positions:
    pos: Positions = {(): (1, 1)}
    arrays: dict[tuple[Any, ...], int] = {}
    current: tuple[Any, ...] = ()
    multiline = ""
    bracket_path: tuple[Any, ...] | None = None
    depth = 0
    element = 0

    def resolve(name: tuple[str, ...]) -> tuple[Any, ...]:
        out: list[Any] = []
        for part in name:
            out.append(part)
            count = arrays.get(tuple(out))
            if count:
                out.append(count - 1)
        return tuple(out)

    # TOML ends lines with LF or CRLF only (str.splitlines would also split on
    # U+2028 and friends, and disagree with tomllib's line numbers).
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if multiline:
            if line.count(multiline) % 2 == 1:
                multiline = ""
            continue
        stripped = line.lstrip()
        col = len(line) - len(stripped) + 1
        if bracket_path is not None:
            # inside a multi-line array: record the start of each inline table element
            for i, ch in enumerate(line):
                if ch in "[{":
                    if ch == "{" and depth == 1:
                        pos.setdefault((*bracket_path, element), (lineno, i + 1))
                    depth += 1
                elif ch in "]}":
                    depth -= 1
                    if ch == "}" and depth == 1:
                        element += 1
                    if depth == 0:
                        bracket_path = None
                        break
            continue
        if not stripped or stripped[0] == "#":
            continue
        if stripped.startswith("[["):
            end = stripped.find("]]")
            name = _split_key(stripped[2:end]) if end > 0 else None
            if name is None:
                continue
            base = (*resolve(name[:-1]), name[-1])
            index = arrays.get(base, 0)
            arrays[base] = index + 1
            current = (*base, index)
            for i in range(1, len(base)):  # [[a.b]] also opens a (first mention wins)
                pos.setdefault(base[:i], (lineno, col))
            pos.setdefault(base, (lineno, col))
            pos[current] = (lineno, col)
            continue
        if stripped[0] == "[":
            end = stripped.find("]")
            name = _split_key(stripped[1:end]) if end > 0 else None
            if name is None:
                continue
            current = resolve(name)
            for i in range(1, len(current)):  # [a.b] also opens a (first mention wins)
                pos.setdefault(current[:i], (lineno, col))
            pos[current] = (lineno, col)
            continue
        eq = _key_end(stripped)
        if eq < 0:
            continue
        keys = _split_key(stripped[:eq])
        if keys is None:
            continue
        full = current + keys
        for i in range(1, len(keys) + 1):
            pos.setdefault(current + keys[:i], (lineno, col))
        pos[full] = (lineno, col)
        value = stripped[eq + 1 :].lstrip()
        for quote in ('"""', "'''"):
            if value.startswith(quote) and value.count(quote) == 1:
                multiline = quote
        if value.startswith("["):
            d, elem = 0, 0
            for ch in value:
                if ch in "[{":
                    if ch == "{" and d == 1:
                        pos.setdefault((*full, elem), (lineno, col))
                    d += 1
                elif ch in "]}":
                    d -= 1
                    if ch == "}" and d == 1:
                        elem += 1
                    if d == 0:
                        break
            if d > 0:
                bracket_path, depth, element = full, d, elem
    return pos


# -- JSON --------------------------------------------------------------------

_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.S)


def _json_positions(text: str) -> Positions:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    return json_scan(text, [(0, len(text))], where)


def json_scan(
    text: str, spans: list[tuple[int, int]], where: Callable[[int], tuple[int, int]]
) -> Positions:
    """The position map of the JSON tokens of ``text`` inside ``spans`` (``(start, end)``
    offsets, read in turn as one stream), with ``where`` turning an offset into a place.

    The first container of the stream is the root: a span that starts at an entry's
    ``{`` maps that entry alone, its keys as paths from the entry.
    """
    import orjson

    pos: Positions = {(): (1, 1)}
    stack: list[list[Any]] = []  # [kind, path, key-or-index, expecting_key]
    pending_key: str | None = None
    tokens = chain.from_iterable(_JSON_TOKEN.finditer(text, a, b) for a, b in spans)
    for m in tokens:
        tok = m.group()
        if not stack:
            if tok in "{[":
                stack.append([tok, (), 0 if tok == "[" else None, tok == "{"])
            continue
        frame = stack[-1]
        kind, path = frame[0], frame[1]
        if tok in "}]":
            stack.pop()
            continue
        if tok == ",":
            if kind == "[":
                frame[2] += 1
            else:
                frame[3] = True
            continue
        if tok == ":":
            frame[3] = False
            continue
        if kind == "{" and frame[3]:
            try:
                pending_key = orjson.loads(tok)
            except Exception:
                pending_key = tok.strip('"')
            frame[2] = pending_key
            pos[(*path, pending_key)] = where(m.start())
            continue
        child = (*path, frame[2])
        if kind == "[":
            pos.setdefault(child, where(m.start()))
        if tok in "{[":
            stack.append([tok, child, 0 if tok == "[" else None, tok == "{"])
    return pos


# -- YAML --------------------------------------------------------------------


def _yaml_positions(text: str) -> Positions:
    import yaml

    pos: Positions = {(): (1, 1)}
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except Exception:  # a YAML error, or nesting too deep for the composer
        return pos
    # Iterative walk; each node once: aliases may share nodes or form cycles.
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[Any, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                key = _yaml_key(key_node)
                child = (*path, key)
                pos[child] = mark  # a repeated key: the last one wins, as in the data
                if key is not key_node.value and isinstance(key_node.value, str):
                    pos[(*path, key_node.value)] = mark  # also as spelt (1054 and "1054")
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                pos.setdefault((*path, i), (item.start_mark.line + 1, item.start_mark.column + 1))
                stack.append((item, (*path, i)))
    return pos


def _yaml_key(node: Any) -> Any:
    """The key a YAML key node stands for in the parsed data (``1054:`` is the int 1054)."""
    value = node.value
    if not isinstance(value, str):  # a collection used as a key: no path reaches it
        return None
    tag = node.tag.rsplit(":", 1)[-1]
    if tag == "int":
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag == "bool":
        return value.lower() in ("true", "yes", "on", "y")
    if tag == "null":
        return None
    return value
