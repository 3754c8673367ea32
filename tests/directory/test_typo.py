"""Typo tolerance: the strings one edit away from a word, and the known ones among them."""

from __future__ import annotations

from errdex.directory.typo import MIN_LENGTH, near, one_edit


def test_one_edit_is_a_deletion_a_swap_a_replacement_or_an_insertion() -> None:
    edits = set(one_edit("ab", "xb"))
    assert {"b", "a"} <= edits  # deletions
    assert "ba" in edits  # neighbours swapped
    assert {"xb", "ax"} <= edits  # replacements
    assert {"xab", "axb", "abx", "bab"} <= edits  # insertions
    assert "ab" not in edits  # a replacement by the same letter is no edit
    assert all(abs(len(e) - 2) <= 1 for e in edits)


def test_the_number_of_edits_grows_with_the_word_not_the_vocabulary() -> None:
    alphabet = "abcdefghijklmnopqrstuvwxyz"
    n = 6
    edits = list(one_edit("x" * n, alphabet))
    # n deletions, n-1 swaps, 25 n replacements, 26 (n+1) insertions
    assert len(edits) == n + (n - 1) + 25 * n + 26 * (n + 1)


def test_near_finds_known_words_one_edit_away_sorted_never_the_word() -> None:
    known = {"token", "tokens", "taken", "broken", "tokne"}
    assert near("tokn", known, "aeiouknst") == ["token", "tokne"]
    assert near("token", known, "aeiouknst") == ["taken", "tokens", "tokne"]


def test_short_words_are_never_corrected() -> None:
    assert MIN_LENGTH == 4
    assert near("jwt", {"jwk", "jot"}, "abcdefghijklmnopqrstuvwxyz") == []
