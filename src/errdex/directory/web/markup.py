"""Safe rich text for the web directory: the catalog's Markdown subset, everything else text.

Catalog texts are data, not markup. :func:`rich` renders the one Markdown subset
errdex reads in catalog texts (:mod:`errdex.io.richtext`, the same the HTML export
renders): paragraphs, lists, emphasis, strong emphasis, code spans and code blocks,
links whose URL is http, https, mailto or relative (``javascript:``, ``data:`` and
``//host`` stay literal text), a heading as a strong paragraph; raw HTML, tables and
everything else are escaped text. Every text is bounded by :func:`clip` before it is
rendered, so a 1 MB description cannot make a 1 MB page.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from errdex.io.richtext import to_html

MAX_TEXT = 20_000
"""The most characters of one text the directory shows (pages and JSON alike)."""
MAX_SHORT = 300
"""The most characters of a text in a list or a search result."""


def clip(text: str | None, limit: int = MAX_TEXT) -> str:
    """Return ``text`` cut to ``limit`` characters, ending with ``…`` when cut ("" for None)."""
    if not text:
        return ""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def short(text: str | None) -> str:
    """One line of at most :data:`MAX_SHORT` characters: whitespace collapsed, then clipped."""
    if not text:
        return ""
    return clip(" ".join(text[: MAX_SHORT * 4].split()), MAX_SHORT)


def rich(text: str | None, limit: int = MAX_TEXT) -> Markup:
    """Return ``text`` as safe HTML blocks (see the module docstring for what is kept)."""
    body = clip(text, limit)
    if not body.strip():
        return Markup("")
    return Markup(to_html(body))


def highlight(text: str, marks: tuple[tuple[int, int], ...] | list[list[int]]) -> Markup:
    """Return ``text`` escaped, with the ``(start, end)`` spans wrapped in ``<mark>``."""
    out: list[str] = []
    pos = 0
    for start, end in sorted((int(s), int(e)) for s, e in marks):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return Markup("".join(out))
