"""Canonical TOML layout of a catalog file, comments kept with what they describe.

:func:`format_toml` reads the statements of a file (:mod:`.toml_cst`), hangs
them on the table tree they belong to, attaches every comment to a key or a
table, and writes the tree back in canonical form:

- tables in the canonical order (``[catalog]``, ``[spaces.*]``, ``[modules.*]``,
  ``[profiles.*]``, ``[[targets]]``, ``[compat]``, ``[[errors]]``); the items
  of maps and arrays of tables keep their order (it is document order);
- keys of a table in the spec's order, unknown keys after them;
- ``key = value`` with one space around ``=``; a key stays bare or quoted
  as the author wrote it (a name quoted once is quoted everywhere, as a basic
  string), and is quoted wherever TOML needs it;
- basic strings ``"..."``; a value that would need escapes as a basic
  string becomes a literal ``'...'``; a multi-line string holding newlines,
  or a value no one-line string can hold unescaped, stays as written;
- ``[a, b]`` and ``{ k = v }`` on one line, or one item per line with a
  trailing comma when the author spread the array over lines;
- one blank line between tables, at most one between keys, no trailing
  whitespace, one final newline; an inline comment keeps its column when
  the line still fits before it, else it follows two spaces.

Comment attachment: a comment block right above a key or header belongs to
it and moves with it; a block right below a table's last key and followed by
a blank line stays at the end of that table; blocks at the top of the file
(before a blank line) and at its end stay there; a block after a header and
before a blank line stays at the top of that table.
"""

from __future__ import annotations

import re

from errdex.io.fmt import shape as shapes
from errdex.io.fmt.shape import Shape
from errdex.io.fmt.toml_cst import (
    Array,
    Blank,
    Comment,
    CSTError,
    Header,
    InlineTable,
    KeyValue,
    Scalar,
    Statement,
    String,
    Value,
    decode_string,
    statements,
)

INDENT = "    "
_BARE = re.compile(r"[A-Za-z0-9_-]+\Z")
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x08\x0a-\x1f\x7f]')
_LITERAL_OK = re.compile(r"[^'\x00-\x08\x0a-\x1f\x7f]*\Z")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\n": "\\n", "\f": "\\f", "\r": "\\r"}

Blocks = list[list[str]]
"""Comment blocks: runs of comment lines; a blank line separates two blocks."""


class Line:
    """A ``key = value`` line of a table, with the comments that belong to it."""

    __slots__ = ("blank_before", "comment", "comment_col", "gap", "keys", "leading", "value")

    def __init__(self, kv: KeyValue, leading: Blocks, gap: bool, blank_before: bool) -> None:
        self.keys = kv.keys
        self.value = kv.value
        self.comment = kv.comment
        self.comment_col = kv.comment_col
        self.leading = leading
        self.gap = gap
        self.blank_before = blank_before


class Section:
    """A table header (or the top of the file) and the lines under it up to the next header."""

    __slots__ = ("aot", "comment", "comment_col", "gap", "leading", "lines", "preamble", "trailing")

    def __init__(self, header: Header | None, leading: Blocks, gap: bool) -> None:
        self.aot = header.aot if header else False
        self.comment = header.comment if header else None
        self.comment_col = header.comment_col if header else 0
        self.leading = leading
        self.gap = gap
        self.preamble: Blocks = []
        self.lines: list[Line] = []
        self.trailing: Blocks = []


class Node:
    """A table of the document: its own section (None when only implied) and sub-tables."""

    __slots__ = ("children", "section")

    def __init__(self, section: Section | None = None) -> None:
        self.section = section
        self.children: dict[str, Node | ArrayOfTables] = {}


class ArrayOfTables:
    """``[[name]]`` tables: one node per element, in source order."""

    __slots__ = ("elements",)

    def __init__(self) -> None:
        self.elements: list[Node] = []


def format_toml(text: str, shape: Shape) -> str:
    """Format the TOML text of a catalog file whose top level has ``shape``."""
    stmts, quoted = statements(text)
    root, trailer = _tree(stmts)
    return Writer(quoted).document(root, trailer, shape)


# -- reading the tree -------------------------------------------------------------


def _blocks(pending: list[Statement]) -> tuple[Blocks, bool, bool]:
    """Comment blocks of ``pending``, whether a blank opens it, and whether one closes it."""
    blocks: Blocks = []
    current: list[str] | None = None
    for item in pending:
        if isinstance(item, Comment):
            if current is None:
                current = []
                blocks.append(current)
            current.append(item.text)
        else:
            current = None
    opens = bool(pending) and isinstance(pending[0], Blank)
    closes = bool(pending) and isinstance(pending[-1], Blank)
    return blocks, opens, closes


