"""Build the search database: one SQLite file image holding everything a search needs.

:func:`build` turns ``(catalog, entry)`` pairs into a SQLite database that
:class:`errdex.directory.search.SearchIndex` queries, in memory or after a
round trip through the on-disk cache (:mod:`errdex.directory.diskcache`). The
database answers a search on its own — no catalog has to be loaded — so it
holds, besides the full-text index, what a hit shows:

=========  ==============================================================
table      holds
=========  ==============================================================
``f``      the FTS5 index (contentless): eight weighted columns per entry
``k``      exact-title keys → entry (:func:`errdex.directory.tokenize.key`)
``x``      exact-message keys → entry (:func:`errdex.directory.tokenize.message_key`
           of the message, its translations and its variants)
``t``      every indexed token → how many entries hold it
``w``      every word as written (folded) → its stem, ``""`` when the same
           (prefix completion)
``c``      code keys → entry; ``n``: folded names → entry (exact lookups)
``d``      per entry a :class:`Doc`: catalog, space, code, name, title,
           HTTP status, permalink path, snippet texts (JSON, in
           zlib-compressed blocks of :data:`BLOCK` entries)
``m``      impact lists: per frequent token its entries by BM25 contribution
           (:mod:`errdex.directory.impact`)
``meta``   format, catalogs and their sizes, filter tokens, rowid ranges,
           locale spellings
=========  ==============================================================

Rowid ``i`` is the ``i``-th entry of the registry, catalog by catalog in
load order; a registry that loads the same files gets the same rowids.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from errdex.directory import impact, tokenize
from errdex.directory.snippet import SnippetSource, extra_text, tag
from errdex.model import Catalog, Code, Entry
from errdex.model.effective import http_status, message_retry_answers, retry_advice

FORMAT = 5
"""The layout of the database; a cache file of another format is never read."""
BLOCK = 16
"""Records of this many consecutive entries are compressed together in table ``d``."""

COLUMNS = ("code", "name", "title", "message", "description", "solution", "extra", "facets")
WEIGHTS = (10.0, 8.0, 5.0, 5.0, 2.0, 2.0, 1.0, 0.0)
"""BM25 weight of each column of :data:`COLUMNS`; ``facets`` (filter tokens) weighs nothing."""
WEIGHT_ARGS = ", ".join(str(w) for w in WEIGHTS)

NAME_MARKERS = frozenset({"err", "error", "e"})
"""A name's first word that only says "error" (Go's ``ErrNotFound``); titles compare without it."""

PathOf = Callable[[str, Entry], str]
"""``path_of(catalog_id, entry)``: the URL path of an entry's permalink page."""

RANGE_KINDS = ("catalog", "module", "space")
"""Filters whose entries sit in one rowid range (entries are stored catalog by catalog)."""


class Doc(NamedTuple):
    """What the index keeps of an entry: enough to filter, rank and show it as a hit."""

    catalog_id: str
    catalog_order: int
    """The catalog's place in the registry (exact matches are grouped by it)."""
    space: str
    module: str | None
    code: Code
    name: str | None
    title: str
    """The entry's display title (title, else name, else message, else code)."""
    status: str
    http_status: int | None
    retryable: bool | None
    path: str
    """The URL path of the entry's permalink page."""
    locales: str
    """``|en|zh-cn|zh|``: the locales the entry has text in, and their languages."""
    source: SnippetSource
    retryable_for_messages: tuple[bool, ...] = ()
    """The other retry answers some of its messages give
    (:func:`~errdex.model.effective.message_retry_answers`): a retry filter matches them too."""

    def retry_matches(self, retryable: bool) -> bool:
        """Whether the entry is (or for some message is) ``retryable``."""
        return retryable == self.retryable or retryable in self.retryable_for_messages

    def to_data(self) -> list[Any]:
        """The record as JSON-ready data (one item of a block of table ``d``)."""
        source = self.source
        return [
            *self[:12],
            source.code,
            source.name,
            [list(t) for t in source.texts],
            source.extra,
            list(self.retryable_for_messages),
        ]

    @classmethod
    def from_data(cls, data: list[Any]) -> Doc:
        """Read a record written by :meth:`to_data`."""
        code, name, texts, extra, others = data[12:17]
        source = SnippetSource(code, name, tuple((f, loc, t) for f, loc, t in texts), extra)
        return cls._make([*data[:12], source, tuple(others)])


