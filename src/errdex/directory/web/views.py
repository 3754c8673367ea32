"""What the web directory shows, as plain data: catalogs, modules, entries, search hits.

:class:`Views` wraps a :class:`~errdex.directory.Registry` and precomputes what
every request needs (each catalog's locales, the permalink path of each
entry). Its methods return plain dicts: the JSON API sends them as they are
and the HTML pages (:mod:`errdex.directory.web.pages`) render the same data.
Every text is clipped (:data:`markup.MAX_TEXT`, :data:`markup.MAX_SHORT`).
URLs are site paths starting with ``/``.
"""

from __future__ import annotations

from typing import Any

from errdex.directory.registry import Registry, entry_state
from errdex.directory.search import Hit, SearchResult, http_status_of
from errdex.directory.sitepaths import folder_name
from errdex.directory.web.i18n import Language, catalog_locales, entry_text, registry_locales
from errdex.directory.web.markup import MAX_SHORT, clip, short
from errdex.model import Catalog, Entry, parse_code_query
from errdex.model.effective import message_retry_answers, retry_advice
from errdex.runtime.locale import normalize_tag

API = "/api"


def catalog_path(catalog_id: str) -> str:
    """The site path of a catalog's page."""
    from urllib.parse import quote

    return f"/catalogs/{quote(catalog_id, safe='')}/"


def module_path(catalog_id: str, module: str) -> str:
    """The site path of a module's page, the same on the server and the static site: the
    module id as a folder name a static host can serve (:func:`.sitepaths.folder_name`:
    ``x/y`` → ``x%2Fy``, linked ``x%252Fy``), percent-quoted. :meth:`Views.find_module`
    reads it back."""
    from urllib.parse import quote

    return f"{catalog_path(catalog_id)}modules/{quote(folder_name(module), safe='')}/"


def entry_api_path(catalog_id: str, entry: Entry) -> str:
    """The JSON API path of one entry."""
    from urllib.parse import quote

    parts = (catalog_id, entry.space, str(entry.code))
    return f"{API}/entries/" + "/".join(quote(p, safe="") for p in parts)


