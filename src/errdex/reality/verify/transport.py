"""Sending verify requests: to a running service, or to an ASGI/WSGI app in-process.

Both ways share one policy: every request has a timeout; a response body is
read up to :data:`BODY_CAP`; redirects are followed only to the base URL's
origin or a host the catalog or the command line allows (at most
:data:`MAX_REDIRECTS`), never elsewhere; proxies from the environment are not
used. httpx does the HTTP (``pip install 'errdex[verify]'``).
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import sys
import threading
from collections.abc import Iterable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, NamedTuple
from urllib.parse import urljoin, urlsplit

BODY_CAP = 1 << 20
"""Bytes of a response body kept for judging; the rest is not read."""
MAX_REDIRECTS = 5
APP_BASE = "http://testserver"
"""The base URL of an in-process app."""


class TransportError(Exception):
    """Raised when a transport cannot be set up (no httpx, an app that does not
    import, a base URL that is not http(s)); ``str()`` says how to fix it."""


class Sent(NamedTuple):
    """A request as sent: method, absolute URL, headers and body."""

    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | None


class Answer(NamedTuple):
    """A response as received, after the redirects errdex followed."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    url: str
    note: str | None = None
    """Why the answer is not the whole story: a redirect not followed, a body cut."""


def _httpx() -> Any:
    try:
        import httpx
    except ImportError:  # pragma: no cover - the test extra installs httpx
        raise TransportError("errdex verify needs httpx: pip install 'errdex[verify]'") from None
    return httpx


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, (parts.netloc or "").lower()


