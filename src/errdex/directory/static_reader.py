"""Search a static index (:mod:`errdex.directory.static_index`) as the browser does.

:class:`StaticSearch` is the Python twin of the site's ``errdex-search.js``:
it fetches the manifest and only the chunks a query needs, and replays
:meth:`errdex.directory.search.SearchIndex.search` step by step — exact
code and name matches, names one edit away, completions of the last word,
all terms then any term, filters, the message, title and phrase tiers, FTS5's BM25,
ties by rowid, an exact ``total``. Tests compare it with the SQLite index
(the format holds every fact the ranking needs); the fetch-size benchmark
counts the bytes it fetched (:attr:`StaticSearch.fetched`).
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from errdex.directory import joins, tokenize
from errdex.directory.indexing import Doc, code_key
from errdex.directory.search import (
    COMPLETIONS,
    NO_FILTERS,
    TIERS,
    Filters,
    any_term_retry,
    by_catalog,
    completes,
    exact_text,
    message_text,
    near_word,
    pinned,
    rest_window,
)
from errdex.directory.static_index import FORMAT
from errdex.model import parse_code_query

K1 = 1.2
B = 0.75
TOP = "\U0010ffff"

Fetch = Callable[[str], bytes]
"""``fetch(name)``: the bytes of one file of the index."""


class StaticPage(NamedTuple):
    """A page of results: ``(rowid, score, doc)`` hits and the exact ``total``."""

    hits: list[tuple[int, float, Doc]]
    total: int
    last_stems: list[str]


def _varints(data: bytes) -> list[int]:
    out = []
    value = shift = 0
    for byte in data:
        value |= (byte & 0x7F) << shift
        if byte & 0x80:
            shift += 7
        else:
            out.append(value)
            value = shift = 0
    return out


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    """The ``(key, payload)`` entries of a chunk (keys front-coded)."""
    out = []
    at = 0
    n = len(data)
    last = b""

    def number() -> int:
        nonlocal at
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7

    while at < n:
        shared = number()
        length = number()
        key = last[:shared] + data[at : at + length]
        at += length
        length = number()
        out.append((key.decode(), data[at : at + length]))
        at += length
        last = key
    return out


class Posting(NamedTuple):
    """A token's rows: weighted frequency per row, and ``D`` where the chunk has it."""

    n: int
    freq: dict[int, int]
    length: dict[int, int]


class _Table:
    """A sorted table of the index: point lookups and key ranges, fetched chunk by chunk."""

    def __init__(self, reader: StaticSearch, spec: dict[str, Any]) -> None:
        self._reader = reader
        self._dirs: list[list[str]] | None = spec.get("dirs")
        self._chunks: list[list[str]] | None = spec.get("chunks")
        self._dir_data: dict[str, list[list[str]]] = {}
        self._loaded: dict[str, list[tuple[str, bytes]]] = {}

    def _walk(self, lo: str) -> Iterator[tuple[str, str]]:
        """``(first key, file)`` of the chunks that may hold keys ``>= lo``, in order
        (directories are fetched as the walk reaches them)."""
        if self._chunks is not None:
            yield from _from(self._chunks, lo)
            return
        assert self._dirs is not None
        for _, name in _from(self._dirs, lo):
            if name not in self._dir_data:
                self._dir_data[name] = json.loads(self._reader.fetch(name))
            yield from _from(self._dir_data[name], lo)

    def _entries(self, name: str) -> list[tuple[str, bytes]]:
        if name not in self._loaded:
            self._loaded[name] = _entries(self._reader.fetch(name))
        return self._loaded[name]

    def range(self, lo: str, hi: str) -> list[tuple[str, bytes]]:
        """Entries with ``lo <= key <= hi``, in key order."""
        out = []
        for first, name in self._walk(lo):
            if first > hi:
                break
            out += [(k, p) for k, p in self._entries(name) if lo <= k <= hi]
        return out

    def count(self, lo: str, hi: str) -> int:
        """How many chunks may hold keys in ``[lo, hi]`` (only directories are fetched)."""
        n = 0
        for first, _ in self._walk(lo):
            if first > hi:
                break
            n += 1
        return n

    def get(self, key: str) -> bytes | None:
        """The payload of ``key``, None when the table has no such key."""
        for k, p in self.range(key, key):
            if k == key:
                return p
        return None

    def after(self, lo: str, count: int) -> list[tuple[str, bytes]]:
        """The first ``count`` entries with ``key >= lo``."""
        out: list[tuple[str, bytes]] = []
        for _, name in self._walk(lo):
            out += [(k, p) for k, p in self._entries(name) if k >= lo]
            if len(out) >= count:
                break
        return out[:count]


