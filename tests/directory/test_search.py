"""Full-text search across catalogs: ranking, Chinese, filters, and hostile queries."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.directory import Registry
from errdex.directory.search import EXACT_SCORE, NEAR_SCORE, SNIPPET_CHARS, TIERS, Filters
from errdex.directory.tokenize import MAX_QUERY_CHARS
from errdex.model.effective import message_retry_answers, retry_advice
from search_parity import assert_matches_reference


def _codes(result) -> list[tuple[str, object]]:
    return [(h.catalog_id, h.entry.code) for h in result.hits]


def _text(entry) -> str:
    parts = [entry.title, entry.message, entry.description, entry.solution]
    for tr in entry.translations.values():
        parts += [tr.title, tr.message, tr.description, tr.solution]
    return " ".join(p for p in parts if p)


def test_rate_limit_ranks_rate_limit_errors_first(examples: Registry) -> None:
    result = examples.search("rate limit", limit=5)
    assert result.total >= 5
    for hit in result.hits[:3]:
        assert "rate limit" in _text(hit.entry).lower().replace("-", " ")
    assert result.hits == sorted(result.hits, key=lambda h: -h.score)


def test_chinese_terms_find_zan_and_csghub_entries(examples: Registry) -> None:
    whitelist = examples.search("白名单")
    assert whitelist.hits and {h.catalog_id for h in whitelist.hits} == {"zan"}
    assert all("白名单" in _text(h.entry) for h in whitelist.hits)
    limit = examples.search("限制")
    assert {"zan", "csghub"} <= {h.catalog_id for h in limit.hits}
    assert all("限制" in _text(h.entry) for h in limit.hits)
    single = examples.search("限")  # one character: still found
    assert {(h.catalog_id, h.entry.code) for h in limit.hits} <= {
        (h.catalog_id, h.entry.code) for h in single.hits
    }


def test_a_chinese_hit_marks_the_term_in_its_snippet(examples: Registry) -> None:
    hit = examples.search("白名单").hits[0]
    snippet = hit.snippet
    assert snippet is not None and snippet.locale == "zh-CN"
    assert [snippet.text[s:e] for s, e in snippet.marks] == ["白名单"]


def test_english_snippets_mark_each_term_and_fit_the_limit(examples: Registry) -> None:
    for hit in examples.search("token expired").hits:
        snippet = hit.snippet
        assert snippet is not None and len(snippet.text) <= SNIPPET_CHARS + 2
        marked = {snippet.text[s:e].lower() for s, e in snippet.marks}
        assert marked and marked <= {"token", "expired"}
        assert "\n" not in snippet.text


def test_exact_code_and_name_matches_come_first(examples: Registry) -> None:
    result = examples.search("1003")
    assert _codes(result)[:2] == [("subquery-indexer-proxy", 1003), ("yuanrong", 1003)]
    assert result.hits[0].score == EXACT_SCORE
    assert _codes(examples.search("invalidjwt"))[0] == ("csghub", "AUTH-ERR-4")
    assert "name" in examples.search("invalidJWT").hits[0].fields


def test_camel_case_names_are_searchable_by_their_words(examples: Registry) -> None:
    assert ("csghub", "AUTH-ERR-4") in _codes(examples.search("jwt", catalog="csghub"))


def test_translations_are_searched_and_snippets_follow_the_locale(examples: Registry) -> None:
    english = examples.search("balance", catalog="csghub")
    assert ("csghub", "ACT-ERR-0") in _codes(english)
    chinese = examples.search("余额不足", catalog="csghub")
    assert ("csghub", "ACT-ERR-0") in _codes(chinese)
    hit = examples.search("ACT-ERR-0", locale="zh-CN").hits[0]
    assert hit.snippet is not None and hit.snippet.locale == "zh-CN"


def test_filters_narrow_the_results(examples: Registry) -> None:
    assert {h.catalog_id for h in examples.search("error", catalog="alchemy").hits} == {"alchemy"}
    assert {
        h.entry.space
        for h in examples.search("error", catalog="alchemy", space="jsonrpc", limit=50).hits
    } == {"jsonrpc"}
    assert {h.entry.module for h in examples.search("token", module="auth", limit=50).hits} == {
        "auth"
    }
    statuses = examples.search("", http_status=429, limit=50)
    assert ("zan", 429) in _codes(statuses) and ("alchemy", 429) in _codes(statuses)
    assert statuses.total == len(statuses.hits)
    retryable = examples.search("", retryable=True, limit=100).hits
    for hit in retryable:  # the effective answer: a 429 the catalog says nothing about is in,
        cat = examples.catalog(hit.catalog_id)  # and so is an entry one of whose messages is
        answers = {retry_advice(cat, hit.entry).retryable, *message_retry_answers(cat, hit.entry)}
        assert True in answers
    assert {("alchemy", 429), ("zan", 429)} <= {(h.catalog_id, h.entry.code) for h in retryable}
    zh = examples.search("", locale="zh", limit=500)
    assert {h.catalog_id for h in zh.hits} <= {"csghub", "zan"} and zh.total > 0
    assert examples.search("token", catalog="nope").hits == []
    assert examples.search("token", catalog="zan", module="auth").total == 0


def test_paging_returns_disjoint_pages_that_add_up(examples: Registry) -> None:
    first = examples.search("error", limit=5)
    second = examples.search("error", limit=5, offset=5)
    assert len(first.hits) == len(second.hits) == 5
    assert not set(_codes(first)) & set(_codes(second))
    assert _codes(examples.search("error", limit=10)) == _codes(first) + _codes(second)
    assert first.total == second.total


def test_empty_and_hostile_queries_never_raise(examples: Registry) -> None:
    assert examples.search("").hits == []
    assert examples.search("   ").total == 0
    for query in [
        '"',
        "'",
        "*",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "code:1003",
        "{code}: x",
        "^jwt",
        "-",
        "a -b",
        "(",
        ")",
        "\x00",
        "🙂",
        "'; DROP TABLE f; --",
        '"unbalanced',
    ]:
        result = examples.search(query)
        assert result.total >= 0
    assert examples.search("jwt*").total == examples.search("jwt").total


def test_oversized_queries_are_cut_and_say_so(examples: Registry) -> None:
    result = examples.search("rate " * 1000)
    assert result.truncated
    assert examples.search("x" * (MAX_QUERY_CHARS + 1)).truncated
    assert not examples.search("rate limit").truncated


def test_when_not_every_word_matches_any_word_may(examples: Registry) -> None:
    result = examples.search("jwt zebra")
    assert result.total > 0 and all(
        "jwt" in _text(h.entry).lower() or "jwt" in (h.entry.name or "").lower()
        for h in result.hits
    )


def test_removed_entries_are_found_by_their_reason(shop_path: Path) -> None:
    registry = Registry.from_paths([shop_path])
    assert [h.entry.code for h in registry.search("coupons").hits] == ["SHOP-3"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_a_valid_query(query: str) -> None:
    result = _REGISTRY.search(query, limit=3)
    assert len(result.hits) <= 3 and result.total >= len(result.hits)


_REGISTRY = Registry.from_paths([Path(__file__).resolve().parents[2] / "examples"])


def test_snippets_are_plain_text_without_markdown_markers(examples: Registry) -> None:
    snippet = examples.search("白名单").hits[0].snippet
    assert snippet is not None
    assert "**" not in snippet.text and "容量限制" in snippet.text
    assert [snippet.text[s:e] for s, e in snippet.marks] == ["白名单"]
    for hit in examples.search("sql ErrNoRows").hits:
        assert hit.snippet is not None and "`" not in hit.snippet.text


def test_stemming_finds_other_forms_of_a_word(examples: Registry) -> None:
    tokens = _codes(examples.search("tokens", catalog="subquery-indexer-proxy", limit=50))
    assert ("subquery-indexer-proxy", 1006) in tokens  # "JWT token expired."
    limited = _codes(examples.search("limited", catalog="subquery-indexer-proxy", limit=50))
    assert ("subquery-indexer-proxy", 1052) in limited  # "Rate limit: reach the max limit …"


def test_an_exact_title_outranks_a_text_that_merely_contains_the_words(examples: Registry) -> None:
    codes = _codes(examples.search("rate limit", limit=10))
    assert codes[0] == ("zan", -32004)  # its title is "Rate limited"
    not_a_limit = codes.index(("subquery-indexer-proxy", 1135))  # "… is not rate limit."
    assert codes.index(("subquery-indexer-proxy", 1052)) < not_a_limit
    assert codes.index(("csghub", "REQ-ERR-10")) < not_a_limit  # errRateLimitExceeded


def test_a_query_that_is_an_entrys_message_ranks_it_first(examples: Registry) -> None:
    # zan -32700 says "Invalid JSON"; yuanrong's InvalidJSONBody starts with those words and
    # alchemy's -32700 holds them as a phrase: without the message tier both ranked first.
    for query in ("Invalid JSON", "invalid json", "  INVALID \t json ", '"Invalid JSON"'):
        result = examples.search(query, limit=3)
        assert _codes(result)[0] == ("zan", -32700), query
        assert TIERS[0] < result.hits[0].score < NEAR_SCORE
        assert result.hits[1].score < TIERS[0]
    assert _codes(examples.search("Method does not exist", limit=1)) == [("zan", -32601)]
    # only the whole message counts: more words, or fewer, are no message match
    assert all(h.score < TIERS[0] for h in examples.search("invalid json body").hits)
    assert all(h.score < TIERS[0] for h in examples.search("invalid").hits)


def test_the_message_tier_outweighs_every_title_tier_together() -> None:
    assert tuple(sorted(TIERS, reverse=True)) == TIERS
    assert TIERS[0] > sum(TIERS[1:])


def test_translated_and_variant_messages_are_exact_messages(shop_folder: Path) -> None:
    shop = Registry.from_paths([shop_folder])
    hit = shop.search("令牌已于 {age} 秒前过期。").hits[0]  # the zh-CN message of AUTH-ERR-4
    assert hit.entry.code == "AUTH-ERR-4" and hit.score > TIERS[0]
    hit = shop.search("Busy, try again").hits[0]  # a known variant of -32000
    assert hit.entry.code == -32000 and hit.score > TIERS[0]


def test_quoted_words_must_follow_each_other_in_that_order(examples: Registry) -> None:
    loose = examples.search("limit exceeded", limit=100)
    phrase = examples.search('"limit exceeded"', limit=100)
    assert set(_codes(phrase)) == {("zan", -32005), ("alchemy", 103), ("csghub", "REQ-ERR-10")}
    assert phrase.total == 3 < loose.total
    assert examples.search('"exceeded limit"').total == 0  # the other order: nothing
    assert examples.search("“limit exceeded”").total == 3  # typographic quotes too
    # a quote without its pair is a separator: the query is the unquoted one
    assert _codes(examples.search('"limit exceeded', limit=100)) == _codes(loose)
    # inside quotes the last word is a whole word, not a prefix
    assert examples.search("limi").total > 0 and examples.search('"limi"').total == 0
    # a phrase and a word: both must match
    assert _codes(examples.search('"rate limit" agreement')) == [("subquery-indexer-proxy", 1052)]


def test_a_quoted_chinese_phrase_keeps_its_order_and_its_words_together(
    examples: Registry,
) -> None:
    hits = examples.search('"Git 仓库"', locale="zh", limit=50).hits
    assert len(hits) == 5
    assert all("Git 仓库" in _text(h.entry) or "Git仓库" in _text(h.entry) for h in hits)
    assert examples.search('"仓库 Git"').total == 0
    # quoted, a run not found as a whole is not loosened into its bigrams
    assert examples.search("仓库没找到").total > 0 and examples.search('"仓库没找到"').total == 0


def test_words_typed_together_find_the_entries_that_say_them_apart(examples: Registry) -> None:
    apart = examples.search("api key", limit=50)
    together = examples.search("apikey", limit=50)
    assert together.total == apart.total == 4
    assert _codes(together)[0] == ("csghub", "AUTH-ERR-9")  # "… include an API Key …"
    assert set(_codes(together)) == set(_codes(apart))
    hit = together.hits[0]
    assert hit.snippet is not None
    marked = {hit.snippet.text[s:e].lower() for s, e in hit.snippet.marks}
    assert marked == {"api", "key"}
    assert examples.search("notfound").total == examples.search('"not found"').total > 20
    # the two words are a phrase, and the tiers compare them: "Method not found" is exact
    method = examples.search("method notfound")
    assert set(_codes(method)) == {("zan", -32601), ("alchemy", -32601)}
    assert all(h.score > TIERS[1] for h in method.hits)
    # a word entries hold is not cut; quotes keep the word whole
    assert examples.search("token").total == examples.index.search("token").total
    assert examples.search('"apikey"').total == 0


def test_a_word_in_one_entry_still_finds_it_beside_the_two_words(examples: Registry) -> None:
    # "invalidjwt" is the word of one name (csghub's invalidJWT); its two words are in more
    one = examples.search("invalidjwt token", limit=50)
    assert ("csghub", "AUTH-ERR-4") in _codes(one)
    assert one.total >= examples.search('"invalid jwt" token').total


def test_a_name_one_edit_away_is_found(examples: Registry) -> None:
    for typo in ("invalidJTW", "invaldJWT", "invalidJWTT", "inavlidJWT"):
        assert _codes(examples.search(typo))[:1] == [("csghub", "AUTH-ERR-4")], typo
    assert examples.near_names("jwt") == []  # too short to correct


def test_a_chinese_query_not_found_as_a_phrase_falls_back_to_its_bigrams(
    examples: Registry,
) -> None:
    result = examples.search("仓库没找到")  # no text says this; 找不到…仓库 does
    assert result.total > 0
    assert all("仓库" in _text(h.entry) or "找到" in _text(h.entry) for h in result.hits)


def test_total_counts_every_match_and_ranks_over_all_of_them(tmp_path: Path) -> None:
    errors = [{"code": i, "message": f"Quota exceeded for shard {i}."} for i in range(1, 700)]
    errors.append({"code": 700, "title": "Quota exceeded", "message": "Quota exceeded."})
    import orjson

    data = {"catalog": {"id": "wide"}, "spaces": {"app": {"kind": "app"}}, "errors": errors}
    (tmp_path / "wide.json").write_bytes(orjson.dumps(data))
    result = Registry.from_paths([tmp_path / "wide.json"]).search("quota exceeded", limit=3)
    assert result.total == 700 and result.total_exact
    assert result.hits[0].entry.code == 700  # last in catalog order, first by its title


def _common_words_registry() -> Registry:
    """Entries whose words are nearly all in most entries (BM25 weighs them zero), some with
    titles that say the query exactly, or start with it."""
    from errdex.io import reads

    rows = []
    for i in range(240):
        title = {0: 'title = "Request again"\n', 1: 'title = "Request again later"\n'}.get(
            i % 7, ""
        )
        message = f"The request {['token', 'quota', 'window'][i % 3]} is not valid."
        if i % 11 == 3:
            message = "Request  again"  # an exact message for "request again"
        rows.append(
            f"[[errors]]\ncode = {1000 + i}\n{title}"
            f'message = "{message}"\n'
            f'solution = "{"Send the request again." if i % 5 else "Again, send a request."}"\n'
            f"http_status = {400 + i % 3}\n"
        )
    catalog, problems = reads('[catalog]\nid = "common"\n\n' + "\n".join(rows))
    assert catalog is not None and not problems
    return Registry([catalog])


@pytest.mark.parametrize("query", ["request again", "request", "again request", "send the req"])
def test_common_word_queries_page_exactly_as_ranking_every_match(query: str) -> None:
    registry = _common_words_registry()
    index = registry.index
    calls: list[int] = []
    fast_path = index._tiers_then_rowid

    def counted(*args: object) -> list[tuple[int, float]]:
        calls.append(1)
        return fast_path(*args)  # type: ignore[arg-type]

    index._tiers_then_rowid = counted  # type: ignore[method-assign]
    for filters in (Filters(), Filters(http_status=401)):
        pages = ((0, 20), (3, 7), (30, 50), (200, 60))
        assert_matches_reference(index, query, pages, filters, snippets=False)
    assert calls, "every word of these queries is common: the fast path must be taken"
