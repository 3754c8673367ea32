"""Starlette and FastAPI apps answering with catalog errors, through the real frameworks."""

from __future__ import annotations

import orjson
import pytest
from fastapi import FastAPI
from openapi_spec_validator import validate
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

import errdex
from errdex.integrations.fastapi import responses
from errdex.integrations.jsonrpc import JsonRpc
from errdex.integrations.starlette import JsonRpcEndpoint, install
from errdex.model import Catalog


def _app(catalog: Catalog, **options: object) -> tuple[Starlette, list[tuple[object, object]]]:
    seen: list[tuple[object, object]] = []

    async def limited(request: Request) -> JSONResponse:
        raise catalog.error(-32003, space="jsonrpc", retry_after=7)

    async def boom(request: Request) -> JSONResponse:
        raise RuntimeError("password=hunter2 at db01.internal")

    async def forbidden(request: Request) -> JSONResponse:
        raise HTTPException(403, "nope", headers={"X-Why": "ip"})

    async def fine(request: Request) -> JSONResponse:
        return JSONResponse({"ok": True})

    app = Starlette(
        routes=[
            Route("/limited", limited),
            Route("/boom", boom),
            Route("/forbidden", forbidden),
            Route("/fine", fine, methods=["GET"]),
        ]
    )
    install(app, catalog, on_error=lambda error, exc: seen.append((error, exc)), **options)
    return app, seen


