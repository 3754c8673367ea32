"""httpx clients decoding error responses into catalog errors: mock transport and real server."""

from __future__ import annotations

import asyncio

import httpx
import orjson
import pytest
from live_server import serve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

import errdex
from errdex.integrations.httpx import (
    async_event_hooks,
    decode_batch,
    decode_response,
    event_hooks,
    raise_for_error,
)
from errdex.integrations.jsonrpc import JsonRpc
from errdex.integrations.starlette import JsonRpcEndpoint, install
from errdex.model import Catalog


def _alchemy_transport() -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/known":
            body = {
                "jsonrpc": "2.0",
                "id": 1,
                "error": {"code": -32000, "message": "already known"},
            }
            return httpx.Response(200, json=body)
        if request.url.path == "/limited":
            return httpx.Response(
                429,
                headers={"Retry-After": "12"},
                json={"jsonrpc": "2.0", "id": 1, "error": {"code": 429, "message": "Too many"}},
            )
        if request.url.path == "/html":
            return httpx.Response(502, text="<html>bad gateway</html>")
        if request.url.path == "/batch":
            return httpx.Response(
                200,
                json=[
                    {"jsonrpc": "2.0", "id": 1, "result": "0x1"},
                    {
                        "jsonrpc": "2.0",
                        "id": 2,
                        "error": {"code": -32000, "message": "filter not found"},
                    },
                ],
            )
        return httpx.Response(200, json={"jsonrpc": "2.0", "id": 1, "result": "0x10"})

    return httpx.MockTransport(handler)


def test_hook_raises_jsonrpc_error_on_200_with_the_variant(alchemy: Catalog) -> None:
    with httpx.Client(transport=_alchemy_transport(), event_hooks=event_hooks(alchemy)) as client:
        assert client.post("http://node/ok").json()["result"] == "0x10"
        with pytest.raises(alchemy.errors.space("jsonrpc")) as info:
            client.post("http://node/known")
    err = info.value
    assert err.code == -32000 and err.entry is not None and err.entry.space == "jsonrpc"
    assert err.variant is not None and err.variant.message == "already known"
    assert err.response.status_code == 200


def test_retry_after_header_wins(alchemy: Catalog) -> None:
    with httpx.Client(transport=_alchemy_transport()) as client:
        response = client.get("http://node/limited")
    with pytest.raises(errdex.Error) as info:
        raise_for_error(response, alchemy)
    assert info.value.retry_after == 12 and info.value.retryable is True


def test_unparseable_body_and_batches(alchemy: Catalog) -> None:
    with httpx.Client(transport=_alchemy_transport()) as client:
        html = client.get("http://node/html")
        batch = client.get("http://node/batch")
        ok = client.get("http://node/ok")
    err = decode_response(html, alchemy)
    assert err is not None and err.status == 502 and "bad gateway" in str(err.raw)
    assert decode_response(batch, alchemy) is None  # a 200 batch is not raised...
    found = decode_batch(batch, alchemy)  # ...but decoded member by member
    assert found[0] is None and found[1] is not None and found[1].variant is not None
    assert decode_response(ok, alchemy) is None
    assert raise_for_error(ok, alchemy) is ok


def test_async_hook(csghub: Catalog) -> None:
    body = orjson.dumps({"code": "AUTH-ERR-4", "msg": "token expired", "data": None})

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, content=body, headers={"Content-Type": "application/json"})

    async def go() -> errdex.Error:
        async with httpx.AsyncClient(
            transport=httpx.MockTransport(handler), event_hooks=async_event_hooks(csghub)
        ) as client:
            try:
                await client.get("http://hub/api")
            except errdex.Error as exc:
                return exc
        raise AssertionError("no error raised")

    err = asyncio.run(go())
    assert isinstance(err, csghub.module_error("auth"))
    assert err.code == "AUTH-ERR-4" and err.status == 401


def test_against_a_real_server_roundtrip(zan: Catalog, csghub: Catalog) -> None:
    async def login(request: Request) -> JSONResponse:
        raise csghub.error("AUTH-ERR-4")

    async def boom(request: Request) -> JSONResponse:
        raise RuntimeError("secret")

    rpc = JsonRpc(zan)

    @rpc.method
    def eth_call() -> None:
        raise zan.error(-32003, space="jsonrpc", retry_after=3)

    app = Starlette(
        routes=[
            Route("/login", login),
            Route("/boom", boom),
            Route("/rpc", JsonRpcEndpoint(rpc), methods=["POST"]),
        ]
    )
    install(app, csghub)
    with serve(app) as base:
        with httpx.Client(base_url=base, timeout=5, event_hooks=event_hooks(csghub)) as client:
            with pytest.raises(csghub.errors.invalidJWT) as info:
                client.get("/login", headers={"Accept-Language": "zh-CN"})
            assert "令牌" in info.value.message
            with pytest.raises(csghub.errors["SYS-ERR-0"]) as boom_info:
                client.get("/boom")
            assert "secret" not in boom_info.value.response.text
        with httpx.Client(base_url=base, timeout=5) as client:
            response = client.post("/rpc", json={"jsonrpc": "2.0", "method": "eth_call", "id": 1})
    assert response.status_code == 429
    err = decode_response(response, zan)
    assert err is not None and err.entry is zan.entry(-32003, space="jsonrpc")
    assert err.retry_after == 3 and err.retryable is True
