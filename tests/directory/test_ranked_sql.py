"""The SQL ranking's shortcuts give the reference ranking's rows, scores and totals.

:meth:`errdex.directory.search.SearchIndex._ranked` writes a tier no entry
has as the constant 0, and ranks the tier rows first (BM25 for them only)
when no other row can outscore them. Each test compares it page by page with
``reference_order`` (one SQL statement, every tier a subquery), including
pages that run past the tier rows into the rest.
"""

from __future__ import annotations

import importlib.util
import math
import sqlite3
from pathlib import Path

import pytest

from errdex.directory import Registry
from errdex.directory.indexing import WEIGHT_ARGS
from errdex.directory.search import TIERS, Filters, SearchIndex, bm25_bound
from errdex.io import reads
from search_parity import assert_matches_reference

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
assert _spec is not None and _spec.loader is not None
synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synth)

PAGES = ((0, 20), (0, 1), (7, 13), (500, 40), (1040, 30), (4990, 20), (0, 0))
"""Pages inside the tier rows, across their end and past it (the rest ranked after them)."""


class Recorder:
    """The statements a connection ran (sqlite3's trace callback)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.statements: list[str] = []
        db.set_trace_callback(self.statements.append)

    def restricted(self) -> int:
        return sum("+rowid IN (" in s for s in self.statements)

    def complement(self) -> int:
        return sum("+rowid NOT IN (" in s for s in self.statements)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    """10,000 synthetic codes: words in every entry beside rarer ones, phrase tiers of
    thousands of rows."""
    catalog, problems = reads(synth.to_json(synth.catalog_data(10_000, 100)), "json")
    assert catalog is not None and not problems
    return Registry([catalog]).index


QUERIES = [
    ("invalid token", Filters()),
    ("signer not valid", Filters()),
    ("token invalid", Filters()),
    ("invalid token", Filters(module="mod007")),
    ("invalid token", Filters(http_status=401)),
    ("request token", Filters(retryable=True)),
    ("quota window", Filters()),
    ("the balance", Filters(locale="zh-CN")),
    ("signer not valid", Filters(module="mod003")),
    ("valid signer", Filters(http_status=401)),
    ("not token", Filters(retryable=True)),
    ("request balance again", Filters()),
]


@pytest.mark.parametrize(("query", "filters"), QUERIES)
def test_the_shortcuts_rank_as_one_statement_does(
    index: SearchIndex, query: str, filters: Filters
) -> None:
    assert_matches_reference(index, query, PAGES, filters)


def test_the_tier_rows_are_ranked_first_and_the_rest_after_them(index: SearchIndex) -> None:
    recorder = Recorder(index.db)
    try:
        index.search("invalid token", limit=20)
        assert recorder.restricted() == 1 and recorder.complement() == 0
        recorder.statements.clear()
        index.search("invalid token", limit=20, offset=700)  # past the phrase rows
        assert recorder.restricted() == 1 and recorder.complement() == 1
    finally:
        index.db.set_trace_callback(None)


def test_a_tier_no_entry_has_is_not_probed(index: SearchIndex) -> None:
    recorder = Recorder(index.db)
    try:
        index.search("signer not valid", limit=20)
    finally:
        index.db.set_trace_callback(None)
    (ranking,) = [s for s in recorder.statements if "bm25(" in s and "ORDER BY s" in s]
    assert "FROM x WHERE" not in ranking and "30000.0 * 0" in ranking


def test_the_bound_is_above_every_row_score(index: SearchIndex) -> None:
    size = len(index)
    for expression in ('"token"', '"invalid" AND "token"', '"signer" AND "not" AND "valid"'):
        (top,) = index.db.execute(
            f"SELECT -bm25(f, {WEIGHT_ARGS}) AS s FROM f WHERE f MATCH ? ORDER BY s DESC LIMIT 1",
            (expression,),
        ).fetchone()
        assert 0 < top < bm25_bound(expression, size) < TIERS[-1]
    # a phrase in one row of a huge index still stays under the bound
    assert bm25_bound('"x"', 10**9) == pytest.approx(2.2 * math.log((10**9 + 0.5) / 1.5) + 1)


def test_one_rare_word_among_common_ones_is_ranked_from_its_list_head(
    index: SearchIndex,
) -> None:
    recorder = Recorder(index.db)
    try:
        for query in ("signer not valid", "signer request", "request the token"):
            recorder.statements.clear()
            index.search(query, limit=20)
            assert sum("json_each" in s for s in recorder.statements) == 1, query
            assert sum("ORDER BY s DESC" in s for s in recorder.statements) == 1, query
    finally:
        index.db.set_trace_callback(None)
