"""Impact lists: the exact top of a ranked search without scoring every match.

FTS5 computes ``bm25()`` for every row a query matches (about a microsecond
each), so ranking a word found in 10,000 entries costs 10 ms however few
hits are shown. This module keeps, beside FTS5 in the same database (so the
disk cache holds it too), for every token in at least :data:`LIST_MIN`
entries but not in half of them (where BM25 gives it weight), the entries
ordered by their BM25 contribution, and answers such queries from them.

Table ``m`` (:func:`build`): per token, ``docs`` (rowids, int32
little-endian, by contribution descending then rowid), ``levels`` (pairs
``contribution, count`` as float64 little-endian: the first ``count`` rowids
of ``docs`` contribute the first value, and so on) and ``bits`` (a bitmap
of the rowids, little-endian). A contribution is what FTS5 itself returns:
``-bm25()`` of the token alone, ``idf × weighted tf saturated`` — the term
FTS5 adds for that phrase to a row's score whatever else the query holds
(IDF counts rows over the whole table). So the score of a row for a query of
several phrases is the sum of the contributions in phrase order, starting
from 0.0, as FTS5 sums it: the same floats, the same order.

:func:`top` ranks the matches of an AND of groups of such phrases (a group
is one word, or the completions of a prefix) with the tier bonuses of
:mod:`errdex.directory.search`: the match set and the exact ``total`` come
from the bitmaps; the top rows by a threshold walk down each phrase's list,
deepened until the ``k``-th score found is above any row not yet seen could
reach. A phrase in fewer than :data:`LIST_MIN` rows is read from FTS5 the
same way (``-bm25()`` of it alone, cheap for so few rows). Queries this does
not cover exactly — a word in half of the rows or more (its IDF is clamped),
a phrase of several tokens (CJK runs), a prefix with many completions,
any-term retries, deep pages — are left to the SQL ranking (:func:`top`
answers None).
"""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
import sqlite3
import sys
from array import array
from collections.abc import Collection, Iterable, Sequence
from typing import NamedTuple

LIST_MIN = 1024
"""Tokens in at least this many rows get an impact list; FTS5 ranks rarer ones fast."""
WANT_MAX = 500
"""Pages reaching deeper than this many hits are left to SQL."""
GIVE_UP = 4096
"""A walk that has not proved its top after this many rows per list is left to SQL."""
TANGLED_GIVE_UP = 256
""":data:`GIVE_UP` when rows are in several lists (ties there are proved only by a strict
bound, so a walk that reaches a level of equal scores cannot stop inside it)."""
SQL_BELOW = 1024
"""Fewer matches than this are ranked by SQL (``bm25()`` over them costs about a ms)."""
MARGIN = 1e-12
"""Relative slack on the bound of unseen rows (float sums differ from real ones by less)."""

SCHEMA = (
    "CREATE TABLE m(term TEXT PRIMARY KEY, docs BLOB NOT NULL, levels BLOB NOT NULL, "
    "bits BLOB NOT NULL) WITHOUT ROWID"
)
_BIG = sys.byteorder == "big"


def _le(values: array[int] | array[float]) -> bytes:
    if _BIG:
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _ints(data: bytes) -> array[int]:
    out = array("i")
    out.frombytes(data)
    if _BIG:
        out.byteswap()
    return out


def _floats(data: bytes) -> array[float]:
    out = array("d")
    out.frombytes(data)
    if _BIG:
        out.byteswap()
    return out


_BITS = tuple(1 << i for i in range(8))


def bitmap(rowids: Iterable[int], size: int) -> int:
    """The rowids as an int whose bit ``r`` is set for rowid ``r``."""
    buf = bytearray((size >> 3) + 1)
    bits = _BITS
    for r in rowids:
        buf[r >> 3] |= bits[r & 7]
    return int.from_bytes(buf, "little")


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _ranked(
    db: sqlite3.Connection, token: str, weights: str, facet: bool
) -> list[tuple[int, float]]:
    """Every row holding ``token`` (in the ``facets`` column only when ``facet``) and its
    contribution, by contribution then rowid."""
    where = f"facets : {_quoted(token)}" if facet else _quoted(token)
    return db.execute(
        f"SELECT rowid, -bm25(f, {weights}) AS c FROM f WHERE f MATCH ? ORDER BY c DESC, rowid",
        (where,),
    ).fetchall()


