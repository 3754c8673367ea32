"""A code-shaped query for a code no entry has: nothing found, the closest codes suggested."""

from __future__ import annotations

import pytest

from errdex.directory import Registry
from errdex.directory.codequery import closest_codes, code_prefix, code_shaped, distance


@pytest.mark.parametrize(
    ("raw", "shaped"),
    [
        ("AUTH-ERR-99", True),
        ("auth-err-4", True),
        ("E_1", True),
        ("rate_limit", False),  # no digit: words
        ("x-rateLimit", False),
        ("1003", False),  # a number is looked up, never widened anyway
        ("-32000", False),
        ("rate limit 4", False),
        (None, False),
    ],
)
def test_which_queries_are_shaped_like_codes(raw: str | None, shaped: bool) -> None:
    assert code_shaped(raw) is shaped


def test_the_closest_codes_share_the_prefix_and_are_nearest_first() -> None:
    assert code_prefix("auth-err-99") == "AUTH-ERR-"
    assert distance("AUTH-ERR-99", "AUTH-ERR-9") == 1 and distance("ab", "ba") == 2
    codes = ["AUTH-ERR-10", "AUTH-ERR-9", "AUTH-ERR-1", "AUTH-ERR-123", "AUTH-ERR-99"]
    assert closest_codes("auth-err-99", codes) == ["AUTH-ERR-9", "AUTH-ERR-1", "AUTH-ERR-10"]
    assert closest_codes("AUTH-ERR-99999", codes) == []  # nothing within two edits


def test_a_missing_code_finds_nothing_and_suggests_the_closest(examples: Registry) -> None:
    for query in ("AUTH-ERR-99", "auth-err-99", "`AUTH-ERR-99`"):
        page = examples.search(query)
        assert (page.total, page.hits) == (0, []), query
        assert page.suggestions[0] == "AUTH-ERR-9", (query, page.suggestions)
        for code in page.suggestions:
            assert examples.search(code).hits[0].entry.code == code
    # a filter no suggested code passes leaves none
    assert examples.search("AUTH-ERR-99", catalog="zan").suggestions == ()
    # an existing code is still found first, and words still widen to any word
    assert examples.search("AUTH-ERR-4").hits[0].entry.code == "AUTH-ERR-4"
    assert examples.search("rate limit zzzzqq").total > 0
