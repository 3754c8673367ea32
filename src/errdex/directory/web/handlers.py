"""The request handlers of the web directory over one registry (routes: :mod:`.app`).

:class:`Directory` holds what the handlers share, built once per app: the
warmed registry, the page renderer, the OpenAPI document and the response
cache. Each handler reads and bounds its parameters (a bad one raises
:class:`BadRequest`), then answers HTML or JSON (:mod:`.negotiation`).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import orjson
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Match, Route
from starlette.types import Scope

from errdex.directory.filter_values import UnknownValue, check, known_in_index
from errdex.directory.registry import Registry
from errdex.directory.search import Filters
from errdex.directory.web.cache import ResponseCache
from errdex.directory.web.endpoint import HTML, JSON, Answer, Endpoint
from errdex.directory.web.i18n import Language
from errdex.directory.web.limits import MAX_LIMIT, MAX_OFFSET, MAX_PARAM, MAX_QUERY
from errdex.directory.web.negotiation import json_response, prefers_json, problem, wants_json
from errdex.directory.web.openapi import spec
from errdex.directory.web.pages import Links, Pages, load_assets
from errdex.directory.web.scope import decoded_path, header, query_params, url_path
from errdex.directory.web.views import Views, module_path

_JS = "text/javascript; charset=utf-8"
_TYPES = {
    "errdex.css": "text/css; charset=utf-8",
    "errdex.js": _JS,
    "errdex-text.js": _JS,
    "errdex-search.js": _JS,
}
_VARY = {"Vary": "Accept, Accept-Language"}
_VARY_RAW = ((b"vary", b"Accept, Accept-Language"),)
_TRUE = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
_LANGUAGES = 1024
"""Most request languages (``?lang=`` and ``Accept-Language`` pairs) kept negotiated."""
_LANGUAGE_KEY = 256
"""Longest ``Accept-Language`` whose negotiation is kept (longer ones are negotiated each time)."""


class PermalinkRoute(Route):
    """The catch-all permalink route, tried first for the paths no other route can take.

    A code page is most of a directory's traffic; without this the router tests
    every other route's pattern before the catch-all. Paths another route may
    serve (``/``, ``/healthz``, ``/search``, ``/api/…``, ``/static/…``,
    ``/catalogs/…``) are left to the routes in order, the catch-all last.
    """

    OTHERS = frozenset({"/", "/healthz", "/search", "/search/"})
    PREFIXES = ("/api/", "/static/", "/catalogs/")

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        path = scope.get("path", "")
        if scope["type"] != "http" or path in self.OTHERS or path.startswith(self.PREFIXES):
            return Match.NONE, {}
        return super().matches(scope)


class BadRequest(Exception):
    """Raised by a handler for a request it refuses (a bad or oversized parameter)."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail


