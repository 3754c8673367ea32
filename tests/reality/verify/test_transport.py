"""Sending verify's requests: the base URL, allowed hosts, redirects, loading an app."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest

from errdex.reality.verify.transport import (
    MAX_REDIRECTS,
    Answer,
    AppTransport,
    Sent,
    Transport,
    TransportError,
    is_asgi,
    load_app,
)


class Scripted(Transport):
    """A transport whose hops answer from a table: URL → (status, Location)."""

    def __init__(self, routes: dict[str, tuple[int, str | None]], hosts: Iterable[str] = ()):
        super().__init__("http://svc.test:8000/", 5, hosts)
        self.routes = routes
        self.sent: list[Sent] = []

    def _hop(self, sent: Sent) -> Answer:
        self.sent.append(sent)
        status, location = self.routes[sent.url]
        headers = (("location", location),) if location else ()
        return Answer(status, headers, b"", sent.url)


def _get(url: str, method: str = "GET", body: bytes | None = None) -> Sent:
    return Sent(method, url, (), body)


def test_the_base_url_must_be_http_with_a_host() -> None:
    for bad in ("ftp://x", "localhost:8000", "http://"):
        with pytest.raises(TransportError, match="is not an http\\(s\\) URL: use --base-url"):
            Transport(bad, 1)


def test_example_paths_are_always_below_the_base_url() -> None:
    transport = Scripted({})
    assert transport.url("/v1/repos") == "http://svc.test:8000/v1/repos"
    assert transport.url("v1") == "http://svc.test:8000/v1"
    assert transport.allowed("http://SVC.test:8000/x")
    assert not transport.allowed("http://svc.test:9000/x")
    assert not transport.allowed("https://svc.test:8000/x")  # another origin
    assert Scripted({}, hosts=["auth.test"]).allowed("https://auth.test/login")


def test_redirects_below_the_base_url_are_followed_303_as_get() -> None:
    base = "http://svc.test:8000"
    transport = Scripted({f"{base}/a": (303, "/b"), f"{base}/b": (200, None)})
    answer = transport.send(_get(f"{base}/a", "POST", b"{}"))
    assert (answer.status, answer.url, answer.note) == (200, f"{base}/b", None)
    assert [(s.method, s.body) for s in transport.sent] == [("POST", b"{}"), ("GET", None)]


def test_a_redirect_that_leaves_is_not_followed_and_says_so() -> None:
    base = "http://svc.test:8000"
    transport = Scripted({f"{base}/a": (302, "https://evil.test/steal")})
    answer = transport.send(_get(f"{base}/a"))
    assert answer.status == 302
    assert answer.note == "redirect to https://evil.test/steal not followed: it leaves the base URL"
    with pytest.raises(OSError, match="is not below the base URL nor an allowed host"):
        transport.send(_get("https://evil.test/"))


def test_a_redirect_loop_stops_after_the_limit() -> None:
    base = "http://svc.test:8000"
    transport = Scripted({f"{base}/loop": (307, "/loop")})
    answer = transport.send(_get(f"{base}/loop"))
    assert answer.note == f"more than {MAX_REDIRECTS} redirects"
    assert len(transport.sent) == MAX_REDIRECTS + 1


def test_load_app_says_what_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TransportError, match="is not module:attr"):
        load_app("service")
    with pytest.raises(TransportError, match="cannot import no_such_module_xyz"):
        load_app("no_such_module_xyz:app")
    with pytest.raises(TransportError, match="json has no nothing_here"):
        load_app("json:nothing_here")
    with pytest.raises(TransportError, match="is not an ASGI or WSGI application"):
        load_app("json:__name__")
    assert load_app("json:loads") is __import__("json").loads


def _wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("418 I'm a teapot", [("Content-Type", "text/plain")])
    return [environ["PATH_INFO"].encode()]


async def _asgi(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await send({"type": "http.response.start", "status": 201, "headers": [(b"x-app", b"asgi")]})
    await send({"type": "http.response.body", "body": scope["path"].encode()})


def test_is_asgi_tells_async_apps_from_wsgi() -> None:
    assert is_asgi(_asgi) and not is_asgi(_wsgi)


@pytest.mark.parametrize(("app", "status"), [(_wsgi, 418), (_asgi, 201)])
def test_an_app_is_called_in_process(app: Any, status: int) -> None:
    pytest.importorskip("httpx", reason="the verify extra is not installed")
    transport = AppTransport(app, 10)
    try:
        answer = transport.send(_get(transport.url("/ping")))
    finally:
        transport.close()
    assert (answer.status, answer.body) == (status, b"/ping")
