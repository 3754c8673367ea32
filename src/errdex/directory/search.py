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

The index is a SQLite database (:mod:`errdex.directory.indexing` builds it)
that answers on its own: exact code and name lookups, typo-tolerant names,
the ranked match and each hit's record (:class:`indexing.Doc`) all come from
its tables, so a search of a cached index (:mod:`errdex.directory.diskcache`)
needs no catalog loaded.

Ranking, over every match (``total`` is exact):

1. exact code or name matches (as :meth:`Registry.lookup` finds them);
2. names one edit away from a one-word query (``invalidJTW``);
3. entries whose message (in any locale, or a known variant) is the query,
   casefolded and whitespace-normalised (``invalid json`` for ``Invalid JSON``);
4. entries whose title (or, without one, message or name words) says exactly
   the query's words, stems compared (``Rate limited`` for ``rate limit``);
5. titles that start with the query's words;
6. entries holding the query as a phrase;
7. the rest by BM25.

Tiers 3 to 6 are bonuses (:data:`TIERS`) added to the BM25 score; an entry
earns every one it qualifies for, and the message bonus outweighs the others
together, so a message match ranks before any title match.

All terms must match, the last as a prefix; when that finds nothing, any
term (and any bigram of a CJK run) may. A word in (almost) no entry is also
searched as the two words it joins (:mod:`errdex.directory.joins`:
``apikey`` finds "API key", and the tiers compare ``api key``). Terms in double quotes
(``"rate limit"``) are a phrase: they must follow each other in that order,
and stay a phrase when any term may match. A query that finds nothing at all suggests
itself with its misspelt words corrected to indexed words one edit away
(:mod:`errdex.directory.suggest`: ``insufficent`` → ``insufficient``), keeping
only corrections that find something. User queries never reach FTS5 as syntax
(:func:`tokenize.match_expression`). Queries run under a lock, so one
:class:`SearchIndex` serves many threads.
"""

from __future__ import annotations

import bisect
import json
import math
import sqlite3
import threading
from collections.abc import Callable, Sequence
from typing import NamedTuple

from errdex.directory import codequery, impact, indexing, joins, suggest, tokenize, typo
from errdex.directory.indexing import COLUMNS, WEIGHT_ARGS, WEIGHTS, Doc
from errdex.directory.snippet import (
    SNIPPET_CHARS,
    Snippet,
    SnippetSource,
    entry_texts,
    make_snippet,
    snippet_of,
    tag,
)
from errdex.model import Catalog, Entry, parse_code_query
from errdex.model.effective import http_status

__all__ = [
    "COLUMNS",
    "EXACT_SCORE",
    "NEAR_SCORE",
    "NO_FILTERS",
    "SNIPPET_CHARS",
    "TIERS",
    "WEIGHTS",
    "Doc",
    "Filters",
    "Found",
    "Hit",
    "Page",
    "SearchIndex",
    "SearchResult",
    "Snippet",
    "SnippetSource",
    "entry_texts",
    "http_status_of",
    "make_snippet",
]

EXACT_SCORE = 1_000_000.0
"""The score of an exact code or name match, which always ranks first."""
NEAR_SCORE = 500_000.0
"""The score of a name one edit away from a one-word query."""
TIERS = (100_000.0, 30_000.0, 20_000.0, 10_000.0)
"""Bonus added to BM25 for: the exact message, the exact title, a title starting with the
query, the phrase (the first is more than the others together)."""

MESSAGE_ROWS = "SELECT doc FROM x WHERE key = ?"
"""The rows whose message is the query (its :func:`tokenize.message_key`): the first tier."""
TITLE_ROWS = "SELECT doc FROM k WHERE key = ?"
"""The rows whose title is the query (its :func:`tokenize.key`)."""
TITLE_START_ROWS = "SELECT doc FROM k WHERE key > ? AND key < ?"
"""The rows whose title starts with the query (``key + " "`` to ``key + " \\U0010ffff"``)."""

_MATERIALIZED = "MATERIALIZED " if sqlite3.sqlite_version_info >= (3, 35) else ""
"""Computes a CTE once however often the statement reads it (SQLite 3.35 and later)."""
_K1 = 1.2
"""FTS5's ``bm25()`` k1: a phrase adds at most ``idf × (k1 + 1)`` to a row's score."""


def _phrase_groups(
    found: Sequence[tokenize.Term], completions: list[str] | None, any_term: bool
) -> list[list[str]] | None:
    """The indexed tokens of a query's terms as FTS5 matches them, a group per term (any
    token of a group matches it): a word's stem, a CJK run's bigrams, the last word's
    completions. None when a term is no such group: a CJK run of several bigrams when
    every term is required (a phrase of several tokens), a last word without completions."""
    groups: list[list[str]] = []
    last = len(found) - 1
    for i, t in enumerate(found):
        if t.cjk:
            grams = [t.text[j : j + 2] for j in range(len(t.text) - 1)]
            if not grams or (len(grams) > 1 and not any_term):
                return None
            groups.append(grams)  # any of them (FTS5's OR of the bigrams)
        elif i == last:
            if not completions:
                return None
            groups.append(list(completions))
        else:
            groups.append([tokenize.stem(tokenize.fold(t.text))])
    return groups


def bm25_bound(expression: str, size: int) -> float:
    """More than ``-bm25()`` can be for any row matching ``expression`` in an index of
    ``size`` rows: each phrase adds ``idf × f(k1 + 1) / (f + K)`` (less than ``idf × (k1 +
    1)``) and no IDF exceeds that of a phrase in one row. The phrases are counted from the
    quotes (a doubled quote inside a phrase only counts more)."""
    phrases = max(1, expression.count('"') // 2)
    return phrases * (_K1 + 1.0) * math.log((size + 0.5) / 1.5) + 1.0


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


class Found(NamedTuple):
    """One hit as the index knows it: its rowid and :class:`Doc` record, score, snippet and
    matched fields (as :class:`Hit`). :meth:`Registry.search` turns it into a :class:`Hit`."""

    rowid: int
    doc: Doc
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
    suggestions: tuple[str, ...] = ()
    """When nothing matched: the query with its misspelt words corrected, each of which
    does find something (:mod:`errdex.directory.suggest`)."""


class Page(NamedTuple):
    """What :meth:`SearchIndex.search` answers: a :class:`SearchResult` of :class:`Found`."""

    query: str
    hits: list[Found]
    total: int
    limit: int
    offset: int
    truncated: bool = False
    total_exact: bool = True
    suggestions: tuple[str, ...] = ()
    """As :attr:`SearchResult.suggestions`."""


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

    def accepts(self, doc: Doc) -> bool:
        """Whether an entry (its index record) passes the filters."""
        return (
            (self.catalog is None or self.catalog == doc.catalog_id)
            and (self.module is None or self.module == doc.module)
            and (self.space is None or self.space == doc.space)
            and (self.http_status is None or self.http_status == doc.http_status)
            and (self.retryable is None or doc.retry_matches(self.retryable))
            and (not self.locale or f"|{tag(self.locale)}|" in doc.locales)
        )


NO_FILTERS = Filters()
"""No restriction: search everything."""


def exact_text(query: str) -> str | None:
    """What an exact code or name match looks for: ``query`` without spaces and quotes
    around it (None when that is empty or longer than 200 characters)."""
    raw = query.strip().strip("`'\"").strip()
    return raw if raw and len(raw) <= 200 else None


def message_text(query: str) -> str | None:
    """What an exact message match looks for: :func:`exact_text` of the query as
    :func:`tokenize.message_key` writes messages (None when there is nothing to look for)."""
    raw = exact_text(query)
    return tokenize.message_key(raw) if raw is not None else None


def near_word(query: str) -> str | None:
    """The one word, casefolded, a name one edit away is looked for with (None when the
    query is empty, over 100 characters, more than one word or too short for typos)."""
    raw = query.strip().strip("`'\"").strip()
    if not raw or len(raw) > 100 or any(ch.isspace() for ch in raw):
        return None
    word = raw.casefold()
    return word if len(word) >= typo.MIN_LENGTH else None


def pinned(
    exact: list[int], near: list[int], doc: Callable[[int], Doc], filters: Filters
) -> dict[int, tuple[Doc, float]]:
    """The hits ranked before every tier, in order: exact matches, then names one edit
    away, each row once and only where ``filters`` accept it, with their scores."""
    first: dict[int, tuple[Doc, float]] = {}
    for rowids, score in ((exact, EXACT_SCORE), (near, NEAR_SCORE)):
        for rowid in rowids:
            if rowid not in first:
                found = doc(rowid)
                if filters.accepts(found):
                    first[rowid] = (found, score)
    return first


def rest_window(pinned: int, limit: int, offset: int) -> tuple[int, int]:
    """The offset and limit to ask the tiers for when ``pinned`` hits rank before them and
    the page is ``limit`` hits from ``offset`` of the whole list."""
    return max(0, offset - pinned), max(0, limit - max(0, pinned - offset))


def completes(parsed: tokenize.Query) -> bool:
    """Whether the last term of a query is a word that may stand for the indexed words it
    starts (not a CJK run, not inside quotes)."""
    return bool(parsed.terms) and not parsed.terms[-1].cjk and parsed.prefix_last


def any_term_retry(
    found: Sequence[tokenize.Term], total: int, pinned: int, query: str | None = None
) -> bool:
    """Whether a search whose terms all had to match is run again with any term matching:
    when no entry matched — neither the ``total`` rows of the tiers nor the ``pinned``
    exact code and name matches (and names one edit away) ranked before them — and the
    query is more than one short term.

    The tiers skip the pinned rows, so their ``total`` alone is 0 when the only entry
    holding every word is the exact match: ``AUTH-ERR-4`` would then list every entry
    holding ``auth``, ``err`` or ``4``, where ``AUTH ERR 4`` (no exact match, so nothing
    skipped) lists the one. A code-shaped ``query`` (:mod:`.codequery`: ``AUTH-ERR-99``)
    is never retried: it finds nothing and suggests the closest codes.
    """
    if total or pinned:
        return False
    if query is not None and codequery.code_shaped(exact_text(query)):
        return False
    return len(found) > 1 or (bool(found) and len(found[0].text) > 2)


def by_catalog(rowids: list[int], catalogs: Sequence[tuple[str, int]]) -> list[int]:
    """Rowids stably sorted by their catalog's place in the registry (``catalogs``: each
    catalog and its number of rows, in rowid order)."""
    if len(rowids) < 2:
        return rowids
    bounds = []
    end = 0
    for _, size in catalogs:
        end += size
        bounds.append(end)

    def place(rowid: int) -> int:
        return next(i for i, b in enumerate(bounds) if rowid <= b)

    return sorted(rowids, key=place)


def http_status_of(catalog: Catalog, entry: Entry) -> int | None:
    """The HTTP status the catalog states for an entry: its (effective) ``http_status``,
    else its own code when it sits in an ``http`` space (as the runtime sends it)."""
    return http_status(catalog, entry)


class IndexFormatError(ValueError):
    """Raised by :class:`SearchIndex` for a database that is not a search index it can read."""


class SearchIndex:
    """Search over a database :func:`indexing.build` made: filters, exact and typo-tolerant
    lookups, tiered ranking, snippets.

    Build one with :meth:`build`, or open a database read back from the cache.
    :meth:`search` is safe to call from several threads (queries run one at a
    time under a lock).
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        """Use ``db`` (from :func:`indexing.build`); :class:`IndexFormatError` when it is not
        one of :data:`indexing.FORMAT`."""
        try:
            meta = {k: json.loads(v) for k, v in db.execute("SELECT key, value FROM meta")}
            if meta.get("format") != indexing.FORMAT:
                raise IndexFormatError(f"search index format {meta.get('format')!r}")
            self.catalogs: tuple[tuple[str, int], ...] = tuple(
                (str(cid), int(size)) for cid, size in meta["catalogs"]
            )
            """``(catalog_id, entries)`` of each indexed catalog, in registry order."""
            self._size = int(meta["size"])
            self._facet_ids = {(k, v): str(t) for k, v, t in meta["facets"]}
            """``(kind, value)`` → the token standing for it in the ``facets`` column."""
            self._facet_tokens = frozenset(self._facet_ids.values())
            self._ranges: dict[str, dict[str, tuple[int, int]]] = {
                kind: {value: (int(lo), int(hi)) for value, (lo, hi) in spans.items()}
                for kind, spans in meta["ranges"].items()
            }
            """Filter value → the rowid range holding its entries (narrows the FTS5 scan)."""
            self._alphabet = str(meta["alphabet"])
            self._spellings = {str(k): str(v) for k, v in meta["spellings"].items()}
            """Locale (as :func:`snippet.tag` writes it) → its spelling in the catalogs."""
            """Every character of a name (the letters one typo may bring in)."""
        except (sqlite3.Error, KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, IndexFormatError):
                raise
            raise IndexFormatError(f"not a search index: {exc}") from None
        self._db = db
        self._lock = threading.Lock()

    @classmethod
    def build(
        cls,
        docs: Sequence[tuple[Catalog, Entry]],
        path_of: indexing.PathOf = indexing.default_path,
        progress: Callable[[int], None] | None = None,
    ) -> SearchIndex:
        """Index ``docs`` in memory (:func:`indexing.build`; ``progress`` as there)."""
        return cls(indexing.build(docs, path_of, progress))

    @property
    def db(self) -> sqlite3.Connection:
        """The database (what the disk cache saves)."""
        return self._db

    def __len__(self) -> int:
        return self._size

    def doc(self, rowid: int) -> Doc:
        """The record of the entry at ``rowid``."""
        block, at = divmod(rowid - 1, indexing.BLOCK)
        (data,) = self._db.execute("SELECT data FROM d WHERE block = ?", (block,)).fetchone()
        return indexing.unpack_record(data, at)

    def search(
        self,
        query: str,
        filters: Filters = NO_FILTERS,
        *,
        limit: int = 20,
        offset: int = 0,
        suggest: bool = True,
    ) -> Page:
        """Search; exact code or name matches rank first, then names one edit away, then
        the tiers of the module docstring.

        All terms must match; when that finds nothing, any term may. An empty
        query lists the entries the filters select, in catalog order. When
        nothing matches at all and ``suggest`` is true, the page suggests the
        query with its misspelt words corrected (:meth:`suggestions`).
        """
        page = self._search(query, filters, limit=limit, offset=offset)
        if page.total or not suggest or not page.query.strip():
            return page
        return page._replace(suggestions=tuple(self.suggestions(query, filters)))

    def suggestions(self, query: str, filters: Filters = NO_FILTERS) -> list[str]:
        """The query with its misspelt words replaced by indexed words one edit away
        (:mod:`errdex.directory.suggest`), only those that find something with ``filters``;
        for a code-shaped query, the closest existing codes (:mod:`.codequery`)."""
        raw = exact_text(query)
        if raw is not None and codequery.code_shaped(raw):
            return [
                code
                for code in codequery.closest_codes(raw, self._codes_from(raw))
                if self._search(code, filters, limit=0, offset=0).total
            ]
        parsed = tokenize.parse(query)
        with self._lock:
            fixes = suggest.corrections(parsed, self._knows, self._vocabulary)
        return [
            fixed
            for fixed in suggest.suggestions(parsed, fixes)
            if self._search(fixed, filters, limit=0, offset=0).total
        ]

    def _codes_from(self, raw: str) -> list[str]:
        """The string codes (upper case) that start with :func:`codequery.code_prefix`."""
        low = indexing.code_key(codequery.code_prefix(raw))
        with self._lock:
            rows = self._db.execute(
                "SELECT DISTINCT key FROM c WHERE key >= ? AND key < ?", (low, low + "\U0010ffff")
            ).fetchall()
        return [str(key)[1:] for (key,) in rows]

    def _knows(self, word: str, prefix: bool) -> bool:
        """Whether a folded query word finds an entry: its stem is indexed or, as a
        ``prefix``, an indexed word starts with it."""
        if self._count(tokenize.stem(word)):
            return True
        if not prefix:
            return False
        row = self._db.execute(
            "SELECT 1 FROM w WHERE word >= ? AND word < ? LIMIT 1", (word, word + "\U0010ffff")
        ).fetchone()
        return row is not None

    def _vocabulary(self, words: Sequence[str]) -> dict[str, int]:
        """The indexed words (as written, folded) among ``words``, each with the number of
        entries holding its stem."""
        rows = self._db.execute(
            "SELECT w.word, t.n FROM w JOIN t ON t.term = (CASE WHEN w.stem = '' "
            "THEN w.word ELSE w.stem END) WHERE w.word IN (SELECT value FROM json_each(?))",
            (json.dumps(list(words)),),
        )
        return {word: int(n) for word, n in rows}

    def _search(self, query: str, filters: Filters, *, limit: int, offset: int) -> Page:
        """:meth:`search` without suggestions."""
        limit = max(0, limit)
        offset = max(0, offset)
        parsed = tokenize.parse(query)
        found, truncated = parsed.terms, parsed.truncated
        with self._lock:
            exact = self._exact(query) if query.strip() else []
            near = [] if exact else self._near(query)
            first = pinned(exact, near, self.doc, filters)
            facets = self._facet_expression(filters)
            span = self._span(filters)
            rest_offset, rest_limit = rest_window(len(first), limit, offset)
            rows: list[tuple[int, float]] = []
            total = 0
            last_stems: list[str] = []
            if span is None or facets is None:
                pass  # a filter value no entry has, or filters that exclude each other
            elif not found and not facets:
                return Page(query, [], 0, limit, offset, truncated)
            else:
                completions = self._completions(found[-1]) if completes(parsed) else None
                joined = joins.joins(parsed, completions, self._count, self._follows)
                parsed = parsed._replace(joined=joined)
                last_stems = completions or []
                tokens = [self._facet_ids[pair] for pair in filters.pairs()]
                said = message_text(query)
                skip = set(first)
                args = (completions, said, facets, tokens, span, skip, rest_limit, rest_offset)
                rows, total = self._match(parsed, False, *args)
                if any_term_retry(found, total, len(first), query):
                    rows, total = self._match(parsed, True, *args)
            marked, prefix_last = parsed.marked_terms()
            pattern = tokenize.highlighter(marked, prefix_last=prefix_last, last_stems=last_stems)
            hits = []
            for rowid, (doc, score) in list(first.items())[offset : offset + limit]:
                hits.append(self._hit(rowid, doc, score, pattern, filters.locale))
            for rowid, score in rows:
                doc = self.doc(rowid)
                hits.append(self._hit(rowid, doc, round(score, 4), pattern, filters.locale))
        return Page(query, hits, len(first) + total, limit, offset, truncated)

    def _hit(
        self,
        rowid: int,
        doc: Doc,
        score: float,
        pattern: tokenize.Highlighter | None,
        locale: str | None,
    ) -> Found:
        snippet, fields = snippet_of(doc.source, pattern, locale)
        return Found(rowid, doc, score, snippet, fields)

    def _exact(self, query: str) -> list[int]:
        """Rowids whose code or name is ``query``, as :meth:`Registry.lookup` orders them:
        by catalog, then code matches (each candidate key in turn) before name matches."""
        raw = exact_text(query)
        if raw is None:
            return []
        db = self._db
        found: list[int] = []
        for key in parse_code_query(raw):
            found += [
                r
                for (r,) in db.execute(
                    "SELECT doc FROM c WHERE key = ? ORDER BY doc", (indexing.code_key(key),)
                )
            ]
        found += [
            r
            for (r,) in db.execute(
                "SELECT doc FROM n WHERE name = ? ORDER BY doc", (raw.casefold(),)
            )
        ]
        return self._by_catalog(list(dict.fromkeys(found)))

    def _near(self, query: str) -> list[int]:
        """Rowids whose name is one edit away from a one-word ``query`` (any case), names in
        order, grouped by catalog (as :meth:`Registry.near_names`)."""
        word = near_word(query)
        if word is None:
            return []
        candidates = sorted(set(typo.one_edit(word, self._alphabet)) - {word})
        by_name: dict[str, list[int]] = {}
        for name, rowid in self._db.execute(
            "SELECT name, doc FROM n WHERE name IN (SELECT value FROM json_each(?)) "
            "ORDER BY name, doc",
            (json.dumps(candidates),),
        ):
            by_name.setdefault(name, []).append(rowid)
        found = [r for name in sorted(by_name) for r in by_name[name]]
        return self._by_catalog(found)

    def _by_catalog(self, rowids: list[int]) -> list[int]:
        """Rowids stably sorted by their catalog's place in the registry."""
        return by_catalog(rowids, self.catalogs)

    def facet_values(self, kind: str) -> list[str]:
        """The values of one filter (``module``, ``locale``…) the indexed entries have,
        sorted (locales as :func:`snippet.tag` writes them)."""
        return sorted(value for k, value in self._facet_ids if k == kind)

    def spelled(self, kind: str, value: str) -> str:
        """A filter value of :meth:`facet_values` as the catalogs write it (``zh-cn`` →
        ``zh-CN``); other kinds than ``locale`` are written as they are."""
        return self._spellings.get(value, value) if kind == "locale" else value

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
        lo, hi = 1, self._size
        for kind in indexing.RANGE_KINDS:
            value = getattr(filters, kind)
            if value is not None:
                got = self._ranges[kind].get(value)
                if got is None:
                    return None
                lo, hi = max(lo, got[0]), min(hi, got[1])
        return (lo, hi) if lo <= hi else None

    def _count(self, term: str) -> int:
        """How many entries hold an indexed token (0 for none)."""
        row = self._db.execute("SELECT n FROM t WHERE term = ?", (term,)).fetchone()
        return int(row[0]) if row else 0

    def _follows(self, first: str, then: str) -> int:
        """How many entries hold indexed token ``then`` right after ``first`` (two stems of
        ASCII letters, as :mod:`errdex.directory.joins` asks)."""
        (n,) = self._db.execute(
            "SELECT count(*) FROM f WHERE f MATCH ?", (f'"{first} {then}"',)
        ).fetchone()
        return int(n)

    def _completions(self, last: tokenize.Term) -> list[str] | None:
        """The indexed stems the last (prefix) word stands for, or None when there are more
        than :data:`COMPLETIONS` (then FTS5 matches it as a prefix).

        They are the stems of every written word starting with it (``tokeni`` →
        ``token``, from ``tokenizer``) and its own stem when indexed
        (``limited`` → ``limit``). An empty list: nothing can match.
        """
        word = tokenize.fold(last.text)
        window = COMPLETIONS * 8
        rows = self._db.execute(
            "SELECT word, stem FROM w WHERE word >= ? ORDER BY word LIMIT ?", (word, window + 1)
        ).fetchall()
        found: dict[str, None] = {}
        for known, stemmed in rows[:window]:
            if not known.startswith(word):
                break
            found[stemmed or known] = None
        else:
            if len(rows) > window:
                return None  # a short prefix of very many words
        own = tokenize.stem(word)
        if self._count(own):
            found[own] = None
        return list(found) if len(found) <= COMPLETIONS else None

    def _match(
        self,
        parsed: tokenize.Query,
        any_term: bool,
        completions: list[str] | None,
        said: str | None,
        facets: str,
        facet_tokens: list[str],
        span: tuple[int, int],
        skip: set[int],
        limit: int,
        offset: int,
    ) -> tuple[list[tuple[int, float]], int]:
        """Ranked rows matching the terms and filters (all of them, or any), and their number.

        Every match is counted and ordered by tier, then BM25: from the impact
        lists (:meth:`_impact`) where they answer exactly, else in SQLite. An
        query without terms lists the filtered entries in registry order. ``said``
        is the query as an exact message (:func:`message_text`).
        """
        db = self._db
        found, quoted, joined = parsed.terms, parsed.quoted, parsed.joined
        if completions == [] and found and not (joined and joined[-1].term == len(found) - 1):
            if not any_term:
                return [], 0
            completions = None
        words = tokenize.match_expression(
            found,
            any_term=any_term,
            prefix_last=parsed.prefix_last,
            last_words=completions,
            quoted=quoted,
            joined=joined,
        )
        if found and not quoted and not joined and not self.reference_order:
            fast = self._impact(
                found, any_term, completions, said, facet_tokens, span, skip, limit, offset
            )
            if fast is not None:
                return fast
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
        key = tokenize.key(parsed.split_terms())
        phrase = tokenize.phrase_expression(parsed.split_terms())
        # A one-word query's phrase is the query itself (the same expression): every match
        # holds it, and testing each match against a second MATCH would only cost time.
        every = phrase is not None and phrase == words
        tiers = (
            f"(rowid IN ({MESSAGE_ROWS}))" if said else "0",
            f"(rowid IN ({TITLE_ROWS}))",
            f"(rowid IN ({TITLE_START_ROWS}))",
            "1" if every else "(rowid IN (SELECT rowid FROM f WHERE f MATCH ?))" if phrase else "0",
        )
        bonus = " + ".join(f"{b} * {t}" for b, t in zip(TIERS, tiers, strict=True))
        tier_params: list[object] = [said] if said else []
        tier_params += [key, key + " ", key + " \U0010ffff"]
        if phrase and not every:
            tier_params.append(phrase)
        # BM25 gives a word in more than half of the entries no weight (FTS5 clamps its
        # IDF to 1e-6): when every word is that common, scores are equal and computing
        # them for every match would only cost time; the order is the tiers, then rowid.
        # (A quoted phrase, or the two words a joined word stands for, is rarer than its
        # words: its weight is its own.)
        common = not quoted and not joined and self._all_common(found, completions)
        if common and not self.reference_order:
            return self._tiers_then_rowid(
                words, facets, span, skip, key, said, phrase, limit, offset
            ), total
        if not self.reference_order:
            narrow = None
            if not any_term and not quoted and not joined:

                def narrow(want: int) -> tuple[list[int], float] | None:
                    return self._narrowed(found, completions, facet_tokens, span, skip, want)

            ranked = self._ranked(where, params, said, key, phrase, every, limit, offset, narrow)
            return ranked, total
        score = "" if common else f" - bm25(f, {WEIGHT_ARGS})"
        rows = db.execute(
            f"SELECT rowid, {bonus}{score} AS s FROM f WHERE {where} "
            "ORDER BY s DESC, rowid LIMIT ? OFFSET ?",
            [*tier_params, *params, limit, offset],
        )
        return [(r, s) for r, s in rows], total

    def _ranked(
        self,
        where: str,
        params: list[object],
        said: str | None,
        key: str,
        phrase: str | None,
        every: bool,
        limit: int,
        offset: int,
        narrow: Callable[[int], tuple[list[int], float] | None] | None = None,
    ) -> list[tuple[int, float]]:
        """The SQL ranking of :meth:`_match` (tier bonus plus BM25, then rowid), computed
        with less work and the same floats.

        - A tier no entry has is the constant 0 instead of a subquery probed for every
          match (``100000.0 * 0`` is what the probe gave).
        - When a tier holds rows and no row outside the tiers can outscore one inside
          (:func:`bm25_bound` below the smallest bonus), the page is ranked among the
          tier rows first, so BM25 is computed for them only; the rest are ranked after
          them only when the tiers hold fewer rows than the page needs.
        - When no tier holds a row and ``narrow`` finds the rows that can reach the page
          (:meth:`_narrowed`), BM25 is computed for those only; the answer is kept when
          it proves itself (the page's last score reaches the bound those rows were
          chosen by), else the whole ranking runs.
        """
        db = self._db
        upper = key + " \U0010ffff"

        def some(sql: str, *args: object) -> bool:
            return db.execute(sql + " LIMIT 1", args).fetchone() is not None

        has = (
            said is not None and some("SELECT 1 FROM x WHERE key = ?", said),
            some("SELECT 1 FROM k WHERE key = ?", key),
            some("SELECT 1 FROM k WHERE key > ? AND key < ?", key + " ", upper),
            phrase is not None and not every and some("SELECT 1 FROM f WHERE f MATCH ?", phrase),
        )
        tier_sql: tuple[tuple[str, list[object]], ...] = (
            (MESSAGE_ROWS, [said]),
            (TITLE_ROWS, [key]),
            (TITLE_START_ROWS, [key + " ", upper]),
            ("SELECT rowid FROM p", []),
        )
        terms, bonus_params = [], []
        for weight, present, (sql, args) in zip(TIERS, has, tier_sql, strict=True):
            if weight == TIERS[3] and every:
                terms.append(f"{weight} * 1")
            elif present:
                terms.append(f"{weight} * (rowid IN ({sql}))")
                bonus_params += args
            else:
                terms.append(f"{weight} * 0")
        bonus = " + ".join(terms)
        cte, cte_params = "", []
        if has[3]:
            cte = f"WITH p AS {_MATERIALIZED}(SELECT rowid FROM f WHERE f MATCH ?) "
            cte_params = [phrase]
        select = f"{cte}SELECT rowid, {bonus} - bm25(f, {WEIGHT_ARGS}) AS s FROM f WHERE {where}"
        order = " ORDER BY s DESC, rowid LIMIT ?"
        want = offset + limit
        listed = [
            (sql, args) for present, (sql, args) in zip(has, tier_sql, strict=True) if present
        ]
        expression = str(params[0])
        if not listed and not every and narrow is not None:
            chosen = narrow(want)
            if chosen is not None:
                rowids, reach = chosen
                rows = db.execute(
                    f"{select} AND +rowid IN (SELECT value FROM json_each(?)){order}",
                    [*cte_params, *bonus_params, *params, json.dumps(rowids), want],
                ).fetchall()
                if len(rows) == want and rows[-1][1] >= reach:
                    return [(r, s) for r, s in rows[offset:]]
        if not listed or every or bm25_bound(expression, self._size) >= TIERS[3]:
            rows = db.execute(
                select + order + " OFFSET ?", [*cte_params, *bonus_params, *params, limit, offset]
            ).fetchall()
            return [(r, s) for r, s in rows]
        inside = " UNION ".join(sql for sql, _ in listed)
        inside_params = [a for _, args in listed for a in args]
        first = db.execute(
            f"{select} AND +rowid IN ({inside}){order}",
            [*cte_params, *bonus_params, *params, *inside_params, want],
        ).fetchall()
        if len(first) < want:
            first += db.execute(
                f"{select} AND +rowid NOT IN ({inside}){order}",
                [*cte_params, *bonus_params, *params, *inside_params, want - len(first)],
            ).fetchall()
        return [(r, s) for r, s in first[offset:want]]

    def _narrowed(
        self,
        found: list[tokenize.Term],
        completions: list[str] | None,
        facet_tokens: list[str],
        span: tuple[int, int],
        skip: set[int],
        want: int,
    ) -> tuple[list[int], float] | None:
        """The rows that can be among the first ``want`` of an AND of one rarer word and
        words in half of the entries or more, and the score the ``want``-th must reach.

        FTS5 gives a word in half of the entries or more the IDF 1e-6, so it adds at most
        ``1e-6 × (k1 + 1)`` to a row's score: the ranking is the rarer word's impact list
        (:mod:`errdex.directory.impact`, its contribution by row, best first) up to those
        few millionths. The rows are the list's head down to the ``want``-th row that can
        match (its bitmap, the filters' and the span), then every row whose contribution
        is within what the common words can add; a row past them scores less than the
        ``want``-th contribution, which the ``want``-th answer must then reach. None for
        any other query, a page deeper than :data:`impact.WANT_MAX`, or a head that is
        most of the list (no gain).
        """
        if want > impact.WANT_MAX or not found:
            return None
        db, size = self._db, self._size
        groups = _phrase_groups(found, completions, False)
        if groups is None or any(t.cjk for t in found) or any(len(g) != 1 for g in groups):
            return None
        rare: tuple[str, int] | None = None
        common = 0
        for (token,) in groups:
            n = self._count(token)
            if not n or token in self._facet_tokens:
                return None
            if 2 * n >= size:
                common += 1
            elif rare is None:
                rare = (token, n)
            else:
                return None
        if rare is None or not common:
            return None
        words = impact.phrase_list(db, rare[0], rare[1], size, WEIGHT_ARGS)
        if words is None:
            return None
        bits = words.bits
        for token in facet_tokens:
            only = impact.facet_bits(db, token, self._count(token), size)
            if only is not None:
                bits &= only
        lo, hi = span
        bits &= ((1 << (hi + 1)) - 1) ^ ((1 << lo) - 1)
        for rowid in skip:
            bits &= ~(1 << rowid)
        held = bits.to_bytes((size >> 3) + 2, "little")
        seen, at = 0, -1
        for i, rowid in enumerate(words.docs):
            if held[rowid >> 3] >> (rowid & 7) & 1:
                seen += 1
                if seen == want:
                    at = i
                    break
        if at < 0:
            return None
        reach = words.value_at(at)
        slack = common * 1e-6 * (_K1 + 1.0) * (1 + 1e-9) + abs(reach) * 1e-9
        level = bisect.bisect_right(words.ends, at)
        while level + 1 < len(words.values) and words.values[level + 1] >= reach - slack:
            level += 1
        end = words.ends[level]
        if 10 * end > 7 * len(words.docs):
            return None
        return list(words.docs[:end]), reach

    reference_order = False
    """Rank every match in one SQL statement: no impact lists, and not even when every word
    is common (tests compare :meth:`_impact` and :meth:`_tiers_then_rowid` with it)."""

    def _impact(
        self,
        found: list[tokenize.Term],
        any_term: bool,
        completions: list[str] | None,
        said: str | None,
        facet_tokens: list[str],
        span: tuple[int, int],
        skip: set[int],
        limit: int,
        offset: int,
    ) -> tuple[list[tuple[int, float]], int] | None:
        """:meth:`_match` answered from the impact lists (:mod:`errdex.directory.impact`);
        None for a query they do not cover exactly (:meth:`_match` does not ask for a
        quoted phrase): a word in half of the entries or more,
        a CJK character alone (a prefix) or, all terms required, a CJK run of more than two
        (a phrase of several tokens), a prefix of many words, a word no entry holds, a
        filter token as a word, a page deeper than :data:`impact.WANT_MAX`, fewer matches
        than :data:`impact.SQL_BELOW` (SQL ranks them fast), a walk that gives up."""
        want = offset + limit
        if want > impact.WANT_MAX:
            return None
        groups = _phrase_groups(found, completions, any_term)
        if groups is None:
            return None
        db = self._db
        lists: list[impact.PhraseList] = []
        indexes: list[list[int]] = []
        for group in groups:
            indexes.append([])
            for token in group:
                n = self._count(token)
                if not n or token in self._facet_tokens:
                    return None
                got = impact.phrase_list(db, token, n, self._size, WEIGHT_ARGS)
                if got is None:
                    return None
                indexes[-1].append(len(lists))
                lists.append(got)
        filters = []
        for token in facet_tokens:
            bits = impact.facet_bits(db, token, self._count(token), self._size)
            if bits is None:
                return None
            filters.append(bits)
        lo, hi = span
        filters.append(((1 << (hi + 1)) - 1) ^ ((1 << lo) - 1))
        matched = impact.matches(lists, indexes, filters, any_term)
        for rowid in skip:
            matched &= ~(1 << rowid)
        total = matched.bit_count()
        if not limit or offset >= total:
            return [], total
        if total < impact.SQL_BELOW:
            return None
        key = tokenize.key(found)
        message = frozenset(r for (r,) in db.execute(MESSAGE_ROWS, (said,)) if said)
        exact = frozenset(r for (r,) in db.execute(TITLE_ROWS, (key,)))
        starts = frozenset(
            r for (r,) in db.execute(TITLE_START_ROWS, (key + " ", key + " \U0010ffff"))
        )
        phrase = tokenize.phrase_expression(found)
        words = tokenize.match_expression(found, any_term=any_term, last_words=completions)
        every = phrase is not None and phrase == words
        in_phrase = None
        if phrase is not None and not every:
            in_phrase = frozenset(
                r
                for (r,) in db.execute(
                    "SELECT rowid FROM f WHERE f MATCH ? AND rowid BETWEEN ? AND ?", (phrase, *span)
                )
            )
        tiers = impact.Tiers(message, exact, starts, in_phrase, every)
        ranked = impact.top(lists, matched, tiers, want)
        return None if ranked is None else (ranked[offset:], total)

    def _tiers_then_rowid(
        self,
        words: str,
        facets: str,
        span: tuple[int, int],
        skip: set[int],
        key: str,
        said: str | None,
        phrase: str | None,
        limit: int,
        offset: int,
    ) -> list[tuple[int, float]]:
        """The page ``[offset, offset + limit)`` of matches ordered by tier bonus, then rowid,
        for queries whose every word is common (no BM25), without testing the phrase on
        every match: the few matches with a message or title tier (their keys name them),
        ordered by
        their bonus, then the matches holding the phrase, then the rest, both by rowid —
        FTS5 walks those in rowid order and stops at the page's end.
        """
        db = self._db
        want = offset + limit
        matched = f"({words}) AND {facets}" if facets else f"({words})"
        exclude = set(skip)
        titled: list[tuple[int, float]] = []
        upper = key + " \U0010ffff"
        candidates = [
            r
            for (r,) in db.execute(
                "SELECT doc FROM k WHERE (key = ? OR (key > ? AND key < ?)) "
                "AND doc BETWEEN ? AND ? UNION SELECT doc FROM x WHERE key = ? "
                "AND doc BETWEEN ? AND ? ORDER BY doc",
                (key, key + " ", upper, *span, said or "", *span),
            )
            if r not in exclude
        ]
        if candidates:
            listed = ", ".join(str(r) for r in candidates)
            phrase_rows: set[int] = set()
            if phrase:
                phrase_rows = {
                    r
                    for (r,) in db.execute(
                        f"SELECT rowid FROM f WHERE f MATCH ? AND rowid IN ({listed})",
                        (f"{matched} AND {phrase}",),
                    )
                }
            for r, message, exact, starts in db.execute(
                "SELECT rowid, rowid IN (SELECT doc FROM x WHERE key = ?), "
                "rowid IN (SELECT doc FROM k WHERE key = ?), "
                "rowid IN (SELECT doc FROM k WHERE key > ? AND key < ?) "
                f"FROM f WHERE f MATCH ? AND rowid IN ({listed})",
                (said or "", key, key + " ", upper, matched),
            ):
                bonus = TIERS[0] * message + TIERS[1] * exact + TIERS[2] * starts
                titled.append((r, float(bonus + TIERS[3] * (r in phrase_rows))))
            titled.sort(key=lambda rs: (-rs[1], rs[0]))
            exclude.update(r for r, _ in titled)
        out = titled[:want]
        not_in = (
            f" AND rowid NOT IN ({', '.join(str(r) for r in sorted(exclude))})" if exclude else ""
        )
        segments = [(f"{matched} AND {phrase}", TIERS[3]), (f"{matched} NOT {phrase}", 0.0)]
        for expression, bonus in segments if phrase else [(matched, 0.0)]:
            if len(out) >= want:
                break
            out += [
                (r, bonus)
                for (r,) in db.execute(
                    f"SELECT rowid FROM f WHERE f MATCH ? AND rowid BETWEEN ? AND ?{not_in} "
                    "ORDER BY rowid LIMIT ?",
                    (expression, *span, want - len(out)),
                )
            ]
        return out[offset:want]

    def _all_common(self, found: list[tokenize.Term], completions: list[str] | None) -> bool:
        """Whether every term is in more than half of the entries (BM25 weighs none of them)."""
        half = self._size / 2
        for i, term in enumerate(found):
            if term.cjk:
                return False
            if i == len(found) - 1 and completions is not None:
                if not completions or min(self._count(w) for w in completions) <= half:
                    return False
            elif (
                i == len(found) - 1 or self._count(tokenize.stem(tokenize.fold(term.text))) <= half
            ):
                return False
        return True
