"""``errdex.io.invariants.locales``: every locale tag is BCP 47 (E115)."""

from __future__ import annotations

from errdex.io.invariants.locales import locale_tags

ENTRY = '[[errors]]\ncode = 1\nmessage = "a"\n'


def test_bad_tags_in_locales_default_and_translations(found) -> None:
    body = (
        'locales = ["en", "a/../b"]\ndefault_locale = "en_US"\n'
        + ENTRY
        + '[errors.translations."x y"]\nmessage = "b"\n'
    )
    rules = found(locale_tags, body)
    assert {r for r, _, _ in rules} == {"E115"} and len(rules) == 3
    shown = " ".join(m for _, _, m in rules)
    assert "'a/../b'" in shown and "'en_US'" in shown and "'x y'" in shown


def test_good_tags_pass(found) -> None:
    body = (
        'locales = ["en", "zh-Hant-TW"]\ndefault_locale = "en"\n'
        + ENTRY
        + '[errors.translations.zh-Hant-TW]\nmessage = "b"\n'
    )
    assert found(locale_tags, body) == []
