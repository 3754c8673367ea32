"""Per-catalog locale negotiation: the catalog's locales and a bounded cache of answers.

``Accept-Language`` values repeat (a service sees a handful of distinct ones), so
each distinct value is negotiated once (:func:`errdex.runtime.locale.negotiate`)
and its answer kept; the cache is cleared when it reaches :data:`CACHE_SIZE`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from errdex.runtime.locale import negotiate

if TYPE_CHECKING:
    from errdex.model import Catalog

CACHE_SIZE = 1024
"""Most distinct ``Accept-Language`` values remembered per catalog."""


def catalog_locales(catalog: Catalog) -> tuple[str, ...]:
    """Every locale the catalog has texts in, the default first."""
    meta = catalog.meta
    found = [meta.default_locale, *meta.locales]
    for entry in catalog.entries:
        found.extend(entry.translations)
    return tuple(dict.fromkeys(found))


class LocaleCache:
    """The locales of one catalog and the negotiated answer per ``Accept-Language`` value."""

    def __init__(self, catalog: Catalog) -> None:
        self.default = catalog.meta.default_locale
        self.locales = catalog_locales(catalog)
        self.answers: dict[str, str] = {}
        """``Accept-Language`` value → the catalog locale negotiated for it (render reads it
        directly: a repeated header is one dict hit)."""

    def negotiate(self, accept_language: str) -> str:
        """Return the catalog locale that best serves an ``Accept-Language`` value (cached)."""
        if type(accept_language) is not str:  # header input: what is not text is ignored
            return self.default
        answers = self.answers
        found = answers.get(accept_language)
        if found is None:
            found = negotiate(accept_language, self.locales, self.default)
            if len(answers) >= CACHE_SIZE:
                answers.clear()
            answers[accept_language] = found
        return found
