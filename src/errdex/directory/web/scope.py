"""What the directory's handlers read straight from the ASGI scope, without Starlette's URL.

``request.url`` builds a whole :class:`starlette.datastructures.URL` (a host
header scan, ``urlsplit``, ``urlunsplit``) on every request that asks for it;
a code page only needs the path. :func:`url_path` gives the very string
``request.url.path`` gives, at the cost of a few ``str.replace``; :func:`decoded_path`
the path percent-decoded exactly once, which is what a permalink is matched on;
:func:`header` and :func:`query_params` read what ``request.headers`` and
``request.query_params`` read, without their objects.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qsl, unquote_to_bytes

Scope = MutableMapping[str, Any]


def url_path(scope: Scope) -> str:
    """``request.url.path`` of this scope: the decoded path with ``?``, ``#`` and ``\\``
    escaped again (as Starlette's URL does) and the tab and line breaks ``urlsplit``
    removes removed."""
    path: str = scope["path"]
    if "?" in path or "#" in path or "\\" in path:
        path = path.replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")
    if "\t" in path or "\r" in path or "\n" in path:
        path = path.replace("\t", "").replace("\r", "").replace("\n", "")
    return path


def decoded_path(scope: Scope) -> str:
    """The request path percent-decoded exactly once (UTF-8), read from ``raw_path``.

    ``path`` is no safe source: uvicorn decodes it once, but Starlette's
    TestClient decodes it twice (``/odd/%252e%252e`` arrives as ``/odd/..``),
    and another server may differ again; ``raw_path`` is the path as the client
    sent it (without the query) in all of them. A scope without ``raw_path``
    (it is optional in ASGI) falls back to ``path``.
    """
    raw: bytes | None = scope.get("raw_path")
    if not raw:
        path: str = scope["path"]
        return path
    if b"%" in raw:
        raw = unquote_to_bytes(raw)
    return raw.decode("utf-8", "replace")


def header(scope: Scope, name: bytes) -> str | None:
    """The first value of the request header ``name`` (lower-case bytes), or None."""
    for key, value in scope["headers"]:
        if key == name:
            text: str = value.decode("latin-1")
            return text
    return None


def query_params(scope: Scope) -> dict[str, str]:
    """The query parameters as ``request.query_params`` reads them: Latin-1, blank values
    kept, the last value of a repeated name."""
    raw: bytes = scope["query_string"]
    if not raw:
        return {}
    return dict(parse_qsl(raw.decode("latin-1"), keep_blank_values=True))
