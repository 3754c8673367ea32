"""Catalog Markdown as plain text: what search snippets and site search rows show."""

from __future__ import annotations

import pytest

from errdex.directory.plain import plain


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("您已经达到 **容量限制** ，或者", "您已经达到 容量限制 ，或者"),
        ("wraps `sql.ErrNoRows` here", "wraps sql.ErrNoRows here"),
        ("see the [Rate Limits](https://example.com/r) page", "see the Rate Limits page"),
        ("an *emphasised* word and __strong__ too", "an emphasised word and strong too"),
        ("2 * 3 * 4 stays", "2 * 3 * 4 stays"),
        ("jwt_secret and snake_case_names stay", "jwt_secret and snake_case_names stay"),
        ("an unclosed ` backtick and ** stars", "an unclosed ` backtick and ** stars"),
        ("eth_getBlock_* methods", "eth_getBlock_* methods"),
    ],
)
def test_markdown_markers_are_removed_and_plain_text_is_kept(text: str, shown: str) -> None:
    assert plain(text) == shown


def test_markers_inside_emphasis_and_labels_are_removed_but_code_stays_literal() -> None:
    assert plain("Use **`retry`** now") == "Use retry now"
    assert plain("[**Rate** limits](https://x)") == "Rate limits"
    assert plain("`**x**`") == "**x**"
