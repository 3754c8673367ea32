"""The static site's search index: the server's SQLite index cut into cacheable chunks.

``errdex build --site`` writes, under ``static/search/``, everything the
browser needs to rank a query exactly as :class:`errdex.directory.search.SearchIndex`
does, read from the SAME SQLite database (one source of facts). A query
fetches the manifest and only the chunks its words, codes and hits live in
(Pagefind's approach), so a big registry is not downloaded whole. Every
file's name holds a hash of its content (``terms.3f9a….bin``), so static
hosts can cache them forever; a rebuild with other content writes other names.

Files (``<h>`` is a content hash):

``manifest.<h>.json``
    ``format``, ``size`` (rows), ``tokens`` (all tokens: avgdl = tokens / size),
    ``weights`` (per column, integers), ``catalogs``, ``facets`` (kind, value,
    token), ``ranges`` (rowid ranges of catalogs, modules, spaces), and where
    each table, doc record and row length lives.
Sorted tables (``terms``, ``pairs``, ``words``, ``keys``, ``messages``, ``codes``, ``names``,
``rnames``)
    Each is a key-sorted list of entries cut into chunks of about
    :data:`CHUNK_BYTES`; the manifest lists each chunk's first key
    (``"chunks": [[first, file], …]``) or, for more than :data:`DIR_CHUNKS`
    chunks, directory files that do (``"dirs": [[first, file], …]``,
    a directory is the JSON list of its chunks). Keys compare by code point,
    as SQLite's BINARY collation does, so a prefix's entries are one range.
    A chunk file is binary: per entry ``varint shared, varint len, key bytes,
    varint len, payload`` — the key's UTF-8 is front-coded (``shared`` bytes
    of the previous key, then its own); varints are unsigned LEB128, rowids
    are delta-coded.

    ``terms``: every FTS5 token → ``n`` (rows holding it), ``kind``, postings.
    Kind 0: per row ``Δrowid, f, D`` — ``f`` is FTS5's weighted phrase
    frequency (the sum of the column weights of the token's instances) and
    ``D`` the row's token count. Kind 1 (the token is in more than half of
    the rows): the missing rows (``m, Δrowid…``), the usual ``f``, and the
    rows with another ``f`` (``e, (Δrowid, f)…``); such rows' ``D`` is in
    ``lengths``. Kind 2 (a filter token, ``f`` 0 everywhere): ``Δrowid…``.
    ``pairs``: two tokens that follow each other (``"a b"``) → ``n, kind``;
    kind 0: per row ``Δrowid, D, m, start…``, where the pair starts
    (``offset << 3 | column``); kind 1 (in more than half of the rows): the
    missing rows, the usual ``m, start…`` and the rows with other starts
    (``e, (Δrowid, m, start…)…``). Phrases (the phrase tier and CJK bigram
    runs) are matched from them exactly.
    ``words``: the ``w`` table (word as written → its stem, empty when the
    same); ``keys``: exact-title keys → rowids; ``messages``: exact-message keys
    (:func:`errdex.directory.tokenize.message_key`) → rowids; ``codes``: code keys → rowids;
    ``names``: folded names → rowids; ``rnames``: the same names reversed
    (names one edit away share a prefix or a suffix of the query's).
``docs``
    ``d.<g>.<block>.json``: the JSON records (:meth:`Doc.to_data`) of rows
    ``block * DOC_BLOCK + 1 …``; ``<g>`` is the hash of the group of
    :data:`DOC_GROUP` blocks it belongs to (the manifest lists one hash per
    group, not one per file).
``lengths``
    ``l.<h>.bin``: ``D`` of each of :data:`LENGTH_BLOCK` rows, as varints.

BM25 is FTS5's: per phrase IDF ``log((N - n + 0.5) / (n + 0.5))`` (``1e-6``
when not positive), ``score += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl))``
with ``k1 = 1.2, b = 0.75``; the readers (the browser's ``errdex-search.js``
and :mod:`errdex.directory.static_reader`) replay :mod:`errdex.directory.search`.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import orjson

from errdex.directory import indexing
from errdex.directory.indexing import COLUMNS, WEIGHTS, Doc

FORMAT = 2
"""The layout of the static index; the reader refuses a manifest of another format
(2: the ``messages`` table of exact-message keys)."""
CHUNK_BYTES = 8_000
"""A sorted table's chunk is closed once it holds about this many bytes."""
DIR_CHUNKS = 64
"""A table of more chunks than this is listed through directory files of this many chunks."""
DOC_BLOCK = 4
"""Doc records of this many consecutive rows share one file."""
DOC_GROUP = 256
"""Doc files of this many consecutive blocks share one hash in the manifest."""
LENGTH_BLOCK = 4096
"""Row lengths of this many consecutive rows share one file."""
FOLDER = ("static", "search")
"""Where the index lives in the site."""

