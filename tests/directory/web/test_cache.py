"""The response cache: a bounded LRU of JSON answers that never changes an answer."""

from __future__ import annotations

from starlette.testclient import TestClient

from errdex.directory.web.cache import ResponseCache


def test_the_response_cache_stays_bounded_in_count_and_bytes() -> None:
    cache = ResponseCache(size=3, max_bytes=64 * 100)
    for i in range(10):
        cache.put(("q", i), b"x" * 50)
    assert len(cache) == 3 and cache.get(("q", 0)) is None and cache.get(("q", 9))
    cache = ResponseCache(size=1000, max_bytes=64 * 100)
    for i in range(500):
        cache.put(("q", i), b"y" * 90)
    assert cache.bytes <= 64 * 100 and len(cache) == 64 * 100 // 90
    cache.put("huge", b"z" * 200)  # more than max_bytes // 64: not kept
    assert cache.get("huge") is None and cache.get(("q", 499))


def test_uncached_searches_answer_the_same_as_cached_ones(client: TestClient) -> None:
    directory = client.app.state.directory
    first = client.get("/api/search", params={"q": "rate limit"}).json()
    kept, directory.cache = directory.cache, type(directory.cache)(size=0)
    try:
        again = client.get("/api/search", params={"q": "rate limit"}).json()
        assert first == again and len(directory.cache) == 0
    finally:
        directory.cache = kept


def test_a_read_keeps_a_body_longest_and_a_new_body_replaces_the_old() -> None:
    cache = ResponseCache(size=2, max_bytes=64 * 1000)
    cache.put("a", b"1")
    cache.put("b", b"2")
    assert cache.get("a") == b"1"  # now the newest
    cache.put("c", b"3")
    assert cache.get("b") is None and cache.get("a") == b"1" and cache.get("c") == b"3"
    cache.put("a", b"longer")
    assert cache.get("a") == b"longer" and cache.bytes == len(b"longer") + 1
