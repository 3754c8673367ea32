"""Full-text search over many catalogs: one in-memory SQLite FTS5 index.

Each entry is one row with eight columns, weighted for BM25 ranking::

    code 10 · name 8 · title 5 · message 5 · description 2 · solution 2 · extra 1 · facets 0

``title``, ``message``, ``description`` and ``solution`` hold the entry's own
text and its translations in every locale; ``message`` also holds the known
message variants; ``extra`` holds tags, the module and space titles and a
removed code's reason. CJK text is indexed as bigrams
(:mod:`errdex.directory.tokenize`), so Chinese queries work without a
dictionary. Filters (catalog, module, space, HTTP status, retryable, locale)
are tokens of an eighth column, ``facets`` (weight 0), so FTS5 intersects
them with the words; catalog, module and space also narrow the scan to the
rowid range holding their entries.

The index is built once (``executemany`` into an in-memory database) and
queried under a lock, so one :class:`SearchIndex` can serve many threads.
User queries never reach FTS5 as syntax; see :func:`tokenize.match_expression`.
"""

from __future__ import annotations

import bisect
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from errdex.directory import tokenize
from errdex.directory.plain import plain
from errdex.model import Catalog, Entry
from errdex.model.effective import http_status

COLUMNS = ("code", "name", "title", "message", "description", "solution", "extra", "facets")
WEIGHTS = (10.0, 8.0, 5.0, 5.0, 2.0, 2.0, 1.0, 0.0)
"""BM25 weight of each column of :data:`COLUMNS`; ``facets`` (filter tokens) weighs nothing."""
WEIGHT_ARGS = ", ".join(str(w) for w in WEIGHTS)

SNIPPET_CHARS = 160
"""A snippet longer than this is cut to a window around its first match."""

RANK_WINDOW = 500
"""A query finds at most this many matches (the first in registry order) and ranks them;
when there are more, ``total_exact`` is false and ``total`` is this number."""

EXACT_SCORE = 1000.0
"""The score of an exact code or name match, which always ranks first."""


class Snippet(NamedTuple):
    """A short plain-text excerpt of a hit with the matched parts marked.

    ``marks`` are ``(start, end)`` character offsets into ``text``. The text is
    not escaped: whoever renders it (terminal, HTML) escapes it.
    """

    text: str
    marks: tuple[tuple[int, int], ...]
    field: str
    locale: str | None


class Hit(NamedTuple):
    """One search result: the entry, its catalog, its score and why it matched.

    ``score`` is higher for better hits (:data:`EXACT_SCORE` for an exact code
    or name match, else BM25); ``fields`` names the fields the query matched
    (``code``, ``name``, ``title``, ``message``, ``description``, ``solution``,
    ``variants``, ``extra``).
    """

    catalog_id: str
    entry: Entry
    score: float
    snippet: Snippet | None
    fields: tuple[str, ...]


class SearchResult(NamedTuple):
    """A page of search results: ``hits`` (at most ``limit``) out of ``total`` matches.

    ``truncated`` says that the query was longer than the search accepts
    (:data:`tokenize.MAX_QUERY_CHARS` characters, :data:`tokenize.MAX_TERMS`
    terms) and was cut. ``total_exact`` is false when more than
    :data:`RANK_WINDOW` entries matched: ``total`` is then that cap.
    """

    query: str
    hits: list[Hit]
    total: int
    limit: int
    offset: int
    truncated: bool = False
    total_exact: bool = True
    """False when more than :data:`RANK_WINDOW` entries matched: ``total`` is then a lower bound."""


class Filters(NamedTuple):
    """What a search is restricted to; ``None`` means no restriction."""

    catalog: str | None = None
    module: str | None = None
    space: str | None = None
    http_status: int | None = None
    retryable: bool | None = None
    locale: str | None = None

    def pairs(self) -> list[tuple[str, str]]:
        """The filters as ``(kind, value)`` facets, as the index stores them."""
        out = [
            (kind, str(value))
            for kind, value in (
                ("catalog", self.catalog),
                ("module", self.module),
                ("space", self.space),
            )
            if value is not None
        ]
        if self.http_status is not None:
            out.append(("http_status", str(self.http_status)))
        if self.retryable is not None:
            out.append(("retryable", str(int(self.retryable))))
        if self.locale:
            out.append(("locale", _tag(self.locale)))
        return out

    def accepts(self, catalog: Catalog, entry: Entry, locales: str) -> bool:
        """Whether an entry passes the filters (``locales`` as stored in the index)."""
        return (
            (self.catalog is None or self.catalog == catalog.meta.id)
            and (self.module is None or self.module == entry.module)
            and (self.space is None or self.space == entry.space)
            and (self.http_status is None or self.http_status == http_status_of(catalog, entry))
            and (self.retryable is None or self.retryable == entry.retryable)
            and (not self.locale or f"|{_tag(self.locale)}|" in locales)
        )