def build(db: sqlite3.Connection, size: int, weights: str, facets: Collection[str]) -> None:
    """Fill table ``m`` of a built index (``f`` and ``t`` filled; ``weights``: the
    ``bm25()`` column weights; ``facets``: the filter tokens, which get only their bitmap:
    the rows holding them in the ``facets`` column, as a filter matches them)."""
    db.execute(SCHEMA)
    terms = [
        t
        for (t,) in db.execute(
            "SELECT term FROM t WHERE n >= ? AND 2 * n < ? ORDER BY term", (LIST_MIN, size)
        )
    ]
    out = []
    first, second = operator.itemgetter(0), operator.itemgetter(1)
    for term in terms:
        if term in facets:
            found = db.execute(
                "SELECT rowid FROM f WHERE f MATCH ?", (f"facets : {_quoted(term)}",)
            )
            bits = bitmap(map(first, found), size)
            out.append((term, b"", b"", bits.to_bytes((size >> 3) + 1, "little")))
            continue
        rows = _ranked(db, term, weights, False)
        docs = array("i", map(first, rows))
        counts = collections.Counter(map(second, rows))  # rows are by contribution already
        levels = array("d", itertools.chain.from_iterable((c, float(counts[c])) for c in counts))
        bits = bitmap(docs, size)
        out.append((term, _le(docs), _le(levels), bits.to_bytes((size >> 3) + 1, "little")))
    db.executemany("INSERT INTO m(term, docs, levels, bits) VALUES (?, ?, ?, ?)", out)


class PhraseList(NamedTuple):
    """One phrase's rows by contribution: ``docs``, level ends (cumulative counts) and values,
    and the rows as a bitmap."""

    docs: Sequence[int]
    ends: list[int]
    values: list[float]
    bits: int

    def value_at(self, i: int) -> float:
        """The contribution of the row at position ``i`` of ``docs``."""
        return self.values[bisect.bisect_right(self.ends, i)]

    def contributions(self) -> dict[int, float]:
        """Rowid → contribution, for every row holding the phrase."""
        counts = [self.ends[0], *(b - a for a, b in itertools.pairwise(self.ends))]
        each = itertools.chain.from_iterable(
            itertools.repeat(v, k) for v, k in zip(self.values, counts, strict=True)
        )
        return dict(zip(self.docs, each, strict=True))


def _levels(values: Sequence[float]) -> tuple[list[int], list[float]]:
    ends, vals = [], []
    end = 0
    for i in range(0, len(values), 2):
        end += int(values[i + 1])
        ends.append(end)
        vals.append(values[i])
    return ends, vals


def phrase_list(
    db: sqlite3.Connection, token: str, n: int, size: int, weights: str
) -> PhraseList | None:
    """The list of the word ``token`` (in ``n`` rows; not a filter token): from table
    ``m``, or from FTS5 for a rare token; None for a token in half of the rows or more (no
    list; its IDF is clamped)."""
    if 2 * n >= size:
        return None
    row = db.execute("SELECT docs, levels, bits FROM m WHERE term = ?", (token,)).fetchone()
    if row is not None:
        ends, values = _levels(_floats(row[1]))
        return PhraseList(_ints(row[0]), ends, values, int.from_bytes(row[2], "little"))
    rows = _ranked(db, token, weights, False)
    docs = [r for r, _ in rows]
    flat: list[float] = []
    for c, group in itertools.groupby(c for _, c in rows):
        flat += [c, float(sum(1 for _ in group))]
    ends, values = _levels(flat)
    return PhraseList(docs, ends, values, bitmap(docs, size))


def facet_bits(db: sqlite3.Connection, token: str, n: int, size: int) -> int | None:
    """The rows a filter token (in ``n`` rows) selects in the ``facets`` column, as a
    bitmap; None for a token in half of the rows or more (no list: reading its rows from
    FTS5 would cost more than the SQL ranking)."""
    row = db.execute("SELECT bits FROM m WHERE term = ?", (token,)).fetchone()
    if row is not None:
        return int.from_bytes(row[0], "little")
    if n >= LIST_MIN:
        return None
    found = db.execute("SELECT rowid FROM f WHERE f MATCH ?", (f"facets : {_quoted(token)}",))
    return bitmap((r for (r,) in found), size)


class Tiers(NamedTuple):
    """The tier bonuses of a query: rows whose message is the query (``message``), whose
    title is the query (``exact``) or starts with it (``starts``), rows holding it as a
    phrase (``phrase``; None when the query has no phrase tier) and whether every match
    holds the phrase (``every``)."""

    message: frozenset[int]
    exact: frozenset[int]
    starts: frozenset[int]
    phrase: frozenset[int] | None
    every: bool

    def bonus(self, rowid: int) -> float:
        """The bonus SQL adds: ``100000.0 * message + 30000.0 * exact + 20000.0 * starts +
        10000.0 * phrase`` (:data:`errdex.directory.search.TIERS`)."""
        in_phrase = self.every or (self.phrase is not None and rowid in self.phrase)
        titled = 30_000 * (rowid in self.exact) + 20_000 * (rowid in self.starts)
        return float(100_000 * (rowid in self.message) + titled + 10_000 * in_phrase)