class Transport:
    """Sends :class:`Sent` requests and follows allowed redirects; subclasses
    provide one hop (:meth:`_hop`)."""

    def __init__(self, base_url: str, timeout: float, hosts: Iterable[str] = ()) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        scheme, netloc = _origin(self.base_url)
        if scheme not in ("http", "https") or not netloc:
            raise TransportError(
                f"base URL {base_url!r} is not an http(s) URL: "
                "use --base-url http://127.0.0.1:8000 (scheme, host and port)"
            )
        self.origin = (scheme, netloc)
        self.hosts = {h.lower() for h in hosts}

    def url(self, path: str) -> str:
        """The absolute URL of an example's path (always below the base URL)."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def allowed(self, url: str) -> bool:
        """Whether a request or redirect may go to ``url``."""
        scheme, netloc = _origin(url)
        if (scheme, netloc) == self.origin:
            return True
        host = urlsplit(url).hostname or ""
        return scheme in ("http", "https") and (netloc in self.hosts or host in self.hosts)

    def send(self, sent: Sent) -> Answer:
        """Send ``sent``, following allowed redirects; raises ``TimeoutError`` or
        ``OSError`` for a request that got no answer."""
        if not self.allowed(sent.url):
            raise OSError(f"{sent.url} is not below the base URL nor an allowed host")
        method, url, body = sent.method, sent.url, sent.body
        for _ in range(MAX_REDIRECTS + 1):
            answer = self._hop(Sent(method, url, sent.headers, body))
            location = dict((k.lower(), v) for k, v in answer.headers).get("location")
            if answer.status not in (301, 302, 303, 307, 308) or not location:
                return answer
            target = urljoin(url, location)
            if not self.allowed(target):
                note = f"redirect to {target} not followed: it leaves the base URL"
                return answer._replace(note=note)
            if answer.status == 303 or (answer.status in (301, 302) and method == "POST"):
                method, body = "GET", None
            url = target
        return answer._replace(note=f"more than {MAX_REDIRECTS} redirects")

    def _hop(self, sent: Sent) -> Answer:
        raise NotImplementedError

    def close(self) -> None:
        """Release connections (and stop an in-process app)."""


def _read(response: Any, url: str) -> Answer:
    chunks: list[bytes] = []
    size = 0
    note = None
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > BODY_CAP:
            note = f"body cut at {BODY_CAP} bytes"
            break
    body = b"".join(chunks)[:BODY_CAP]
    return Answer(response.status_code, tuple(response.headers.multi_items()), body, url, note)


class HttpTransport(Transport):
    """A running service at a base URL, over real HTTP."""

    def __init__(self, base_url: str, timeout: float, hosts: Iterable[str] = ()) -> None:
        super().__init__(base_url, timeout, hosts)
        httpx = _httpx()
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False)
        self._timeouts = (httpx.TimeoutException,)
        self._errors = (httpx.TransportError,)

    def _hop(self, sent: Sent) -> Answer:
        try:
            request = self._client.build_request(
                sent.method, sent.url, headers=list(sent.headers), content=sent.body
            )
            response = self._client.send(request, stream=True)
            try:
                return _read(response, sent.url)
            finally:
                response.close()
        except self._timeouts:
            raise TimeoutError(f"no answer within {self.timeout:g} s") from None
        except self._errors as exc:
            raise OSError(f"{type(exc).__name__}: {exc}") from None

    def close(self) -> None:
        self._client.close()


def load_app(spec: str) -> Any:
    """Import ``module:attr`` (``module:factory()`` calls a factory) from the
    current folder, as uvicorn does; raise :class:`TransportError` saying what failed."""
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise TransportError(f"--app {spec!r} is not module:attr (e.g. --app myservice.main:app)")
    call = attr.endswith("()")
    attr = attr[:-2] if call else attr
    if "" not in sys.path and "." not in sys.path:
        sys.path.insert(0, "")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise TransportError(f"--app {spec!r}: cannot import {module_name}: {exc}") from None
    target: Any = module
    for part in attr.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise TransportError(f"--app {spec!r}: {module_name} has no {attr}") from None
    if call:
        try:
            target = target()
        except Exception as exc:
            raise TransportError(f"--app {spec!r}: the factory raised {exc!r}") from None
    if not callable(target):
        raise TransportError(f"--app {spec!r} is not an ASGI or WSGI application")
    return target


def is_asgi(app: Any) -> bool:
    """Whether ``app`` is an ASGI application (an ``async`` callable) rather than WSGI."""
    if inspect.isfunction(app) or inspect.ismethod(app):
        return inspect.iscoroutinefunction(app)
    return inspect.iscoroutinefunction(type(app).__call__)


class _Loop:
    """An event loop on a thread of its own, for an in-process ASGI app."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Any, timeout: float) -> Any:
        future: Future[Any] = asyncio.run_coroutine_threadsafe(coro, self.loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise TimeoutError(f"no answer within {timeout:g} s") from None

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        if not self.thread.is_alive():
            self.loop.close()


class _Lifespan:
    """Runs an ASGI app's lifespan protocol (startup before the first request,
    shutdown at the end); an app without lifespan support is simply not told."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.started: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.stopped: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self.task: asyncio.Task[None] | None = None

    async def _send(self, message: dict[str, Any]) -> None:
        kind = message.get("type", "")
        if kind.startswith("lifespan.startup") and not self.started.done():
            self.started.set_result(kind == "lifespan.startup.complete")
        if kind.startswith("lifespan.shutdown") and not self.stopped.done():
            self.stopped.set_result(True)

    async def _run(self) -> None:
        scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
        with contextlib.suppress(Exception):  # an app that does not speak lifespan
            await self.app(scope, self.inbox.get, self._send)
        for future in (self.started, self.stopped):
            if not future.done():
                future.set_result(False)

    async def startup(self) -> bool:
        self.task = asyncio.get_running_loop().create_task(self._run())
        await self.inbox.put({"type": "lifespan.startup"})
        return await self.started

    async def shutdown(self) -> None:
        if self.task is None or self.task.done():
            return
        await self.inbox.put({"type": "lifespan.shutdown"})
        await asyncio.wait_for(self.stopped, 5)


class AppTransport(Transport):
    """An ASGI or WSGI application called in-process (no socket), at
    :data:`APP_BASE`. A WSGI app that hangs cannot be interrupted: its request
    is reported as timed out and its thread left to finish."""

    def __init__(self, app: Any, timeout: float, hosts: Iterable[str] = ()) -> None:
        super().__init__(APP_BASE, timeout, hosts)
        httpx = _httpx()
        self._asgi = is_asgi(app)
        self._loop: _Loop | None = None
        self._lifespan: _Lifespan | None = None
        if self._asgi:
            self._loop = _Loop()
            self._client: Any = self._loop.run(self._open(httpx, app), timeout)
        else:
            transport = httpx.WSGITransport(app=app)
            self._client = httpx.Client(transport=transport, follow_redirects=False)

    async def _open(self, httpx: Any, app: Any) -> Any:
        self._lifespan = _Lifespan(app)
        await self._lifespan.startup()
        transport = httpx.ASGITransport(app=app)
        return httpx.AsyncClient(transport=transport, follow_redirects=False)

    async def _ahop(self, sent: Sent) -> Answer:
        response = await self._client.request(
            sent.method, sent.url, headers=list(sent.headers), content=sent.body
        )
        body = response.content
        note = f"body cut at {BODY_CAP} bytes" if len(body) > BODY_CAP else None
        headers = tuple(response.headers.multi_items())
        return Answer(response.status_code, headers, body[:BODY_CAP], sent.url, note)

    def _hop(self, sent: Sent) -> Answer:
        if self._loop is not None:
            try:
                answer: Answer = self._loop.run(self._ahop(sent), self.timeout)
            except TimeoutError:
                raise
            except Exception as exc:
                raise OSError(f"the app raised {type(exc).__name__}: {exc}") from None
            return answer
        result: list[Answer] = []
        failure: list[BaseException] = []

        def call() -> None:
            try:
                response = self._client.request(
                    sent.method, sent.url, headers=list(sent.headers), content=sent.body
                )
                result.append(_read(response, sent.url))
            except BaseException as exc:  # reported below, on the caller's thread
                failure.append(exc)

        worker = threading.Thread(target=call, daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise TimeoutError(f"no answer within {self.timeout:g} s")
        if failure:
            raised = failure[0]
            raise OSError(f"the app raised {type(raised).__name__}: {raised}")
        return result[0]

    def close(self) -> None:
        if self._loop is not None:
            loop = self._loop

            async def finish() -> None:
                await self._client.aclose()
                if self._lifespan is not None:
                    await self._lifespan.shutdown()

            try:
                loop.run(finish(), 10)
            finally:
                loop.close()
        else:
            self._client.close()
