"""Search-hit snippets: the first matching text, its matches marked, cut around the first."""

from __future__ import annotations

import pytest

from errdex.directory import tokenize
from errdex.directory.snippet import (
    SNIPPET_CHARS,
    SnippetSource,
    entry_texts,
    extra_text,
    make_snippet,
    snippet_of,
    tag,
)
from errdex.model import Catalog, Entry


def _marker(query: str) -> tokenize.Highlighter | None:
    return tokenize.highlighter(tokenize.terms(query)[0])


@pytest.fixture
def jwt(shop: Catalog) -> Entry:
    return next(e for e in shop.entries if e.code == "AUTH-ERR-4")


def test_entry_texts_are_the_own_texts_then_each_translation(shop: Catalog, jwt: Entry) -> None:
    assert list(entry_texts(shop, jwt)) == [
        ("message", "en", "The token expired {age} seconds ago."),
        ("description", "en", jwt.description),
        ("solution", "en", "Log in again."),
        ("title", "zh-CN", "令牌无效"),
        ("message", "zh-CN", "令牌已于 {age} 秒前过期。"),
    ]
    assert extra_text(shop, jwt) == "auth\nAuth Errors"


def test_the_first_matching_text_is_the_snippet_and_every_matching_field_is_named(
    shop: Catalog, jwt: Entry
) -> None:
    snippet, fields = make_snippet(shop, jwt, _marker("token expired"))
    assert snippet is not None
    assert (snippet.text, snippet.field, snippet.locale) == (
        "The token expired {age} seconds ago.",
        "message",
        "en",
    )
    assert [snippet.text[s:e] for s, e in snippet.marks] == ["token", "expired"]
    assert fields == ("message", "description")


def test_the_asked_locale_is_preferred(shop: Catalog, jwt: Entry) -> None:
    snippet, fields = make_snippet(shop, jwt, _marker("令牌"), "zh_CN")
    assert snippet is not None and (snippet.text, snippet.locale) == ("令牌无效", "zh-CN")
    assert snippet.marks == ((0, 2),) and fields == ("title", "message")


def test_a_code_or_name_hit_shows_the_message_unmarked(shop: Catalog, jwt: Entry) -> None:
    snippet, fields = make_snippet(shop, jwt, _marker("AUTH-ERR-4"))
    assert snippet is not None and snippet.marks == () and snippet.field == "message"
    assert fields[0] == "code"
    named, name_fields = make_snippet(shop, jwt, _marker("jwt"))
    assert name_fields == ("name", "description")
    assert named is not None and named.text[slice(*named.marks[0])] == "JWT"
    plain, nothing = make_snippet(shop, jwt, None)
    assert plain is not None and plain.text.startswith("The token") and nothing == ()


def test_a_long_text_is_cut_around_its_first_match_with_the_marks_shifted() -> None:
    text = "word " * 60 + "needle " + "word " * 60
    source = SnippetSource("1", None, (("message", "en", text),), "")
    snippet, _ = snippet_of(source, _marker("needle"))
    assert snippet is not None
    assert snippet.text.startswith("…") and snippet.text.endswith("…")
    assert len(snippet.text) == SNIPPET_CHARS + 2
    ((start, end),) = snippet.marks
    assert snippet.text[start:end] == "needle"


def test_markdown_markers_are_removed_from_snippets() -> None:
    source = SnippetSource("1", None, (("message", "en", "Use **`retry`** [now](https://x)"),), "")
    snippet, _ = snippet_of(source, _marker("retry"))
    assert snippet is not None and snippet.text == "Use retry now"


def test_tag_compares_locales_case_and_separator_blind() -> None:
    assert tag(" zh_CN ") == "zh-cn"