Write = Callable[[str, bytes], None]
"""``write(name, data)``: store one file of the index (the site confines and writes it)."""


def varint(value: int, out: bytearray) -> None:
    """Append ``value`` (≥ 0) as an unsigned LEB128 varint."""
    if value < 0x80:
        out.append(value)
        return
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


class _Writer:
    """Names each file by its content hash and hands it to ``write``; counts what it wrote."""

    def __init__(self, write: Write) -> None:
        self._write = write
        self.files = 0
        self.bytes = 0

    def put(self, stem: str, ext: str, data: bytes) -> str:
        name = f"{stem}.{_hash(data)}.{ext}"
        self.raw(name, data)
        return name

    def raw(self, name: str, data: bytes) -> None:
        self._write(name, data)
        self.files += 1
        self.bytes += len(data)


def _shared(a: bytes, b: bytes) -> int:
    """The length of the longest common prefix of two byte strings."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # a[:lo] == b[:lo] always holds
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _entry(key: bytes, last: bytes, payload: bytes, out: bytearray) -> None:
    """Append one entry, its key front-coded against the chunk's previous key ``last``."""
    shared = _shared(key, last)
    varint(shared, out)
    varint(len(key) - shared, out)
    out += key[shared:]
    varint(len(payload), out)
    out += payload


def _table(writer: _Writer, name: str, entries: Iterable[tuple[str, bytes]]) -> dict[str, Any]:
    """Write a key-sorted table as chunks (and directories); its manifest entry."""
    chunks: list[list[str]] = []
    buf = bytearray()
    first: str | None = None
    last = b""
    for key, payload in entries:
        raw = key.encode()
        if first is None:
            first, last = key, b""
        _entry(raw, last, payload, buf)
        last = raw
        if len(buf) >= CHUNK_BYTES:
            chunks.append([first, writer.put(name, "bin", bytes(buf))])
            buf, first = bytearray(), None
    if first is not None:
        chunks.append([first, writer.put(name, "bin", bytes(buf))])
    if len(chunks) <= DIR_CHUNKS:
        return {"chunks": chunks}
    dirs = []
    for i in range(0, len(chunks), DIR_CHUNKS):
        part = chunks[i : i + DIR_CHUNKS]
        dirs.append([part[0][0], writer.put(name + "-dir", "json", _json(part))])
    return {"dirs": dirs}


def _json(data: Any) -> bytes:
    try:
        return orjson.dumps(data)
    except orjson.JSONEncodeError:  # an integer code beyond 64 bits
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _rowids(rowids: Iterable[int]) -> bytes:
    out = bytearray()
    last = 0
    for r in rowids:
        varint(r - last, out)
        last = r
    return bytes(out)


def _grouped(rows: Iterable[tuple[str, int]]) -> Iterator[tuple[str, bytes]]:
    """``(key, rowid)`` rows sorted by key then rowid → ``(key, delta-coded rowids)``."""
    key: str | None = None
    docs: list[int] = []
    for k, r in rows:
        if k != key:
            if key is not None:
                yield key, _rowids(docs)
            key, docs = k, []
        docs.append(r)
    if key is not None:
        yield key, _rowids(docs)


def _weights() -> dict[str, int]:
    out = {}
    for column, weight in zip(COLUMNS, WEIGHTS, strict=True):
        if weight != int(weight):
            raise ValueError(f"the static index needs integer column weights, not {weight}")
        out[column] = int(weight)
    return out


def _instances(db: sqlite3.Connection, order: str) -> Iterator[tuple[str, int, str, int]]:
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.static_vi USING fts5vocab(main, f, 'instance')"
    )
    try:
        yield from db.execute(f"SELECT term, doc, col, offset FROM temp.static_vi {order}")
    finally:
        db.execute("DROP TABLE IF EXISTS temp.static_vi")


