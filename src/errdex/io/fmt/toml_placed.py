"""Format a commented TOML file without reading every statement: canonical text, comments placed.

The formatter (:mod:`.toml_format`) reads a file statement by statement in
Python. Most of a catalog needs no such reading: when the file, its comments
and odd empty lines cut out, is the canonical writer's text with only the keys
of some tables in another order (:meth:`.toml_writer.Trace.as_read`, compared
at C speed), the formatter's output is the canonical text itself, except in the
tables that hold a comment or an empty line the writer would not write. Only
those tables are read, by the formatter's own reader, and written by its own
code (:class:`~.toml_format.Attacher`, :class:`~.toml_format.Writer`); every
other table is copied from the canonical text.

Why the copy is the formatter's output: a table's output depends only on its
own statements, its shape and the statements of the region before the next
header (which gives this table its trailing block and the next one its
leading blocks). With the key lines of a table in another order, the formatter
sorts them (stably, by the spec's rank) into the writer's order and writes each
line as it is (the writer's spelling is a fixed point); the tables are in the
canonical order already (else the texts differ and :func:`placed` says None).

:func:`placed` answers the formatter's text or None ("not known": the caller
runs the formatter). A test compares it with the formatter over generated
files with comments, empty lines, CRLF and a BOM in every position.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from errdex.io.fmt import shape as shapes
from errdex.io.fmt.shape import Shape
from errdex.io.fmt.toml_comments import Span, blank_lines, lex, regions, same_at
from errdex.io.fmt.toml_cst import CSTError, Header, statements
from errdex.io.fmt.toml_format import Attacher, Section, Writer, with_comment
from errdex.io.fmt.toml_settled import settled
from errdex.io.fmt.toml_writer import Trace


def placed(
    text: str,
    canonical: str,
    trace: Trace,
    quoted: set[str],
    lexed: tuple[list[Span], list[Span]] | None = None,
    role: str = "main",
) -> str | None:
    """What the formatter makes of ``text`` (LF line ends, no BOM), given the canonical
    writer's text for its data (key names in ``quoted`` quoted) and its trace, or None
    when ``text`` is not that text with keys moved inside tables and comments added, or
    when the result is not recognised as a fixed point of the formatter.
    ``lexed``: :func:`~.toml_comments.lex` of ``text``, when already known; ``role``: the
    file's in a folder catalog (``main``, ``module`` or ``locale``)."""
    if lexed is None:
        lexed = lex(text)
        if lexed is None:
            return None
    hashes, strings = lexed
    cuts = _cuts(text, hashes, strings)
    found = _align(text, cuts, trace.as_read())
    if found is None:
        return None
    if not cuts:
        return canonical
    return _assemble(text, canonical, trace, quoted, cuts, found, strings, role)


Cut = tuple[int, int, str, bool]
"""``text[start:end]`` replaced by a string, and whether it is a region (not a comment
after a statement)."""


def _cuts(text: str, hashes: list[Span], strings: list[Span]) -> list[Cut]:
    """What to take out of ``text`` to get the writer's text: each comment after a
    statement, and each region of comment lines and empty lines (replaced by the empty
    line the writer writes above a header, or by nothing)."""
    cuts: list[Cut] = []
    comment_lines: set[int] = set()
    for at, eol in hashes:
        start = text.rfind("\n", 0, at) + 1
        end = at
        while end > start and text[end - 1] in " \t":
            end -= 1
        if end == start:
            comment_lines.add(start)
        else:
            cuts.append((end, eol, "", False))
    seeds = sorted([*comment_lines, *blank_lines(text, strings)])
    for start, end, _ in regions(text, seeds, comment_lines):
        header_next = end < len(text) and text[end] == "["
        cuts.append((start, end, "\n" if header_next and start > 0 else "", True))
    cuts.sort()
    return cuts


def _align(text: str, cuts: list[Cut], other: str) -> tuple[list[int], list[int]] | None:
    """Whether ``text`` with ``cuts`` made is ``other``: then the segments between the
    cuts (where each starts in ``text``, where in ``other``)."""
    in_text: list[int] = []
    in_other: list[int] = []
    done = at = 0  # text[:done] matched other[:at]
    for start, end, image, _ in cuts:
        if not same_at(text, done, start, other, at):
            return None
        in_text.append(done)
        in_other.append(at)
        at += start - done
        if not other.startswith(image, at):
            return None
        at += len(image)
        done = end
    if not same_at(text, done, len(text), other, at) or at + len(text) - done != len(other):
        return None
    in_text.append(done)
    in_other.append(at)
    return in_text, in_other


def _assemble(
    text: str,
    canonical: str,
    trace: Trace,
    quoted: set[str],
    cuts: list[Cut],
    segments: tuple[list[int], list[int]],
    strings: list[Span],
    role: str,
) -> str | None:
    """The canonical text with the tables that hold a cut formatted from ``text``."""
    tables: list[tuple[int, int, list[Cut]]] = []  # from a header (-1: the top) to the next
    for cut in cuts:
        if tables and cut[0] < tables[-1][1]:
            tables[-1][2].append(cut)
        else:
            first = _header(text, cut[0], strings, before=True)
            tables.append((first, _header(text, cut[0], strings, before=False), [cut]))
    heads: list[int] = []  # where each header is in the writer's text, when needed
    pieces: list[str] = []
    done = 0  # canonical[:done] is in pieces
    for first, last, held in tables:
        start = _forth(first, segments) if first >= 0 else 0
        end = _forth(last, segments)
        written = None
        if first >= 0:
            written = _commented(text, canonical[start:end], held, first, last, quoted)
        if written is None:
            shape = shapes.of_file(role)
            if first >= 0:
                if not heads:
                    lengths = list(accumulate(map(len, trace.lines), initial=0))
                    heads = [lengths[i] + i for i in trace.heads]
                shape = trace.shapes[bisect_right(heads, start) - 1]
            written = _table(text, max(first, 0), last, first >= 0, shape, quoted)
        if written is None or not _stable(written, canonical, start, end):
            return None
        pieces += [canonical[done:start], written]
        done = end
    pieces.append(canonical[done:])
    return "".join(pieces)


