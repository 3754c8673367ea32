"""The static site's chunked index ranks exactly as the SQLite index it is cut from.

A reader of the static files (:class:`StaticSearch`, the Python twin of the
browser's ``errdex-search.js``) must give the same rowids, scores and totals
as :meth:`SearchIndex.search` — for the judged queries and for many queries
generated from the examples' own words, codes and names (with typos, prefixes,
CJK runs, FTS syntax, filters and pages). That pins the format: every fact the
ranking needs is in the files, and BM25 computed from them equals SQLite's.
"""

from __future__ import annotations

import json
import random
import sqlite3
import tomllib
from pathlib import Path

import pytest

from errdex.directory import Registry, static_index
from errdex.directory.search import Filters, SearchIndex
from errdex.directory.static_reader import StaticSearch

JUDGED = Path(__file__).with_name("judged_queries.toml")


def judged() -> list[str]:
    """The judged queries (``test_relevance``'s set)."""
    return [q["q"] for q in tomllib.loads(JUDGED.read_text(encoding="utf-8"))["query"]]


FILTERS = [
    Filters(),
    Filters(catalog="zan"),
    Filters(catalog="alchemy", space="jsonrpc"),
    Filters(http_status=429),
    Filters(retryable=True),
    Filters(locale="zh-CN"),
    Filters(catalog="nope"),
]


