"""Directory search benchmarks (issue 5): search over 100,000 codes, and building the index.

Per-query latency of :meth:`errdex.directory.Registry.search` (exact-match
lookup, FTS5 query, filters, snippets: everything a caller gets) over a set
of realistic queries: words, two-word phrases, as-you-type prefixes, a code,
a name, Chinese terms, a query that finds nothing, and filtered queries.
Targets are absolute: p50 ≤ 5 ms and p99 ≤ 20 ms. The floor is a bare SQLite
FTS5 query (``SELECT rowid … MATCH ? ORDER BY rank LIMIT 20``) for the same
terms on the same index, reported alongside; the two are timed interleaved,
query by query, so both see the same machine. Building the index (texts,
CJK segmentation, filter tokens, insert, optimize, the word-frequency table)
is compared with a bare ``executemany`` of the same prepared texts.
"""

from __future__ import annotations

import gc
import sqlite3
import statistics
import time
from collections.abc import Callable

from errdex.directory import Registry, tokenize
from errdex.directory.search import COLUMNS, SearchIndex, _row
from errdex.io import reads
from synth import WORDS, catalog_data, to_json
from timing import Result, best_of

SUITE = "search"

QUERIES: list[tuple[str, dict[str, object]]] = [
    ("token", {}),
    ("balance", {}),
    ("invalid token", {}),
    ("quota window", {}),
    ("signer not valid", {}),
    ("request again", {}),
    ("sig", {}),  # typed so far
    ("deploym", {}),
    ("100523", {}),  # a code
    ("NAME", {}),  # a name, filled in from the catalog
    ("无效", {}),
    ("请求中的资源", {}),
    ("kubernetes", {}),  # finds nothing
    ("rate limit", {}),
    ("token", {"module": "mod042"}),
    ("contract", {"retryable": True}),
    ("account", {"http_status": 402, "locale": "zh-CN"}),
]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    p50 = statistics.median(samples)
    p99 = samples[min(len(samples) - 1, round(0.99 * (len(samples) - 1)))]
    return p50, p99


def _latencies(
    funcs: list[Callable[[str, dict[str, object]], object]],
    queries: list[tuple[str, dict[str, object]]],
    rounds: int,
) -> list[list[float]]:
    """Per-call times of each function, interleaved query by query so that
    both see the same machine (one's heavy queries slow the next one's)."""
    out: list[list[float]] = [[] for _ in funcs]
    gc.collect()
    for _ in range(rounds):
        for query, filters in queries:
            for func, times in zip(funcs, out, strict=True):
                start = time.perf_counter()
                func(query, filters)
                times.append(time.perf_counter() - start)
    return out


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses 10,000 codes and fewer rounds."""
    n = 10_000 if quick else 100_000
    rounds = 5 if quick else 20
    catalog, problems = reads(to_json(catalog_data(n, 100)), "json")
    assert catalog is not None and not problems, problems[:3]
    assert {"token", "balance", "signer"} <= set(WORDS)  # the queries use the generator's words
    label = f"{n:,} codes"
    results = []

    name = catalog.entries[n // 2].name
    queries = [(name if q == "NAME" else q, f) for q, f in QUERIES]
    registry = Registry([catalog])
    start = time.perf_counter()
    index = registry.index
    build = time.perf_counter() - start
    rows = [
        (*_row(catalog, e, {}), index._facets(catalog, e, i))
        for i, e in enumerate(catalog.entries, 1)
    ]

    marks = ", ".join("?" * (len(COLUMNS) + 1))

    def bare_build() -> None:
        db = sqlite3.connect(":memory:")
        db.execute(f"CREATE VIRTUAL TABLE f USING fts5({', '.join(COLUMNS)})")
        with db:
            db.executemany(
                f"INSERT INTO f(rowid, {', '.join(COLUMNS)}) VALUES ({marks})",
                ((i, *r) for i, r in enumerate(rows, 1)),
            )
        db.close()

    floor_build = best_of(bare_build, repeat=1 if quick else 2)
    results.append(
        Result(
            SUITE, f"build search index, {label}", build, "bare FTS5 executemany", floor_build, 5.0
        )
    )

    def ours(query: str, filters: dict[str, object]) -> object:
        return registry.search(query, limit=20, **filters)  # type: ignore[arg-type]

    db: sqlite3.Connection = index._db
    exprs = {q: tokenize.match_expression(tokenize.terms(q)[0]) for q, _ in queries}

    def bare(query: str, filters: dict[str, object]) -> object:
        return db.execute(
            "SELECT rowid FROM f WHERE f MATCH ? ORDER BY rank LIMIT 20", (exprs[query],)
        ).fetchall()

    _latencies([ours, bare], queries, 1)  # warm caches
    ours_times, bare_times = _latencies([ours, bare], queries, rounds)
    p50, p99 = _percentiles(ours_times)
    floor_p50, floor_p99 = _percentiles(bare_times)
    note = (
        f"{len(QUERIES)} queries x {rounds} rounds; "
        f"bare FTS5 p50 {floor_p50 * 1000:.2f} ms, p99 {floor_p99 * 1000:.2f} ms"
    )
    results.append(
        Result(
            SUITE,
            f"search p50, {label} (ms)",
            p50,
            "bare FTS5 query p50",
            floor_p50,
            5.0,
            note,
            mode="abs",
        )
    )
    results.append(
        Result(
            SUITE,
            f"search p99, {label} (ms)",
            p99,
            "bare FTS5 query p99",
            floor_p99,
            20.0,
            note,
            mode="abs",
        )
    )
    return results


__all__ = ["QUERIES", "SearchIndex", "run"]