_Value = TypeVar("_Value", int, tuple[int, ...])


def _dense(
    rows: dict[int, _Value], size: int, put: Callable[[_Value, bytearray], None], out: bytearray
) -> None:
    """Append mode 1 of a term's or a pair's rows (in more than half of the ``size`` rows):
    the rows it is missing from, its most usual value (the smallest of a tie), then the rows
    whose value is another, each value written by ``put``."""
    varint(1, out)
    missing = sorted(set(range(1, size + 1)).difference(rows))
    varint(len(missing), out)
    out += _rowids(missing)
    counts: dict[_Value, int] = {}
    for value in rows.values():
        counts[value] = counts.get(value, 0) + 1
    usual = max(sorted(counts), key=lambda value: counts[value])
    put(usual, out)
    other = [(r, value) for r, value in rows.items() if value != usual]
    varint(len(other), out)
    last = 0
    for r, value in other:
        varint(r - last, out)
        put(value, out)
        last = r


def _terms(db: sqlite3.Connection, size: int, lengths: list[int]) -> Iterator[tuple[str, bytes]]:
    weights = _weights()
    term: str | None = None
    freqs: dict[int, int] = {}

    def payload() -> bytes:
        out = bytearray()
        n = len(freqs)
        varint(n, out)
        if 2 * n > size:
            _dense(freqs, size, varint, out)
        elif not any(freqs.values()):  # a filter token: only where it is
            varint(2, out)
            out += _rowids(freqs)
        else:
            varint(0, out)
            last = 0
            for r, f in freqs.items():
                varint(r - last, out)
                varint(f, out)
                varint(lengths[r], out)
                last = r
        return bytes(out)

    for t, doc, col, _ in _instances(db, ""):
        if t != term:
            if term is not None:
                yield term, payload()
            term, freqs = t, {}
        freqs[doc] = freqs.get(doc, 0) + weights[col]
    if term is not None:
        yield term, payload()


def _pairs(db: sqlite3.Connection, size: int) -> tuple[list[int], dict[str, list[int]]]:
    """One pass over every token instance in row order: ``D`` of every row (index 0
    unused), and every two tokens that follow each other in a column → where they start
    (``row << 40 | offset << 3 | column``)."""
    column = {c: i for i, c in enumerate(COLUMNS)}
    lengths = [0] * (size + 1)
    found: dict[str, list[int]] = {}
    p_term, p_doc, p_col, p_off = "", -1, "", -2
    for term, doc, col, off in _instances(db, "ORDER BY doc, col, offset"):
        lengths[doc] += 1
        if p_doc == doc and p_col == col and p_off + 1 == off:
            at = (doc << 40) | (p_off << 3) | column[col]
            key = f"{p_term} {term}"
            got = found.get(key)
            if got is None:
                found[key] = [at]
            else:
                got.append(at)
        p_term, p_doc, p_col, p_off = term, doc, col, off
    return lengths, found


def _pair_entries(found: dict[str, list[int]], lengths: list[int]) -> Iterator[tuple[str, bytes]]:
    """The ``pairs`` table's entries, key by key."""
    size = len(lengths) - 1
    for key in sorted(found):
        by_row: dict[int, tuple[int, ...]] = {}
        for start in found[key]:
            doc = start >> 40
            by_row[doc] = (*by_row.get(doc, ()), start & 0xFFFFFFFFFF)
        yield key, _pair_payload(by_row, lengths, size)


def _starts(starts: tuple[int, ...], out: bytearray) -> None:
    varint(len(starts), out)
    for one in starts:
        varint(one, out)


def _pair_payload(by_row: dict[int, tuple[int, ...]], lengths: list[int], size: int) -> bytes:
    """A pair's rows (see the module docstring): where it starts, ``offset << 3 | column``."""
    out = bytearray()
    varint(len(by_row), out)
    if 2 * len(by_row) > size:
        _dense(by_row, size, _starts, out)
        return bytes(out)
    varint(0, out)
    last = 0
    for r, st in by_row.items():
        varint(r - last, out)
        varint(lengths[r], out)
        _starts(st, out)
        last = r
    return bytes(out)


