"""Recognise, at C speed, a commented TOML file that ``errdex fmt`` would leave as it is.

A file is a fixed point of the formatter (:mod:`.toml_format`) when, without
its comments, it is exactly the canonical writer's text (itself a fixed point:
the writer's contract) and every comment sits where the formatter puts it
back. :func:`settled` tells whether a file is such a "canonical text plus
comments" without reading its statements in Python: it visits only the lines
that hold a ``#`` or open a multi-line string (found with ``str.find``), cuts
the comments out, and compares what is left with the canonical text in one go.

Where the formatter leaves a comment (read from ``Attacher`` and ``Writer`` in
:mod:`.toml_format`). A *region* is a run of comment lines and empty lines
between two statements (or empty lines alone where the writer writes none, as
between two keys); a *block* is a run of comment lines:

- a comment after a key or a header keeps its column: it stays when one or
  more spaces (no tab) separate it from the statement;
- a comment line starts at column 0 and has no trailing whitespace; the
  blocks of a region are separated by one empty line (the formatter writes
  one for any run of blank lines);
- a region before the first key of a table (or of the file), or before the
  file's first header: no empty line opens it (the formatter drops it);
- a region before any later header holds an empty line (the formatter writes
  one before every header: a lone block right above a header gets one above);
- a region at the end of the file: no empty line closes it;
- a region between two keys: any (a lone empty line too: the formatter keeps one).

Anything else (a comment inside a multi-line array, a tab, two empty lines, a
spelling the writer would not use) is not recognised and the caller runs the
formatter: the answer is "yes, a fixed point" or "not known to be". A test
checks over generated files that every file recognised is a fixed point.
"""

from __future__ import annotations

from bisect import bisect_left

from errdex.io.fmt.toml_comments import Span, blank_lines, lex, regions, same_at

Cut = tuple[int, int, str]
"""``text[start:end]`` replaced by a string when the comments are taken out."""


def settled(text: str, canonical: str, lexed: tuple[list[Span], list[Span]] | None = None) -> bool:
    """Whether ``text`` (LF line ends, no BOM) is ``canonical`` — the canonical writer's
    text of a catalog — with comments where the formatter keeps them: then formatting
    ``text`` gives ``text`` back. False means "not recognised", not "would change".
    ``lexed``: :func:`~.toml_comments.lex` of ``text``, when already known."""
    if not text.endswith("\n"):
        return False
    if lexed is None:
        lexed = lex(text)
    if lexed is None:
        return False
    hashes, strings = lexed
    blanks = blank_lines(text, strings)
    if not hashes and not blanks:
        return False
    cuts = _literal_quotes(text, strings)
    string_ends = [end for _, end in strings]
    comment_lines: set[int] = set()  # line starts of the comment-only lines
    for at, eol in hashes:
        comment = text[at:eol]
        if comment != comment.rstrip():
            return False  # the formatter strips trailing whitespace
        start = text.rfind("\n", 0, at) + 1
        if start == at:
            comment_lines.add(start)
            continue
        end = at
        while text[end - 1] in " \t":
            end -= 1
        if end == start:
            return False  # an indented comment line: the formatter moves it to column 0
        if end == at or "\t" in text[end:at]:
            return False  # the formatter writes spaces before a trailing comment
        cuts.append((end, eol, ""))
    for region in regions(text, sorted([*comment_lines, *blanks]), comment_lines):
        cut = _cut(text, region, string_ends)
        if cut is None:
            return False
        cuts.append(cut)
    cuts.sort()
    cuts.append((len(text), len(text), ""))
    done = 0  # text[:done] matched canonical[:at]
    at = 0
    for start, end, image in cuts:
        if not same_at(text, done, start, canonical, at):
            return False
        at += start - done
        if not canonical.startswith(image, at):
            return False
        at += len(image)
        done = end
    return at == len(canonical)


def _literal_quotes(text: str, strings: list[tuple[int, int]]) -> list[Cut]:
    """The quotes of the multi-line literal strings ``'''...'''`` that hold exactly what the
    writer's multi-line basic string would (no backslash, no two quotes in a row, no quote
    at the end), turned into the writer's: the formatter keeps a multi-line string holding
    a line break as written."""
    cuts: list[Cut] = []
    for start, end in strings:
        if text.startswith("'''", start):
            body = text[start + 3 : end - 3]
            if "\n" in body and "\\" not in body and '""' not in body and body[-1:] != '"':
                cuts += [(start, start + 3, '"""'), (end - 3, end, '"""')]
    return cuts


def _cut(text: str, region: tuple[int, int, str], string_ends: list[int]) -> Cut | None:
    """What the canonical text holds in place of a region (nothing, or the empty line
    before a header), or None when the formatter would not leave the region as it is."""
    start, end, kinds = region
    if "ee" in kinds:
        return None
    opens, closes = kinds[0] == "e", kinds[-1] == "e"
    if start == 0:
        before = "start"
    else:
        line = text.rfind("\n", 0, start - 1) + 1
        i = bisect_left(string_ends, line + 1)
        ends_string = i < len(string_ends) and string_ends[i] <= start - 1
        before = "header" if text[line] == "[" and not ends_string else "key"
    if end == len(text):
        if before == "start" or closes:
            return None
        return (start, end, "")
    if text[end] == "[":
        if before == "start":
            return None if opens else (start, end, "")
        return (start, end, "\n") if "e" in kinds else None
    if before != "key" and opens:
        return None
    return (start, end, "")
