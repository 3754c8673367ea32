"""``errdex.model.locales``: which strings are well-formed BCP 47 tags."""

from __future__ import annotations

import pytest

from errdex.model.locales import is_locale_tag


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "zh-CN",
        "zh-Hant-TW",
        "es-419",
        "de-CH-1996",
        "sr-Latn-RS",
        "en-a-bbb-x-priv",
        "x-klingon",
        "ast",
    ],
)
def test_well_formed_tags(tag: str) -> None:
    assert is_locale_tag(tag)


@pytest.mark.parametrize(
    "tag",
    [
        "",
        "a/../b",
        "..",
        "en_US",
        "en ",
        " en",
        "e",
        "en-",
        "zh-CN\n",
        "toolonglanguage",
        "a" * 65,
        None,
        5,
        b"en",
    ],
)
def test_anything_that_could_be_a_path_or_header_trick_is_not(tag: object) -> None:
    assert not is_locale_tag(tag)