@pytest.fixture(scope="module")
def built(examples: Registry, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("static-index")
    manifest, files, size = static_index.build(examples.index.db, static_index.write_to(folder))
    assert files == len(list(folder.iterdir()))
    assert size == sum(p.stat().st_size for p in folder.iterdir())
    return folder, manifest


def reader(built: tuple[Path, str]) -> StaticSearch:
    folder, manifest = built
    return StaticSearch(lambda name: (folder / name).read_bytes(), manifest)


def generated(index: SearchIndex, count: int = 400) -> list[str]:
    """Queries made of the examples' words, codes and names, typed as people do."""
    rng = random.Random(20261204)
    db = index.db
    words = [w for (w,) in db.execute("SELECT word FROM w")]
    codes = [str(r) for (r,) in db.execute("SELECT key FROM c")]
    names = [n for (n,) in db.execute("SELECT name FROM n")]
    cjk = [t for (t,) in db.execute("SELECT term FROM t") if not t.isascii()]
    out = []
    for _ in range(count):
        kind = rng.randrange(9)
        if kind == 0:
            out.append(rng.choice(words))
        elif kind == 1:
            out.append(" ".join(rng.sample(words, rng.randint(2, 4))))
        elif kind == 2:
            w = rng.choice(words)
            out.append(w[: max(1, rng.randint(1, len(w)))])
        elif kind == 3:
            out.append(rng.choice(codes)[1:])
        elif kind == 4:
            n = list(rng.choice(names))
            i = rng.randrange(len(n))
            op = rng.randrange(3)
            if op == 0 and len(n) > 4:
                del n[i]
            elif op == 1:
                n.insert(i, rng.choice("abcxyz"))
            elif i + 1 < len(n):
                n[i], n[i + 1] = n[i + 1], n[i]
            out.append("".join(n))
        elif kind == 5:
            out.append("".join(rng.sample(cjk, rng.randint(1, 2))))
        elif kind == 6:
            a, b = rng.sample(words, 2)
            out.append(f'"{a}" OR {b}* NEAR({a}) -{b}')
        elif kind == 7:
            out.append(rng.choice(words) + " " + "".join(rng.sample(cjk, 1)))
        else:
            out.append(rng.choice(names).upper())
    return out


def compare(index: SearchIndex, static: StaticSearch, query: str, filters: Filters, **page: int):
    want = index.search(query, filters, **page)
    got = static.search(query, filters, **page)
    expected = [(h.rowid, h.score) for h in want.hits]
    assert [(r, s) for r, s, _ in got.hits] == expected, (query, filters, page)
    assert got.total == want.total, (query, filters)
    assert [d for _, _, d in got.hits] == [h.doc for h in want.hits]


def test_the_judged_queries_rank_alike(examples: Registry, built: tuple[Path, str]) -> None:
    static = reader(built)
    for query in judged():
        for filters in FILTERS:
            compare(examples.index, static, query, filters, limit=20)
        compare(examples.index, static, query, Filters(), limit=7, offset=3)


def test_generated_queries_rank_alike(examples: Registry, built: tuple[Path, str]) -> None:
    static = reader(built)
    queries = generated(examples.index)
    for n, query in enumerate(queries):
        compare(examples.index, static, query, FILTERS[n % len(FILTERS)], limit=30)
    assert len(queries) == 400


PHRASES_AND_JOINS = [
    *('"rate limit"', '"limit rate"', '"Git 仓库"', '"仓库不存在"', "“server error”", '"a" b'),
    *('"请求 rate"', '"limi"', "apikey", "notfound", "invalid apikey", "ratelimited"),
    *("etcderror timeout", "licenseexpired key", "emailexists user", "invalidjwt token"),
    *("notadmin x", '"apikey"', '"rate limit" apikey', "servererror", "toomany requests"),
]


def test_quoted_phrases_and_joined_words_rank_alike(
    examples: Registry, built: tuple[Path, str]
) -> None:
    static = reader(built)
    for query in PHRASES_AND_JOINS:
        for filters in FILTERS:
            compare(examples.index, static, query, filters, limit=20)
        compare(examples.index, static, query, Filters(), limit=5, offset=2)


def test_hostile_and_empty_queries_rank_alike(examples: Registry, built: tuple[Path, str]) -> None:
    static = reader(built)
    for query in ["", "   ", '"', "*", "AND OR NOT", "a" * 300, "rate " * 40, "🙂 limit", "é"]:
        for filters in FILTERS:
            compare(examples.index, static, query, filters, limit=10)


def test_every_match_is_ranked_with_sqlite_bm25(
    examples: Registry, built: tuple[Path, str]
) -> None:
    """Past the first page too: the whole ranked list of a common word, every score."""
    static = reader(built)
    for query in ["error", "request", "the", "invalid", "token", "无效", "请求"]:
        compare(examples.index, static, query, Filters(), limit=1000)


def test_a_query_fetches_only_its_chunks(examples: Registry, built: tuple[Path, str]) -> None:
    folder, manifest = built
    static = reader(built)
    static.search("invalid jwt")
    fetched = set(static.fetched)
    assert manifest in fetched
    assert len(fetched) < len(list(folder.iterdir())) / 2


def test_file_names_hold_their_content_hash(built: tuple[Path, str]) -> None:
    import hashlib

    folder, manifest = built
    for path in folder.iterdir():
        stem, digest, ext = path.name.split(".")[0], path.name.split(".")[1], path.suffix
        if stem == "d":
            continue  # doc records: the hash is their group's, listed in the manifest
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:16] == digest, path.name
        assert ext in (".bin", ".json")
    groups = json.loads((folder / manifest).read_bytes())["docs"]["groups"]
    assert {p.name.split(".")[1] for p in folder.glob("d.*")} == set(groups)


def test_row_lengths_are_fts5s(examples: Registry, built: tuple[Path, str]) -> None:
    """D of every row equals FTS5's own column size total (the docsize table)."""
    static = reader(built)
    db = examples.index.db
    db.execute("CREATE VIRTUAL TABLE temp.check_vi USING fts5vocab(main, f, 'instance')")
    try:
        counts = dict(db.execute("SELECT doc, count(*) FROM temp.check_vi GROUP BY doc"))
    finally:
        db.execute("DROP TABLE temp.check_vi")
    assert all(static.length(r) == counts.get(r, 0) for r in range(1, static.size + 1))
    row = db.execute(
        "SELECT rowid, bm25(f, 10.0, 8.0, 5.0, 5.0, 2.0, 2.0, 1.0, 0.0) FROM f "
        "WHERE f MATCH '\"token\"' ORDER BY rowid LIMIT 1"
    ).fetchone()
    assert isinstance(row[1], float)


def test_a_database_that_is_not_a_search_index_is_refused(tmp_path: Path) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE meta(key TEXT, value TEXT)")
    with pytest.raises(ValueError, match="not a search index"):
        static_index.build(db, static_index.write_to(tmp_path))