class Directory:
    """The handlers of the web directory over one registry (see the module docstring)."""

    def __init__(self, registry: Registry) -> None:
        """Warm the registry (search index, permalinks) and compile the pages."""
        self.registry = registry.warm()
        self.views = Views(registry)
        self.pages = Pages(self.views, assets=load_assets())
        self.openapi = orjson.dumps(spec())
        self.entries = sum(len(c) for c in registry.catalogs.values())
        self.known = known_in_index(self.registry.index)  # warm() has built the index
        """The catalogs, modules, spaces and locales a search filter may name."""
        self.cache = ResponseCache()
        """Search answers by request (a lookup is two dict lookups: it has no cache)."""
        self.page_cache = ResponseCache(size=4096, max_bytes=64 * 1024 * 1024)
        """Rendered code pages by path and language: the registry never changes while the
        server runs, so a page is rendered once per language (see :meth:`permalink`)."""
        self._languages: dict[tuple[str | None, str | None], Language] = {}

    # -- request helpers -------------------------------------------------------

    def language(self, request: Request) -> Language:
        """The request's languages (``?lang=``, ``Accept-Language``)."""
        return self.language_of(request.scope, request.query_params)

    def language_of(self, scope: Scope, params: Mapping[str, str]) -> Language:
        """:meth:`language` from the scope and its query parameters, negotiated once per
        distinct pair: a few browsers' headers are most of the traffic."""
        lang = params.get("lang")
        key = (lang[:MAX_PARAM] if lang else None, header(scope, b"accept-language"))
        found = self._languages.get(key)
        if found is None:
            found = Language(key[0], key[1], self.views.all_locales)
            if key[1] is None or len(key[1]) <= _LANGUAGE_KEY:
                if len(self._languages) >= _LANGUAGES:
                    self._languages.clear()
                self._languages[key] = found
        return found

    def links(self, request: Request, lang: Language) -> Links:
        return Links(url_path(request.scope), lang=lang.explicit)

    def param(self, params: Mapping[str, str], name: str) -> str | None:
        """Query parameter ``name`` of ``params`` (``request.query_params`` or
        :func:`.scope.query_params`), bounded in length."""
        value = params.get(name)
        if value is None:
            return None
        limit = MAX_QUERY if name == "q" else MAX_PARAM
        if len(value) > limit:
            if name == "q":
                raise BadRequest(
                    414,
                    "Query Too Long",
                    f"the query q is longer than {MAX_QUERY} characters; shorten it",
                )
            raise BadRequest(
                400, "Bad Request", f"parameter {name!r} is longer than {MAX_PARAM} characters"
            )
        return value

    def int_param(
        self, params: Mapping[str, str], name: str, default: int | None, low: int, high: int
    ) -> int | None:
        value = self.param(params, name)
        if value is None or value == "":
            return default
        try:
            number = int(value)
        except ValueError:
            raise BadRequest(400, "Bad Request", f"parameter {name!r} must be an integer") from None
        if not low <= number <= high:
            raise BadRequest(
                400, "Bad Request", f"parameter {name!r} must be between {low} and {high}"
            )
        return number

    def bool_param(self, params: Mapping[str, str], name: str) -> bool | None:
        value = self.param(params, name)
        if value is None or value == "":
            return None
        if value.lower() not in _TRUE:
            raise BadRequest(400, "Bad Request", f"parameter {name!r} must be true or false")
        return _TRUE[value.lower()]

    def html(self, text: str, status: int = 200) -> HTMLResponse:
        return HTMLResponse(text, status, headers=_VARY)

    def error(self, request: Request, status: int, title: str, detail: str) -> Response:
        """A problem+json response for the API and JSON clients; a friendly page for browsers."""
        if url_path(request.scope).startswith("/api/") or wants_json(request):
            return problem(status, title, detail)
        lang = self.language(request)
        t = lang.strings
        if status == 404:
            title, detail = t["not_found"], t["not_found_detail"]
        elif status < 500:
            title = t["bad_request"]
        else:
            title, detail = t["error"], ""
        return self.html(
            self.pages.error(status, title, detail, lang, Links("/", lang=lang.explicit)), status
        )

    # -- pages -----------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        if wants_json(request):
            return json_response({"catalogs": self.views.catalogs()}, headers=_VARY)
        lang = self.language(request)
        return self.html(self.pages.home(lang, self.links(request, lang)))

    async def search_page(self, request: Request) -> Response:
        query = self.param(request.query_params, "q") or ""
        if wants_json(request):
            return (await self.api_search(request.scope)).response()
        lang = self.language(request)
        offset = self.int_param(request.query_params, "offset", 0, 0, MAX_OFFSET) or 0
        result = self.registry.search(query, limit=50, offset=offset) if query.strip() else None
        return self.html(self.pages.search(query, result, lang, self.links(request, lang)))

    def _catalog_id(self, request: Request) -> str:
        catalog_id = str(request.path_params["catalog"])
        if catalog_id not in self.registry.catalogs:
            raise HTTPException(404, f"no catalog {catalog_id[:MAX_PARAM]!r}")
        return catalog_id

    async def catalog_page(self, request: Request) -> Response:
        catalog_id = self._catalog_id(request)
        if wants_json(request):
            return await self.api_catalog(request)
        lang = self.language(request)
        page = self.int_param(request.query_params, "page", 1, 1, 1_000_000) or 1
        return self.html(self.pages.catalog(catalog_id, lang, self.links(request, lang), page=page))

    async def module_page(self, request: Request) -> Response:
        """A module's page. The module is read from the path decoded once
        (:func:`.scope.decoded_path`), all that follows ``modules/`` but one final slash, so
        a module id holding ``/`` or ``%`` is found at its :func:`.views.module_path`."""
        catalog_id = self._catalog_id(request)
        rest = decoded_path(request.scope).partition(f"/catalogs/{catalog_id}/modules/")[2]
        segment = rest[:-1] if rest.endswith("/") else rest
        module = self.views.find_module(catalog_id, segment)
        if module is None:
            raise HTTPException(
                404, f"catalog {catalog_id!r} has no module {segment[:MAX_PARAM]!r}"
            )
        if wants_json(request):
            cat = self.registry.catalogs[catalog_id]
            data = self.views.module_summary(catalog_id, module)
            data["errors"] = [
                self.views.entry_brief(catalog_id, e) for e in cat.module_entries(module)
            ]
            return json_response(data, headers=_VARY)
        lang = self.language(request)
        page = self.int_param(request.query_params, "page", 1, 1, 1_000_000) or 1
        links = Links(module_path(catalog_id, module), lang=lang.explicit)
        return self.html(self.pages.module(catalog_id, module, lang, links, page=page))

    async def permalink(self, scope: Scope) -> Answer | Response:
        """A code's page (an :class:`.endpoint.Endpoint`: the busiest route)."""
        path = decoded_path(scope)  # decoded once: never to be decoded again
        if path.startswith("/api/") or len(path) > MAX_QUERY * 4:
            raise HTTPException(
                404, "no such API endpoint" if path.startswith("/api/") else "no such page"
            )
        found = self.registry.resolve_path_all(path, decoded=True)
        if not found:
            raise HTTPException(404, "no error has this permalink")
        if prefers_json(header(scope, b"accept") or ""):
            return json_response(
                {"errors": [self.views.entry_detail(c, e) for c, e in found]}, headers=_VARY
            )
        lang = self.language_of(scope, query_params(scope))
        key = (path, lang.explicit, tuple(lang.preferred), lang.ui)
        body = self.page_cache.get(key) if len(lang.preferred) <= 8 else None
        if body is None:
            # the page's own links (its language switch) use the permalink as the catalog
            # writes it, percent-encoded, never the decoded request path
            page = self.registry.entry_url_path(*found[0])
            body = self.pages.entries(found, lang, Links(page, lang=lang.explicit)).encode()
            if len(lang.preferred) <= 8:
                self.page_cache.put(key, body)
        return Answer(body, HTML, _VARY_RAW)

    async def asset(self, request: Request) -> Response:
        name = request.path_params["name"]
        data = self.pages.assets.get(name)
        if data is None:
            raise HTTPException(404, "no such asset")
        return Response(
            data, media_type=_TYPES[name], headers={"Cache-Control": "public, max-age=86400"}
        )

    # -- API -------------------------------------------------------------------

    async def healthz(self, request: Request) -> Response:
        return json_response(
            {"status": "ok", "catalogs": len(self.registry.catalogs), "entries": self.entries}
        )

    async def api_openapi(self, request: Request) -> Response:
        return Response(self.openapi, media_type="application/json")

    async def api_catalogs(self, request: Request) -> Response:
        return json_response({"catalogs": self.views.catalogs()})

    async def api_catalog(self, request: Request) -> Response:
        catalog_id = self._catalog_id(request)
        limit = self.int_param(request.query_params, "limit", 1000, 1, 1000)
        offset = self.int_param(request.query_params, "offset", 0, 0, 10_000_000) or 0
        locale = self.views.locale(self.language(request), self.registry.catalogs[catalog_id])
        return json_response(
            self.views.catalog_detail(catalog_id, locale, limit=limit, offset=offset)
        )

    def _cache_key(self, scope: Scope) -> Hashable:
        """The raw path, query string and Accept-Language: all a JSON API answer depends on."""
        language = b""
        for name, value in scope["headers"]:
            if name == b"accept-language":
                language = value[:256]
        return (scope["path"], scope["query_string"], language)

    async def api_lookup(self, scope: Scope) -> Answer:
        """The entries whose code or name is ``q`` (an :class:`.endpoint.Endpoint`): two dict
        lookups and kept brief forms, as cheap as a cached answer would be, so none is cached.
        A ``catalog`` or ``space`` no entry has is refused (400) as :meth:`api_search` does."""
        params = query_params(scope)
        query = self.param(params, "q")
        if not query or not query.strip():
            raise BadRequest(400, "Bad Request", "parameter 'q' (a code or a name) is required")
        # an empty value (``catalog=``) is no filter; an unknown one is refused as by search
        filters = Filters(
            catalog=self.param(params, "catalog") or None, space=self.param(params, "space") or None
        )
        try:
            check(filters, self.known)
        except UnknownValue as exc:
            raise BadRequest(400, "Bad Request", str(exc)) from None
        data = self.views.lookup(query, catalog=filters.catalog, space=filters.space)
        return Answer(orjson.dumps(data), JSON)

    async def api_search(self, scope: Scope) -> Answer:
        """A page of search hits (an :class:`.endpoint.Endpoint`), kept by request."""
        key = self._cache_key(scope)
        body = self.cache.get(key)
        if body is None:
            body = self._search(scope)
            self.cache.put(key, body)
        return Answer(body, JSON)

    def _search(self, scope: Scope) -> bytes:
        params = query_params(scope)
        query = self.param(params, "q") or ""
        lang = self.language_of(scope, params)
        filters = Filters(  # an empty value (``catalog=``) is no filter
            self.param(params, "catalog") or None,
            self.param(params, "module") or None,
            self.param(params, "space") or None,
            self.int_param(params, "http_status", None, 100, 599),
            self.bool_param(params, "retryable"),
            self.param(params, "locale") or None,
        )
        try:
            check(filters, self.known)
        except UnknownValue as exc:
            raise BadRequest(400, "Bad Request", str(exc)) from None
        result = self.registry.search(
            query,
            **filters._asdict(),
            limit=self.int_param(params, "limit", 20, 1, MAX_LIMIT) or 20,
            offset=self.int_param(params, "offset", 0, 0, MAX_OFFSET) or 0,
        )
        locale = lang.preferred[0] if lang.preferred else None
        return orjson.dumps(self.views.search_data(result, locale))

    async def api_entry(self, request: Request) -> Response:
        """One entry by catalog, space and code. The three are read from the path decoded
        once (:func:`.scope.decoded_path`), the code being all that follows the space, so
        the codes ``A/B`` (``…/A%2FB``) and ``%2e%2e`` (``…/%252e%252e``) are found."""
        rest = decoded_path(request.scope).partition("/api/entries/")[2]
        catalog, _, rest = rest.partition("/")
        space, _, code = rest.partition("/")
        entry = self.views.find_entry(catalog, space, code) if code else None
        if entry is None:
            raise HTTPException(404, "no such error in this catalog and code space")
        return json_response(self.views.entry_detail(catalog, entry))

    # -- the app ---------------------------------------------------------------

    def routes(self) -> list[Route]:
        get = ["GET"]
        return [
            PermalinkRoute("/{path:path}", Endpoint(self.permalink), methods=get),
            # the busiest API routes next (no pattern of another route overlaps them)
            Route("/api/lookup", Endpoint(self.api_lookup), methods=get),
            Route("/api/search", Endpoint(self.api_search), methods=get),
            Route("/healthz", self.healthz, methods=get),
            Route("/api/openapi.json", self.api_openapi, methods=get),
            Route("/api/catalogs", self.api_catalogs, methods=get),
            Route("/api/catalogs/{catalog}", self.api_catalog, methods=get),
            Route("/api/entries/{catalog}/{space}/{code:path}", self.api_entry, methods=get),
            Route("/static/{name}", self.asset, methods=get),
            Route("/", self.home, methods=get),
            Route("/search", self.search_page, methods=get),
            Route("/search/", self.search_page, methods=get),
            Route("/catalogs/{catalog}", self.catalog_page, methods=get),
            Route("/catalogs/{catalog}/", self.catalog_page, methods=get),
            Route("/catalogs/{catalog}/modules/{module:path}", self.module_page, methods=get),
            Route("/{path:path}", Endpoint(self.permalink), methods=get),
        ]

    async def on_http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        titles = {404: "Not Found", 405: "Method Not Allowed"}
        response = self.error(
            request, exc.status_code, titles.get(exc.status_code, "Error"), str(exc.detail)
        )
        if exc.status_code == 405:
            response.headers["Allow"] = "GET, HEAD"
        return response

    async def on_bad_request(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadRequest)
        return self.error(request, exc.status, exc.title, exc.detail)

    async def on_crash(self, request: Request, exc: Exception) -> Response:
        return self.error(
            request, 500, "Internal Server Error", "the directory failed to serve this request"
        )