def _has(bits: int, rowid: int) -> bool:
    return bool(bits >> rowid & 1)


def matches(
    lists: Sequence[PhraseList],
    groups: Sequence[Sequence[int]],
    filters: Sequence[int],
    any_term: bool = False,
) -> int:
    """The rows holding a phrase of every group (indexes into ``lists``; of any group when
    ``any_term``) and every filter bitmap, as a bitmap."""
    found = 0 if any_term else -1
    for group in groups:
        any_of = 0
        for i in group:
            any_of |= lists[i].bits
        found = found | any_of if any_term else found & any_of
    for bits in filters:
        found &= bits
    return found


def top(
    lists: Sequence[PhraseList],
    matched: int,
    tiers: Tiers,
    want: int,
) -> list[tuple[int, float]] | None:
    """The first ``want`` rows of ``matched`` (a bitmap; each of them holds a phrase of
    ``lists``, which are in the query's phrase order) by score descending, then rowid, with
    their scores (tier bonus plus the contributions summed as FTS5 sums them); None when
    ties or rows in several lists would need a walk deeper than :data:`GIVE_UP` rows per
    list (SQL ranks those)."""
    single = len(lists) == 1
    maps: list[dict[int, float]] = []

    def score(rowid: int, known: float | None = None) -> float:
        if single and known is not None:
            total = 0.0 + known
        else:
            if not maps:
                maps.extend(p.contributions() for p in lists)
            total = 0.0
            for m in maps:
                total += m.get(rowid, 0.0)
        return tiers.bonus(rowid) - (-1.0 * total)

    scored: dict[int, float] = {}
    for rowid in itertools.chain(tiers.message, tiers.exact, tiers.starts):
        if rowid not in scored and _has(matched, rowid):
            scored[rowid] = score(rowid)
    phrase_left: list[int] = []
    if tiers.phrase is not None and not tiers.every:
        in_phrase = [r for r in tiers.phrase if _has(matched, r)]
        if len(in_phrase) <= 4 * want:
            for rowid in in_phrase:
                if rowid not in scored:
                    scored[rowid] = score(rowid)
        else:
            phrase_left = in_phrase
    longest = max(len(p.docs) for p in lists)
    # Rows in one list only score their contribution exactly (0.0 added for the others).
    disjoint = True
    union = 0
    for p in lists:
        mine = p.bits & matched
        if mine & union:
            disjoint = False
            break
        union |= mine
    done = 0
    depth = max(64, 2 * want)
    while True:
        for p in lists:
            docs = p.docs
            for i in range(done, min(depth, len(docs))):
                rowid = docs[i]
                if rowid not in scored and _has(matched, rowid):
                    scored[rowid] = score(rowid, p.value_at(i) if single else None)
        done = depth
        if depth >= longest:
            break  # every match is in some list: all are scored
        if len(scored) >= want:
            kth_row, kth = sorted(scored.items(), key=lambda rs: (-rs[1], rs[0]))[want - 1]
            frontier = [(p.value_at(depth), p.docs[depth]) for p in lists if depth < len(p.docs)]
            bonus = 10_000.0 if tiers.every else 0.0
            if phrase_left and not all(r in scored for r in phrase_left):
                bonus = 10_000.0
            if disjoint and not bonus:
                # An unseen row scores at most its list's frontier value, exactly; on a tie it
                # sits in the frontier level at or after the frontier, so its rowid is at
                # least the frontier row's (a level is ordered by rowid).
                if all(v < kth or (v == kth and first > kth_row) for v, first in frontier):
                    break
            else:
                bound = bonus + sum(v for v, _ in frontier)
                if bound + abs(bound) * MARGIN < kth:
                    break
        if depth >= (GIVE_UP if disjoint else TANGLED_GIVE_UP):
            return None
        depth *= 4
    ranked = sorted(scored.items(), key=lambda rs: (-rs[1], rs[0]))
    return ranked[:want]


__all__ = [
    "GIVE_UP",
    "LIST_MIN",
    "SCHEMA",
    "SQL_BELOW",
    "WANT_MAX",
    "PhraseList",
    "Tiers",
    "bitmap",
    "build",
    "facet_bits",
    "matches",
    "phrase_list",
    "top",
]
