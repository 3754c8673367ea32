"""Control and bidi characters made visible in the directory's HTML.

Catalog texts are data, and a hostile or careless one can hold characters a
page must not pass on raw: an ESC starts a terminal escape when a page is
``curl``-ed or its text copied into a shell (``\\x1b]0;pwned\\x07`` retitles the
terminal), a BEL rings it, and the bidi overrides and isolates (U+202A–U+202E,
U+2066–U+2069) reorder the text after them, so a code or a command reads
otherwise than it is (the "Trojan Source" trick). :func:`visible` replaces

- each C0 control but tab, line feed and carriage return with its Unicode
  control picture (ESC → ``␛``, BEL → ``␇``, NUL → ``␀``), and DEL with ``␡``;
- each C1 control (U+0080–U+009F) and bidi embedding, override or isolate with
  ``⟨U+202E⟩``, its code point written out.

Letters and the marks right-to-left text needs (LRM, RLM, ALM) stay as they
are. The pages apply it to all they render, every catalog text, query and
title included (:class:`~errdex.directory.web.pages.Pages`); ``errdex.js``
does the same to the search hits it builds from the JSON API, which keeps the
data unchanged (JSON escapes the controls itself). The rule is errdex's one for
every page (:mod:`errdex.io.controls`): the HTML, Markdown, MyST and reST exports
show these characters the same way.
"""

from __future__ import annotations

from errdex.io.controls import PAGE_HIDDEN as HIDDEN
from errdex.io.controls import in_document


def visible(text: str) -> str:
    """``text`` with every character of :data:`HIDDEN` shown in a visible form (see the
    module docstring); the very same string when it holds none, the common case."""
    return in_document(text)


__all__ = ["HIDDEN", "visible"]
