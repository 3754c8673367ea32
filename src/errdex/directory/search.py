"""Full-text search over many catalogs: one SQLite FTS5 index, ranked in tiers.

Each entry is one row with eight columns, weighted for BM25 ranking::

    code 10 · name 8 · title 5 · message 5 · description 2 · solution 2 · extra 1 · facets 0

``title``, ``message``, ``description`` and ``solution`` hold the entry's own
text and its translations in every locale; ``message`` also holds the known
message variants; ``extra`` holds tags, the module and space titles and a
removed code's reason. English words are stored as their Snowball stems and
CJK text as bigrams (:mod:`errdex.directory.tokenize`), so ``tokens`` finds
``token`` and Chinese queries work without a dictionary. Filters (catalog,
module, space, HTTP status, retryable, locale) are tokens of the eighth
column, ``facets`` (weight 0), so FTS5 intersects them with the words;
catalog, module and space also narrow the scan to their rowid range.

Ranking, over every match (``total`` is exact):

1. the caller's exact code or name matches (:meth:`Registry.lookup`);
2. names one edit away from a one-word query (``invalidJTW``);
3. entries whose title (or, without one, message or name words) says exactly
   the query's words, stems compared (``Rate limited`` for ``rate limit``);
4. titles that start with the query's words;
5. entries holding the query as a phrase;
6. the rest by BM25.

All terms must match, the last as a prefix; when that finds nothing, any
term (and any bigram of a CJK run) may. User queries never reach FTS5 as syntax
(:func:`tokenize.match_expression`). Queries run under a lock, so one
:class:`SearchIndex` serves many threads.
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
from collections.abc import Sequence
from typing import NamedTuple

from errdex.directory import tokenize
from errdex.directory.snippet import (
    SNIPPET_CHARS,
    Snippet,
    SnippetSource,
    entry_texts,
    extra_text,
    make_snippet,
    tag,
)
from errdex.model import Catalog, Entry
from errdex.model.effective import http_status

__all__ = [
    "EXACT_SCORE",
    "NEAR_SCORE",
    "NO_FILTERS",
    "SNIPPET_CHARS",
    "TIERS",
    "Filters",
    "Hit",
    "SearchIndex",
    "SearchResult",
    "Snippet",
    "entry_texts",
    "http_status_of",
    "make_snippet",
]

COLUMNS = ("code", "name", "title", "message", "description", "solution", "extra", "facets")
WEIGHTS = (10.0, 8.0, 5.0, 5.0, 2.0, 2.0, 1.0, 0.0)
"""BM25 weight of each column of :data:`COLUMNS`; ``facets`` (filter tokens) weighs nothing."""
WEIGHT_ARGS = ", ".join(str(w) for w in WEIGHTS)

EXACT_SCORE = 1_000_000.0
"""The score of an exact code or name match, which always ranks first."""
NEAR_SCORE = 500_000.0
"""The score of a name one edit away from a one-word query."""
TIERS = (30_000.0, 20_000.0, 10_000.0)
"""Bonus added to BM25 for: the exact title, a title starting with the query, the phrase."""
NAME_MARKERS = frozenset({"err", "error", "e"})
"""A name's first word that only says "error" (Go's ``ErrNotFound``); titles compare without it."""
COMPLETIONS = 8
"""A last word that is the prefix of at most this many indexed words is written out as them."""


class Hit(NamedTuple):
    """One search result: the entry, its catalog, its score and why it matched.

    ``score`` is higher for better hits: :data:`EXACT_SCORE` for an exact code
    or name match, :data:`NEAR_SCORE` for a name one edit away, else the
    BM25 score plus the bonus of its tier (:data:`TIERS`); ``fields`` names
    the fields the query matched
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
    terms) and was cut. Every match is counted and ranked, so ``total`` is
    exact (``total_exact`` stays for clients that read it; it is always true).
    """

    query: str
    hits: list[Hit]
    total: int
    limit: int
    offset: int
    truncated: bool = False
    total_exact: bool = True
    """Always true: ``total`` counts every match (kept for clients of the JSON API)."""


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
            out.append(("locale", tag(self.locale)))
        return out

    def accepts(self, catalog: Catalog, entry: Entry, locales: str) -> bool:
        """Whether an entry passes the filters (``locales`` as stored in the index)."""
        return (
            (self.catalog is None or self.catalog == catalog.meta.id)
            and (self.module is None or self.module == entry.module)
            and (self.space is None or self.space == entry.space)
            and (self.http_status is None or self.http_status == http_status_of(catalog, entry))
            and (self.retryable is None or self.retryable == entry.retryable)
            and (not self.locale or f"|{tag(self.locale)}|" in locales)
        )


NO_FILTERS = Filters()
"""No restriction: search everything."""


def http_status_of(catalog: Catalog, entry: Entry) -> int | None:
    """The HTTP status the catalog states for an entry: its (effective) ``http_status``,
    else its own code when it sits in an ``http`` space (as the runtime sends it)."""
    return http_status(catalog, entry)


def _locales(catalog: Catalog, entry: Entry) -> str:
    """``|en|zh-cn|zh|``: the locales an entry has text in, and their languages."""
    tags = [entry.locale or catalog.meta.default_locale, *entry.translations]
    out = []
    for raw in tags:
        one = tag(raw)
        out += [one, one.split("-")[0]]
    return "|" + "|".join(dict.fromkeys(out)) + "|"


def _join(texts: Sequence[str | None]) -> str:
    return "\n".join(t for t in texts if t)


def _row(catalog: Catalog, entry: Entry, vocabulary: dict[str, str]) -> tuple[str, ...]:
    """The indexed text of each column but ``facets``; records written words in ``vocabulary``."""
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
    name = tokenize.split_identifier(entry.name) if entry.name else ""
    extra = extra_text(catalog, entry)
    texts = (str(entry.code), name, title, message, description, solution, extra)
    seg = tokenize.segment
    return tuple(seg(t, vocabulary) if t else "" for t in texts)


def _keys(catalog: Catalog, entry: Entry, vocabulary: dict[str, str]) -> set[str]:
    """What an exact title match compares against: the key of the entry's title (else its
    message) in each locale, and of its name's words (:func:`tokenize.text_key`)."""
    heads = [entry.title or entry.message]
    heads += [t.title or t.message for t in entry.translations.values()]
    if entry.name:
        words = tokenize.split_identifier(entry.name).partition(" ")[2] or entry.name
        heads.append(words)
        marker, _, rest = words.partition(" ")
        if rest and marker.lower() in NAME_MARKERS:
            heads.append(rest)  # errRateLimitExceeded says "rate limit exceeded"
    out = set()
    for head in heads:
        if head:
            found = tokenize.text_key(head, vocabulary)
            if found:
                out.add(found)
    return out


