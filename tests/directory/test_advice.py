"""``errdex.directory.advice``: the retry advice in words, as the code page and explain say it."""

from __future__ import annotations

import pytest

import errdex
from catalogs import HEAD
from errdex.directory.advice import retry_advice, variant_advice
from errdex.model import Catalog, Entry

CATALOG = (
    HEAD
    + """
[spaces.app]
kind = "app"

[spaces.rpc]
kind = "jsonrpc"
http_status = 200

[[errors]]
code = -32000
space = "rpc"
message = "Server error"

[[errors.variants]]
message = "timed out"
retryable = true

[[errors.variants]]
message = "already known"

[[errors]]
code = 7
space = "rpc"
message = "slow down"
retryable = true

[[errors]]
code = "BUSY"
space = "app"
message = "Busy"
http_status = 503
retry_after = 5

[[errors]]
code = "BAD"
space = "app"
message = "Bad"

[[errors]]
code = "GONE"
space = "app"
message = "Gone"
http_status = 504

[[errors]]
code = "LATER"
space = "app"
message = "Later"
retry_after = 3
"""
)


def _entry(code: object) -> tuple[Catalog, Entry]:
    cat = errdex.loads(CATALOG, "toml")
    return cat, next(e for e in cat.entries if e.code == code)


def test_a_jsonrpc_error_over_200_is_unknown_not_a_fix_the_request() -> None:
    words = retry_advice(*_entry(-32000))
    assert "Do not retry" not in words and "HTTP status 200 says nothing" in words
    assert "不要原样重试" not in retry_advice(*_entry(-32000), "zh-CN")


def test_the_catalogs_word_needs_no_note() -> None:
    assert retry_advice(*_entry(7)) == "Safe to retry, with exponential backoff."


@pytest.mark.parametrize(
    ("code", "start", "note"),
    [
        ("BUSY", "Safe to retry after 5 seconds", None),
        ("LATER", "Safe to retry after 3 seconds", None),
        ("GONE", "The request may have taken effect", "follows from HTTP status 504)."),
        ("BAD", "Do not retry as is", "HTTP status 400, which the entry is sent with"),
    ],
)
def test_the_words_follow_the_advice_and_say_where_it_comes_from(
    code: str, start: str, note: str | None
) -> None:
    words = retry_advice(*_entry(code))
    assert words.startswith(start)
    assert (note in words) if note else "the catalog does not say" not in words


def test_chinese_words_end_with_a_full_width_stop() -> None:
    words = retry_advice(*_entry("GONE"), "zh-CN")
    assert words.endswith("504）。") and retry_advice(*_entry("GONE"), "fr").endswith(").")


def test_a_variant_that_states_its_own_answer_says_it_and_one_that_does_not_says_nothing() -> None:
    cat, entry = _entry(-32000)
    timed_out, known = entry.variants
    assert variant_advice(cat, entry, timed_out) == (
        "Safe to retry, with exponential backoff (the catalog says so for this message)."
    )
    assert variant_advice(cat, entry, timed_out, "zh-CN").endswith("。")
    assert variant_advice(cat, entry, known) is None