class Attacher:
    """Hangs the comments and blank lines of a statement stream on its keys and headers.

    Fed one statement at a time (:meth:`feed`) from the top of the file, or from a
    header on (the comments of one table depend only on its own statements and on
    the next header); :meth:`end` closes the file. Used by :func:`format_toml` for a
    whole file and by :mod:`.toml_placed` for the few tables that hold comments.
    """

    __slots__ = ("pending", "section", "seen_any")

    def __init__(self, section: Section, seen_any: bool = False) -> None:
        self.section = section
        self.pending: list[Statement] = []
        self.seen_any = seen_any  # whether a header or key has been read yet

    def feed(self, stmt: Statement) -> Section | None:
        """Take the next statement; for a header, return its new :class:`Section`."""
        if isinstance(stmt, Blank | Comment):
            self.pending.append(stmt)
            return None
        blocks, opens, closes = _blocks(self.pending)
        self.pending = []
        section = self.section
        if isinstance(stmt, KeyValue):
            if not section.lines:
                # Blocks before a blank line stay at the top of the table (or file).
                keep = blocks if closes else blocks[:-1]
                section.preamble += keep
                own = [] if closes else blocks[-1:]
                section.lines.append(Line(stmt, own, False, False))
            else:
                section.lines.append(Line(stmt, blocks, closes, opens))
            self.seen_any = True
            return None
        # A header: the block right under the previous table, when a blank
        # line follows it, stays with that table.
        if not self.seen_any:
            section.preamble += blocks if closes else blocks[:-1]
            blocks = [] if closes else blocks[-1:]
        elif blocks and not opens and (len(blocks) > 1 or closes):
            section.trailing.append(blocks.pop(0))
        self.section = Section(stmt, blocks, closes)
        self.seen_any = True
        return self.section

    def end(self) -> Blocks:
        """Close the file: the blocks that stay at its end (after the last table)."""
        blocks, opens, _ = _blocks(self.pending)
        if blocks and not opens and self.seen_any:
            self.section.trailing.append(blocks.pop(0))
        return blocks


def _tree(stmts: list[Statement]) -> tuple[Node, Blocks]:
    root = Node(Section(None, [], False))
    assert root.section is not None
    attacher = Attacher(root.section)
    for stmt in stmts:
        section = attacher.feed(stmt)
        if section is not None:
            assert isinstance(stmt, Header)
            _attach(root, stmt, section)
    return root, attacher.end()


def _attach(root: Node, header: Header, section: Section) -> None:
    node = root
    for key in header.keys[:-1]:
        nxt = node.children.get(key)
        if nxt is None:
            nxt = node.children[key] = Node()
        node = nxt.elements[-1] if isinstance(nxt, ArrayOfTables) else nxt
    last = header.keys[-1]
    if header.aot:
        aot = node.children.setdefault(last, ArrayOfTables())
        if not isinstance(aot, ArrayOfTables):
            raise CSTError(f"line {header.line}: [[{last}]] redefines a table")
        aot.elements.append(Node(section))
    else:
        existing = node.children.get(last)
        if existing is None:
            node.children[last] = Node(section)
        elif isinstance(existing, Node) and existing.section is None:
            existing.section = section
        else:
            raise CSTError(f"line {header.line}: table [{'.'.join(header.keys)}] defined twice")


# -- writing ------------------------------------------------------------------------


def render_key(keys: tuple[str, ...], quoted: set[str] | frozenset[str] = frozenset()) -> str:
    """A dotted key: parts bare where TOML allows, unless in ``quoted``; else basic strings."""
    return ".".join(k if _BARE.match(k) and k not in quoted else basic(k) for k in keys)


