"""Starlette (and FastAPI) exception handlers that answer with catalog errors.

    from errdex.integrations.starlette import install, JsonRpcEndpoint

    app = Starlette(routes=[...])                 # or FastAPI()
    install(app, cat, profile="problem")          # errdex.Error → its envelope; anything else → 500

    rpc = JsonRpc(cat)                            # errdex.integrations.jsonrpc
    app.router.routes.append(Route("/rpc", JsonRpcEndpoint(rpc), methods=["POST"]))

:func:`install` makes every error the app sends a catalog error:

- ``errdex.Error``: rendered in the installed profile, in the language the
  request's ``Accept-Language`` negotiates, with the catalog's HTTP status and
  its ``Retry-After``/``Content-Language`` (and ``Vary``) headers;
- any other exception: the catalog's internal error (``internal_error``, its
  HTTP 500, or a bare 500), nothing of the exception in the body, logged with
  its traceback on the ``errdex`` logger. It is answered inside the app's
  middleware, so ``CORSMiddleware`` adds its headers to a 500 as to any error;
- ``HTTPException`` — Starlette's own 404 and 405, one a handler raises — and
  FastAPI's ``RequestValidationError`` (422): the entry ``errors=`` names, else
  the catalog's ``http``-space entry for the status, else a built-in problem
  type (:mod:`errdex.integrations.framework`); a validation error carries one
  sub-error per field with a JSON ``pointer``. The exception's headers
  (``Allow``) are kept.

Import this module only with Starlette installed (``pip install 'errdex[starlette]'``).
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from errdex.integrations.common import (
    Finisher,
    OnError,
    check_profile,
    finish,
    negotiates,
    respond,
)
from errdex.integrations.framework import FieldError, FrameworkErrors
from errdex.integrations.jsonrpc import JsonRpc
from errdex.model import Catalog
from errdex.runtime import Error, Rendered, render

Handler = Callable[[Request, Exception], Awaitable[Response]]


def accept_language(scope: Scope) -> str | None:
    """Return the request's ``Accept-Language`` value, read straight from the ASGI scope."""
    for name, value in scope.get("headers", ()):
        if name == b"accept-language":
            text: str = value.decode("latin-1")
            return text
    return None


_Headers = tuple[tuple[str, str], ...]
_ENCODED: tuple[dict[_Headers, list[tuple[bytes, bytes]]], ...] = ({}, {})
_ENCODED_CAP = 4096
_VARY = (b"vary", b"accept-language")


def _raw_headers(headers: _Headers, vary: bool = False) -> list[tuple[bytes, bytes]]:
    """The ASGI form of a rendered header set (with ``Vary: Accept-Language`` when ``vary``),
    encoded once per set."""
    cache = _ENCODED[vary]
    found = cache.get(headers)
    if found is None:
        found = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        if vary:
            found.append(_VARY)
        if len(cache) >= _ENCODED_CAP:
            cache.clear()
        cache[headers] = found
    return found


class RenderedResponse(Response):
    """A Starlette response made from an :class:`errdex.Rendered`, headers encoded once per set.

    ``finishers`` (the ``on_error`` hook's) run once the status has gone out, before
    the body: the OpenTelemetry ASGI instrumentation writes ``error.type`` when the
    response starts and ends its span after the body."""

    def __init__(
        self, rendered: Rendered, finishers: list[Finisher] | None = None, *, vary: bool = False
    ) -> None:
        self.status_code = rendered.status
        self.media_type = rendered.media_type
        self.background = None
        body = self.body = rendered.body
        self.raw_headers = [
            *_raw_headers(rendered.headers, vary),
            (b"content-length", str(len(body)).encode("latin-1")),
        ]
        self.finishers = finishers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Send the response; run the finishers between its start and its body."""
        finishers = self.finishers
        if not finishers or scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            await send(
                {
                    "type": "http.response.start",
                    "status": self.status_code,
                    "headers": self.raw_headers,
                }
            )
            finish(finishers)
            await send({"type": "http.response.body", "body": self.body})
        finally:
            finish(finishers)


def to_response(
    rendered: Rendered, extra: Any = None, finishers: list[Finisher] | None = None
) -> Response:
    """Return a Starlette response for a rendered error (``extra``: more headers, which
    do not replace the rendered ones)."""
    response = RenderedResponse(rendered, finishers)
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
        errors: Mapping[int | str, Any] | None = None,
    ) -> None:
        check_profile(catalog, profile)
        self.catalog = catalog
        self.profile = profile
        self.on_error = on_error
        self.fallback = fallback
        """A handler for ``HTTPException`` statuses the catalog has no entry for (default:
        the built-in problem types of :mod:`errdex.integrations.framework`)."""
        self.framework = FrameworkErrors(catalog, errors)
        self.http = self.framework.http
        self.vary = negotiates(catalog)

    def response(self, exc: BaseException, request: Request, extra: Any = None) -> Response:
        """Return the response for an error; a route may return it instead of raising:
        ``return handlers.response(cat.error("AUTH-ERR-4"), request)``."""
        if self.on_error is None and not extra and isinstance(exc, Error):
            # the common case, in few steps: a catalog error, no hook, no extra headers
            lang = accept_language(request.scope)
            rendered = render(exc, self.profile, locale=lang or None)
            return RenderedResponse(rendered, vary=self.vary)
        finishers: list[Finisher] | None = [] if self.on_error else None
        rendered = respond(
            exc,
            self.catalog,
            self.profile,
            accept_language(request.scope),
            on_error=self.on_error,
            log=not isinstance(exc, Error),
            finishers=finishers,
            vary=self.vary,
        )
        if extra:
            return to_response(rendered, extra, finishers)
        return RenderedResponse(rendered, finishers)

    async def error(self, request: Request, exc: BaseException) -> Response:
        """Answer a catalog error or any other exception (the internal error, nothing leaked)."""
        return self.response(exc, request)

    async def http_exception(self, request: Request, exc: Exception) -> Response:
        """Answer a framework ``HTTPException`` (404, 405, one a handler raised)."""
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        if status in {204, 304} or status < 400:
            return Response(status_code=status, headers=exc.headers)
        if self.fallback is not None and self.framework.entry_class(status) is None:
            return await self.fallback(request, exc)
        detail = exc.detail if isinstance(exc.detail, str) else None
        error = self.framework.for_status(status, exc, message=detail)
        return self.response(error, request, exc.headers)

    async def validation_error(self, request: Request, exc: Exception) -> Response:
        """Answer FastAPI's ``RequestValidationError``: one sub-error per field."""
        items: list[Any] = list(getattr(exc, "errors", list)())
        fields = [
            FieldError(tuple(item.get("loc", ())), item.get("msg", ""), item.get("type", ""))
            for item in items
            if isinstance(item, dict)
        ]
        return self.response(self.framework.validation(fields, exc), request)

    def mapping(self, *, http_exceptions: bool = True) -> dict[Any, Handler]:
        """The ``{exception class: handler}`` dict of these handlers."""
        found: dict[Any, Handler] = {Error: self.error, Exception: self.error}
        if http_exceptions:
            found[HTTPException] = self.http_exception
        fastapi = sys.modules.get("fastapi.exceptions")
        if fastapi is not None:
            found[fastapi.RequestValidationError] = self.validation_error
            found[fastapi.WebSocketRequestValidationError] = self.validation_error
        return found


