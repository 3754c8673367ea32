"""Starlette (and FastAPI) exception handlers that answer with catalog errors.

    from errdex.integrations.starlette import install, JsonRpcEndpoint

    app = Starlette(routes=[...])                 # or FastAPI()
    install(app, cat, profile="problem")          # errdex.Error → its envelope; anything else → 500

    rpc = JsonRpc(cat)                            # errdex.integrations.jsonrpc
    app.router.routes.append(Route("/rpc", JsonRpcEndpoint(rpc), methods=["POST"]))

:func:`install` registers three handlers:

- ``errdex.Error``: rendered in the installed profile, in the language the
  request's ``Accept-Language`` negotiates, with the catalog's HTTP status and
  its ``Retry-After``/``Content-Language`` headers;
- ``Exception``: the catalog's internal error (``internal_error``, its HTTP 500, or a bare 500),
  with nothing of the exception in the body. Starlette calls it from its
  server-error middleware, which then re-raises so the server logs the traceback;
- ``HTTPException`` (``http_exceptions=True``): a 404 or 405 Starlette raises
  itself is rendered as the catalog's entry for that status when it has an
  ``http`` space entry for it (ZAN, Alchemy), keeping the exception's headers
  (``Allow``); other statuses keep the framework's own handler.

Import this module only with Starlette installed (``pip install 'errdex[starlette]'``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

from errdex.integrations.common import OnError, check_profile, http_entries, respond
from errdex.integrations.jsonrpc import JsonRpc
from errdex.model import Catalog
from errdex.runtime import Error, Rendered

Handler = Callable[[Request, Exception], Awaitable[Response]]


def accept_language(scope: Scope) -> str | None:
    """Return the request's ``Accept-Language`` value, read straight from the ASGI scope."""
    for name, value in scope.get("headers", ()):
        if name == b"accept-language":
            text: str = value.decode("latin-1")
            return text
    return None


_ENCODED: dict[tuple[tuple[str, str], ...], list[tuple[bytes, bytes]]] = {}
_ENCODED_CAP = 4096


def _raw_headers(headers: tuple[tuple[str, str], ...]) -> list[tuple[bytes, bytes]]:
    found = _ENCODED.get(headers)
    if found is None:
        found = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        if len(_ENCODED) >= _ENCODED_CAP:
            _ENCODED.clear()
        _ENCODED[headers] = found
    return found


class RenderedResponse(Response):
    """A Starlette response made from an :class:`errdex.Rendered`, headers encoded once per set."""

    def __init__(self, rendered: Rendered) -> None:
        self.status_code = rendered.status
        self.media_type = rendered.media_type
        self.background = None
        self.body = rendered.body
        self.raw_headers = [
            *_raw_headers(rendered.headers),
            (b"content-length", str(len(rendered.body)).encode("latin-1")),
        ]


def to_response(rendered: Rendered, extra: Any = None) -> Response:
    """Return a Starlette response for a rendered error (``extra``: more headers, which
    do not replace the rendered ones)."""
    response = RenderedResponse(rendered)
    if extra:
        have = {name for name, _ in response.raw_headers}
        for name, value in dict(extra).items():
            key = name.lower().encode("latin-1")
            if key not in have:
                response.raw_headers.append((key, value.encode("latin-1")))
    return response


class ErrorHandlers:
    """The handlers :func:`install` registers; usable on their own with ``exception_handlers=``.

    ``handlers.mapping()`` gives the ``{exception class: handler}`` dict that
    ``Starlette(exception_handlers=...)`` and ``FastAPI(exception_handlers=...)`` take.
    """

    def __init__(
        self,
        catalog: Catalog,
        profile: Any = "problem",
        *,
        on_error: OnError | None = None,
        fallback: Handler | None = None,
    ) -> None:
        check_profile(catalog, profile)
        self.catalog = catalog
        self.profile = profile
        self.on_error = on_error
        self.fallback = fallback
        """The handler for ``HTTPException`` statuses the catalog has no entry for."""
        self.http = http_entries(catalog)

    def response(self, exc: BaseException, request: Request) -> Response:
        """Return the response for an error; a route may return it instead of raising:
        ``return handlers.response(cat.error("AUTH-ERR-4"), request)``."""
        rendered = respond(
            exc,
            self.catalog,
            self.profile,
            accept_language(request.scope),
            on_error=self.on_error,
        )
        return RenderedResponse(rendered)

    async def error(self, request: Request, exc: Exception) -> Response:
        """Answer a catalog error (or, on the server-error path, any exception)."""
        return self.response(exc, request)

    async def http_exception(self, request: Request, exc: Exception) -> Response:
        """Answer a framework ``HTTPException`` with the catalog's entry for its status."""
        assert isinstance(exc, HTTPException)
        cls = self.http.get(exc.status_code)
        if cls is None:
            if self.fallback is not None:
                return await self.fallback(request, exc)
            if exc.status_code in {204, 304}:
                return Response(status_code=exc.status_code, headers=exc.headers)
            return PlainTextResponse(exc.detail, exc.status_code, headers=exc.headers)
        error = cls()
        error.__cause__ = exc
        rendered = respond(
            error,
            self.catalog,
            self.profile,
            accept_language(request.scope),
            on_error=self.on_error,
        )
        return to_response(rendered, exc.headers)

    def mapping(self, *, http_exceptions: bool = True) -> dict[Any, Handler]:
        """The ``{exception class: handler}`` dict of these handlers."""
        found: dict[Any, Handler] = {Error: self.error, Exception: self.error}
        if http_exceptions:
            found[HTTPException] = self.http_exception
        return found


def install(
    app: Any,
    catalog: Catalog,
    *,
    profile: Any = "problem",
    http_exceptions: bool = True,
    on_error: OnError | None = None,
) -> ErrorHandlers:
    """Register catalog error handlers on a Starlette or FastAPI app; return them.

    ``profile`` is a profile name (``"problem"``, ``"jsonrpc"``, ``"google"``
    or one the catalog declares) or a profile function. ``on_error(error, exc)``
    is called for every error answered (e.g. :func:`errdex.integrations.otel.record`).
    An unknown profile fails here, not at the first error.
    """
    previous = app.exception_handlers.get(HTTPException)
    handlers = ErrorHandlers(catalog, profile, on_error=on_error, fallback=previous)
    for cls, handler in handlers.mapping(http_exceptions=http_exceptions).items():
        app.add_exception_handler(cls, handler)
    return handlers


class JsonRpcEndpoint:
    """An ASGI endpoint answering JSON-RPC 2.0 over HTTP POST with :class:`JsonRpc`.

    ``Route("/rpc", JsonRpcEndpoint(rpc), methods=["POST"])``. Messages follow
    the request's ``Accept-Language``; a request of notifications only gets
    ``204 No Content``.
    """

    def __init__(self, rpc: JsonRpc) -> None:
        self.rpc = rpc

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        body = await request.body()
        rendered = await self.rpc.handle_async(body, locale=accept_language(scope))
        response = Response(status_code=204) if rendered is None else RenderedResponse(rendered)
        await response(scope, receive, send)


__all__ = [
    "ErrorHandlers",
    "JsonRpcEndpoint",
    "RenderedResponse",
    "accept_language",
    "install",
    "to_response",
]
