"""Escaping texts for each target: Markdown inline and table cells, CSV, RST, code spans.

Catalog texts are Markdown already (links, ``**bold**``, code spans stay as
written). What must not survive is what would change the document around the
text: an HTML tag (``<script>``) where Markdown would pass it through raw, a
``|`` or a newline inside a table cell. Every escape here has an exact
inverse in :mod:`errdex.convert.importers.markdown`, so imports round-trip.
"""

from __future__ import annotations

import re

_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_UNESCAPE = re.compile(r"&(lt|amp);")
_BR = re.compile(r"<br\s*/?>", re.I)


def one_line(text: str) -> str:
    """``text`` on one line, runs of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


def md_inline(text: str) -> str:
    """Escape what Markdown would read as raw HTML: ``<tag`` and ``&entity;``."""
    if "<" in text or "&" in text:
        text = _ENTITY.sub("&amp;", text)
        text = _HTML_START.sub("&lt;", text)
    return text


def md_unescape(text: str) -> str:
    """Undo :func:`md_inline`."""
    if "&" not in text:
        return text
    return _UNESCAPE.sub(lambda m: "<" if m.group(1) == "lt" else "&", text)


def md_cell(text: str) -> str:
    """A text as one Markdown table cell: HTML escaped, ``|`` as ``\\|``, newlines as ``<br>``."""
    text = md_inline(text)
    if "|" in text:
        text = text.replace("|", "\\|")
    if "\n" in text or "\r" in text:
        text = "<br>".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return text


def md_cell_unescape(cell: str) -> str:
    """Undo :func:`md_cell` on a stripped cell."""
    if "<" in cell:
        cell = _BR.sub("\n", cell)
    if "\\|" in cell:
        cell = cell.replace("\\|", "|")
    return md_unescape(cell)


def md_block(text: str, indent: int) -> str:
    """A multi-line text continuing a list item: later lines indented by ``indent`` spaces."""
    text = md_inline(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\n" not in text:
        return text
    pad = " " * indent
    first, *rest = text.split("\n")
    return "\n".join([first, *(pad + line if line.strip() else "" for line in rest)])


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, with a fence longer than any backtick run inside."""
    if "`" not in text:
        return f"`{text}`"
    longest = max(len(run) for run in re.findall(r"`+", text))
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def strip_code_span(text: str) -> str:
    """Undo :func:`code_span` (and plain single backticks) around a whole cell or value."""
    text = text.strip()
    m = re.fullmatch(r"(`+)(.*?)\1", text, re.S)
    if not m:
        return text
    inner = m.group(2)
    if len(m.group(1)) > 1 and inner.startswith(" ") and inner.endswith(" ") and len(inner) > 1:
        inner = inner[1:-1]
    return inner


def fence_for(body: str, char: str = "`") -> str:
    """A code fence longer than any run of ``char`` at a line start inside ``body``."""
    runs = re.findall(rf"^\s*({re.escape(char)}{{3,}})", body, re.M)
    return char * max([3, *(len(r) + 1 for r in runs)])


_RST_SPECIAL = re.compile(r"([\\`*_|\[\]<>])")


def rst_inline(text: str) -> str:
    """Escape reStructuredText inline markup so the text shows literally."""
    return _RST_SPECIAL.sub(r"\\\1", text)


def csv_quote(value: str) -> str:
    """One CSV field, always quoted (RFC 4180: a quote inside is doubled)."""
    return '"' + value.replace('"', '""') + '"'


def html_text(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and both quotes for HTML text and attribute values."""
    import html

    return html.escape(text, quote=True)
