"""Lean endpoints send the bytes a Starlette response would, and errors reach the handlers."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient
from starlette.types import Scope

from errdex.directory.web.endpoint import HTML, JSON, Answer, Endpoint


async def _answer(scope: Scope) -> Answer | Response:
    if scope["query_string"] == b"fail":
        raise HTTPException(404, "none here")
    if scope["query_string"] == b"plain":
        return PlainTextResponse("plain")
    return Answer(b"<p>x</p>", HTML, ((b"vary", b"Accept"),))


async def _starlette(request: Request) -> Response:
    return Response(b"<p>x</p>", headers={"Vary": "Accept"}, media_type="text/html")


async def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return PlainTextResponse("handled", exc.status_code)


def _client() -> TestClient:
    app = Starlette(
        routes=[
            Route("/lean", Endpoint(_answer), methods=["GET"]),
            Route("/starlette", _starlette, methods=["GET"]),
        ],
        exception_handlers={HTTPException: _not_found},
    )
    return TestClient(app)


def test_an_answer_is_sent_as_a_starlette_response_would_be() -> None:
    client = _client()
    lean, plain = client.get("/lean"), client.get("/starlette")
    assert lean.status_code == plain.status_code == 200
    assert lean.headers.raw == plain.headers.raw and lean.content == plain.content
    assert Answer(b"{}", JSON).response().raw_headers == Answer(b"{}", JSON).raw_headers()


def test_an_endpoint_passes_a_response_on_and_its_errors_to_the_app_handlers() -> None:
    client = _client()
    assert client.get("/lean?plain").text == "plain"
    r = client.get("/lean?fail")
    assert (r.status_code, r.text) == (404, "handled")
    assert client.head("/lean").status_code == 200
    assert client.post("/lean").status_code == 405
