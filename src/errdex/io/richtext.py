"""The Markdown a catalog text may hold, read one way for every output that renders it.

Catalog texts (descriptions, solutions, messages, reasons) are Markdown, but a
small subset of it, the same for the HTML export (:mod:`errdex.convert.html`), the
reST export (:mod:`errdex.convert.rstmarkup`) and the web directory
(:mod:`errdex.directory.web.markup`):

- paragraphs (a blank line between), line breaks;
- bullet and ordered lists, nested;
- emphasis (``*x*``), strong emphasis (``**x**``), code spans (```x```);
- links ``[text](url)`` and ``<url>`` whose URL :func:`safe_url` allows (http,
  https, mailto, or relative; never ``javascript:``, ``data:`` nor ``//host``);
  any other link stays text;
- code blocks (fenced or indented), shown as preformatted text;
- a heading (``# x``, ``x\\n---``) is no heading of the page: an entry's text sits
  inside a table cell or an article, so it is shown as a paragraph of strong text.

Everything else is shown as the text it is: raw HTML (``<script>``), tables
(``| a | b |``), block quotes, images, rules, strikethrough. Control and bidi
characters are shown as visible escapes first (:func:`errdex.io.controls.in_document`).
:func:`parse` reads a text into markdown-it-py tokens with exactly these rules on;
:func:`to_html` renders them as HTML, every text escaped.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

from errdex.io.controls import in_document

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
"""The URL schemes a link may have; a relative link (no scheme, not ``//host``) is allowed."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")

_OFF = ("table", "blockquote", "hr", "html_block", "html_inline", "image", "strikethrough")
"""The markdown-it rules outside the subset: what they would read stays text."""


def safe_url(url: str) -> str | None:
    """``url`` when it is relative or its scheme is http, https or mailto; None otherwise.

    The scheme is read as a browser would: entities decoded, Markdown
    backslash escapes, whitespace and control characters dropped
    (``java\\tscript&#58;`` is ``javascript:``). A protocol-relative URL
    (``//host/x``, ``\\\\host``) names another host without saying how: refused.
    """
    probe = _INVISIBLE.sub("", _MD_ESCAPE.sub(r"\1", html.unescape(url))).lstrip("<")
    if probe.startswith(("//", "\\\\", "/\\", "\\/")):
        return None
    m = _SCHEME.match(probe)
    if m is None:
        return url
    return url if m.group(1).lower() in SAFE_SCHEMES else None


@functools.lru_cache(maxsize=1)
def markdown() -> Any:
    """The markdown-it-py parser of the subset (CommonMark, raw HTML off, safe links only)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(list(_OFF))
    # markdown-it documents replacing validateLink on the instance to filter links
    md.validateLink = lambda url: safe_url(url) is not None  # type: ignore[method-assign]
    md.add_render_rule("heading_open", _strong_paragraph_open)
    md.add_render_rule("heading_close", _strong_paragraph_close)
    md.add_render_rule("link_open", _link_open)
    return md


def parse(text: str) -> list[Any]:
    """``text`` as markdown-it-py block tokens of the subset (inline ones as ``children``)."""
    return list(markdown().parse(in_document(text)))


def to_html(text: str) -> str:
    """``text`` as HTML blocks: the subset's markup, every other character escaped.

    Links carry ``rel="nofollow noopener noreferrer"``; blocks follow each other
    without a line break between them.
    """
    out = str(markdown().render(in_document(text)))
    return out.replace(">\n<", "><").strip()


def to_html_inline(text: str) -> str:
    """``text`` (one line) as inline HTML: the subset's inline markup, the rest escaped
    (a line break is a line break of the HTML source: no block is made)."""
    return str(markdown().renderInline(in_document(text)))


def _strong_paragraph_open(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return "<p><strong>"


def _strong_paragraph_close(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return "</strong></p>\n"


def _link_open(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    tokens[idx].attrSet("rel", "nofollow noopener noreferrer")
    return str(self.renderToken(tokens, idx, options, env))
