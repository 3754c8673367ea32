"""The bounded server protocol: oversized and slow request heads are refused, with the
security headers, and the connection is closed; normal requests are served as before."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

pytest.importorskip("httptools", reason="httptools (the server extra) is not installed")

import uvicorn

from errdex.cli.serve import server_options
from errdex.directory import Registry
from errdex.directory.web import create_app
from errdex.directory.web.protocol import BoundedHttpToolsProtocol


class QuickProtocol(BoundedHttpToolsProtocol):
    head_timeout = 0.5


@contextmanager
def server(registry: Registry) -> Iterator[int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    options = server_options()
    options["http"] = QuickProtocol
    options["log_level"] = "critical"
    config = uvicorn.Config(create_app(registry), lifespan="off", loop="asyncio", **options)
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.01)
    try:
        yield port
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def port(examples: Registry) -> Iterator[int]:
    with server(examples) as p:
        yield p


def exchange(port: int, *chunks: bytes, pause: float = 0.0, timeout: float = 5.0) -> bytes:
    """Send chunks (with a pause between them), then read until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        try:
            for chunk in chunks:
                conn.sendall(chunk)
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server closed the connection before we were done: that is the point
        out = b""
        try:
            while data := conn.recv(65536):
                out += data
        except (ConnectionResetError, TimeoutError):
            pass
        return out


def status_and_headers(response: bytes) -> tuple[int, dict[str, str]]:
    head = response.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:])
    return int(head[0].split()[1]), {k.lower(): v for k, v in headers.items()}


def test_a_normal_request_is_served(port: int) -> None:
    response = exchange(
        port, b"GET /api/lookup?q=1003 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    status, headers = status_and_headers(response)
    assert status == 200 and "content-security-policy" in headers


def test_a_big_header_is_431_with_the_security_headers(port: int) -> None:
    big = b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n"
    status, headers = status_and_headers(exchange(port, big))
    assert status == 431
    assert headers["content-type"] == "application/problem+json"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["connection"] == "close"


def test_many_headers_adding_up_are_431(port: int) -> None:
    lines = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 100) for i in range(200))
    status, _ = status_and_headers(
        exchange(port, b"GET / HTTP/1.1\r\nHost: x\r\n" + lines + b"\r\n")
    )
    assert status == 431


def test_a_64_mb_header_is_cut_off_early(port: int) -> None:
    chunk = b"a" * 65536
    start = b"GET / HTTP/1.1\r\nHost: x\r\nX-Huge: "
    response = exchange(port, start, *([chunk] * 1024))  # 64 MB, if the server kept reading
    assert status_and_headers(response)[0] == 431


def test_a_long_request_line_is_refused(port: int) -> None:
    response = exchange(port, b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status_and_headers(response)[0] in (414, 431)


def test_a_slow_client_is_timed_out_with_408(port: int) -> None:
    started = time.monotonic()
    response = exchange(port, b"GET / HTTP/1.1\r\n", b"Host: x\r\n", pause=0.4, timeout=5)
    status, headers = status_and_headers(response)
    assert status == 408 and "content-security-policy" in headers
    assert time.monotonic() - started < 4


def test_a_silent_connection_is_closed(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        data = conn.recv(65536)  # returns when the server answers 408 and closes
    assert data.startswith(b"HTTP/1.1 408")


def test_garbage_is_400_with_the_security_headers(port: int) -> None:
    status, headers = status_and_headers(exchange(port, b"\x00\x01 NOT HTTP\r\n\r\n"))
    assert status == 400 and "content-security-policy" in headers


def test_a_kept_alive_connection_serves_a_second_request_after_the_first(port: int) -> None:
    one = b"GET /api/lookup?q=1003 HTTP/1.1\r\nHost: x\r\n\r\n"
    two = b"GET /api/lookup?q=1004 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    response = exchange(port, one, two, pause=0.2)
    assert response.count(b"HTTP/1.1 200") == 2
