"""One retry answer per entry: the code page, ``explain`` (text and JSON), the lookup API,
``search --retryable`` and the decoder of the entry's own responses all say
:func:`errdex.model.effective.retry_advice`, for every entry of every example catalog."""

from __future__ import annotations

import html
from typing import Any

import pytest

import errdex
from errdex.directory import Registry
from errdex.directory.advice import retry_advice as advice_words
from errdex.directory.advice import variant_advice
from errdex.directory.explain import entry_view
from errdex.model import Catalog, Entry
from errdex.model.effective import message_retry_answers, retry_advice
from errdex.runtime.retry import retry_of
from retry_agreement import wire_cases


def _entries(registry: Registry) -> list[tuple[str, Catalog, Entry]]:
    return [
        (cid, cat, e)
        for cid, cat in registry.catalogs.items()
        for e in cat.entries
        if e.status != "removed"
    ]


def _members(registry: Registry, flag: bool) -> set[tuple[str, str, object]]:
    found = registry.search("", retryable=flag, limit=10_000)
    assert found.total == len(found.hits)
    return {(h.catalog_id, h.entry.space, h.entry.code) for h in found.hits}


def test_explain_search_and_lookup_give_the_advice_of_every_entry(
    registry: Registry, client: Any
) -> None:
    yes, no = _members(registry, True), _members(registry, False)
    checked = 0
    for cid, cat, entry in _entries(registry):
        advice = retry_advice(cat, entry)
        key = (cid, entry.space, entry.code)
        view = entry_view(registry, cid, entry)
        assert (view["retryable"], view["retryable_source"], view["retry"]) == (
            advice.retryable,
            advice.source,
            advice.retry,
        ), key
        assert view["retry_advice"] == advice_words(cat, entry, view["locale"]), key
        for v, shown in zip(entry.variants, view["variants"], strict=True):
            words = variant_advice(cat, entry, v, view["locale"])
            assert shown["retry_advice"] == words and (words is None) is (v.retryable is None)
        # an entry is found by each answer it gives, its own or one of its messages
        answers = {advice.retryable, *message_retry_answers(cat, entry)}
        assert (key in yes, key in no) == (True in answers, False in answers), key
        query = {"q": str(entry.code), "catalog": cid, "space": entry.space}
        matches = client.get("/api/lookup", params=query).json()["matches"]
        (brief,) = [m for m in matches if m["code"] == entry.code]
        assert brief["retryable"] is advice.retryable, key
        assert brief["retryable_for_messages"] == list(message_retry_answers(cat, entry)), key
        full = client.get(brief["api"]).json()
        detail = full["advice"]
        assert tuple(detail.values()) == (advice.retry, advice.retryable, advice.source), key
        # the entry's top-level answer is the effective one; the catalog's own kept apart
        assert (full["retry"], full["retryable"], full["retryable_source"]) == (
            advice.retry,
            advice.retryable,
            advice.source,
        ), key
        assert full["retryable_for_messages"] == list(message_retry_answers(cat, entry)), key
        assert (full["catalog_retry"], full["catalog_retryable"]) == (
            entry.retry,
            entry.retryable,
        ), key
        checked += 1
    assert checked > 300


def test_the_entry_api_answers_the_retry_advice_of_a_429_the_catalog_says_nothing_about(
    client: Any,
) -> None:
    full = client.get("/api/entries/alchemy/http/429").json()
    assert (full["retryable"], full["retry"], full["retryable_source"]) == (
        True,
        "safe",
        "http-status",
    )
    assert (full["catalog_retryable"], full["catalog_retry"]) == (None, None)
    looked = client.get("/api/lookup", params={"q": "429", "catalog": "alchemy", "space": "http"})
    (brief,) = looked.json()["matches"]
    assert brief["retryable"] is full["retryable"]


def test_the_code_page_says_the_advice(registry: Registry, client: Any) -> None:
    for cid, cat, entry in _entries(registry):
        if cid not in {"alchemy", "zan"} and entry.code not in {1003, "AUTH-ERR-4"}:
            continue  # every page of the JSON-RPC gateways, a sample of the others
        page = html.unescape(client.get(registry.entry_url_path(cid, entry)).text)
        assert advice_words(cat, entry, "en") in page, (cid, entry.code)
        for v in entry.variants:  # a variant that states its own answer shows it
            words = variant_advice(cat, entry, v, "en")
            assert words is None or words in page, (cid, entry.code, v.message)


@pytest.mark.parametrize("name", ["alchemy", "csghub", "subquery-indexer-proxy", "yuanrong", "zan"])
def test_decoding_an_entrys_own_responses_gives_its_advice(registry: Registry, name: str) -> None:
    catalog = registry.catalog(name)
    cases = list(wire_cases(catalog))
    assert cases
    for case in cases:
        err = errdex.decode(case.status, case.headers, case.body, catalog=catalog)
        assert err.entry is case.entry, case.label
        assert err.retryable is case.retryable, case.label
        # the class a client decides with (errdex.integrations.retrying), both sides
        assert retry_of(err) == case.retry == retry_of(case.raised), case.label


def test_a_jsonrpc_error_over_http_200_gets_no_fix_the_request_advice(
    registry: Registry, client: Any
) -> None:
    cat = registry.catalog("alchemy")
    plain = next(e for e in cat.entries if e.code == -32000 and e.space == "jsonrpc")
    advice = retry_advice(cat, plain)
    assert (advice.retryable, advice.source, advice.status) == (None, None, 200)
    page = client.get(registry.entry_url_path("alchemy", plain)).text
    assert "Do not retry" not in page and "HTTP status 200 says nothing" in page
    timeout_words = "Safe to retry, with exponential backoff (the catalog says so for this message)"
    assert timeout_words in html.unescape(page)
    body = b'{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Server error"}}'
    assert errdex.decode(200, [], body, catalog=cat).retryable is None
    timeout = body.replace(b"Server error", b"Request timed out. Client should retry.")
    assert errdex.decode(200, [], timeout, catalog=cat).retryable is True


def test_an_entry_retryable_for_one_of_its_messages_is_found_by_retryable(
    registry: Registry, client: Any
) -> None:
    """Alchemy's -32000 says nothing itself; its message "Request timed out. Client should
    retry." is retryable, so the retry filter finds it (and says why) everywhere."""
    found = registry.search("timed out", retryable=True)
    keys = [(h.catalog_id, h.entry.space, h.entry.code) for h in found.hits]
    assert ("alchemy", "jsonrpc", -32000) in keys
    api = client.get("/api/search", params={"q": "timed out", "retryable": "true"}).json()
    (hit,) = [h for h in api["hits"] if h["code"] == -32000]
    assert (hit["retryable"], hit["retryable_for_messages"]) == (None, [True])
    (entry,) = [
        e for e in registry.catalog("alchemy").entries if e.module == "jsonrpc" and e.code == -32000
    ]
    view = entry_view(registry, "alchemy", entry)
    assert (view["retryable"], view["retryable_for_messages"]) == (None, [True])
