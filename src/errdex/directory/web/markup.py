"""Safe rich text for the web directory: escape everything, then allow a small Markdown subset.

Catalog texts are data, not markup. :func:`rich` HTML-escapes the whole text
first and only then turns back on what is safe by construction: code spans
(`` `x` ``), strong emphasis (``**x**``), and links ``[text](url)`` whose URL
is ``http://`` or ``https://`` (any other scheme, ``javascript:`` included,
stays as literal text). Blank lines separate paragraphs. Every text is
bounded by :func:`clip` before it is rendered, so a 1 MB description cannot
make a 1 MB page.
"""

from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

MAX_TEXT = 20_000
"""The most characters of one text the directory shows (pages and JSON alike)."""
MAX_SHORT = 300
"""The most characters of a text in a list or a search result."""

_INLINE = re.compile(
    r"(?P<code>`[^`\n]{1,500}`)"
    r"|\*\*(?P<strong>[^*\n]{1,500})\*\*"
    r"|\[(?P<label>[^\]\n]{1,300})\]\((?P<url>https?://[^\s()<>\"']{1,2000})\)"
)


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


def _inline(escaped: str) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group("code"):
            return f"<code>{m.group('code')[1:-1]}</code>"
        if m.group("strong"):
            return f"<strong>{m.group('strong')}</strong>"
        url = m.group("url")  # already escaped: & is &amp;, no quotes or < > can occur
        return f'<a href="{url}" rel="nofollow noopener noreferrer">{m.group("label")}</a>'

    return _INLINE.sub(sub, escaped)


def rich(text: str | None, limit: int = MAX_TEXT) -> Markup:
    """Return ``text`` as safe HTML paragraphs (see the module docstring for what is kept)."""
    body = clip(text, limit)
    if not body.strip():
        return Markup("")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    html = "".join(f"<p>{_inline(escape(' '.join(p.split()), quote=True))}</p>" for p in paragraphs)
    return Markup(html)


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