def _docs(
    db: sqlite3.Connection, writer: _Writer, size: int, paths: Mapping[str, str]
) -> list[str]:
    """Write the doc record files, a record's path replaced as ``paths`` says; the hash of
    each group of :data:`DOC_GROUP` blocks."""
    records: list[Any] = []
    for (data,) in db.execute("SELECT data FROM d ORDER BY block"):
        for line in zlib.decompress(data).split(b"\n"):
            doc = Doc.from_data(json.loads(line))
            if doc.path in paths:
                doc = doc._replace(path=paths[doc.path])
            records.append(doc.to_data())
    if len(records) != size:
        raise ValueError(f"the index holds {len(records)} records for {size} rows")
    blocks = [_json(records[i : i + DOC_BLOCK]) for i in range(0, size, DOC_BLOCK)]
    groups = []
    for g in range(0, len(blocks), DOC_GROUP):
        part = blocks[g : g + DOC_GROUP]
        digest = _hash(b"\0".join(part))
        groups.append(digest)
        for i, data in enumerate(part, g):
            writer.raw(f"d.{digest}.{i}.json", data)
    return groups


def build(
    db: sqlite3.Connection, write: Write, *, paths: Mapping[str, str] | None = None
) -> tuple[str, int, int]:
    """Write the static index of the search database ``db`` (:func:`indexing.build`) through
    ``write``; return the manifest's file name, the number of files and their bytes.

    ``paths`` maps a permalink path to the path a hit links to instead (a static site's
    page that cannot sit at its permalink, :mod:`errdex.directory.sitepaths`)."""
    meta = {k: json.loads(v) for k, v in db.execute("SELECT key, value FROM meta")}
    if meta.get("format") != indexing.FORMAT:
        raise ValueError(f"not a search index of format {indexing.FORMAT}")
    size = int(meta["size"])
    if len(COLUMNS) > 8:
        raise ValueError("the static index packs a column number in 3 bits")
    writer = _Writer(write)
    lengths, pairs = _pairs(db, size)
    pair_table = _table(writer, "pairs", _pair_entries(pairs, lengths))
    del pairs  # the biggest structure of the build
    tables = {
        "terms": _table(writer, "terms", _terms(db, size, lengths)),
        "pairs": pair_table,
        "words": _table(
            writer,
            "words",
            ((w, s.encode()) for w, s in db.execute("SELECT word, stem FROM w ORDER BY word")),
        ),
        "keys": _table(
            writer, "keys", _grouped(db.execute("SELECT key, doc FROM k ORDER BY key, doc"))
        ),
        "messages": _table(
            writer, "messages", _grouped(db.execute("SELECT key, doc FROM x ORDER BY key, doc"))
        ),
        "codes": _table(
            writer, "codes", _grouped(db.execute("SELECT key, doc FROM c ORDER BY key, doc"))
        ),
        "names": _table(
            writer, "names", _grouped(db.execute("SELECT name, doc FROM n ORDER BY name, doc"))
        ),
        "rnames": _table(
            writer,
            "rnames",
            _grouped(
                sorted((name[::-1], doc) for name, doc in db.execute("SELECT name, doc FROM n"))
            ),
        ),
    }
    length_files = []
    for lo in range(1, size + 1, LENGTH_BLOCK):
        out = bytearray()
        for r in range(lo, min(size, lo + LENGTH_BLOCK - 1) + 1):
            varint(lengths[r], out)
        length_files.append(writer.put("l", "bin", bytes(out)))
    manifest = {
        "format": FORMAT,
        "size": size,
        "tokens": sum(lengths),
        "columns": list(COLUMNS),
        "weights": list(_weights().values()),
        "catalogs": meta["catalogs"],
        "facets": meta["facets"],
        "ranges": meta["ranges"],
        "tables": tables,
        "docs": {
            "block": DOC_BLOCK,
            "group": DOC_GROUP,
            "groups": _docs(db, writer, size, paths or {}),
        },
        "lengths": {"block": LENGTH_BLOCK, "files": length_files},
    }
    name = writer.put("manifest", "json", _json(manifest))
    return name, writer.files, writer.bytes


def write_to(folder: Path) -> Write:
    """A :data:`Write` that stores files in ``folder`` (tests and benchmarks; the site
    confines its writes itself)."""
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)

    return write


__all__ = ["DOC_BLOCK", "FOLDER", "FORMAT", "LENGTH_BLOCK", "Write", "build", "varint", "write_to"]
