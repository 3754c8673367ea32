"""Content negotiation of the web directory: JSON or HTML, and the JSON and problem responses.

Every HTML page also answers JSON when the client prefers it
(:func:`wants_json`, :func:`prefers_json`); errors are problem+json (:func:`problem`) for JSON
clients and the API.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

from errdex.directory.web.security import problem_body


def wants_json(request: Request) -> bool:
    """Whether the client prefers JSON: ``application/json`` weighs more than ``text/html``."""
    return prefers_json(request.headers.get("accept", ""))


def prefers_json(accept: str) -> bool:
    """:func:`wants_json` of a request whose ``Accept`` header is ``accept`` (``""``: none)."""
    if "json" not in accept:
        return False
    json_q = html_q = 0.0
    for item in accept[:1024].split(",")[:32]:
        kind, _, params = item.partition(";")
        kind = kind.strip().lower()
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if kind in ("application/json", "application/problem+json"):
            json_q = max(json_q, q)
        elif kind == "text/html":
            html_q = max(html_q, q)
    return json_q > html_q


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A JSON response serialized with orjson."""
    return Response(orjson.dumps(data), status, headers=headers, media_type="application/json")


def problem(status: int, title: str, detail: str) -> Response:
    """An RFC 9457 problem+json response."""
    return Response(
        problem_body(status, title, detail), status, media_type="application/problem+json"
    )
