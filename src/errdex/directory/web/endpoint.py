"""Lean ASGI endpoints: the directory's busiest routes without Starlette's per-request objects.

A Starlette handler ``f(request) -> Response`` costs, on every request, a
:class:`~starlette.requests.Request`, a second exception layer around the
route and a :class:`~starlette.responses.Response` — about a quarter of the
time of a code page or a lookup. An :class:`Endpoint` calls ``f(scope)``
instead (the handler reads the scope with :mod:`.scope`) and sends the
:class:`Answer` it returns in the two ASGI messages, with the headers a
Starlette ``Response`` would send, in the same order. A handler may still
return a ``Response`` (a rare branch: JSON instead of HTML); an exception it
raises reaches the app's exception handlers as from any route.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import NamedTuple

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

JSON = b"application/json"
HTML = b"text/html; charset=utf-8"


class Answer(NamedTuple):
    """A response as sent: body, content type, headers before the length and type, status."""

    body: bytes
    media_type: bytes
    headers: tuple[tuple[bytes, bytes], ...] = ()
    status: int = 200

    def response(self) -> Response:
        """The same answer as a Starlette response (for a handler that must return one)."""
        response = Response(self.body, self.status)
        response.raw_headers = self.raw_headers()
        return response

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        """The headers, then ``content-length`` and ``content-type`` (as Starlette orders them)."""
        return [
            *self.headers,
            (b"content-length", b"%d" % len(self.body)),
            (b"content-type", self.media_type),
        ]


Handler = Callable[[Scope], Awaitable[Answer | Response]]


class Endpoint:
    """An ASGI app around ``handler(scope) -> Answer | Response`` (see the module docstring)."""

    __slots__ = ("handler",)

    def __init__(self, handler: Handler) -> None:
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        answer = await self.handler(scope)
        if isinstance(answer, Response):
            await answer(scope, receive, send)
            return
        headers = answer.raw_headers()
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": answer.body})
