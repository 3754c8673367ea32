"""Reading the static site's index as a browser does: fetched files, hits and the typo rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from errdex.directory import Registry, static_index
from errdex.directory.search import TIERS
from errdex.directory.static_reader import StaticSearch, one_edit


@pytest.mark.parametrize(
    ("word", "other", "expected"),
    [
        ("invalidjwt", "invalidjtw", True),
        ("invalidjwt", "invalidjw", True),
        ("invalidjwt", "invalidjwtx", True),
        ("invalidjwt", "invalidjwx", True),
        ("invalidjwt", "invalidjwt", False),
        ("invalidjwt", "invalidxxx", False),
        ("abcd", "badc", False),
    ],
)
def test_one_edit_is_the_typo_rule(word: str, other: str, expected: bool) -> None:
    from errdex.directory import typo

    assert one_edit(word, other) is expected
    assert (other in set(typo.one_edit(word, set(word + other))) - {word}) is expected


@pytest.fixture(scope="module")
def shop_index(
    shop_folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Registry, Path, str]:
    """The shared shop catalog's search index, cut into static files."""
    registry = Registry.from_paths([shop_folder])
    folder = tmp_path_factory.mktemp("static-shop")
    manifest, _, _ = static_index.build(registry.index.db, static_index.write_to(folder))
    return registry, folder, manifest


def _reader(folder: Path, manifest: str) -> StaticSearch:
    return StaticSearch(lambda name: (folder / name).read_bytes(), manifest)


def test_hits_are_the_servers_rowids_scores_and_records(
    shop_index: tuple[Registry, Path, str],
) -> None:
    registry, folder, manifest = shop_index
    static = _reader(folder, manifest)
    assert static.size == 9 and static.catalogs == [("shop", 9)]
    page = static.search("token expired")
    server = registry.index.search("token expired")
    assert page.total == server.total == 1
    assert [(r, s, d.code) for r, s, d in page.hits] == [
        (h.rowid, h.score, h.doc.code) for h in server.hits
    ]
    assert page.hits[0][2] == server.hits[0].doc


def test_every_file_read_is_logged_with_its_size(shop_index: tuple[Registry, Path, str]) -> None:
    _, folder, manifest = shop_index
    static = _reader(folder, manifest)
    assert list(static.fetched) == [manifest]
    static.search("invalid")
    assert all(static.fetched[name] == (folder / name).stat().st_size for name in static.fetched)
    assert len(static.fetched) > 1


def test_a_manifest_of_another_format_is_refused(shop_index: tuple[Registry, Path, str]) -> None:
    _, folder, manifest = shop_index
    data = json.loads((folder / manifest).read_bytes())
    data["format"] = 99
    with pytest.raises(ValueError, match="static index format 99, not "):
        StaticSearch(lambda name: json.dumps(data).encode(), manifest)


@pytest.mark.parametrize(
    "query",
    [
        *("令牌已于 {age} 秒前过期。", "busy, TRY again", "Server error", '"token expired"'),
        *('"expired token"', '"令牌"', '"token" seconds', '"the token expired {age} seconds"'),
    ],
)
def test_messages_and_phrases_rank_as_the_server_ranks_them(
    shop_index: tuple[Registry, Path, str], query: str
) -> None:
    registry, folder, manifest = shop_index
    page = _reader(folder, manifest).search(query)
    server = registry.index.search(query)
    assert [(r, s) for r, s, _ in page.hits] == [(h.rowid, h.score) for h in server.hits]
    assert page.total == server.total
    if not query.startswith('"'):
        assert page.hits[0][1] > TIERS[0]


@pytest.mark.parametrize(
    ("code", "words"), [("AUTH-ERR-4", "AUTH ERR 4"), ("GIT-ERR-29", "GIT ERR 29")]
)
def test_a_hyphenated_code_finds_what_its_spaced_words_find(
    examples: Registry, tmp_path: Path, code: str, words: str
) -> None:
    manifest, _, _ = static_index.build(examples.index.db, static_index.write_to(tmp_path))
    static = _reader(tmp_path, manifest)
    for query in (code, words):
        page = static.search(query)
        assert page.total == 1, query
        assert [d.code for _, _, d in page.hits] == [code]


def test_a_retry_filter_matches_an_entry_retryable_for_some_message(
    examples: Registry, tmp_path: Path
) -> None:
    """Alchemy's -32000 says nothing itself, but its message "Request timed out. Client
    should retry." is retryable: ``retryable=True`` finds it, as the server does."""
    from errdex.directory.search import Filters

    manifest, _, _ = static_index.build(examples.index.db, static_index.write_to(tmp_path))
    static = _reader(tmp_path, manifest)
    for filters in (Filters(retryable=True), Filters(catalog="alchemy", retryable=True)):
        page = static.search("timed out", filters)
        server = examples.index.search("timed out", filters)
        assert [(r, s) for r, s, _ in page.hits] == [(h.rowid, h.score) for h in server.hits]
        found = [d for _, _, d in page.hits if d.catalog_id == "alchemy" and d.code == -32000]
        assert [(d.retryable, d.retryable_for_messages) for d in found] == [(None, (True,))]
    listed = static.search("", Filters(catalog="alchemy", retryable=True), limit=100)
    assert any(d.code == -32000 and d.space == "jsonrpc" for _, _, d in listed.hits)
