"""Snippets of search hits: a short plain-text excerpt with the matched words marked.

The same code cuts snippets for the server, the CLI and the static site's
index, so all three show the same excerpt for a hit. Which words are marked
follows the index: a query word marks every word with its stem, the last
one also words it is a prefix of (:class:`errdex.directory.tokenize.Highlighter`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from errdex.directory import tokenize
from errdex.directory.plain import plain
from errdex.model import Catalog, Entry

SNIPPET_CHARS = 160
"""A snippet longer than this is cut to a window around its first match."""


class Snippet(NamedTuple):
    """A short plain-text excerpt of a hit with the matched parts marked.

    ``marks`` are ``(start, end)`` character offsets into ``text``. The text is
    not escaped: whoever renders it (terminal, HTML) escapes it.
    """

    text: str
    marks: tuple[tuple[int, int], ...]
    field: str
    locale: str | None


def _join(texts: Iterable[str | None]) -> str:
    return "\n".join(t for t in texts if t)


def entry_texts(catalog: Catalog, entry: Entry) -> Iterator[tuple[str, str | None, str]]:
    """Yield ``(field, locale, text)`` for every searchable text of an entry.

    The entry's own texts come first, in its own locale, then each translation.
    """
    own = entry.locale or catalog.meta.default_locale
    for field in ("title", "message", "description", "solution"):
        text = getattr(entry, field)
        if text:
            yield field, own, text
    for variant in entry.variants:
        for text in (variant.message, variant.description, variant.solution):
            if text:
                yield "variants", own, text
    for locale, tr in entry.translations.items():
        for field in ("title", "message", "description", "solution"):
            text = getattr(tr, field)
            if text:
                yield field, locale, text


def extra_text(catalog: Catalog, entry: Entry) -> str:
    module = catalog.modules.get(entry.module) if entry.module else None
    space = catalog.spaces.get(entry.space)
    return _join(
        [
            *entry.tags,
            entry.module,
            module.title if module else None,
            space.title if space else None,
            entry.reason,
        ]
    )


class SnippetSource(NamedTuple):
    """What snippets are cut from, gathered once per entry: its code, name parts and texts."""

    code: str
    name: str | None
    """The name with its camel-case parts (:func:`tokenize.split_identifier`)."""
    texts: tuple[tuple[str, str | None, str], ...]
    """``(field, locale, text)`` as :func:`entry_texts` yields them."""
    extra: str

    @classmethod
    def of(cls, catalog: Catalog, entry: Entry) -> SnippetSource:
        name = tokenize.split_identifier(entry.name) if entry.name else None
        texts = tuple(entry_texts(catalog, entry))
        return cls(str(entry.code), name, texts, extra_text(catalog, entry))


def make_snippet(
    catalog: Catalog,
    entry: Entry,
    pattern: tokenize.Highlighter | None,
    locale: str | None = None,
    source: SnippetSource | None = None,
) -> tuple[Snippet | None, tuple[str, ...]]:
    """The best snippet of an entry for a highlighter, and the fields it matches
    (:func:`snippet_of` of the entry's :class:`SnippetSource`, or of ``source`` when the
    caller keeps one)."""
    return snippet_of(source or SnippetSource.of(catalog, entry), pattern, locale)


def snippet_of(
    source: SnippetSource, pattern: tokenize.Highlighter | None, locale: str | None = None
) -> tuple[Snippet | None, tuple[str, ...]]:
    """Return the best snippet of an entry's texts for a highlighter, and the fields it matches.

    The snippet comes from the first text that matches, preferring ``locale``,
    then the entry's own locale; when no text matches (a code or name hit) it
    is the entry's message or description, unmarked. Snippets are one line of
    plain text: Markdown markers (``**``, backticks, links) are removed.
    """
    texts = list(source.texts)
    if locale:
        want = tag(locale)
        texts.sort(key=lambda t: 0 if t[1] and want in (tag(t[1]), tag(t[1]).split("-")[0]) else 1)
    fields: list[str] = []
    best: Snippet | None = None
    if pattern is not None:
        search = pattern.search
        if search(source.code):
            fields.append("code")
        if source.name and search(source.name):
            fields.append("name")
        for field, loc, text in texts:
            if (best is not None and field in fields) or not search(text):
                continue
            if field not in fields:
                fields.append(field)
            if best is None:
                one_line = plain(" ".join(text.split()))
                marks = pattern.spans(one_line)
                best = _window(one_line, marks, field, loc)
        if source.extra and search(source.extra):
            fields.append("extra")
    if best is None and texts:
        shown = [t for t in texts if t[0] in ("message", "description")] or texts
        field, loc, text = shown[0]
        best = _window(plain(" ".join(text.split())), [], field, loc)
    return best, tuple(fields)


def _window(text: str, marks: list[tuple[int, int]], field: str, locale: str | None) -> Snippet:
    """Cut ``text`` to :data:`SNIPPET_CHARS` around its first mark; shift the marks to match."""
    if len(text) <= SNIPPET_CHARS:
        return Snippet(text, tuple(marks), field, locale)
    first = marks[0][0] if marks else 0
    start = max(0, min(first - SNIPPET_CHARS // 4, len(text) - SNIPPET_CHARS))
    end = start + SNIPPET_CHARS
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    shift = len(lead) - start
    kept = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in marks if s < end and e > start
    )
    return Snippet(lead + text[start:end] + tail, kept, field, locale)


def tag(locale: str) -> str:
    """A locale tag as compared here: trimmed, lower case, ``-`` between parts."""
    return locale.strip().replace("_", "-").lower()