def _stable(written: str, canonical: str, start: int, end: int) -> bool:
    """Whether a table written from the file, ``canonical[start:end]`` in the writer's
    text, is a fixed point of the formatter: the writer's table with comments where the
    formatter keeps them (:func:`~.toml_settled.settled`, on the table and the next
    header's line: what the rules look at around a table; the rest of the text is the
    writer's, itself a fixed point)."""
    table = canonical[start:end]
    if written == table:
        return True
    nl = canonical.find("\n", end)
    after = canonical[end : nl + 1] if end < len(canonical) else ""
    return settled(written + after, table + after)


def _header(text: str, at: int, strings: list[Span], before: bool) -> int:
    """Where the last header line starting at or before ``at`` starts (-1: none), or
    the first one after ``at`` (the text's end: none). A line starting with ``[`` outside
    a multi-line string is a header in a text that is the writer's but for comments."""
    while True:
        i = text.rfind("\n[", 0, at) if before else text.find("\n[", at)
        if i < 0:
            return (0 if text.startswith("[") else -1) if before else len(text)
        k = bisect_right(strings, (i + 1, i + 1)) - 1
        if k < 0 or not strings[k][0] < i + 1 < strings[k][1]:
            return i + 1
        at = strings[k][0] if before else strings[k][1]


def _forth(at: int, segments: tuple[list[int], list[int]]) -> int:
    """The place in the writer's text of a line start ``at`` of the file (not in a cut)."""
    in_text, in_other = segments
    i = bisect_right(in_text, at) - 1
    return in_other[i] + at - in_text[i]


def _commented(
    text: str, table: str, cuts: list[Cut], first: int, end: int, quoted: set[str]
) -> str | None:
    """The formatter's text of a table (not the top of the file) whose cuts are comments
    after a line and a region right above the next header (or at the end of the file),
    without reading its statements: ``table`` is its canonical text, ``text[first:end]``
    the table in the file. None for any other table (or a line met twice in it)."""
    region = cuts[-1] if cuts[-1][3] and cuts[-1][1] == end else None
    lines = table.split("\n")  # ends with "" (and, above a header, the blank line's "")
    for start, eol, _, is_region in cuts if region is None else cuts[:-1]:
        if is_region:
            return None
        line_start = text.rfind("\n", 0, start) + 1
        line = text[line_start:start]
        if line_start == first:  # the header's line: the table's first line
            if not table.startswith(line + "\n"):
                return None
            at = 0
        else:  # a key's line (or a multi-line value's last: its comment goes there too)
            found = table.find("\n" + line + "\n")
            if found < 0 or table.find("\n" + line + "\n", found + 1) >= 0:
                return None
            at = table.count("\n", 0, found + 1)
        mark = text.index("#", start)
        lines[at] = with_comment(line, text[mark:eol].rstrip(), mark - line_start)
    if region is None:
        return "\n".join(lines)
    try:
        pending, _ = statements(text[region[0] : region[1]])
    except CSTError:
        return None
    section = Section(None, [], False)  # stands for this table: only its trailing block
    attacher = Attacher(section, seen_any=True)
    if any(attacher.feed(stmt) is not None for stmt in pending):
        return None
    writer = Writer(quoted)
    if region[1] < len(text):  # above the next header
        writer.out = lines[:-2]  # less the blank line
        after = attacher.feed(Header(0, ("next",), False, None, 0))
        assert after is not None
        writer.trail(section)
        writer.opening(after)
    else:  # at the end of the file
        writer.out = lines[:-1]
        trailer = attacher.end()
        writer.trail(section)
        if trailer:
            writer.blank()
            writer.blocks(trailer, False)
        while writer.out and writer.out[-1] == "":
            writer.out.pop()
    return "\n".join(writer.out) + "\n"


def _table(
    text: str, start: int, end: int, headed: bool, shape: Shape, quoted: set[str]
) -> str | None:
    """The formatter's text of the table at ``text[start:end]`` (its header to the next
    header; the top of the file unless ``headed``), or None when its reader disagrees."""
    nl = text.find("\n", end)
    nxt = text[end : len(text) if nl < 0 else nl + 1]  # the next header's line, if any
    try:
        stmts, _ = statements(text[start:end] + nxt)
    except CSTError:
        return None
    headers = [s for s in stmts if isinstance(s, Header)]
    if len(headers) != headed + bool(nxt) or (headed and not isinstance(stmts[0], Header)):
        return None
    attacher = Attacher(Section(None, [], False), seen_any=headed)
    section = attacher.section
    after: Section | None = None
    for stmt in stmts:
        opened = attacher.feed(stmt)
        if opened is None:
            continue
        if stmt is headers[0] and headed:
            section = opened
        else:
            after = opened
    trailer = attacher.end() if after is None else []  # (it gives the last table its end)
    writer = Writer(quoted)
    writer.body(section, headers[0].keys if headed else (), shape)
    if after is not None:
        writer.opening(after)
    else:
        if trailer:
            writer.blank()
            writer.blocks(trailer, False)
        while writer.out and writer.out[-1] == "":
            writer.out.pop()
    return "\n".join(writer.out) + "\n" if writer.out else ""
