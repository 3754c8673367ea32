"""A catalog text's Markdown as reStructuredText markup: ``**x**`` is bold in the reST page too.

The text is read as the subset of :mod:`errdex.io.richtext` (the one the HTML
export and the web directory render) and written as reST:

- paragraphs, and bullet (``-``) and ordered (``1.``) lists, nested by indentation;
- ``*x*`` as ``*x*``, ``**x**`` as ``**x**``, ```x``` as ````x```` (a code a literal
  cannot hold, with a backtick or blanks at an end, as escaped text);
- ``[text](url)`` as an anonymous hyperlink ```text <url>`__``: it names no
  target, so two links with one text never clash;
- a code block as a literal block (``::``); a heading as a paragraph of strong text.

reST cannot nest inline markup: inside bold, emphasis or a link, inner markup
is written as its text. Every text is escaped with
:func:`errdex.convert.escape.rst_words` (no role, no target, no substitution, no
``javascript:`` link), and every line of a paragraph that would open a reST
construct (a directive ``..``, a field, a bullet or enumerator Markdown did not
read as a list, an option, a table, a section underline) starts with an escaped
character: catalog text never turns into a directive or a role.
"""

from __future__ import annotations

import re
from typing import Any

from errdex.convert.escape import rst_words, shown
from errdex.io.richtext import parse

_ENUM = r"(?:\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|#)"
_LINE_OPENER = re.compile(
    r"^(?:\.\.(?:\s|$)|([!-/:-@\[-`{-~])\1*\s*$|:|\+[-=]|>>>"  # as rst_text: directive …
    r"|[-+*•‣⁃](?:\s|$)|--?\w|/\w"  # a bullet, an option (``-v``, ``--all``, ``/V``)
    rf"|\(?{_ENUM}[.)](?:\s|$))"  # an enumerator Markdown did not read as one: ``A.``, ``(ii)``
)
"""What may open a reST construct at a paragraph line's start. An escaped blank
(``\\ ``) before it shows nothing and keeps the line from opening it (a backslash
alone would not do for a line of backslashes: that is a section underline still)."""
_START_OK = frozenset(" \t\n'\"([{<-/")
"""Characters reST lets stand right before inline markup (a colon is one too, but not
here: ``:role:`` right before a backtick would read as a role prefix)."""
_END_OK = frozenset(" \t\n'\")]}>-/.,;!?")
"""Characters reST lets stand right after inline markup (a colon not here either)."""


def rst_markup(text: str) -> str:
    """``text`` (catalog Markdown) as reST body elements, blocks separated by blank lines."""
    tokens = parse(shown(text))
    lines = _Blocks(tokens).render()
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


class _Blocks:
    """Block tokens to reST lines (one instance per text)."""

    def __init__(self, tokens: list[Any]) -> None:
        self.tokens = tokens
        self.pos = 0

    def render(self, until: str | None = None) -> list[str]:
        """Lines of the blocks from the current token up to a ``until`` closing token."""
        out: list[str] = []
        while self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            if until is not None and tok.type == until:
                return out
            self.pos += 1
            if tok.type in ("paragraph_open", "heading_open"):
                inline = self.tokens[self.pos]
                self.pos += 2  # inline, close
                strong = tok.type == "heading_open"
                _block(out, _inline(inline.children or [], strong=strong).split("\n"))
            elif tok.type in ("bullet_list_open", "ordered_list_open"):
                _block(out, self._list(tok))
            elif tok.type in ("fence", "code_block"):
                body = tok.content.rstrip("\n").split("\n")
                if any(ln.strip() for ln in body):  # an empty literal block is an error
                    _block(out, ["::", "", *("   " + ln if ln.strip() else "" for ln in body)])
        return out

    def _list(self, opener: Any) -> list[str]:
        ordered = opener.type == "ordered_list_open"
        number = int(opener.attrGet("start") or 1) if ordered else 0
        close = "ordered_list_close" if ordered else "bullet_list_close"
        out: list[str] = []
        while self.tokens[self.pos].type != close:
            self.pos += 1  # list_item_open
            marker = f"{number}. " if ordered else "- "
            number += 1
            body = self.render(until="list_item_close")
            self.pos += 1  # list_item_close
            while body and not body[-1].strip():
                body.pop()
            pad = " " * len(marker)
            item = [marker + body[0] if body else marker.rstrip()]
            item += [pad + ln if ln.strip() else "" for ln in body[1:]]
            _block(out, item)
        self.pos += 1
        while out and not out[-1].strip():
            out.pop()
        return out


