"""Impact lists rank exactly as the SQL ranking: same rows, same scores, same totals.

Each test builds an index, searches it once through the impact lists and once
with ``reference_order`` (every match ranked by FTS5's ``bm25()`` in one SQL
statement), and compares rowids, scores and totals, page by page. The
examples are small, so there the lists are built for every token in two rows
or more and the SQL shortcut for few matches is off: every query shape the
lists cover is taken through them.
"""

from __future__ import annotations

import importlib.util
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogs import EXAMPLES
from errdex.directory import Registry, impact
from errdex.directory.search import NO_FILTERS, Filters, SearchIndex
from errdex.io import reads
from search_parity import assert_matches_reference

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
assert _spec is not None and _spec.loader is not None
synth = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synth)
JUDGED = [
    q["q"]
    for q in tomllib.loads(Path(__file__).with_name("judged_queries.toml").read_text("utf-8"))[
        "query"
    ]
]

PAGES = ((0, 20), (3, 7), (0, 1), (40, 30), (0, 0))


@pytest.fixture
def few_matches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The lists rank even a few matches (SQL would, for speed)."""
    monkeypatch.setattr(impact, "SQL_BELOW", 0)
    yield


@pytest.fixture(scope="module")
def examples_index() -> SearchIndex:
    """The examples, with lists for every token in two rows or more."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(impact, "LIST_MIN", 2)
        registry = Registry.from_paths([EXAMPLES])
        assert not registry.problems
        index = registry.index
        assert index.db.execute("SELECT count(*) FROM m").fetchone()[0] > 100
        return index


@pytest.fixture(scope="module")
def synthetic_index() -> SearchIndex:
    """10,000 synthetic codes with the real thresholds."""
    catalog, problems = reads(synth.to_json(synth.catalog_data(10_000, 100)), "json")
    assert catalog is not None and not problems
    return Registry([catalog]).index


def _taken(index: SearchIndex) -> list[bool]:
    """Record, per search, whether the impact lists answered it."""
    answered: list[bool] = []
    real = index._impact

    def spy(*args: object) -> object:
        got = real(*args)  # type: ignore[arg-type]
        answered.append(got is not None)
        return got

    index._impact = spy  # type: ignore[assignment,method-assign]
    return answered


def _same(index: SearchIndex, query: str, filters: Filters = NO_FILTERS) -> None:
    assert_matches_reference(index, query, PAGES, filters)


EXAMPLE_FILTERS = [
    Filters(),
    Filters(catalog="zan"),
    Filters(http_status=400),
    Filters(retryable=True),
    Filters(locale="zh-CN"),
    Filters(catalog="subquery-indexer-proxy", retryable=False),
]


def test_the_judged_queries_rank_as_sql_does(
    examples_index: SearchIndex, few_matches: None
) -> None:
    answered = _taken(examples_index)
    for query in JUDGED:
        for filters in EXAMPLE_FILTERS:
            _same(examples_index, query, filters)
    assert sum(answered) > 50, "most judged queries must be answered by the impact lists"


@pytest.mark.parametrize(
    "query",
    [
        *("token", "invalid", "rate limit", "请求", "无效 token", "token token", "the request"),
        *("a", "Invalid JSON", "invalid  json", "parse error", "already known"),
        *('"rate limit"', '"Git 仓库"', "apikey", "invalidjwt token", "toomany requests"),
    ],
)
def test_more_shapes_rank_as_sql_does(
    examples_index: SearchIndex, few_matches: None, query: str
) -> None:
    for filters in EXAMPLE_FILTERS:
        _same(examples_index, query, filters)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                *("token", "tok", "invalid", "request", "limit", "rate", "用户", "无效", "请求中"),
                *("the", "expired", "jwt", "not", "found", "-32000", "a", "ex", "is", "资源"),
                "'\"*",
            ]
        ),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(EXAMPLE_FILTERS),
)
def test_generated_queries_rank_as_sql_does(
    examples_index: SearchIndex, few_matches: None, words: list[str], filters: Filters
) -> None:
    _same(examples_index, " ".join(words), filters)


SYNTHETIC_QUERIES = [
    ("token", Filters()),
    ("balance", Filters()),
    ("sig", Filters()),
    ("deploym", Filters()),
    ("无效", Filters()),
    ("quota window", Filters()),
    ("token balance", Filters()),
    ("channel project", Filters(http_status=401)),
    ("contract", Filters(retryable=True)),
    ("signer", Filters(locale="zh-CN")),
    ("invalid token", Filters()),
    ("token", Filters(module="mod042")),
    ("请求中的资源", Filters()),
]


@pytest.mark.parametrize(("query", "filters"), SYNTHETIC_QUERIES)
def test_a_synthetic_catalog_ranks_as_sql_does(
    synthetic_index: SearchIndex, query: str, filters: Filters
) -> None:
    _same(synthetic_index, query, filters)


def test_frequent_words_of_a_synthetic_catalog_are_answered_by_the_lists(
    synthetic_index: SearchIndex,
) -> None:
    answered = _taken(synthetic_index)
    words = [w for w in synth.WORDS if w not in {"request", "service"}]  # in every entry
    for word in words:
        synthetic_index.search(word)
    assert answered == [True] * len(words)
    listed = {t for (t,) in synthetic_index.db.execute("SELECT term FROM m")}
    assert {"token", "balanc", "signer"} <= listed
    assert "the" not in listed  # in every entry: BM25 gives it no weight, SQL ranks it


def test_the_lists_add_the_tier_bonuses_sql_adds() -> None:
    from errdex.directory.search import TIERS

    one = frozenset({1})
    none: frozenset[int] = frozenset()
    each = [
        impact.Tiers(one, none, none, None, False),
        impact.Tiers(none, one, none, None, False),
        impact.Tiers(none, none, one, None, False),
        impact.Tiers(none, none, none, one, False),
    ]
    assert tuple(t.bonus(1) for t in each) == TIERS
    assert impact.Tiers(one, one, one, one, False).bonus(1) == sum(TIERS)
    assert impact.Tiers(none, none, none, None, True).bonus(2) == TIERS[3]