def _from(chunks: list[list[str]], lo: str) -> list[tuple[str, str]]:
    """The ``[first, file]`` chunks from the one that may hold ``lo`` on."""
    firsts = [c[0] for c in chunks]
    start = max(0, bisect.bisect_right(firsts, lo) - 1)
    return [(c[0], c[1]) for c in chunks[start:]]


class StaticSearch:
    """Search a static index through ``fetch``; :attr:`fetched` logs the files read."""

    def __init__(self, fetch: Fetch, manifest: str) -> None:
        self._fetch = fetch
        self.fetched: dict[str, int] = {}
        """Every file fetched so far and its size in bytes."""
        m = json.loads(self.fetch(manifest))
        if m.get("format") != FORMAT:
            raise ValueError(f"static index format {m.get('format')!r}, not {FORMAT}")
        self.m = m
        self.size = int(m["size"])
        self.avgdl = float(m["tokens"]) / float(self.size) if self.size else 0.0
        self.catalogs = [(str(c), int(s)) for c, s in m["catalogs"]]
        self.facet_ids = {(k, v): str(t) for k, v, t in m["facets"]}
        self.tables = {name: _Table(self, spec) for name, spec in m["tables"].items()}
        self._postings: dict[str, Posting | None] = {}
        self._known_lengths: dict[int, int] = {}
        """``D`` of the rows the fetched chunks told."""
        self._docs: dict[int, list[Any]] = {}
        self._lengths: dict[int, list[int]] = {}

    def fetch(self, name: str) -> bytes:
        data = self._fetch(name)
        self.fetched[name] = len(data)
        return data

    # -- the facts -------------------------------------------------------------

    def _decode(self, payload: bytes) -> Posting:
        v = _varints(payload)
        n, kind = v[0], v[1]
        freq: dict[int, int] = {}
        length: dict[int, int] = {}
        if kind == 0:
            r = 0
            for i in range(2, 2 + 3 * n, 3):
                r += v[i]
                freq[r] = v[i + 1]
                length[r] = v[i + 2]
            return Posting(n, freq, length)
        if kind == 2:
            r = 0
            for d in v[2:]:
                r += d
                freq[r] = 0
            return Posting(n, freq, length)
        m = v[2]
        missing = set()
        r = 0
        for i in range(3, 3 + m):
            r += v[i]
            missing.add(r)
        usual = v[3 + m]
        e = v[4 + m]
        for row in range(1, self.size + 1):
            if row not in missing:
                freq[row] = usual
        r = 0
        for i in range(5 + m, 5 + m + 2 * e, 2):
            r += v[i]
            freq[r] = v[i + 1]
        return Posting(n, freq, length)

    def posting(self, term: str) -> Posting | None:
        if term not in self._postings:
            payload = self.tables["terms"].get(term)
            self._postings[term] = None if payload is None else self._decode(payload)
        return self._postings[term]

    def prefix_postings(self, prefix: str) -> list[Posting]:
        out = []
        for term, payload in self.tables["terms"].range(prefix, prefix + TOP * 4):
            if term.startswith(prefix):
                if term not in self._postings:
                    self._postings[term] = self._decode(payload)
                got = self._postings[term]
                assert got is not None
                out.append(got)
        return out

    def count(self, term: str) -> int:
        got = self.posting(term)
        return got.n if got else 0

    def follows(self, first: str, then: str) -> int:
        """How many rows hold token ``then`` right after ``first`` (the pair's ``n``)."""
        payload = self.tables["pairs"].get(f"{first} {then}")
        return 0 if payload is None else _varints(payload[:10])[0]

    def pair(self, key: str) -> dict[int, set[int]]:
        """Rows where two tokens follow each other: row → its starts (``offset << 3 |
        column``); the rows' ``D`` go to :attr:`_known_lengths` where the chunk has them."""
        payload = self.tables["pairs"].get(key)
        out: dict[int, set[int]] = {}
        if payload is None:
            return out
        v = _varints(payload)
        kind = v[1]
        i = 2
        r = 0
        if kind == 0:
            while i < len(v):
                r += v[i]
                self._known_lengths[r] = v[i + 1]
                m = v[i + 2]
                out[r] = set(v[i + 3 : i + 3 + m])
                i += 3 + m
            return out
        m = v[i]
        missing = set()
        for d in v[i + 1 : i + 1 + m]:
            r += d
            missing.add(r)
        i += 1 + m
        usual = set(v[i + 1 : i + 1 + v[i]])
        i += 1 + v[i]
        for row in range(1, self.size + 1):
            if row not in missing:
                out[row] = usual
        e = v[i]
        i += 1
        r = 0
        for _ in range(e):
            r += v[i]
            out[r] = set(v[i + 2 : i + 2 + v[i + 1]])
            i += 2 + v[i + 1]
        return out

    def rowids(self, table: str, key: str) -> list[int]:
        payload = self.tables[table].get(key)
        return _deltas(payload) if payload is not None else []

    def doc(self, rowid: int) -> Doc:
        block_size = int(self.m["docs"]["block"])
        block = (rowid - 1) // block_size
        if block not in self._docs:
            group = self.m["docs"]["groups"][block // int(self.m["docs"]["group"])]
            self._docs[block] = json.loads(self.fetch(f"d.{group}.{block}.json"))
        return Doc.from_data(self._docs[block][(rowid - 1) % block_size])

    def length(self, rowid: int) -> int:
        block_size = int(self.m["lengths"]["block"])
        block = (rowid - 1) // block_size
        if block not in self._lengths:
            self._lengths[block] = _varints(self.fetch(self.m["lengths"]["files"][block]))
        return self._lengths[block][(rowid - 1) % block_size]

    # -- the search --------------------------------------------------------------

    def search(
        self, query: str, filters: Filters = NO_FILTERS, *, limit: int = 20, offset: int = 0
    ) -> StaticPage:
        """:meth:`SearchIndex.search`, from the static files."""
        limit = max(0, limit)
        offset = max(0, offset)
        parsed = tokenize.parse(query)
        found = parsed.terms
        exact = self._exact(query) if query.strip() else []
        near = [] if exact else self._near(query)
        first = pinned(exact, near, self.doc, filters)
        facets = self._facets(filters)
        span = self._span(filters)
        rest_offset, rest_limit = rest_window(len(first), limit, offset)
        rows: list[tuple[int, float]] = []
        total = 0
        last_stems: list[str] = []
        if span is None or facets is None:
            pass
        elif not found and not facets:
            return StaticPage([], 0, [])
        else:
            completions = self._completions(found[-1]) if completes(parsed) else None
            joined = joins.joins(parsed, completions, self.count, self.follows)
            parsed = parsed._replace(joined=joined)
            last_stems = completions or []
            said = message_text(query)
            args = (completions, said, facets, span, set(first), rest_limit, rest_offset)
            rows, total = self._match(parsed, False, *args)
            if any_term_retry(found, total, len(first), query):
                rows, total = self._match(parsed, True, *args)
        hits = [(r, s, d) for r, (d, s) in list(first.items())[offset : offset + limit]]
        hits += [(r, round(s, 4), self.doc(r)) for r, s in rows]
        return StaticPage(hits, len(first) + total, last_stems)

    def _exact(self, query: str) -> list[int]:
        raw = exact_text(query)
        if raw is None:
            return []
        found: list[int] = []
        for key in parse_code_query(raw):
            found += self.rowids("codes", code_key(key))
        found += self.rowids("names", raw.casefold())
        return self._by_catalog(list(dict.fromkeys(found)))

    def _near(self, query: str) -> list[int]:
        word = near_word(query)
        if word is None:
            return []
        # A name one edit away keeps the query's first h characters or all after the
        # h+1st, for any h: take the h whose two ranges span the fewest chunks.
        names_table, rnames_table = self.tables["names"], self.tables["rnames"]
        best: tuple[int, int] | None = None
        for h in range(1, len(word) - 1):
            head, tail = word[:h], word[h + 1 :][::-1]
            cost = names_table.count(head, head + TOP * 4) + rnames_table.count(
                tail, tail + TOP * 4
            )
            if best is None or cost < best[0]:
                best = (cost, h)
        assert best is not None
        head, tail = word[: best[1]], word[best[1] + 1 :][::-1]
        names: dict[str, list[int]] = {}
        for name, payload in names_table.range(head, head + TOP * 4):
            if name.startswith(head) and one_edit(word, name):
                names[name] = _deltas(payload)
        for rname, payload in rnames_table.range(tail, tail + TOP * 4):
            if rname.startswith(tail) and one_edit(word, rname[::-1]):
                names[rname[::-1]] = _deltas(payload)
        found = [r for name in sorted(names) for r in names[name]]
        return self._by_catalog(found)

    def _by_catalog(self, rowids: list[int]) -> list[int]:
        return by_catalog(rowids, self.catalogs)

    def _facets(self, filters: Filters) -> list[str] | None:
        out = []
        for pair in filters.pairs():
            token = self.facet_ids.get(pair)
            if token is None:
                return None
            out.append(token)
        return out

    def _span(self, filters: Filters) -> tuple[int, int] | None:
        lo, hi = 1, self.size
        for kind in ("catalog", "module", "space"):
            value = getattr(filters, kind)
            if value is not None:
                got = self.m["ranges"][kind].get(value)
                if got is None:
                    return None
                lo, hi = max(lo, int(got[0])), min(hi, int(got[1]))
        return (lo, hi) if lo <= hi else None

    def _completions(self, last: tokenize.Term) -> list[str] | None:
        word = tokenize.fold(last.text)
        window = COMPLETIONS * 8
        rows = self.tables["words"].after(word, window + 1)
        found: dict[str, None] = {}
        for known, stemmed in rows[:window]:
            if not known.startswith(word):
                break
            found[stemmed.decode() or known] = None
        else:
            if len(rows) > window:
                return None
        own = tokenize.stem(word)
        if self.count(own):
            found[own] = None
        return list(found) if len(found) <= COMPLETIONS else None

    def _phrase(self, tokens: list[str]) -> dict[int, int]:
        """Rows holding the tokens one after another in a column, and the summed column
        weights of those instances (FTS5's weighted phrase frequency)."""
        if len(tokens) == 1:
            got = self.posting(tokens[0])
            return dict(got.freq) if got else {}
        weights = self.m["weights"]
        pairs = [self.pair(f"{a} {b}") for a, b in itertools.pairwise(tokens)]
        out: dict[int, int] = {}
        for row, starts in pairs[0].items():
            rest = [p.get(row) for p in pairs[1:]]
            hits = [
                at & 7
                for at in sorted(starts)
                if all(x is not None and at + (i << 3) in x for i, x in enumerate(rest, 1))
            ]
            if hits:
                out[row] = sum(weights[col] for col in hits)
        return out

    def _phrases(
        self, parsed: tokenize.Query, any_term: bool, completions: list[str] | None
    ) -> list[list[dict[int, int]]]:
        """Per term (per quoted phrase), its FTS5 phrases (OR'ed) as ``row → weighted
        frequency`` maps, in the order :func:`tokenize.match_expression` writes them."""
        groups = []
        found = parsed.terms
        last = len(found) - 1
        spans = dict(parsed.quoted)
        inside = {i for lo, hi in parsed.quoted for i in range(lo, hi)}
        joined = {j.term: j for j in parsed.joined}
        for i, t in enumerate(found):
            if i in spans:
                part = found[i : spans[i]]
                if len(part) == 1 and part[0].cjk and len(part[0].text) == 1:
                    groups.append([self._prefix(part[0].text)])
                else:
                    groups.append([self._phrase(tokenize.phrase_tokens(part))])
                continue
            if i in inside:
                continue
            if t.cjk:
                if len(t.text) == 1:
                    groups.append([self._prefix(t.text)])
                    continue
                grams = [t.text[j : j + 2] for j in range(len(t.text) - 1)]
                if any_term and len(grams) > 1:
                    groups.append([self._phrase([g]) for g in grams])
                else:
                    groups.append([self._phrase(grams)])
                continue
            join = joined.get(i)
            group = (
                [] if join is not None and not join.keep else self._word(t, i == last, completions)
            )
            if join is not None:
                group.append(self._phrase([tokenize.stem(p) for p in join.parts]))
            groups.append(group)
        return groups

    def _word(
        self, t: tokenize.Term, last: bool, completions: list[str] | None
    ) -> list[dict[int, int]]:
        """The FTS5 phrases of one unquoted word (OR'ed): the completions of the last word,
        else its prefix (and stem), else its stem."""
        folded = tokenize.fold(t.text)
        if last and completions:
            return [self._phrase([w]) for w in completions]
        if last:
            stemmed = tokenize.stem(folded)
            if stemmed != folded and not stemmed.startswith(folded):
                return [self._prefix(folded), self._phrase([stemmed])]
            return [self._prefix(folded)]
        return [self._phrase([tokenize.stem(folded)])]

    def _prefix(self, prefix: str) -> dict[int, int]:
        out: dict[int, int] = {}
        for got in self.prefix_postings(prefix):
            for r, f in got.freq.items():
                out[r] = out.get(r, 0) + f
            self._known_lengths.update(got.length)
        return out

    def _match(
        self,
        parsed: tokenize.Query,
        any_term: bool,
        completions: list[str] | None,
        said: str | None,
        facets: list[str],
        span: tuple[int, int],
        skip: set[int],
        limit: int,
        offset: int,
    ) -> tuple[list[tuple[int, float]], int]:
        found, joined = parsed.terms, parsed.joined
        if completions == [] and found and not (joined and joined[-1].term == len(found) - 1):
            if not any_term:
                return [], 0
            completions = None
        groups = self._phrases(parsed, any_term, completions)
        for p in self._postings.values():
            if p is not None:
                self._known_lengths.update(p.length)
        lo, hi = span
        rows: set[int] | None = None
        for group in groups:
            rows_of = set().union(*(set(p) for p in group))
            if rows is None:
                rows = rows_of
            elif any_term:
                rows |= rows_of
            else:
                rows &= rows_of
        for token in facets:
            got = self.posting(token)
            facet_rows = set(got.freq) if got else set()
            rows = facet_rows if rows is None else rows & facet_rows
        assert rows is not None
        matched = sorted(r for r in rows if lo <= r <= hi and r not in skip)
        total = len(matched)
        if not limit or offset >= total:
            return [], total
        if not found:
            return [(r, 0.0) for r in matched[offset : offset + limit]], total
        split = parsed.split_terms()
        key = tokenize.key(split)
        message = set(self.rowids("messages", said)) if said else set()
        exact = set(self.rowids("keys", key))
        starts: set[int] = set()
        for k, payload in self.tables["keys"].range(key + " ", key + " " + TOP):
            if key + " " < k < key + " " + TOP:
                starts.update(_deltas(payload))
        phrase_rows: set[int] = set()
        if len(split) >= 2:
            phrase_rows = set(self._phrase(tokenize.phrase_tokens(split)))
        common = not parsed.quoted and not joined and self._all_common(found, completions)
        phrases = [phrase for group in groups for phrase in group]
        idfs = [_idf(self.size, len(phrase)) for phrase in phrases]
        scored = []
        for r in matched:
            titled = TIERS[0] * (r in message) + TIERS[1] * (r in exact) + TIERS[2] * (r in starts)
            bonus = titled + TIERS[3] * (r in phrase_rows)
            if common:
                s = float(bonus)
            else:
                d = self._known_lengths.get(r)
                if d is None:
                    d = self.length(r)
                score = 0.0
                for phrase, idf in zip(phrases, idfs, strict=True):
                    f = float(phrase.get(r, 0))
                    score += idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * d / self.avgdl)))
                s = float(bonus) - (-1.0 * score)
            scored.append((s, r))
        scored.sort(key=lambda sr: (-sr[0], sr[1]))
        return [(r, s) for s, r in scored[offset : offset + limit]], total

    def _all_common(self, found: list[tokenize.Term], completions: list[str] | None) -> bool:
        half = self.size / 2
        for i, term in enumerate(found):
            if term.cjk:
                return False
            if i == len(found) - 1 and completions is not None:
                if not completions or min(self.count(w) for w in completions) <= half:
                    return False
            elif i == len(found) - 1 or self.count(tokenize.stem(tokenize.fold(term.text))) <= half:
                return False
        return True


def _idf(rows: int, hits: int) -> float:
    idf = math.log((rows - hits + 0.5) / (hits + 0.5))
    return idf if idf > 0.0 else 1e-6


def _deltas(payload: bytes) -> list[int]:
    out = []
    r = 0
    for d in _varints(payload):
        r += d
        out.append(r)
    return out


def one_edit(word: str, other: str) -> bool:
    """Whether ``other`` is one edit from ``word`` (:func:`typo.one_edit`'s edits, not equal)."""
    if word == other:
        return False
    a, b = len(word), len(other)
    if abs(a - b) > 1:
        return False
    i = 0
    while i < min(a, b) and word[i] == other[i]:
        i += 1
    if a == b:
        if word[i + 1 :] == other[i + 1 :]:
            return True  # one replaced
        return (
            i + 1 < a
            and word[i] == other[i + 1]
            and word[i + 1] == other[i]
            and word[i + 2 :] == other[i + 2 :]
        )
    if a > b:
        return word[i + 1 :] == other[i:]
    return word[i:] == other[i + 1 :]


__all__ = ["Fetch", "StaticPage", "StaticSearch", "one_edit"]
