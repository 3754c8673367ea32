"""Reading the ASGI scope without Starlette's URL: the same path, headers and parameters."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from starlette.requests import Request

from errdex.directory.web.scope import decoded_path, header, query_params, url_path


def _scope(path: str, query: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None) -> dict:
    return {
        "type": "http",
        "method": "GET",
        "scheme": "http",
        "server": ("127.0.0.1", 8000),
        "path": path,
        "root_path": "",
        "query_string": query,
        "headers": headers if headers is not None else [(b"host", b"example.org")],
    }


@pytest.mark.parametrize(
    "path",
    [
        "/csghub/AUTH-ERR-4",
        "/a?b#c\\d",
        "/tab\there/line\nbreak\r",
        "/中文/%20/",
        "//double//slashes/",
        "/",
    ],
)
def test_url_path_is_what_starlette_reads(path: str) -> None:
    scope = _scope(path)
    assert url_path(scope) == Request(scope).url.path


@pytest.mark.parametrize(
    "query",
    [b"", b"q=1003", b"q=a&q=b", b"q=&lang=zh-CN", b"q=%E4%B8%AD+x&n=1", b"flag", b"q=\xe9"],
)
def test_query_params_are_what_starlette_reads(query: bytes) -> None:
    scope = _scope("/api/lookup", query)
    assert query_params(scope) == dict(Request(scope).query_params)


def test_header_is_the_first_value_of_that_name() -> None:
    headers = [(b"accept", b"text/html"), (b"accept", b"application/json"), (b"x", b"\xe9")]
    scope = _scope("/", headers=headers)
    assert header(scope, b"accept") == Request(scope).headers.get("accept") == "text/html"
    assert header(scope, b"x") == "é" and header(scope, b"accept-language") is None


@pytest.mark.parametrize(
    ("raw", "path", "expected"),
    [
        (b"/odd/%252e%252e", "/odd/..", "/odd/%2e%2e"),  # TestClient: path decoded twice
        (b"/odd/%252e%252e", "/odd/%2e%2e", "/odd/%2e%2e"),  # uvicorn: once
        (b"/odd/A%2FB", "/odd/A/B", "/odd/A/B"),
        (b"/odd/%E4%B8%AD", "/odd/中", "/odd/中"),
        (b"/odd/\xe4\xb8\xad", "/odd/中", "/odd/中"),  # UTF-8 sent unencoded
        (b"/odd/%FF", "/odd/\ufffd", "/odd/\ufffd"),  # not UTF-8: replaced, no error
        (None, "/odd/%2e%2e", "/odd/%2e%2e"),  # no raw_path: the path as given
    ],
)
def test_decoded_path_decodes_what_the_client_sent_once(
    raw: bytes | None, path: str, expected: str
) -> None:
    scope = _scope(path)
    if raw is not None:
        scope["raw_path"] = raw
    assert decoded_path(scope) == expected
