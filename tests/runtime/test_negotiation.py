"""``errdex.runtime.negotiation``: a catalog's locales and its cache of negotiated answers."""

from __future__ import annotations

import pytest

import errdex
from catalogs import HEAD
from errdex.runtime import negotiation
from errdex.runtime.negotiation import LocaleCache, catalog_locales

TRANSLATED = (
    HEAD + 'default_locale = "fr"\nlocales = ["fr", "en"]\n'
    '[[errors]]\ncode = 1\nmessage = "Un."\n[errors.translations.de]\nmessage = "Eins."\n'
)


def test_catalog_locales_default_first_then_declared_then_translated(shop) -> None:
    assert catalog_locales(shop) == ("en", "zh-CN")
    assert catalog_locales(errdex.loads(TRANSLATED)) == ("fr", "en", "de")


def test_negotiate_answers_from_the_catalog_locales_and_remembers() -> None:
    cache = LocaleCache(errdex.loads(TRANSLATED))
    assert cache.default == "fr"
    assert cache.negotiate("de-DE,en;q=0.5") == "de"
    assert cache.negotiate("es") == "fr"  # nothing matches: the default
    assert cache.answers == {"de-DE,en;q=0.5": "de", "es": "fr"}
    assert cache.negotiate(b"de") == "fr"  # type: ignore[arg-type]  # not text: the default
    assert b"de" not in cache.answers


def test_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch, shop) -> None:
    monkeypatch.setattr(negotiation, "CACHE_SIZE", 2)
    cache = LocaleCache(shop)
    for header in ("zh", "en", "zh-CN"):
        cache.negotiate(header)
    assert cache.answers == {"zh-CN": "zh-CN"}  # full: cleared, then the new answer