class SearchIndex:
    """An FTS5 index of entries from many catalogs, with filters and tiered ranking.

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
        vocabulary: dict[str, str] = {}
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(
            f"CREATE VIRTUAL TABLE f USING fts5({', '.join(COLUMNS)}, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        db.execute("CREATE TABLE k(key TEXT NOT NULL, doc INTEGER NOT NULL)")
        marks = ", ".join("?" * (len(COLUMNS) + 1))
        numbered = enumerate(self._docs, 1)
        with db:
            db.executemany(
                f"INSERT INTO f(rowid, {', '.join(COLUMNS)}) VALUES ({marks})",
                ((i, *_row(c, e, vocabulary), self._facets(c, e, i)) for i, (c, e) in numbered),
            )
            db.executemany(
                "INSERT INTO k(key, doc) VALUES (?, ?)",
                ((k, i) for i, (c, e) in enumerate(self._docs, 1) for k in _keys(c, e, vocabulary)),
            )
            db.execute("CREATE INDEX k_key ON k(key)")
            db.execute("INSERT INTO f(f, rank) VALUES ('rank', ?)", (f"bm25({WEIGHT_ARGS})",))
            db.execute("INSERT INTO f(f) VALUES ('optimize')")
        db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, f, 'row')")
        self._df: dict[str, int] = dict(db.execute("SELECT term, doc FROM temp.v"))
        """Every indexed token (stems, bigrams, facet tokens) → how many entries hold it."""
        self._stems = self._df.keys()
        db.execute("DROP TABLE temp.v")
        self._vocabulary = vocabulary
        """Every word as written (folded) → its stem: what a prefix stands for."""
        self._words = sorted(vocabulary)
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
        pairs += [("locale", one) for one in self._locales[rowid - 1].strip("|").split("|")]
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
        near: Sequence[tuple[str, Entry]] = (),
    ) -> SearchResult:
        """Search; ``exact`` (code or name matches found by the caller) rank first, then
        ``near`` (names one edit away), then the tiers of the module docstring.

        All terms must match; when that finds nothing, any term may. An empty
        query lists the entries the filters select, in catalog order.
        """
        limit = max(0, limit)
        offset = max(0, offset)
        found, truncated = tokenize.terms(query)
        first: dict[int, tuple[str, Entry, float]] = {}
        for pairs, score in ((exact, EXACT_SCORE), (near, NEAR_SCORE)):
            for cid, e in pairs:
                rowid = self._rowid.get(id(e))
                if rowid is None or rowid in first:
                    continue
                if filters.accepts(self._docs[rowid - 1][0], e, self._locales[rowid - 1]):
                    first[rowid] = (cid, e, score)
        facets = self._facet_expression(filters)
        span = self._span(filters)
        rest_offset = max(0, offset - len(first))
        rest_limit = max(0, limit - max(0, len(first) - offset))
        rows: list[tuple[int, float]] = []
        total = 0
        last_stems: list[str] = []
        if span is None or facets is None:
            pass  # a filter value no entry has, or filters that exclude each other
        elif not found and not facets:
            return SearchResult(query, [], 0, limit, offset, truncated)
        else:
            completions = self._completions(found[-1]) if found and not found[-1].cjk else None
            last_stems = completions or []
            with self._lock:
                rows, total = self._match(
                    found, False, completions, facets, span, set(first), rest_limit, rest_offset
                )
                if total == 0 and (len(found) > 1 or (found and len(found[0].text) > 2)):
                    rows, total = self._match(
                        found, True, completions, facets, span, set(first), rest_limit, rest_offset
                    )
        pattern = tokenize.highlighter(found, last_stems=last_stems)
        hits = []
        for rowid, (_, _, score) in list(first.items())[offset : offset + limit]:
            hits.append(self._hit(rowid, score, pattern, filters.locale))
        for rowid, score in rows:
            hits.append(self._hit(rowid, round(score, 4), pattern, filters.locale))
        return SearchResult(query, hits, len(first) + total, limit, offset, truncated)

    def _hit(
        self, rowid: int, score: float, pattern: tokenize.Highlighter | None, locale: str | None
    ) -> Hit:
        catalog, entry = self._docs[rowid - 1]
        source = self._sources[rowid - 1]
        if source is None:
            source = self._sources[rowid - 1] = SnippetSource.of(catalog, entry)
        snippet, fields = make_snippet(catalog, entry, pattern, locale, source)
        return Hit(catalog.meta.id, entry, score, snippet, fields)

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

    def _completions(self, last: tokenize.Term) -> list[str] | None:
        """The indexed stems the last (prefix) word stands for, or None when there are more
        than :data:`COMPLETIONS` (then FTS5 matches it as a prefix).

        They are the stems of every written word starting with it (``tokeni`` →
        ``token``, from ``tokenizer``) and its own stem when indexed
        (``limited`` → ``limit``). An empty list: nothing can match.
        """
        word = tokenize.fold(last.text)
        start = bisect.bisect_left(self._words, word)
        found: dict[str, None] = {}
        for known in self._words[start : start + COMPLETIONS * 8]:
            if not known.startswith(word):
                break
            found[self._vocabulary[known]] = None
        else:
            if start + COMPLETIONS * 8 < len(self._words):
                return None  # a short prefix of very many words
        own = tokenize.stem(word)
        if own in self._stems:
            found[own] = None
        return list(found) if len(found) <= COMPLETIONS else None

    def _match(
        self,
        found: list[tokenize.Term],
        any_term: bool,
        completions: list[str] | None,
        facets: str,
        span: tuple[int, int],
        skip: set[int],
        limit: int,
        offset: int,
    ) -> tuple[list[tuple[int, float]], int]:
        """Ranked rows matching the terms and filters (all of them, or any), and their number.

        Every match is counted and ordered by tier, then BM25, in SQLite. An
        empty ``found`` lists the filtered entries in registry order.
        """
        db = self._db
        if completions == [] and found:
            if not any_term:
                return [], 0
            completions = None
        words = tokenize.match_expression(found, any_term=any_term, last_words=completions)
        expression = f"({words}) AND {facets}" if words and facets else words or facets
        where = "f MATCH ? AND rowid BETWEEN ? AND ?"
        params: list[object] = [expression, *span]
        if skip:
            where += f" AND rowid NOT IN ({', '.join(str(r) for r in sorted(skip))})"
        (total,) = db.execute(f"SELECT count(*) FROM f WHERE {where}", params).fetchone()
        if not limit or offset >= total:
            return [], total
        if not found:
            rows = db.execute(
                f"SELECT rowid, 0.0 FROM f WHERE {where} ORDER BY rowid LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
            return [(r, s) for r, s in rows], total
        key = tokenize.key(found)
        phrase = tokenize.phrase_expression(found)
        tiers = (
            "(rowid IN (SELECT doc FROM k WHERE key = ?))",
            "(rowid IN (SELECT doc FROM k WHERE key > ? AND key < ?))",
            "(rowid IN (SELECT rowid FROM f WHERE f MATCH ?))" if phrase else "0",
        )
        bonus = " + ".join(f"{b} * {t}" for b, t in zip(TIERS, tiers, strict=True))
        tier_params: list[object] = [key, key + " ", key + " \U0010ffff"]
        if phrase:
            tier_params.append(phrase)
        # BM25 gives a word in more than half of the entries no weight (FTS5 clamps its
        # IDF to 1e-6): when every word is that common, scores are equal and computing
        # them for every match would only cost time; the order is the tiers, then rowid.
        score = "" if self._all_common(found, completions) else f" - bm25(f, {WEIGHT_ARGS})"
        rows = db.execute(
            f"SELECT rowid, {bonus}{score} AS s FROM f WHERE {where} "
            "ORDER BY s DESC, rowid LIMIT ? OFFSET ?",
            [*tier_params, *params, limit, offset],
        )
        return [(r, s) for r, s in rows], total

    def _all_common(self, found: list[tokenize.Term], completions: list[str] | None) -> bool:
        """Whether every term is in more than half of the entries (BM25 weighs none of them)."""
        half = len(self._docs) / 2
        for i, term in enumerate(found):
            if term.cjk:
                return False
            if i == len(found) - 1 and completions is not None:
                if not completions or min(self._df.get(w, 0) for w in completions) <= half:
                    return False
            elif (
                i == len(found) - 1
                or self._df.get(tokenize.stem(tokenize.fold(term.text)), 0) <= half
            ):
                return False
        return True