def pack_block(docs: Sequence[Doc]) -> bytes:
    """A block of records as table ``d`` stores it: one JSON text per line, compressed."""
    import orjson  # here: a search answered from the cache writes no record (~15 ms to import)

    return zlib.compress(b"\n".join([_dumps(orjson.dumps, d.to_data()) for d in docs]), 1)


def _dumps(dumps: Callable[[Any], bytes], data: list[Any]) -> bytes:
    """JSON of a record: orjson's ``dumps``, or json for what orjson refuses (an integer code
    beyond 64 bits, which only an unvalidated catalog can hold)."""
    try:
        return dumps(data)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def unpack_record(data: bytes, at: int) -> Doc:
    """Record ``at`` of a block written by :func:`pack_block` (only that one is parsed)."""
    line = zlib.decompress(data).split(b"\n", at + 1)[at]
    return Doc.from_data(json.loads(line))  # json keeps integers of any size exact


def code_key(key: Code) -> str:
    """A code's comparison key (:func:`errdex.model.normalize_code`) as table ``c`` stores it."""
    return f"i{key}" if type(key) is int else f"s{key}"


def locale_spellings(catalog: Catalog, entry: Entry) -> dict[str, str]:
    """The locales :func:`locales_of` lists, each (as :func:`snippet.tag` writes it) to its
    spelling in the catalog: ``{"zh-cn": "zh-CN", "zh": "zh"}``. A refusal lists locales as
    the catalogs write them."""
    out: dict[str, str] = {}
    for raw in [entry.locale or catalog.meta.default_locale, *entry.translations]:
        spelled = raw.strip()
        out.setdefault(tag(spelled), spelled)
        language = spelled.replace("_", "-").split("-")[0]
        out.setdefault(tag(language), language)
    return out


def locales_of(catalog: Catalog, entry: Entry) -> str:
    """``|en|zh-cn|zh|``: the locales an entry has text in, and their languages."""
    tags = [entry.locale or catalog.meta.default_locale, *entry.translations]
    out = []
    for raw in tags:
        one = tag(raw)
        out += [one, one.split("-")[0]]
    return "|" + "|".join(dict.fromkeys(out)) + "|"


def _join(texts: Sequence[str | None]) -> str:
    return "\n".join(t for t in texts if t)


def row_texts(
    catalog: Catalog,
    entry: Entry,
    vocabulary: dict[str, str],
    source: SnippetSource | None = None,
    extras: dict[str, str] | None = None,
) -> tuple[str, ...]:
    """The indexed text of each column but ``facets``; records written words in ``vocabulary``.

    ``source`` is the entry's :class:`SnippetSource` when the caller has it (its name
    parts and extra text are reused); ``extras`` keeps the segmented texts across calls
    of one build (with the same ``vocabulary``, whose words the first segmentation of a
    text recorded): texts repeat — a module's title for each of its entries, a catalog's
    stock descriptions and solutions — and are segmented once."""
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
    if source is None:
        name = tokenize.split_identifier(entry.name) if entry.name else ""
        extra = extra_text(catalog, entry)
    else:
        name, extra = source.name or "", source.extra
    seg = tokenize.segment
    out = [seg(t, vocabulary) if t else "" for t in (str(entry.code), name)]
    if extras is None:
        out += [seg(t, vocabulary) if t else "" for t in (title, message, description)]
        out += [seg(t, vocabulary) if t else "" for t in (solution, extra)]
        return tuple(out)
    for text in (title, message, description, solution, extra):
        if not text:
            out.append("")
            continue
        done = extras.get(text)
        if done is None:
            done = extras[text] = seg(text, vocabulary)
        out.append(done)
    return tuple(out)