def basic(value: str) -> str:
    """``value`` as a TOML basic string."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    return _ESCAPES.get(ch) or f"\\u{ord(ch):04X}"


def render_string(s: String) -> str:
    """A string in canonical spelling.

    Basic strings stay as written. Other spellings become a basic string when
    that needs no escapes, else a one-line literal string when the value has
    no newline and fits one; otherwise they stay as written.
    """
    if s.kind == "basic":
        return s.raw
    value = decode_string(s.raw)
    if "\n" in value:
        return s.raw
    if not _NEEDS_ESCAPE.search(value):
        return '"' + value + '"'
    if s.kind != "literal" and _LITERAL_OK.match(value):
        return "'" + value + "'"
    return s.raw


def with_comment(text: str, comment: str | None, col: int) -> str:
    """``text`` with its inline comment: at its column when the text ends before it,
    else two spaces after the text."""
    if comment is None:
        return text
    width = len(text) - (text.rfind("\n") + 1)
    return text + (" " * (col - width) if col > width else "  ") + comment


class Writer:
    """Writes a tree of sections in canonical form, one line of ``out`` at a time."""

    def __init__(self, quoted: set[str]) -> None:
        self.out: list[str] = []
        self.quoted = quoted

    def key(self, keys: tuple[str, ...]) -> str:
        return render_key(keys, self.quoted)

    def blank(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")

    def blocks(self, blocks: Blocks, gap_after: bool) -> None:
        for i, block in enumerate(blocks):
            self.out.extend(block)
            if i < len(blocks) - 1 or gap_after:
                self.blank()

    def document(self, root: Node, trailer: Blocks, shape: Shape) -> str:
        self.table(root, (), shape)
        if trailer:
            self.blank()
            self.blocks(trailer, False)
        while self.out and self.out[-1] == "":
            self.out.pop()
        return "\n".join(self.out) + "\n" if self.out else ""

    def table(self, node: Node, keys: tuple[str, ...], shape: Shape) -> None:
        if node.section is not None:
            self.section(node.section, keys, shape)
        for key in shapes.ordered(shape, list(node.children)):
            child = node.children[key]
            sub = shapes.child(shape, key)
            if isinstance(child, ArrayOfTables):
                for element in child.elements:
                    self.table(element, (*keys, key), shapes.items(sub))
            else:
                self.table(child, (*keys, key), sub)

    def section(self, sec: Section, keys: tuple[str, ...], shape: Shape) -> None:
        if keys:
            self.opening(sec)
        self.body(sec, keys, shape)

    def opening(self, sec: Section) -> None:
        """What comes before a header: a blank line and the comments above it."""
        self.blank()
        self.blocks(sec.leading, sec.gap)

    def body(self, sec: Section, keys: tuple[str, ...], shape: Shape) -> None:
        """A table from its header (none for the top of the file) to its trailing block."""
        if keys:
            header = "[[" + self.key(keys) + "]]" if sec.aot else "[" + self.key(keys) + "]"
            self.out.append(with_comment(header, sec.comment, sec.comment_col))
        self.blocks(sec.preamble, True)
        lines = sec.lines
        ranks = shapes.rank(shape)
        if ranks is not None:
            last = len(ranks)
            lines = sorted(lines, key=lambda ln: ranks.get(ln.keys[0], last))
        for i, line in enumerate(lines):
            if i and line.blank_before:
                self.blank()
            self.blocks(line.leading, line.gap)
            text = (
                self.key(line.keys)
                + " = "
                + self.value(line.value, shapes.path(shape, line.keys), 0)
            )
            self.out.append(with_comment(text, line.comment, line.comment_col))
        self.trail(sec)

    def trail(self, sec: Section) -> None:
        """The block that stays at the end of a table."""
        for block in sec.trailing:
            self.out.extend(block)

    def value(self, value: Value, shape: Shape, depth: int) -> str:
        if isinstance(value, Scalar):
            return value.raw
        if isinstance(value, String):
            return render_string(value)
        if isinstance(value, InlineTable):
            return self.inline_table(value, shape, depth)
        return self.array(value, shape, depth)

    def inline_table(self, table: InlineTable, shape: Shape, depth: int) -> str:
        if not table.pairs:
            return "{}"
        ranks = shapes.rank(shape)
        pairs = list(table.pairs)
        if ranks is not None:
            last = len(ranks)
            pairs.sort(key=lambda p: ranks.get(p[0][0], last))
        body = ", ".join(
            self.key(keys) + " = " + self.value(v, shapes.path(shape, keys), depth)
            for keys, v in pairs
        )
        return "{ " + body + " }"

    def array(self, array: Array, shape: Shape, depth: int) -> str:
        element = shapes.items(shape)
        if not array.multiline:
            return "[" + ", ".join(self.value(i.value, element, depth) for i in array.items) + "]"
        inner = INDENT * (depth + 1)
        lines = ["["]
        for item in array.items:
            lines.extend(inner + c for c in item.leading)
            text = inner + self.value(item.value, element, depth + 1) + ","
            lines.append(with_comment(text, item.comment, item.comment_col))
        lines.extend(inner + c for c in array.tail)
        lines.append(INDENT * depth + "]")
        return "\n".join(lines)
