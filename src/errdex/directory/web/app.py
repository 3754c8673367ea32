"""The web directory as a Starlette app: HTML pages, content negotiation and a JSON API.

    from errdex.directory import Registry
    from errdex.directory.web import create_app

    app = create_app(Registry.default())      # run with: uvicorn, or `errdex serve`

Routes (every HTML page also answers JSON to ``Accept: application/json``):

=====================================  =========================================
``/``                                  home: the catalogs and the search box
``/search?q=``                         search results (works without JS)
``/catalogs/{id}/``                    a catalog: spaces, modules, errors
``/catalogs/{id}/modules/{module}/``   a module and its errors
any permalink path                     a code's page, at exactly
                                       :meth:`Registry.entry_url_path`, so the
                                       problem+json ``type`` URLs resolve
``/api/catalogs``, ``/api/catalogs/{id}``, ``/api/lookup?q=``,
``/api/search?q=``, ``/api/entries/{catalog}/{space}/{code}``
                                       the JSON API (``/api/openapi.json``)
``/healthz``                           liveness
``/static/errdex.css``, ``…/errdex.js``  the only assets
=====================================  =========================================

The app is these modules: this one (the routes and error handlers wired into
Starlette), :mod:`.handlers` (what each route answers), :mod:`.endpoint` (the
lean ASGI endpoints of the busiest routes) reading :mod:`.scope`,
:mod:`.negotiation` (JSON or HTML) and :mod:`.cache` (the response LRU). Errors are problem+json
on the API (and for JSON clients) and a friendly page otherwise. Query
lengths and request sizes are bounded (:mod:`~errdex.directory.web.limits`);
security headers come from
:class:`~errdex.directory.web.security.SecurityMiddleware`.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp

from errdex.directory.registry import Registry
from errdex.directory.web.cache import ResponseCache
from errdex.directory.web.handlers import BadRequest, Directory
from errdex.directory.web.negotiation import json_response, problem, wants_json
from errdex.directory.web.security import SecurityMiddleware

__all__ = [
    "BadRequest",
    "Directory",
    "ResponseCache",
    "create_app",
    "json_response",
    "problem",
    "wants_json",
]


class _SecuredApp(Starlette):
    """Starlette with :class:`SecurityMiddleware` outside its own error middleware.

    Starlette puts every ``middleware=`` entry inside ``ServerErrorMiddleware``,
    so the 500 page it sends for a crash would go out without the security
    headers; here they wrap the whole stack.
    """

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityMiddleware(super().build_middleware_stack())


def create_app(registry: Registry | None = None, *, debug: bool = False) -> Starlette:
    """Build the web directory app over ``registry`` (default: :meth:`Registry.default`)."""
    directory = Directory(registry if registry is not None else Registry.default())
    app = _SecuredApp(
        debug=debug,
        routes=directory.routes(),
        exception_handlers={
            HTTPException: directory.on_http_error,
            BadRequest: directory.on_bad_request,
            Exception: directory.on_crash,
        },
    )
    app.state.directory = directory
    return app