def test_catalog_error_has_status_retry_after_and_negotiated_language(zan: Catalog) -> None:
    app, seen = _app(zan)
    client = TestClient(app)
    res = client.get("/limited", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert res.status_code == 429
    assert res.headers["content-type"] == "application/problem+json"
    assert res.headers["retry-after"] == "7"
    body = res.json()
    assert body["code"] == -32003
    assert body["detail"] == "Cu limited per second"
    assert body["type"] == "https://errdex.dev/zan/-32003"
    assert [type(e).__name__ for e, _ in seen] == ["Error_minus32003"]


def test_language_follows_accept_language(csghub: Catalog) -> None:
    async def login(request: Request) -> JSONResponse:
        raise csghub.error("AUTH-ERR-4")

    app = Starlette(routes=[Route("/login", login)])
    install(app, csghub)
    client = TestClient(app)
    zh = client.get("/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    en = client.get("/login")
    assert zh.status_code == en.status_code
    assert zh.headers["content-language"] == "zh-CN"
    assert zh.json()["detail"] != en.json()["detail"]
    assert "令牌" in zh.json()["detail"]
    assert en.json()["code"] == zh.json()["code"] == "AUTH-ERR-4"


def test_unexpected_exception_is_the_internal_error_without_details(csghub: Catalog) -> None:
    app, seen = _app(csghub)
    res = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert res.status_code == 500
    body = res.json()
    assert body["code"] == "SYS-ERR-0"
    assert "hunter2" not in res.text and "db01" not in res.text and "RuntimeError" not in res.text
    error, exc = seen[-1]
    assert isinstance(exc, RuntimeError)
    assert error.__cause__ is exc


def test_unexpected_exception_is_logged_with_its_traceback(
    csghub: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    app, _ = _app(csghub)
    with caplog.at_level("ERROR", logger="errdex"):
        res = TestClient(app).get("/boom")
    assert res.status_code == 500 and "hunter2" not in res.text
    logged = [r for r in caplog.records if r.name == "errdex"]
    assert logged and logged[0].exc_info is not None
    assert "hunter2" in str(logged[0].exc_info[1])


def test_http_exception_uses_the_catalogs_http_entry_and_keeps_headers(zan: Catalog) -> None:
    app, _ = _app(zan)
    client = TestClient(app)
    res = client.get("/forbidden", headers={"Accept-Language": "zh-CN"})
    assert res.status_code == 403
    assert res.headers["x-why"] == "ip"
    assert res.json()["code"] == 403
    assert res.headers["content-type"] == "application/problem+json"
    # ZAN has no 404 or 405 entry: errdex's built-in problem types, in the envelope.
    missing = client.get("/nowhere")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["code"] == "not-found"
    wrong = client.post("/fine")
    assert wrong.status_code == 405 and "GET" in wrong.headers["allow"]
    assert wrong.json()["code"] == "method-not-allowed"


def test_other_profiles_and_a_bad_profile(zan: Catalog, csghub: Catalog) -> None:
    app, _ = _app(zan, profile="jsonrpc")
    res = TestClient(app).get("/limited")
    body = res.json()
    assert body["jsonrpc"] == "2.0" and body["error"]["code"] == -32003
    with pytest.raises(LookupError, match="no render profile 'nope'"):
        install(Starlette(), csghub, profile="nope")
    app = Starlette(routes=[Route("/x", _raise(csghub, "AUTH-ERR-4"))])
    install(app, csghub, profile="csghub")
    assert set(TestClient(app).get("/x").json()) >= {"code", "msg"}


def _raise(catalog: Catalog, code: str):  # type: ignore[no-untyped-def]
    async def endpoint(request: Request) -> JSONResponse:
        raise catalog.error(code)

    return endpoint


def test_failing_on_error_hook_does_not_break_the_response(csghub: Catalog) -> None:
    def hook(error: errdex.Error, exc: BaseException) -> None:
        raise ValueError("hook bug")

    app = Starlette(routes=[Route("/x", _raise(csghub, "AUTH-ERR-4"))])
    install(app, csghub, on_error=hook)
    assert TestClient(app).get("/x").json()["code"] == "AUTH-ERR-4"


def test_jsonrpc_endpoint(zan: Catalog) -> None:
    rpc = JsonRpc(zan)

    @rpc.method
    async def eth_blockNumber() -> str:
        raise zan.error(-32003, space="jsonrpc", retry_after=2)

    @rpc.method
    def eth_chainId() -> str:
        return "0x1"

    app = Starlette(routes=[Route("/rpc", JsonRpcEndpoint(rpc), methods=["POST"])])
    client = TestClient(app)
    one = client.post("/rpc", json={"jsonrpc": "2.0", "method": "eth_blockNumber", "id": 9})
    assert one.status_code == 429 and one.headers["retry-after"] == "2"
    assert one.json() == {
        "jsonrpc": "2.0",
        "error": {"code": -32003, "message": "Cu limited per second"},
        "id": 9,
    }
    batch = client.post(
        "/rpc",
        json=[
            {"jsonrpc": "2.0", "method": "eth_chainId", "id": 1},
            {"jsonrpc": "2.0", "method": "eth_blockNumber", "id": 2},
            {"jsonrpc": "2.0", "method": "eth_chainId"},
        ],
    )
    assert batch.status_code == 200
    assert [r.get("result") or r["error"]["code"] for r in batch.json()] == ["0x1", -32003]
    note = client.post("/rpc", json={"jsonrpc": "2.0", "method": "eth_chainId"})
    assert note.status_code == 204 and note.content == b""
    bad = client.post("/rpc", content=b"{not json")
    assert bad.json()["error"] == {"code": -32700, "message": "Invalid JSON"}


def test_fastapi_handlers_and_openapi_responses(csghub: Catalog) -> None:
    app = FastAPI()
    install(app, csghub)
    codes = ["AUTH-ERR-4", "SYS-ERR-0"]

    @app.get("/repos/{name}", responses=responses(csghub, codes=codes))
    def repo(name: str) -> dict[str, str]:
        if name == "secret":
            raise csghub.error("AUTH-ERR-4")
        return {"name": name}

    client = TestClient(app)
    assert client.get("/repos/x").json() == {"name": "x"}
    assert client.get("/repos/secret").json()["code"] == "AUTH-ERR-4"
    assert client.get("/nope").json()["code"] == "not-found"  # not FastAPI's {"detail"}
    spec = client.get("/openapi.json").json()
    validate(spec)
    got = spec["paths"]["/repos/{name}"]["get"]["responses"]
    auth = csghub.error("AUTH-ERR-4")
    status = str(errdex.render(auth, "problem").status)
    media = got[status]["content"]["application/problem+json"]
    assert media["schema"] == {"$ref": "#/components/schemas/Problem_auth"}  # not a copy
    example = media["examples"]["AUTH-ERR-4"]["value"]
    assert example == orjson.loads(errdex.render(auth, "problem").body)
    assert "AUTH-ERR-4" in got[status]["description"]
    assert (
        "500" in got
        and "SYS-ERR-0" in got["500"]["content"]["application/problem+json"]["examples"]
    )


def test_fastapi_responses_group_codes_by_status_and_reject_unknown(zan: Catalog) -> None:
    found = responses(zan, codes=[("jsonrpc", -32002), ("jsonrpc", -32004), 429], locale="en")
    assert sorted(found) == [403, 429]
    assert sorted(found[403]["content"]["application/problem+json"]["examples"]) == [
        "-32002",
        "-32004",
    ]
    rpc = responses(zan, codes=[("jsonrpc", -32003)], profile="jsonrpc")
    example = rpc[429]["content"]["application/json"]["examples"]["-32003"]["value"]
    assert example["error"]["code"] == -32003
    with pytest.raises(LookupError):
        responses(zan, codes=["NO-SUCH-CODE"])


def test_unhandled_exception_answered_behind_an_opaque_middleware(csghub: Catalog) -> None:
    """A middleware that hides the app it wraps (no ``app`` attribute): errdex falls back
    to its own innermost middleware, and the 500 is still the catalog's envelope."""

    class Opaque:
        def __init__(self, app: object) -> None:
            self.inner = app

        async def __call__(self, scope: object, receive: object, send: object) -> None:
            await self.inner(scope, receive, send)  # type: ignore[operator]

    async def boom(request: Request) -> JSONResponse:
        raise RuntimeError("password=hunter2")

    app = Starlette(routes=[Route("/boom", boom)])
    app.add_middleware(Opaque)
    install(app, csghub)
    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500 and response.json()["code"] == "SYS-ERR-0"
    assert "hunter2" not in response.text
    assert any(
        type(m.cls) is type and m.cls.__name__ == "UnhandledErrors" for m in app.user_middleware
    )
