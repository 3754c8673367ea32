"""The on-disk search-index cache: same answers as a fresh build, never stale, never corrupt,
safe with concurrent writers, nothing written outside its folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from catalogs import EXAMPLES
from errdex.directory import Registry
from errdex.directory.diskcache import TRAILER, IndexCache, default_folder
from errdex.directory.fingerprint import catalog_files, fingerprint
from errdex.directory.search import Filters, Page
from errdex.directory.stored import StoredRegistry, open_search
from errdex.io import find_catalogs

JUDGED = Path(__file__).with_name("judged_queries.toml")


def judged_queries() -> list[str]:
    """The queries of the judged set (``test_relevance``)."""
    return [q["q"] for q in tomllib.loads(JUDGED.read_text(encoding="utf-8"))["query"]]


@pytest.fixture
def catalogs(tmp_path: Path) -> Path:
    """A private copy of the examples (tests edit it)."""
    return Path(shutil.copytree(EXAMPLES, tmp_path / "catalogs"))


@pytest.fixture
def cache(tmp_path: Path) -> IndexCache:
    return IndexCache(tmp_path / "cache")


def answers(page: Page) -> list[tuple[object, ...]]:
    return [
        (f.doc.catalog_id, f.doc.space, f.doc.code, f.doc.path, f.score, f.snippet, f.fields)
        for f in page.hits
    ] + [("total", page.total)]


def warm(paths: list[Path], cache: IndexCache) -> StoredRegistry:
    """Search once (building and storing the index), then open the stored index."""
    first = open_search(paths, cache=cache)
    assert isinstance(first, Registry)
    first.index  # noqa: B018 - builds and stores it
    stored = open_search(paths, cache=cache)
    assert isinstance(stored, StoredRegistry), "the second open must come from the cache"
    return stored


def test_a_cached_index_answers_the_judged_queries_exactly_as_a_fresh_build(
    catalogs: Path, cache: IndexCache
) -> None:
    fresh = Registry.from_paths([catalogs]).index
    stored = warm([catalogs], cache).index
    queries = [*judged_queries(), "", "1003", "-32000", "invalidJTW", "rate lim"]
    filters = [Filters(), Filters(catalog="zan"), Filters(http_status=429), Filters(locale="zh")]
    for query in queries:
        for f in filters:
            for offset in (0, 3):
                assert answers(stored.search(query, f, limit=7, offset=offset)) == answers(
                    fresh.search(query, f, limit=7, offset=offset)
                ), (query, f, offset)


def test_the_index_answers_exact_lookups_as_the_registry_does(examples: Registry) -> None:
    index = examples.index
    for query in ["1003", "0x3EB", "429", "auth-err-4", "invalidjwt", "-32000", "+429", "`1003`"]:
        expected = [(m.catalog_id, m.entry.space, m.entry.code) for m in examples.lookup(query)]
        got = [(f.doc.catalog_id, f.doc.space, f.doc.code) for f in index.search(query).hits]
        assert got[: len(expected)] == expected, query


def test_any_edit_of_a_catalog_file_is_a_new_key(catalogs: Path, cache: IndexCache) -> None:
    warm([catalogs], cache)
    zan = next(p for p in find_catalogs(catalogs) if p.name.startswith("zan"))
    files = catalog_files(zan)
    assert files
    before = fingerprint([catalogs])
    text = files[0].read_text(encoding="utf-8")
    files[0].write_text(
        text.replace('title = "Rate limited"', 'title = "Rate limited now"'), encoding="utf-8"
    )
    assert fingerprint([catalogs]) != before
    found = open_search([catalogs], cache=cache)
    assert isinstance(found, Registry), "an edited catalog must not be answered from the cache"
    hits = found.index.search("rate limited now").hits
    assert any("Rate limited now" in str(h.snippet) for h in hits)


def test_a_missing_path_is_not_cached(tmp_path: Path, cache: IndexCache) -> None:
    assert fingerprint([tmp_path / "nowhere.toml"]) is None
    found = open_search([tmp_path / "nowhere.toml"], cache=cache)
    assert isinstance(found, Registry) and found.problems
    assert not cache.folder.exists()


@pytest.mark.parametrize(
    "damage",
    ["truncate", "flip a byte", "zero the trailer", "other format", "other key", "empty"],
)
def test_a_damaged_cache_file_is_never_used_and_is_rebuilt(
    catalogs: Path, cache: IndexCache, damage: str
) -> None:
    expected = answers(Registry.from_paths([catalogs]).index.search("rate limit"))
    warm([catalogs], cache)
    key = fingerprint([catalogs])
    assert key is not None
    path = cache.path(key)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip a byte":
        data[len(data) // 2] ^= 0x40
    elif damage == "zero the trailer":
        data[-TRAILER.size :] = bytes(TRAILER.size)
    elif damage == "other format":
        data[-TRAILER.size + 8] += 1  # the format number follows the magic
    elif damage == "other key":
        data[-1] ^= 1  # the key ends the trailer
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    assert cache.load(key) is None
    assert not path.exists(), "a bad file is removed"
    found = open_search([catalogs], cache=cache)
    assert isinstance(found, Registry)
    assert answers(found.index.search("rate limit")) == expected
    again = open_search([catalogs], cache=cache)
    assert isinstance(again, StoredRegistry), "the rebuilt index is stored again"
    assert answers(again.index.search("rate limit")) == expected


def test_concurrent_writers_and_readers_only_ever_see_whole_files(
    catalogs: Path, cache: IndexCache
) -> None:
    index = Registry.from_paths([catalogs]).index
    key = fingerprint([catalogs])
    assert key is not None
    errors: list[str] = []
    stop = threading.Event()

    def write() -> None:
        for _ in range(15):
            if cache.store(key, index.db) is None:
                errors.append("a store failed")

    def read_all() -> None:
        while not stop.is_set():
            db = cache.load(key)
            if db is not None:
                (n,) = db.execute("SELECT count(*) FROM d").fetchone()
                if not n:
                    errors.append("an empty index was read")
                db.close()

    writers = [threading.Thread(target=write) for _ in range(3)]
    reader = threading.Thread(target=read_all)
    reader.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    reader.join()
    assert not errors
    assert sorted(p.name for p in cache.folder.iterdir()) == [cache.path(key).name]


def test_concurrent_cli_searches_on_a_cold_cache_agree(catalogs: Path, tmp_path: Path) -> None:
    env = {**os.environ, "ERRDEX_CACHE_DIR": str(tmp_path / "cli-cache")}
    cmd = [sys.executable, "-m", "errdex", "search", "rate", "limit", "--json"]
    cmd += ["--catalog-path", str(catalogs)]
    procs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outs]
    assert len({out for out, _ in outs}) == 1
    again = subprocess.run(cmd, env=env, capture_output=True, timeout=300)
    assert again.returncode == 0 and again.stdout == outs[0][0]
    names = [p.name for p in (tmp_path / "cli-cache").iterdir()]
    assert len(names) == 1 and names[0].startswith("search-"), names


def test_nothing_is_written_through_a_symlink_in_the_cache(
    catalogs: Path, cache: IndexCache, tmp_path: Path
) -> None:
    key = fingerprint([catalogs])
    assert key is not None
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    cache.folder.mkdir(parents=True)
    cache.path(key).symlink_to(outside)
    assert cache.load(key) is None  # a symlink is not followed
    assert outside.read_text() == "keep me"
    cache.store(key, Registry.from_paths([catalogs]).index.db)
    assert outside.read_text() == "keep me"
    assert not cache.path(key).is_symlink() and cache.load(key) is not None
    with pytest.raises(ValueError):
        cache.path("../../etc/passwd")


def test_the_cache_keeps_only_the_most_recently_used_indexes(
    catalogs: Path, cache: IndexCache
) -> None:
    db = Registry.from_paths([catalogs]).index.db
    keys = [f"{i:064x}" for i in range(12)]
    for i, key in enumerate(keys):
        cache.store(key, db)
        os.utime(cache.path(key), (1_000_000 + i, 1_000_000 + i))
    cache.prune(keep=4)
    assert sorted(p.name for p in cache.folder.iterdir()) == sorted(
        cache.path(k).name for k in keys[-4:]
    )


def test_the_cache_folder_follows_the_environment(tmp_path: Path) -> None:
    assert default_folder({"ERRDEX_CACHE_DIR": str(tmp_path / "a")}) == tmp_path / "a"
    assert default_folder({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "errdex"
    relative = default_folder({"XDG_CACHE_HOME": "relative/cache"})
    assert relative == Path.home() / ".cache" / "errdex"  # the XDG spec ignores relative paths


def test_an_unwritable_cache_folder_is_silent(catalogs: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = IndexCache(blocker / "cache")
    found = open_search([catalogs], cache=cache)
    assert isinstance(found, Registry)
    assert found.index.search("rate limit").hits
    assert blocker.read_text() == "not a folder"


def test_a_loaded_registry_reads_its_index_from_the_cache(
    catalogs: Path, cache: IndexCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Registry.from_paths([catalogs], cache=cache)
    expected = [(h.catalog_id, h.entry.code, h.score) for h in first.search("rate limit").hits]
    assert cache.folder.exists() and any(cache.folder.iterdir())

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index must come from the cache")

    monkeypatch.setattr("errdex.directory.search.SearchIndex.build", no_build)
    second = Registry.from_paths([catalogs], cache=cache)
    hits = second.search("rate limit").hits
    assert [(h.catalog_id, h.entry.code, h.score) for h in hits] == expected
    assert all(h.entry in second.catalogs[h.catalog_id].entries for h in hits)


def test_a_folder_others_may_write_to_is_never_used(catalogs: Path, cache: IndexCache) -> None:
    key = fingerprint([catalogs])
    assert key is not None
    db = Registry.from_paths([catalogs]).index.db
    assert cache.store(key, db) is not None
    os.chmod(cache.folder, 0o777)
    try:
        assert cache.load(key) is None  # someone else may have put it there
        assert cache.store(key, db) is None
        assert isinstance(open_search([catalogs], cache=cache), Registry)
    finally:
        os.chmod(cache.folder, 0o700)
    os.chmod(cache.path(key), 0o666)
    assert cache.load(key) is None