def title_keys(
    entry: Entry,
    vocabulary: dict[str, str],
    split_name: str | None = None,
    known: dict[str, str] | None = None,
) -> set[str]:
    """What an exact title match compares against: the key of the entry's title (else its
    message) in each locale, and of its name's words (:func:`tokenize.text_key`).
    ``split_name`` is :func:`tokenize.split_identifier` of the name, when the caller has it;
    ``known`` keeps the keys of texts across calls of one build (titles repeat)."""
    heads = [entry.title or entry.message]
    heads += [t.title or t.message for t in entry.translations.values()]
    if entry.name:
        split = split_name or tokenize.split_identifier(entry.name)
        words = split.partition(" ")[2] or entry.name
        heads.append(words)
        marker, _, rest = words.partition(" ")
        if rest and marker.lower() in NAME_MARKERS:
            heads.append(rest)  # errRateLimitExceeded says "rate limit exceeded"
    out = set()
    for head in heads:
        if head:
            found = None if known is None else known.get(head)
            if found is None:
                found = tokenize.text_key(head, vocabulary)
                if known is not None:
                    known[head] = found
            if found:
                out.add(found)
    return out


def message_keys(entry: Entry) -> set[str]:
    """What an exact-message match compares against: :func:`tokenize.message_key` of the
    entry's message, of its message in each locale and of each known message variant."""
    texts = [entry.message, *(t.message for t in entry.translations.values())]
    texts += [v.message for v in entry.variants]
    return {key for key in (tokenize.message_key(t) for t in texts if t) if key}


def facet_pairs(catalog: Catalog, entry: Entry, locales: str) -> list[tuple[str, str]]:
    """The ``(kind, value)`` filter facets of an entry: catalog, space, module, status,
    retry hint, locales."""
    status = http_status(catalog, entry)
    pairs = [("catalog", catalog.meta.id), ("space", entry.space)]
    if entry.module is not None:
        pairs.append(("module", entry.module))
    if status is not None:
        pairs.append(("http_status", str(status)))
    retryable = retry_advice(catalog, entry).retryable
    for answer in (retryable, *message_retry_answers(catalog, entry)):  # retryable for some
        if answer is not None:
            pairs.append(("retryable", str(int(answer))))
    pairs += [("locale", one) for one in locales.strip("|").split("|")]
    return pairs


def default_path(catalog_id: str, entry: Entry) -> str:
    """A permalink path when the caller has none: ``/<catalog>/<space>/<code>``."""
    return f"/{catalog_id}/{entry.space}/{entry.code}"


SCHEMA = f"""
CREATE VIRTUAL TABLE f USING fts5({", ".join(COLUMNS)}, content='',
    tokenize='unicode61 remove_diacritics 2');
CREATE TABLE k(key TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE x(key TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE c(key TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc)) WITHOUT ROWID;
CREATE TABLE n(name TEXT NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (name, doc)) WITHOUT ROWID;
CREATE TABLE d(block INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE w(word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE t(term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
"""


PROGRESS_EVERY = 1000
"""``progress`` is called after each this many entries."""


