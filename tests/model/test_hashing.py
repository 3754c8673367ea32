"""``errdex.model.hashing``: the source hash that marks a translation stale."""

from __future__ import annotations

import hashlib

from errdex.model.hashing import source_hash


def test_the_hash_is_12_hex_digits_of_sha256_of_the_nul_ended_texts() -> None:
    assert source_hash("a", "b", "c") == hashlib.sha256(b"a\0b\0c\0").hexdigest()[:12]
    assert source_hash("a", "b", "c") == "13e228567e82"


def test_absent_texts_count_as_empty() -> None:
    assert source_hash(None, None, None) == source_hash("", "", "") == "709e80c88487"


def test_moving_text_between_fields_changes_the_hash() -> None:
    assert source_hash("ab", None, None) != source_hash("a", "b", None)
    assert (
        source_hash("x", None, None) != source_hash(None, "x", None) != source_hash(None, None, "x")
    )