NO_FILTERS = Filters()
"""No restriction: search everything."""


def http_status_of(catalog: Catalog, entry: Entry) -> int | None:
    """The HTTP status the catalog states for an entry: its (effective) ``http_status``,
    else its own code when it sits in an ``http`` space (as the runtime sends it)."""
    return http_status(catalog, entry)


def _tag(locale: str) -> str:
    return locale.strip().replace("_", "-").lower()


def _locales(catalog: Catalog, entry: Entry) -> str:
    """``|en|zh-cn|zh|``: the locales an entry has text in, and their languages."""
    tags = [entry.locale or catalog.meta.default_locale, *entry.translations]
    out = []
    for tag in tags:
        tag = _tag(tag)
        out += [tag, tag.split("-")[0]]
    return "|" + "|".join(dict.fromkeys(out)) + "|"


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


def _extra(catalog: Catalog, entry: Entry) -> str:
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


def _row(catalog: Catalog, entry: Entry) -> tuple[str, ...]:
    seg = tokenize.segment
    title, message, description, solution = (
        entry.title,
        entry.message,
        entry.description,
        entry.solution,
    )
    if entry.translations or entry.variants:
        tr = entry.translations.values()
        variants = entry.variants
        title = _join([title, *(t.title for t in tr)])
        message = _join([message, *(t.message for t in tr), *(v.message for v in variants)])
        description = _join(
            [description, *(t.description for t in tr), *(v.description for v in variants)]
        )
        solution = _join([solution, *(t.solution for t in tr), *(v.solution for v in variants)])
    return (
        str(entry.code),
        tokenize.split_identifier(entry.name) if entry.name else "",
        seg(title) if title else "",
        seg(message) if message else "",
        seg(description) if description else "",
        seg(solution) if solution else "",
        seg(_extra(catalog, entry)),
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
        return cls(str(entry.code), name, texts, _extra(catalog, entry))


def make_snippet(
    catalog: Catalog,
    entry: Entry,
    pattern: re.Pattern[str] | None,
    locale: str | None = None,
    source: SnippetSource | None = None,
) -> tuple[Snippet | None, tuple[str, ...]]:
    """Return the best snippet of an entry for a highlight pattern, and the fields it matches.

    The snippet comes from the first text that matches, preferring ``locale``,
    then the entry's own locale; when no text matches (a code or name hit) it
    is the entry's message or description, unmarked. Snippets are one line of
    plain text: Markdown markers (``**``, backticks, links) are removed.
    ``source`` is the entry's :class:`SnippetSource` when the caller keeps one.
    """
    if source is None:
        source = SnippetSource.of(catalog, entry)
    texts = list(source.texts)
    if locale:
        want = _tag(locale)
        texts.sort(
            key=lambda t: 0 if t[1] and want in (_tag(t[1]), _tag(t[1]).split("-")[0]) else 1
        )
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
                marks = [m.span() for m in pattern.finditer(one_line) if m.end() > m.start()]
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


class SearchIndex:
    """An in-memory FTS5 index of entries from many catalogs, with filters and BM25 ranking.

    Built once from ``(catalog, entry)`` pairs; :meth:`search` is safe to call
    from several threads (queries run one at a time under a lock).
    """

    def __init__(self, docs: Sequence[tuple[Catalog, Entry]]) -> None:
        self._docs = list(docs)
        self._rowid = {id(e): i for i, (_, e) in enumerate(self._docs, 1)}
        self._locales = [_locales(c, e) for c, e in self._docs]
        self._sources: list[SnippetSource | None] = [None] * len(self._docs)
        """Each entry's :class:`SnippetSource`, made when it is first a hit, then kept."""
        self._facet_ids: dict[tuple[str, str], str] = {}
        """``(kind, value)`` → the token standing for it in the ``facets`` column."""
        self._lock = threading.Lock()
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(
            f"CREATE VIRTUAL TABLE f USING fts5({', '.join(COLUMNS)}, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        marks = ", ".join("?" * (len(COLUMNS) + 1))
        with db:
            db.executemany(
                f"INSERT INTO f(rowid, {', '.join(COLUMNS)}) VALUES ({marks})",
                ((i, *_row(c, e), self._facets(c, e, i)) for i, (c, e) in enumerate(self._docs, 1)),
            )
            db.execute("INSERT INTO f(f, rank) VALUES ('rank', ?)", (f"bm25({WEIGHT_ARGS})",))
            db.execute("INSERT INTO f(f) VALUES ('optimize')")
        db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, f, 'row')")
        self._df: dict[str, int] = dict(db.execute("SELECT term, doc FROM temp.v"))
        """Word → how many entries hold it (very common words are left out of ranking)."""
        self._vocabulary = sorted(self._df)
        """Every indexed word, sorted: what a prefix stands for."""
        db.execute("DROP TABLE temp.v")
        self._db = db
        ranges: dict[str, dict[str, tuple[int, int]]] = {"catalog": {}, "module": {}, "space": {}}
        for i, (c, e) in enumerate(self._docs, 1):
            for kind, value in (("catalog", c.meta.id), ("module", e.module), ("space", e.space)):
                if value is not None:
                    lo_hi = ranges[kind].get(value)
                    ranges[kind][value] = (i, i) if lo_hi is None else (lo_hi[0], i)
        self._ranges = ranges
        """Filter value → the rowid range holding its entries (narrows the FTS5 scan)."""

    def _facets(self, catalog: Catalog, entry: Entry, rowid: int) -> str:
        """The filter tokens of an entry: one per catalog, module, space, status, retry, locale."""
        status = http_status_of(catalog, entry)
        pairs = [("catalog", catalog.meta.id), ("space", entry.space)]
        if entry.module is not None:
            pairs.append(("module", entry.module))
        if status is not None:
            pairs.append(("http_status", str(status)))
        if entry.retryable is not None:
            pairs.append(("retryable", str(int(entry.retryable))))
        pairs += [("locale", tag) for tag in self._locales[rowid - 1].strip("|").split("|")]
        ids = self._facet_ids
        return " ".join(ids.get(p) or ids.setdefault(p, f"facet{len(ids)}x") for p in pairs)

    def __len__(self) -> int:
        return len(self._docs)

    def search(
        self,
        query: str,
        filters: Filters = NO_FILTERS,
        *,
        limit: int = 20,
        offset: int = 0,
        exact: Sequence[tuple[str, Entry]] = (),
    ) -> SearchResult:
        """Search; ``exact`` (code or name matches found by the caller) rank first.

        All terms must match; when that finds nothing, any term may. An empty
        query lists the entries the filters select, in catalog order.
        """
        limit = max(0, limit)
        offset = max(0, offset)
        found, truncated = tokenize.terms(query)
        first = [(cid, e) for cid, e in exact if id(e) in self._rowid]
        first = [
            (cid, e)
            for cid, e in first
            if filters.accepts(self._catalog(e), e, self._locales[self._rowid[id(e)] - 1])
        ]
        first = list({id(e): (cid, e) for cid, e in first}.values())
        skip = {self._rowid[id(e)] for _, e in first}
        facets = self._facet_expression(filters)
        span = self._span(filters)
        rest_offset = max(0, offset - len(first))
        rest_limit = max(0, limit - max(0, len(first) - offset))
        rows: list[tuple[int, float]] = []
        total, total_exact = 0, True
        if span is None or facets is None:
            pass  # a filter value no entry has, or filters that exclude each other
        elif not found and not facets:
            return SearchResult(query, [], 0, limit, offset, truncated)
        else:
            with self._lock:
                rows, total, total_exact = self._match(
                    found, False, facets, span, skip, rest_limit, rest_offset
                )
                if total == 0 and len(found) > 1:
                    rows, total, total_exact = self._match(
                        found, True, facets, span, skip, rest_limit, rest_offset
                    )
        pattern = tokenize.highlighter(found)
        hits = []
        for cid, entry in first[offset : offset + limit]:
            rowid = self._rowid[id(entry)]
            snippet, fields = make_snippet(
                self._catalog(entry), entry, pattern, filters.locale, self._source(rowid)
            )
            hits.append(Hit(cid, entry, EXACT_SCORE, snippet, fields))
        for rowid, score in rows:
            catalog, entry = self._docs[rowid - 1]
            snippet, fields = make_snippet(
                catalog, entry, pattern, filters.locale, self._source(rowid)
            )
            hits.append(Hit(catalog.meta.id, entry, round(score, 4), snippet, fields))
        return SearchResult(query, hits, len(first) + total, limit, offset, truncated, total_exact)

    def _source(self, rowid: int) -> SnippetSource:
        source = self._sources[rowid - 1]
        if source is None:
            source = self._sources[rowid - 1] = SnippetSource.of(*self._docs[rowid - 1])
        return source

    def _catalog(self, entry: Entry) -> Catalog:
        return self._docs[self._rowid[id(entry)] - 1][0]

    def _facet_expression(self, filters: Filters) -> str | None:
        """The FTS5 expression of the filters (``""`` for none); None when a value is unknown."""
        parts = []
        for pair in filters.pairs():
            token = self._facet_ids.get(pair)
            if token is None:
                return None
            parts.append(f'facets : "{token}"')
        return " AND ".join(parts)

    def _span(self, filters: Filters) -> tuple[int, int] | None:
        """The rowid range the catalog, module and space filters allow; None when empty."""
        lo, hi = 1, len(self._docs)
        for kind in ("catalog", "module", "space"):
            value = getattr(filters, kind)
            if value is not None:
                got = self._ranges[kind].get(value)
                if got is None:
                    return None
                lo, hi = max(lo, got[0]), min(hi, got[1])
        return (lo, hi) if lo <= hi else None

    def _common(self, term: tokenize.Term) -> bool:
        """Whether a word is in more than half of all entries (BM25 gives it no weight)."""
        if term.cjk:
            return False
        return self._df.get(tokenize.fold(term.text), 0) * 2 > len(self._docs)

    def _completions(self, prefix: str, most: int = 8) -> list[str] | None:
        """Every indexed word starting with ``prefix``, or None when there are more than ``most``.

        Written out, they match exactly what the prefix query matches, but
        FTS5 need not merge their posting lists first.
        """
        word = tokenize.fold(prefix)
        start = bisect.bisect_left(self._vocabulary, word)
        found = []
        for known in self._vocabulary[start : start + most + 1]:
            if not known.startswith(word):
                break
            found.append(known)
        return found if len(found) <= most else None

    def _match(
        self,
        found: list[tokenize.Term],
        any_term: bool,
        facets: str,
        span: tuple[int, int],
        skip: set[int],
        limit: int,
        offset: int,
    ) -> tuple[list[tuple[int, float]], int, bool]:
        """Ranked rows matching the terms and filters, their number, and whether it is exact.

        The first :data:`RANK_WINDOW` matches in registry order are found
        without ranking (cheap), then ranked by BM25 with a second query
        bounded to their rowid range. Filters are tokens of the ``facets``
        column, so FTS5 intersects them with the words itself. Words in more
        than half of the entries filter but are left out of the ranking
        query: BM25 gives them no weight (FTS5 clamps their IDF), and
        computing it would read their whole posting list. An empty ``found``
        lists the filtered entries in registry order.
        """
        db = self._db

        def with_facets(words: str) -> str:
            if words and facets:
                return f"({words}) AND {facets}"
            return words or facets

        last = found[-1] if found else None
        completions = self._completions(last.text) if last and not last.cjk else None
        if completions == []:  # no indexed word has this prefix
            if not any_term:
                return [], 0, True
            completions = None

        def expression(terms: list[tokenize.Term]) -> str:
            words = tokenize.match_expression(terms, any_term=any_term, last_words=completions)
            return with_facets(words if terms else "")

        candidates = [
            r
            for (r,) in db.execute(
                "SELECT rowid FROM f WHERE f MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?",
                (expression(found), *span, RANK_WINDOW + 1 + len(skip)),
            )
            if r not in skip
        ]
        total_exact = len(candidates) <= RANK_WINDOW
        candidates = candidates[:RANK_WINDOW]
        total = len(candidates)
        if not limit or offset >= total:
            return [], total, total_exact
        ranked_terms = [t for t in found if not self._common(t)]
        ranked: list[tuple[int, float]] = []
        if ranked_terms:
            prefixed = ranked_terms[-1] is found[-1] and not found[-1].cjk
            words = completions
            if prefixed and tokenize.fold(found[-1].text) in self._df:
                words = [tokenize.fold(found[-1].text)]  # the whole word ranks; longer ones follow
            rank_words = tokenize.match_expression(
                ranked_terms, any_term=any_term, prefix_last=prefixed, last_words=words
            )
            same = len(ranked_terms) == len(found) and words == completions
            cap = f" LIMIT {offset + limit + len(skip)}" if same else ""
            allowed = set(candidates)
            ranked = [
                (r, -score)
                for r, score in db.execute(
                    f"SELECT rowid, bm25(f, {WEIGHT_ARGS}) AS s FROM f "
                    f"WHERE f MATCH ? AND rowid BETWEEN ? AND ? ORDER BY s{cap}",
                    (with_facets(rank_words), candidates[0], candidates[-1]),
                )
                if r in allowed
            ]
        if len(ranked) < offset + limit:
            seen = {r for r, _ in ranked}
            ranked += [(r, 0.0) for r in candidates if r not in seen]
        return ranked[offset : offset + limit], total, total_exact
