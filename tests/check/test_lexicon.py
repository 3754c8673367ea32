"""``errdex.check.lexicon``: codespell's typos and the English word list behind W2xx."""

from __future__ import annotations

from errdex.check.lexicon import edits1, is_abbreviation, is_word, near_miss, typo_fix, typos


def test_a_known_typo_gives_its_fix() -> None:
    assert typos()["subcribe"] == "subscribe"
    assert typo_fix("subcribe") == ("subcribe", "subscribe")


def test_a_prefix_plus_a_known_typo_names_the_stem() -> None:
    assert typo_fix("unsuppot") == ("suppot", "support")


def test_english_words_and_unknown_words_are_no_typos() -> None:
    assert typo_fix("inform") is None  # English, although "in" + "form"
    assert typo_fix("hello") is None
    assert typo_fix("rockdb") is None  # unknown, but not codespell's


def test_words_and_abbreviations() -> None:
    assert is_word("catalog") and not is_word("rockdb")
    assert is_abbreviation("config") and is_abbreviation("params")
    assert not is_abbreviation("zzqx")


def test_edits1_holds_every_one_edit_string() -> None:
    near = edits1("ab")
    assert {"a", "b", "ba", "ab", "xb", "abc", "cab"} <= near
    assert "abcd" not in near and "ba" in near


def test_near_miss_prefers_frequent_words_that_start_alike() -> None:
    assert near_miss("rockdb")[:2] == ["rock", "rocks"]
    assert near_miss("recieve")[0] == "receive"
    assert "rockdb" not in near_miss("rockdb")
    assert near_miss("qqqqzzzz") == []