def _block(out: list[str], lines: list[str]) -> None:
    """Append one block's ``lines`` and the blank line that ends it."""
    out += [*lines, ""]


def _inline(children: list[Any], *, strong: bool = False) -> str:
    """Inline tokens as reST text: the paragraph's lines joined by ``\\n``."""
    out = _Inline()
    depth = 0  # inside bold, emphasis or a link: inner markup is written as text
    link: list[str] | None = None
    href = ""
    for tok in children:
        kind = tok.type
        if kind == "text":
            if link is not None:
                link.append(tok.content)
            else:
                out.text(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            if link is not None:
                link.append(" ")
            else:
                out.newline()
        elif kind == "code_inline":
            if link is not None or depth or strong:
                (link.append if link is not None else out.text)(tok.content)
            else:
                out.literal(tok.content)
        elif kind in ("em_open", "strong_open"):
            if not depth and link is None and not strong:
                out.markup("**" if kind == "strong_open" else "*", opening=True)
            depth += 1
        elif kind in ("em_close", "strong_close"):
            depth -= 1
            if not depth and link is None and not strong:
                out.markup("**" if kind == "strong_close" else "*", opening=False)
        elif kind == "link_open":
            if depth or strong or link is not None:
                continue
            link, href = [], str(tok.attrGet("href") or "")
        elif kind == "link_close" and link is not None:
            out.link("".join(link), href)
            link = None
    text = out.value()
    if strong and text.strip():
        return "\n".join(f"**{line}**" if line.strip() else line for line in text.split("\n"))
    return text


class _Inline:
    """One paragraph's reST text, built piece by piece: escapes text, separates markup.

    reST reads inline markup only between blanks or punctuation; where a piece of
    markup touches a letter (``a**b**c``), an escaped space (``\\ ``, which shows
    nothing) stands between them.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line_start = True
        self.closed = False  # the last piece closed markup: the next may need a separator

    def _put(self, piece: str, *, markup: bool) -> None:
        if not piece:
            return
        if self.closed and piece[0] not in _END_OK:
            self.parts.append("\\ ")
        if markup and self.parts and not self.line_start and self.parts[-1][-1] not in _START_OK:
            self.parts.append("\\ ")
        self.parts.append(piece)
        self.line_start = False
        self.closed = False

    def text(self, text: str) -> None:
        escaped = rst_words(text)
        if self.line_start:
            escaped = escaped.lstrip()
            if _LINE_OPENER.match(escaped):  # an escaped blank: shows nothing, opens nothing
                escaped = "\\ " + escaped
        self._put(escaped, markup=False)

    def newline(self) -> None:
        self.parts.append("\n")
        self.line_start, self.closed = True, False

    def markup(self, mark: str, *, opening: bool) -> None:
        if opening:
            self._put(mark, markup=True)
        else:
            self.parts.append(mark)
            self.closed = True

    def literal(self, code: str) -> None:
        if "`" in code or code != code.strip() or not code or code.endswith("\\"):
            self.text(code)
            return
        self._put(f"``{code}``", markup=True)
        self.closed = True

    def link(self, label: str, href: str) -> None:
        url = href[:-1] + "\\_" if href.endswith("_") else href  # url_ would be a reference
        label = " ".join(label.split()) or href
        self._put(f"`{rst_words(label)} <{url}>`__", markup=True)
        self.closed = True

    def value(self) -> str:
        return "".join(self.parts)
