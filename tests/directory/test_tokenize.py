"""Segmenting text and queries for FTS5: CJK bigrams, identifiers, quoting."""

from __future__ import annotations

from errdex.directory.tokenize import (
    MAX_TERMS,
    Join,
    Term,
    fold,
    highlighter,
    match_expression,
    parse,
    phrase_expression,
    phrase_tokens,
    segment,
    split_identifier,
    terms,
)


def test_cjk_runs_become_bigrams_and_latin_text_is_kept() -> None:
    assert segment("rate limit") == "rate limit"
    assert segment("白名单设置").split() == ["白名", "名单", "单设", "设置", "置"]
    assert segment("ZAN节点").split() == ["zan", "节点", "点"]


def test_identifiers_add_their_words() -> None:
    assert split_identifier("invalidJWT") == "invalidJWT invalid JWT"
    assert split_identifier("UNSUPPORTED_REQUEST") == "UNSUPPORTED_REQUEST"
    assert split_identifier("token") == "token"


def test_queries_split_into_words_and_cjk_runs_without_syntax() -> None:
    found, cut = terms('rate-limit "限制" OR (NEAR*)')
    assert found == [
        Term("rate", False),
        Term("limit", False),
        Term("限制", True),
        Term("OR", False),
        Term("NEAR", False),
    ]
    assert not cut
    many, cut = terms(" ".join(f"w{i}" for i in range(MAX_TERMS + 5)))
    assert len(many) == MAX_TERMS and cut


def test_match_expressions_quote_every_term() -> None:
    found, _ = terms("rate 白名单")
    assert match_expression(found) == '"rate" AND "白名 名单"'
    assert match_expression(found, any_term=True) == '"rate" OR ("白名" OR "名单")'
    assert match_expression(terms("rate limi")[0]) == '"rate" AND "limi"*'
    assert match_expression(terms("rate limi")[0], last_words=["limit", "limits"]) == (
        '"rate" AND ("limit" OR "limits")'
    )
    assert match_expression(terms("限")[0]) == '"限"*'


def test_double_quotes_make_the_terms_between_them_a_phrase() -> None:
    parsed = parse('"rate limit" exceeded')
    assert parsed.quoted == ((0, 2),) and parsed.prefix_last
    words = match_expression(parsed.terms, quoted=parsed.quoted)
    assert words == '"rate limit" AND ("exceeded"* OR "exceed")'
    assert match_expression(parsed.terms, quoted=parsed.quoted, any_term=True) == (
        '"rate limit" OR ("exceeded"* OR "exceed")'
    )
    last = parse('exceeded "rate limits"')
    assert last.quoted == ((1, 3),) and not last.prefix_last
    assert match_expression(last.terms, prefix_last=False, quoted=last.quoted) == (
        '"exceed" AND "rate limit"'
    )
    assert parse("“rate limit”").quoted == ((0, 2),)  # typographic quotes
    assert parse('"rate limit').quoted == ()  # no pair: a separator
    assert parse('"" a "" b').quoted == ()  # nothing inside
    assert parse(" ".join(["w"] * MAX_TERMS) + ' "x y"').quoted == ()  # cut off
    cjk = parse('"白名单 whitelist" "限"')
    assert cjk.quoted == ((0, 2), (2, 3))
    assert match_expression(cjk.terms, quoted=cjk.quoted) == '"白名 名单 单 whitelist" AND "限"*'


def test_a_phrase_of_a_cjk_run_and_a_word_is_the_tokens_the_text_indexes() -> None:
    # segment() ends every CJK run with its last character alone: a phrase across a run
    # and the next term must hold it, or it never matches the text it was cut from
    text = "请求 rate 白名单"
    found = parse(text).terms
    assert phrase_tokens(found) == segment(text).split()[:-1]  # the last run's 单 is free
    assert phrase_expression(found) == '"请求 求 rate 白名 名单"'
    assert phrase_tokens(parse("限 rate")[0]) == ["限", "rate"]


def test_a_joined_word_is_also_or_only_the_phrase_of_its_two_words() -> None:
    q = parse("invalid apikey")._replace(joined=(Join(1, ("api", "key"), False),))
    assert match_expression(q.terms, last_words=[], joined=q.joined) == '"invalid" AND "api key"'
    kept = parse("apikey invalid")._replace(joined=(Join(0, ("api", "key"), True),))
    assert match_expression(kept.terms, joined=kept.joined) == (
        '("apikey" OR "api key") AND "invalid"*'
    )
    assert [t.text for t in q.split_terms()] == ["invalid", "api", "key"]
    assert [t.text for t in kept.split_terms()] == ["api", "key", "invalid"]
    marked, prefix = q.marked_terms()
    assert [t.text for t in marked] == ["invalid", "api", "key"] and not prefix
    marked, prefix = kept.marked_terms()
    assert [t.text for t in marked] == ["apikey", "api", "key", "invalid"] and prefix


def test_highlighter_marks_words_by_stem_and_cjk_anywhere() -> None:
    pattern = highlighter(terms("limit 名单")[0])
    assert pattern is not None
    text = "Rate limits; limit, unlimited 白名单"
    assert [text[s:e] for s, e in pattern.spans(text)] == ["limits", "limit", "名单"]
    last = highlighter(terms("rate limi")[0])
    assert last is not None and [text[s:e] for s, e in last.spans(text)] == [
        "Rate",
        "limits",
        "limit",
    ]
    assert not last.search("unlimited")
    assert highlighter([]) is None


def test_words_are_indexed_and_queried_by_their_stems() -> None:
    assert segment("Tokens expired") == "token expir"
    assert match_expression(terms("tokens")[0], prefix_last=False) == '"token"'
    vocabulary: dict[str, str] = {}
    segment("Tokenizer missing", vocabulary)
    assert vocabulary == {"tokenizer": "token", "missing": "miss"}


def test_fold_matches_the_tokenizer() -> None:
    assert fold("Café") == "cafe"
    assert fold("TOKEN") == "token"


def test_a_camel_case_query_word_is_cut_where_the_index_cuts_names() -> None:
    from errdex.directory.tokenize import camel_parts, split_identifier

    assert camel_parts("rateLimit") == ["rate", "limit"]
    assert camel_parts("invalidJWT") == ["invalid", "jwt"]
    assert camel_parts("errRateLimitExceeded") == ["err", "rate", "limit", "exceeded"]
    for word in ("invalidJWT", "getPlanTemplate", "getV2Plan"):
        parts = camel_parts(word)
        assert parts is not None
        assert split_identifier(word).lower() == " ".join([word.lower(), *parts])
    for word in ("rate", "JWT", "APIKey", "H256", "rate_limit", "ratelimit", "Straße"):
        assert camel_parts(word) is None, word
