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
from errdex.io.fmt.toml_comments import Span, blank_lines, lex, regions
from errdex.io.fmt.toml_cst import CSTError, Header, statements
from errdex.io.fmt.toml_format import Attacher, Section, Writer
from errdex.io.fmt.toml_writer import Trace

_CHUNK = 1 << 20


def placed(text: str, trace: Trace, quoted: set[str]) -> str | None:
    """What the formatter makes of ``text`` (LF line ends, no BOM), given the trace of the
    canonical writer's text for its data (key names in ``quoted`` quoted), or None when
    ``text`` is not that text with keys moved inside tables and comments added."""
    lexed = lex(text)
    if lexed is None:
        return None
    hashes, strings = lexed
    cuts = _cuts(text, hashes, strings)
    if cuts is None:
        return None
    as_read = trace.as_read()
    found = _align(text, cuts, as_read)
    if found is None:
        return None
    places, segments = found
    canonical = "\n".join(trace.lines) + "\n" if trace.lines else ""
    if not cuts:
        return canonical
    return _assemble(text, canonical, trace, quoted, cuts, places, segments)


Cut = tuple[int, int, str, bool]
"""``text[start:end]`` replaced by a string, and whether it is a region (not a comment
after a statement)."""


def _cuts(text: str, hashes: list[Span], strings: list[Span]) -> list[Cut] | None:
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


def _align(
    text: str, cuts: list[Cut], other: str
) -> tuple[list[int], tuple[list[int], list[int]]] | None:
    """Whether ``text`` with ``cuts`` made is ``other``: then where each cut's image is in
    ``other``, and the segments between them (starts in ``text``, starts in ``other``)."""
    places: list[int] = []
    in_text: list[int] = []
    in_other: list[int] = []
    done = at = 0  # text[:done] matched other[:at]
    for start, end, image, _ in cuts:
        if not _same(text, done, start, other, at):
            return None
        in_text.append(done)
        in_other.append(at)
        at += start - done
        places.append(at)
        if not other.startswith(image, at):
            return None
        at += len(image)
        done = end
    if not _same(text, done, len(text), other, at) or at + len(text) - done != len(other):
        return None
    in_text.append(done)
    in_other.append(at)
    return places, (in_text, in_other)


def _same(text: str, start: int, end: int, other: str, at: int) -> bool:
    """Whether ``text[start:end]`` is in ``other`` at ``at``, compared a chunk at a time."""
    if end - start > len(other) - at:
        return False
    for i in range(start, end, _CHUNK):
        if not other.startswith(text[i : min(i + _CHUNK, end)], at + i - start):
            return False
    return True


def _assemble(
    text: str,
    canonical: str,
    trace: Trace,
    quoted: set[str],
    cuts: list[Cut],
    places: list[int],
    segments: tuple[list[int], list[int]],
) -> str | None:
    """The canonical text with the tables that hold a cut formatted from ``text``."""
    lengths = list(accumulate(map(len, trace.lines), initial=0))
    heads = [lengths[i] + i for i, _ in trace.heads]  # where each header is, in both texts
    tables: dict[int, None] = {}  # the tables holding cuts (-1: the top of the file)
    for (_, _, _, region), at in zip(cuts, places, strict=True):
        j = bisect_right(heads, at) - 1
        if region and j >= 0 and heads[j] == at:
            j -= 1  # a region right above a header belongs to the table before it
        tables[j] = None
    pieces: list[str] = []
    done = 0  # canonical[:done] is in pieces
    top = shapes.of_file("main")
    for j in tables:
        start = heads[j] if j >= 0 else 0
        end = heads[j + 1] if j + 1 < len(heads) else len(canonical)
        shape = trace.heads[j][1] if j >= 0 else top
        first = _back(start, segments) if j >= 0 else 0  # the top: from the file's start
        written = _table(text, first, _back(end, segments), j, shape, quoted)
        if written is None:
            return None
        pieces += [canonical[done:start], written]
        done = end
    pieces.append(canonical[done:])
    return "".join(pieces)


def _back(at: int, segments: tuple[list[int], list[int]]) -> int:
    """The place in the file of a line start ``at`` of the writer's text."""
    in_text, in_other = segments
    i = bisect_right(in_other, at) - 1
    return in_text[i] + at - in_other[i]


def _table(text: str, start: int, end: int, j: int, shape: Shape, quoted: set[str]) -> str | None:
    """The formatter's text of the table at ``text[start:end]`` (its header to the next
    header; the top of the file when ``j`` is -1), or None when its reader disagrees."""
    nl = text.find("\n", end)
    nxt = text[end : len(text) if nl < 0 else nl + 1]  # the next header's line, if any
    try:
        stmts, _ = statements(text[start:end] + nxt)
    except CSTError:
        return None
    headers = [s for s in stmts if isinstance(s, Header)]
    if len(headers) != (j >= 0) + bool(nxt) or (j >= 0 and not isinstance(stmts[0], Header)):
        return None
    attacher = Attacher(Section(None, [], False), seen_any=j >= 0)
    section = attacher.section
    after: Section | None = None
    for stmt in stmts:
        opened = attacher.feed(stmt)
        if opened is None:
            continue
        if stmt is headers[0] and j >= 0:
            section = opened
        else:
            after = opened
    trailer = attacher.end() if after is None else []  # (it gives the last table its end)
    writer = Writer(quoted)
    writer.body(section, headers[0].keys if j >= 0 else (), shape)
    if after is not None:
        writer.opening(after)
    else:
        if trailer:
            writer.blank()
            writer.blocks(trailer, False)
        while writer.out and writer.out[-1] == "":
            writer.out.pop()
    return "\n".join(writer.out) + "\n" if writer.out else ""