def _clip_all(value: Any) -> Any:
    if isinstance(value, str):
        return clip(value)
    if isinstance(value, dict):
        return {k: _clip_all(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clip_all(v) for v in value]
    return value


class Views:
    """The registry seen by the web directory: plain data for pages and the JSON API."""

    def __init__(self, registry: Registry) -> None:
        """Precompute locales and permalink paths of every catalog of ``registry``."""
        self.registry = registry
        self.locales: dict[str, tuple[str, ...]] = {
            cid: catalog_locales(cat) for cid, cat in registry.catalogs.items()
        }
        self.all_locales: tuple[str, ...] = registry_locales(registry.catalogs.values())
        self._paths: dict[int, str] = {}
        for cid, entry in registry.entries():
            self._paths[id(entry)] = registry.entry_url_path(cid, entry)
        self._entry_json: dict[tuple[int, str], dict[str, Any]] = {}
        self._briefs: dict[tuple[int, str, str | None], dict[str, Any]] = {}

    # -- small helpers ---------------------------------------------------------

    def path(self, catalog_id: str, entry: Entry) -> str:
        """The permalink path of an entry (:meth:`Registry.entry_url_path`)."""
        found = self._paths.get(id(entry))
        return found if found is not None else self.registry.entry_url_path(catalog_id, entry)

    def move(self, entry: Entry, path: str) -> None:
        """Link ``entry`` at ``path`` from now on, not at its permalink: a static site's page
        that cannot sit at its permalink (:mod:`errdex.directory.sitepaths`). Call it before
        rendering: the forms already kept are dropped."""
        self._paths[id(entry)] = path
        self._briefs.clear()
        self._entry_json.clear()

    def find_module(self, catalog_id: str, segment: str) -> str | None:
        """The module of a catalog whose page is at ``segment`` (the last part of
        :func:`module_path`, decoded once): the module of that id, else the one whose
        folder name it is; None when there is neither."""
        modules = self.registry.catalogs[catalog_id].modules
        if segment in modules:
            return segment
        for module in modules:
            if folder_name(module) == segment:
                return module
        return None

    def locale(self, lang: Language, catalog: Catalog) -> str:
        """The content locale of ``catalog`` for a request."""
        return lang.for_catalog(self.locales[catalog.meta.id], catalog.meta.default_locale)

    def find_entry(self, catalog_id: str, space: str, code: str) -> Entry | None:
        """The entry of a catalog with ``code`` in ``space`` (code in any accepted spelling)."""
        catalog = self.registry.catalogs.get(catalog_id)
        if catalog is None or space not in catalog.spaces:
            return None
        for key in parse_code_query(code[:200]):
            found = catalog.get(key, space)
            if found is not None:
                return found
        return None

    # -- entries ---------------------------------------------------------------

    def entry_brief(
        self, catalog_id: str, entry: Entry, locale: str | None = None
    ) -> dict[str, Any]:
        """The short form of an entry used in lists, lookups and search hits (a fresh dict)."""
        return dict(self._kept_brief(catalog_id, entry, locale))

    def _kept_brief(self, catalog_id: str, entry: Entry, locale: str | None) -> dict[str, Any]:
        """:meth:`entry_brief`, the kept dict itself (callers copy it before changing it)."""
        key = (id(entry), catalog_id, locale)
        cached = self._briefs.get(key)
        if cached is None:
            cached = self._brief(catalog_id, entry, locale)
            if len(self._briefs) < 500_000:
                self._briefs[key] = cached
        return cached

    def _brief(self, catalog_id: str, entry: Entry, locale: str | None) -> dict[str, Any]:
        catalog = self.registry.catalogs[catalog_id]
        loc = locale or catalog.meta.default_locale
        title, title_lang = entry_text(catalog, entry, "title", loc)
        message, message_lang = entry_text(catalog, entry, "message", loc)
        if not message:
            message, message_lang = entry_text(catalog, entry, "description", loc)
        return {
            "catalog": catalog_id,
            "space": entry.space,
            "module": entry.module,
            "code": entry.code,
            "name": entry.name,
            "title": short(title) or None,
            "title_lang": title_lang,
            "message": short(message) or None,
            "message_lang": message_lang,
            "status": entry.status,
            "state": entry_state(entry),
            "http_status": http_status_of(catalog, entry),
            "jsonrpc_code": entry.jsonrpc_code,
            "retryable": retry_advice(catalog, entry).retryable,
            "retryable_for_messages": list(message_retry_answers(catalog, entry)),
            "url": self.path(catalog_id, entry),
            "api": entry_api_path(catalog_id, entry),
        }

    def entry_detail(self, catalog_id: str, entry: Entry) -> dict[str, Any]:
        """An entry in full (the canonical export form, every text clipped), with its links
        and its retry advice. ``retry`` and ``retryable`` are the effective answer
        (:func:`~errdex.model.effective.retry_advice`, as lookup, search and ``explain``
        give it, with ``retryable_source``); what the catalog itself states is kept as
        ``catalog_retry`` and ``catalog_retryable``; ``advice`` holds the answer too."""
        key = (id(entry), catalog_id)
        cached = self._entry_json.get(key)
        if cached is not None:
            return cached
        from errdex.io.export import entry_data

        data = _clip_all(entry_data(entry))
        catalog = self.registry.catalogs[catalog_id]
        advice = retry_advice(catalog, entry)
        stated = {"catalog_retry": data["retry"], "catalog_retryable": data["retryable"]}
        data = {
            "catalog": catalog_id,
            **data,
            "retry": advice.retry,
            "retryable": advice.retryable,
            "retryable_source": advice.source,
            "retryable_for_messages": list(message_retry_answers(catalog, entry)),
            **stated,
            "state": entry_state(entry),
            "advice": {
                "retry": advice.retry,
                "retryable": advice.retryable,
                "source": advice.source,
            },
            "url": self.path(catalog_id, entry),
            "type": self.registry.entry_url(catalog_id, entry),
            "api": entry_api_path(catalog_id, entry),
        }
        if len(self._entry_json) < 200_000:
            self._entry_json[key] = data
        return data

    # -- catalogs --------------------------------------------------------------

    def catalog_summary(self, catalog_id: str) -> dict[str, Any]:
        """A catalog in the list of catalogs."""
        cat = self.registry.catalogs[catalog_id]
        m = cat.meta
        return {
            "id": catalog_id,
            "title": short(m.title) or None,
            "version": m.version,
            "description": clip(m.description) or None,
            "default_locale": m.default_locale,
            "locales": list(self.locales[catalog_id]),
            "homepage": m.homepage,
            "entries": len(cat.entries),
            "modules": len(cat.modules),
            "spaces": [s.id for s in cat.spaces.values()],
            "url": catalog_path(catalog_id),
            "api": f"{API}/catalogs/{catalog_id}",
        }

    def module_summary(self, catalog_id: str, module: str) -> dict[str, Any]:
        """A module of a catalog, with its entry count."""
        cat = self.registry.catalogs[catalog_id]
        mod = cat.modules[module]
        return {
            "id": mod.id,
            "space": mod.space,
            "title": short(mod.title) or None,
            "description": clip(mod.description) or None,
            "prefix": mod.prefix,
            "range": list(mod.range) if mod.range else None,
            "entries": sum(1 for e in cat.entries if e.module == module),
            "url": module_path(catalog_id, module),
        }

    def catalog_detail(
        self,
        catalog_id: str,
        locale: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> dict[str, Any]:
        """A catalog with its spaces, modules and (a page of) its entries."""
        cat = self.registry.catalogs[catalog_id]
        entries = cat.entries
        page = entries[offset : offset + limit] if limit is not None else entries[offset:]
        return {
            **self.catalog_summary(catalog_id),
            "spaces": [
                {"id": s.id, "kind": s.kind, "title": short(s.title) or None}
                for s in cat.spaces.values()
            ],
            "modules": [self.module_summary(catalog_id, m) for m in cat.modules],
            "total": len(entries),
            "offset": offset,
            "errors": [self.entry_brief(catalog_id, e, locale) for e in page],
        }

    def catalogs(self) -> list[dict[str, Any]]:
        """Every catalog of the registry, in registry order."""
        return [self.catalog_summary(cid) for cid in self.registry.catalogs]

    # -- lookup and search -----------------------------------------------------

    def lookup(
        self, query: str, *, catalog: str | None = None, space: str | None = None
    ) -> dict[str, Any]:
        """Every entry whose code or name is ``query`` (Err.exe style), as JSON data."""
        matches = self.registry.lookup(query, catalog=catalog, space=space)
        return {
            "query": query,
            "total": len(matches),
            "matches": [
                {"how": m.how, **self._kept_brief(m.catalog_id, m.entry, None)} for m in matches
            ],
        }

    def hit(self, hit: Hit, locale: str | None = None) -> dict[str, Any]:
        """One search hit as JSON data: the entry's brief form plus score and snippet."""
        snippet = hit.snippet
        return {
            **self._kept_brief(hit.catalog_id, hit.entry, locale),
            "score": round(hit.score, 4),
            "fields": list(hit.fields),
            "snippet": None
            if snippet is None
            else {
                "text": snippet.text[: MAX_SHORT * 2],
                "marks": [[s, e] for s, e in snippet.marks if e <= MAX_SHORT * 2],
                "field": snippet.field,
                "locale": snippet.locale,
            },
        }

    def search_data(self, result: SearchResult, locale: str | None = None) -> dict[str, Any]:
        """A page of search results as JSON data."""
        return {
            "query": result.query,
            "total": result.total,
            "limit": result.limit,
            "offset": result.offset,
            "truncated": result.truncated,
            "total_exact": result.total_exact,
            "hits": [self.hit(h, locale) for h in result.hits],
            "suggestions": list(result.suggestions),
        }

    def _catalog_locale(self, catalog: Catalog, locale: str) -> str:
        want = normalize_tag(locale)
        for tag in self.locales[catalog.meta.id]:
            if normalize_tag(tag) == want:
                return tag
        return catalog.meta.default_locale
