"""Security headers and request bounds for the web directory, as one pure ASGI middleware.

Every response gets a strict Content-Security-Policy (``default-src 'self'``,
no inline script or style, no framing), ``X-Content-Type-Options: nosniff``,
``Referrer-Policy: no-referrer`` and friends. Before the app runs, a request
whose target is longer than :data:`limits.MAX_TARGET` bytes is answered 414
and one announcing a body larger than :data:`limits.MAX_BODY` bytes 413, both
as problem+json. Pure ASGI (not ``BaseHTTPMiddleware``) keeps the cost per
request to a header list append.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import orjson

from errdex.directory.web.limits import MAX_BODY, MAX_TARGET

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
"""The Content-Security-Policy of every response."""

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]


def problem_body(status: int, title: str, detail: str) -> bytes:
    """An RFC 9457 problem+json body."""
    return orjson.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail})


class SecurityMiddleware:
    """Adds the security headers to every response and refuses oversized requests."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(
        self,
        scope: Scope,
        receive: Callable[[], Awaitable[Message]],
        send: Callable[[Message], Awaitable[None]],
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(
            scope.get("query_string", b"")
        )
        if target > MAX_TARGET:
            await self._refuse(
                send, 414, "URI Too Long", f"the request target is longer than {MAX_TARGET} bytes"
            )
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    size = MAX_BODY + 1
                if size > MAX_BODY:
                    await self._refuse(
                        send, 413, "Content Too Large", "the directory accepts no request body"
                    )
                    return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse(
        self, send: Callable[[Message], Awaitable[None]], status: int, title: str, detail: str
    ) -> None:
        body = problem_body(status, title, detail)
        headers = [
            (b"content-type", b"application/problem+json"),
            (b"content-length", str(len(body)).encode()),
            *HEADERS,
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
