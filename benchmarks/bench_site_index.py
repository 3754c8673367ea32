"""The static site's chunked search index at 100k codes: bytes a query fetches, size, build.

``build --site`` cuts the server's SQLite search index into content-hashed
chunks (:mod:`errdex.directory.static_index`) so that a query fetches only
what it needs. Over the search benchmark's queries (``bench_search.QUERIES``,
with the same filters), :class:`StaticSearch` — which fetches exactly what
the browser's ``errdex-search.js`` fetches — answers each query's first page
(20 hits) from a fresh cache, and every byte it reads is counted: the
manifest, directory and table chunks, row lengths and the doc records of the
page. The figures: the maximum and the median of those bytes against the
300 kB budget, and, for context, the index's total size and its build time
next to the SQLite index build it is cut from (measured in the same run).
"""

from __future__ import annotations

import gc
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench_search import QUERIES
from errdex.directory import Registry, static_index
from errdex.directory.search import Filters
from errdex.directory.static_reader import StaticSearch
from errdex.io import reads
from synth import catalog_data, to_json
from timing import Result

SUITE = "siteindex"
BUDGET = 300_000
"""Bytes a query may fetch at 100k codes (issue 10, item 3)."""


def run(quick: bool) -> list[Result]:
    """Build the static index of 100k codes (``quick``: 10k) and fetch every query."""
    n = 10_000 if quick else 100_000
    catalog, problems = reads(to_json(catalog_data(n, 100)), "json")
    assert catalog is not None and not problems, problems[:3]
    name = catalog.entries[n // 2].name
    queries = [(name if q == "NAME" else q, f) for q, f in QUERIES]
    queries.append((name[:8] + name[9:], {}))  # the name with a typo: the one-edit tier
    registry = Registry([catalog])
    gc.collect()
    start = time.perf_counter()
    index = registry.index
    sqlite_build = time.perf_counter() - start
    tmp = Path(tempfile.mkdtemp(prefix="errdex-bench-siteindex-"))
    try:
        gc.collect()
        start = time.perf_counter()
        manifest, files, size = static_index.build(index.db, static_index.write_to(tmp))
        build = time.perf_counter() - start
        fetched = []
        for query, filters in queries:
            reader = StaticSearch(lambda file: (tmp / file).read_bytes(), manifest)
            page = reader.search(query, Filters(**filters), limit=20)  # type: ignore[arg-type]
            want = index.search(query, Filters(**filters), limit=20)  # type: ignore[arg-type]
            assert [r for r, _, _ in page.hits] == [h.rowid for h in want.hits], query
            fetched.append((sum(reader.fetched.values()), len(reader.fetched), query))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    worst = max(fetched)
    median = statistics.median(b for b, _, _ in fetched)
    label = f"{n:,} codes"
    per_query = ", ".join(f"{q[:14]!r} {b / 1000:.0f}" for b, _, q in fetched)
    return [
        Result(
            SUITE,
            f"static search: most bytes a query fetches, {label}",
            worst[0],
            "the 300 kB budget",
            BUDGET,
            1.0,
            f"{worst[2]!r}: {worst[1]} files; kB per query: {per_query}",
            mode="bytes",
        ),
        Result(
            SUITE,
            f"static search: median bytes a query fetches, {label}",
            median,
            "the 300 kB budget",
            BUDGET,
            1.0,
            f"over {len(fetched)} queries",
            mode="bytes",
        ),
        Result(
            SUITE,
            f"static index build, {label}",
            build,
            "the SQLite index build it is cut from",
            sqlite_build,
            float("inf"),
            f"{files:,} files, {size / 1e6:.1f} MB in all; SQLite index {sqlite_build:.1f} s",
        ),
    ]