def build(
    docs: Sequence[tuple[Catalog, Entry]],
    path_of: PathOf = default_path,
    progress: Callable[[int], None] | None = None,
) -> sqlite3.Connection:
    """Build the search database of ``docs`` in memory; ``path_of(catalog_id, entry)`` gives
    each entry's permalink path; ``progress(done)`` is told how many entries are indexed."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.executescript(SCHEMA)
    vocabulary: dict[str, str] = {}
    extras: dict[str, str] = {}
    heads: dict[str, str] = {}
    facet_ids: dict[tuple[str, str], str] = {}
    ranges: dict[str, dict[str, list[int]]] = {kind: {} for kind in RANGE_KINDS}
    order: dict[str, int] = {}
    sizes: dict[str, int] = {}
    records: list[Doc] = []
    codes: list[tuple[str, int]] = []
    names: list[tuple[str, int]] = []
    keys: list[tuple[str, int]] = []
    said: list[tuple[str, int]] = []
    spellings: dict[str, str] = {}

    def rows() -> Any:
        for rowid, (catalog, entry) in enumerate(docs, 1):
            cid = catalog.meta.id
            place = order.setdefault(cid, len(order))
            sizes[cid] = sizes.get(cid, 0) + 1
            locales = locales_of(catalog, entry)
            for one, spelled in locale_spellings(catalog, entry).items():
                spellings.setdefault(one, spelled)
            ids = facet_ids
            facets = " ".join(
                ids.get(p) or ids.setdefault(p, f"facet{len(ids)}x")
                for p in facet_pairs(catalog, entry, locales)
            )
            for kind, value in zip(RANGE_KINDS, (cid, entry.module, entry.space), strict=True):
                if value is not None:
                    span = ranges[kind].setdefault(value, [rowid, rowid])
                    span[1] = rowid
            source = SnippetSource.of(catalog, entry)
            doc = Doc(
                cid,
                place,
                entry.space,
                entry.module,
                entry.code,
                entry.name,
                entry.display_title,
                entry.status,
                http_status(catalog, entry),
                retry_advice(catalog, entry).retryable,
                path_of(cid, entry),
                locales,
                source,
                message_retry_answers(catalog, entry),
            )
            records.append(doc)
            codes.append((code_key(entry.key), rowid))
            if entry.name:
                names.append((entry.name.casefold(), rowid))
            keys.extend((k, rowid) for k in title_keys(entry, vocabulary, source.name, heads))
            said.extend((k, rowid) for k in message_keys(entry))
            yield (rowid, *row_texts(catalog, entry, vocabulary, source, extras), facets)
            if progress is not None and rowid % PROGRESS_EVERY == 0:
                progress(rowid)

    marks = ", ".join("?" * (len(COLUMNS) + 1))
    with db:
        db.executemany(f"INSERT INTO f(rowid, {', '.join(COLUMNS)}) VALUES ({marks})", rows())
        db.executemany(
            "INSERT INTO d(block, data) VALUES (?, ?)",
            (
                (i // BLOCK, pack_block(records[i : i + BLOCK]))
                for i in range(0, len(records), BLOCK)
            ),
        )
        db.executemany("INSERT OR IGNORE INTO c(key, doc) VALUES (?, ?)", sorted(codes))
        db.executemany("INSERT OR IGNORE INTO n(name, doc) VALUES (?, ?)", sorted(names))
        db.executemany("INSERT OR IGNORE INTO k(key, doc) VALUES (?, ?)", sorted(keys))
        db.executemany("INSERT OR IGNORE INTO x(key, doc) VALUES (?, ?)", sorted(said))
        db.executemany(
            "INSERT INTO w(word, stem) VALUES (?, ?)",
            ((w, "" if st == w else st) for w, st in sorted(vocabulary.items())),
        )
        db.execute("INSERT INTO f(f, rank) VALUES ('rank', ?)", (f"bm25({WEIGHT_ARGS})",))
        db.execute("INSERT INTO f(f) VALUES ('optimize')")
        db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, f, 'row')")
        db.execute("INSERT INTO t(term, n) SELECT term, doc FROM temp.v")
        db.execute("DROP TABLE temp.v")
        impact.build(db, len(docs), WEIGHT_ARGS, set(facet_ids.values()))
        alphabet = "".join(sorted({ch for name, _ in names for ch in name}))
        meta = {
            "format": FORMAT,
            "catalogs": [[cid, sizes[cid]] for cid in order],
            "facets": [[kind, value, token] for (kind, value), token in facet_ids.items()],
            "ranges": ranges,
            "alphabet": alphabet,
            "spellings": dict(sorted(spellings.items())),
            "size": len(docs),
        }
        db.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?)",
            [(k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()],
        )
    if progress is not None:
        progress(len(docs))
    return db


__all__ = [
    "BLOCK",
    "COLUMNS",
    "FORMAT",
    "WEIGHTS",
    "WEIGHT_ARGS",
    "Doc",
    "PathOf",
    "build",
    "code_key",
    "default_path",
    "facet_pairs",
    "locale_spellings",
    "locales_of",
    "message_keys",
    "pack_block",
    "row_texts",
    "title_keys",
    "unpack_record",
]
