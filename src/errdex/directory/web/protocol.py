"""The HTTP protocol ``errdex serve`` runs: uvicorn's httptools protocol with bounds.

uvicorn's httptools protocol puts no limit on the request head (request line
plus headers) and no deadline on reading it: a client can send a 64 MB header
or trickle one byte a second and hold the connection (and the memory) forever.
:class:`BoundedHttpToolsProtocol` adds both bounds, before the app sees the request:

- a head longer than :data:`limits.MAX_HEAD` bytes is answered
  ``431 Request Header Fields Too Large`` and the connection closed;
- a head not complete :data:`limits.HEAD_TIMEOUT` seconds after the
  connection opened (or, on a kept-alive connection, after the request's first
  byte) is answered ``408 Request Timeout`` and the connection closed;
- a request the parser cannot read is answered ``400``.

All three are problem+json and carry the same security headers as every other
response (:data:`security.HEADERS`). Idle kept-alive connections close after
uvicorn's ``timeout_keep_alive``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from errdex.directory.web import limits
from errdex.directory.web.security import HEADERS, problem_body

REASONS = {400: b"Bad Request", 408: b"Request Timeout", 431: b"Request Header Fields Too Large"}


def refusal(status: int, title: str, detail: str) -> bytes:
    """A complete HTTP/1.1 response that closes the connection: problem+json, security headers."""
    body = problem_body(status, title, detail)
    head = [b"HTTP/1.1 %d %s\r\n" % (status, REASONS[status])]
    head += [name + b": " + value + b"\r\n" for name, value in HEADERS]
    head += [
        b"content-type: application/problem+json\r\n",
        b"content-length: %d\r\n" % len(body),
        b"connection: close\r\n\r\n",
    ]
    return b"".join(head) + body


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a bounded request head and a deadline to send it."""

    max_head = limits.MAX_HEAD
    head_timeout = limits.HEAD_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._received = 0
        """Bytes received since the current head began (whole chunks: an upper bound)."""
        self._parsed = 0
        """Bytes of the current head's target and headers the parser has handed over."""
        self._in_head = False
        self._too_large = False
        self._head_timer: asyncio.TimerHandle | None = None

    # -- the deadline ---------------------------------------------------------

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.head_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _too_slow(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            detail = f"the request head did not arrive within {self.head_timeout:g} s"
            self._refuse(408, "Request Timeout", detail)

    def _refuse(self, status: int, title: str, detail: str) -> None:
        self._disarm()
        self.transport.write(refusal(status, title, detail))
        self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()  # a connection that never sends a request is closed too

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    # -- the size ---------------------------------------------------------------

    def data_received(self, data: bytes) -> None:
        if self.transport.is_closing():
            return
        if self._in_head:
            self._received += len(data)
        before = self._in_head
        super().data_received(data)
        if self._in_head and not before:  # a head began in this chunk and goes on
            self._received = len(data)
        if self._too_large or (self._in_head and self._received > self.max_head):
            self._refuse(431, "Request Header Fields Too Large", self._size_detail())

    def _size_detail(self) -> str:
        return f"the request line and headers may hold at most {self.max_head} bytes"

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = True
        self._received = self._parsed = 0
        self._too_large = False
        self._arm()

    def on_url(self, url: bytes) -> None:
        self._count(len(url))
        if not self._too_large:
            super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count(len(name) + len(value) + 4)
        if not self._too_large:
            super().on_header(name, value)

    def _count(self, size: int) -> None:
        self._parsed += size
        if self._parsed > self.max_head:
            self._too_large = True

    def on_headers_complete(self) -> None:
        self._in_head = False
        if self._too_large:
            return  # answered 431 by data_received; the app never sees it
        self._disarm()
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._too_large:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if not self._too_large:
            super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        if self._too_large:  # the parser gave up on a head we had stopped reading
            self._refuse(431, "Request Header Fields Too Large", self._size_detail())
        else:
            self._refuse(400, "Bad Request", "the request is not valid HTTP/1.1")