def install(
    app: Any,
    catalog: Catalog,
    *,
    profile: Any = "problem",
    http_exceptions: bool = True,
    on_error: OnError | None = None,
    errors: Mapping[int | str, Any] | None = None,
) -> ErrorHandlers:
    """Register catalog error handlers on a Starlette or FastAPI app; return them.

    ``profile`` is a profile name (``"problem"``, ``"jsonrpc"``, ``"google"``
    or one the catalog declares) or a profile function. ``on_error(error, exc)``
    is called for every error answered (e.g. :class:`errdex.integrations.otel.ErrorTelemetry`).
    ``errors`` names the catalog entries for the framework's own errors
    (``{404: "ZAN-404", "validation": "REQ-1"}``; see :mod:`errdex.integrations.framework`).
    On a FastAPI app it also makes ``/openapi.json`` document every route's errors
    (:func:`errdex.integrations.fastapi.document`).
    An unknown profile or code fails here, not at the first error.
    """
    handlers = ErrorHandlers(catalog, profile, on_error=on_error, errors=errors)
    for cls, handler in handlers.mapping(http_exceptions=http_exceptions).items():
        app.add_exception_handler(cls, handler)
    if getattr(app, "middleware_stack", None) is not None:
        raise RuntimeError("install() must run before the app has started")
    _answer_unhandled(app, handlers)
    if hasattr(app, "openapi") and hasattr(app, "openapi_schema"):  # FastAPI
        from errdex.integrations.fastapi import document

        document(app, catalog, profile=profile, framework=handlers.framework)
    return handlers


def _answer_unhandled(app: Any, handlers: ErrorHandlers) -> None:
    """Answer an exception no handler takes inside the app's middleware (so
    ``CORSMiddleware`` adds its headers to a 500 as to any error response).

    Starlette sends ``Exception``'s handler to its outermost ``ServerErrorMiddleware``,
    outside every middleware the app added. Once the app builds its middleware stack,
    the handler is added to the innermost ``ExceptionMiddleware`` too (which answers
    route errors), so no layer is added to any request. A stack whose ``ExceptionMiddleware``
    cannot be reached (a middleware without an ``app`` attribute in between) gets
    :class:`UnhandledErrors`, innermost, instead."""
    build = app.build_middleware_stack

    def build_with_errdex() -> ASGIApp:
        stack: ASGIApp = build()
        node: Any = stack
        for _ in range(256):
            if isinstance(node, ExceptionMiddleware):
                node.add_exception_handler(Exception, handlers.error)
                return stack
            node = getattr(node, "app", None)
            if node is None:
                break
        app.user_middleware.append(Middleware(UnhandledErrors, handlers=handlers))
        built: ASGIApp = build()
        return built

    app.build_middleware_stack = build_with_errdex


class UnhandledErrors:
    """ASGI middleware answering an exception no handler took with the internal error.

    Used by :func:`install` only when it cannot reach the app's ``ExceptionMiddleware``
    (see :func:`_answer_unhandled`); innermost among the app's middleware. A response
    already started is left alone (the exception propagates).
    """

    def __init__(self, app: ASGIApp, handlers: ErrorHandlers) -> None:
        self.app = app
        self.handlers = handlers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = True  # whatever is sent, the response has started
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if started:
                raise
            response = self.handlers.response(exc, Request(scope, receive))
            await response(scope, receive, send)


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
    "UnhandledErrors",
    "accept_language",
    "install",
    "to_response",
]
