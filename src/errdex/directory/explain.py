"""What ``errdex explain CODE`` says about a code: every match, in one locale, as plain data.

:func:`explain` looks a query up in a registry (Err.exe-style: every catalog
and code space) and, when nothing matches, finds close codes and names to
suggest. :func:`entry_view` turns one entry into JSON-ready data with its
texts in the chosen locale (falling back field by field to the entry's own
text), its mappings (HTTP status, JSON-RPC code, retry hint), variants,
examples, translations, lifecycle and permalink. The command line renders
this data; ``--json`` prints it as :func:`explanation_data` returns it, and
the web directory can serve the same shape.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from errdex.directory.advice import retry_advice as advice_words
from errdex.directory.advice import variant_advice
from errdex.directory.registry import Match, Registry, entry_state
from errdex.directory.search import http_status_of
from errdex.model import Catalog, Entry
from errdex.model.effective import message_retry_answers, retry_advice
from errdex.runtime.locale import negotiate
from errdex.runtime.spec import wire_jsonrpc_code

TEXTS = ("title", "message", "description", "solution")

STATE_NOTES = {
    "active": None,
    "undocumented": "a known code, but the catalog has no message, description or solution for it",
    "deprecated": "still known, but should not be used in new code",
    "removed": "a tombstone: no longer sent; the code stays reserved and is never reused",
}
"""One line per state, as shown next to an entry."""


class Explanation(NamedTuple):
    """The result of :func:`explain`: the matches (possibly none) and suggestions."""

    query: str
    matches: list[Match]
    suggestions: list[Match]
    locale: str | None

    @property
    def found(self) -> bool:
        """Whether the query matched any entry."""
        return bool(self.matches)

    def groups(self) -> list[tuple[str, str, list[Match]]]:
        """The matches grouped by ``(catalog_id, space)``, in match order."""
        out: dict[tuple[str, str], list[Match]] = {}
        for m in self.matches:
            out.setdefault((m.catalog_id, m.space), []).append(m)
        return [(cid, space, ms) for (cid, space), ms in out.items()]


def explain(
    registry: Registry,
    query: str,
    *,
    catalog: str | None = None,
    space: str | None = None,
    locale: str | None = None,
    suggestions: int = 5,
) -> Explanation:
    """Look ``query`` up in every catalog; suggest close codes and names when nothing matches."""
    matches = registry.lookup(query, catalog=catalog, space=space)
    close = (
        [] if matches else registry.suggest(query, catalog=catalog, space=space, limit=suggestions)
    )
    return Explanation(query, matches, close, locale)


def own_locale(catalog: Catalog, entry: Entry) -> str:
    """The locale an entry's own texts are written in."""
    return entry.locale or catalog.meta.default_locale


def pick_locale(catalog: Catalog, entry: Entry, wanted: str | None) -> str:
    """The locale to show an entry in: the best of its own and its translations for ``wanted``."""
    own = own_locale(catalog, entry)
    return negotiate(wanted, [own, *entry.translations], own) if wanted else own


def texts_in(catalog: Catalog, entry: Entry, locale: str) -> dict[str, str | None]:
    """The entry's title, message, description and solution in ``locale``, field by field
    falling back to the entry's own text."""
    own = {f: getattr(entry, f) for f in TEXTS}
    tr = entry.translations.get(locale)
    if tr is None:
        return own
    return {f: getattr(tr, f) or own[f] for f in TEXTS}


def retry_hint(catalog: Catalog, entry: Entry) -> tuple[bool | None, str | None]:
    """The retry hint and where it comes from: ``"catalog"``, ``"http-status"`` or None
    (:func:`errdex.model.effective.retry_advice`, the answer every consumer gives)."""
    advice = retry_advice(catalog, entry)
    return advice.retryable, advice.source


def entry_view(
    registry: Registry,
    catalog_id: str,
    entry: Entry,
    *,
    locale: str | None = None,
    how: str | None = None,
) -> dict[str, Any]:
    """One entry as JSON-ready data, its texts in the best locale for ``locale``."""
    catalog = registry.catalog(catalog_id)
    space = catalog.spaces.get(entry.space)
    module = catalog.modules.get(entry.module) if entry.module else None
    shown = pick_locale(catalog, entry, locale)
    retryable, retry_source = retry_hint(catalog, entry)
    state = entry_state(entry)
    return {
        "catalog": catalog_id,
        "catalog_title": catalog.meta.title,
        "space": entry.space,
        "space_kind": space.kind if space else None,
        "space_title": space.title if space else None,
        "module": entry.module,
        "module_title": module.title if module else None,
        "code": entry.code,
        "name": entry.name,
        "how": how,
        "state": state,
        "state_note": STATE_NOTES[state],
        "status": entry.status,
        "since": entry.since,
        "replaced_by": entry.replaced_by,
        "replacement": _replacement(registry, catalog_id, entry),
        "reason": entry.reason,
        "locale": shown,
        "own_locale": own_locale(catalog, entry),
        **texts_in(catalog, entry, shown),
        "http_status": http_status_of(catalog, entry),
        "jsonrpc_code": wire_jsonrpc_code(entry, space.kind if space else "app"),
        "retryable": retryable,
        "retryable_source": retry_source,
        "retry": retry_advice(catalog, entry).retry,
        "retry_advice": advice_words(catalog, entry, shown),
        "retryable_for_messages": list(message_retry_answers(catalog, entry)),
        "retry_after": entry.retry_after,
        "params": {
            k: {"type": p.type, "description": p.description}
            for k, p in entry.params.items()
            if p.public
        },
        "variants": [
            {**v._asdict(), "retry_advice": variant_advice(catalog, entry, v, shown)}
            for v in entry.variants
        ],
        "examples": [x._asdict() for x in entry.examples],
        "tags": list(entry.tags),
        "own_texts": {f: getattr(entry, f) for f in TEXTS if getattr(entry, f)},
        "translations": {
            loc: {f: getattr(tr, f) for f in TEXTS if getattr(tr, f)}
            for loc, tr in entry.translations.items()
        },
        "url": registry.entry_url(catalog_id, entry),
        "path": registry.entry_url_path(catalog_id, entry),
    }


def _replacement(registry: Registry, catalog_id: str, entry: Entry) -> dict[str, Any] | None:
    """The entry a deprecated or removed code points to (``replaced_by``), briefly, or None."""
    if entry.replaced_by is None:
        return None
    found = registry.lookup(str(entry.replaced_by), catalog=catalog_id)
    if not found:
        return None
    return match_brief(registry, found[0])


def match_brief(registry: Registry, match: Match) -> dict[str, Any]:
    """A short form of a match (for suggestions): catalog, space, code, name, title, path."""
    e = match.entry
    return {
        "catalog": match.catalog_id,
        "space": e.space,
        "code": e.code,
        "name": e.name,
        "title": e.display_title,
        "state": match.state,
        "path": registry.entry_url_path(match.catalog_id, e),
    }


def explanation_data(registry: Registry, explanation: Explanation) -> dict[str, Any]:
    """The whole explanation as JSON-ready data (what ``errdex explain --json`` prints).

    ``{"query", "found", "locale", "matches": [entry_view...], "suggestions": [match_brief...]}``
    """
    return {
        "query": explanation.query,
        "found": explanation.found,
        "locale": explanation.locale,
        "matches": [
            entry_view(registry, m.catalog_id, m.entry, locale=explanation.locale, how=m.how)
            for m in explanation.matches
        ],
        "suggestions": [match_brief(registry, m) for m in explanation.suggestions],
    }
