"""The JSON-RPC 2.0 helper: catalog errors as responses, protocol errors, batches, notifications."""

from __future__ import annotations

import asyncio

import orjson
import pytest

import errdex
from errdex.integrations.jsonrpc import JsonRpc
from errdex.model import Catalog


@pytest.fixture
def rpc(zan: Catalog) -> JsonRpc:
    rpc = JsonRpc(zan)

    @rpc.method
    def eth_getBalance(address: str, block: str = "latest") -> str:
        if address == "0x0":
            raise zan.error(-32003, space="jsonrpc")
        if address == "boom":
            raise KeyError("db password")
        return "0x10"

    @rpc.method(name="eth_chainId")
    async def chain_id() -> str:
        return "0x1"

    return rpc


def call(method: str, *params: object, id: object = 1) -> dict:
    return {"jsonrpc": "2.0", "method": method, "params": list(params), "id": id}


def test_catalog_error_becomes_error_response(rpc: JsonRpc) -> None:
    assert rpc.dispatch(call("eth_getBalance", "0x0", id="a")) == {
        "jsonrpc": "2.0",
        "error": {"code": -32003, "message": "Cu limited per second"},
        "id": "a",
    }
    assert rpc.dispatch(call("eth_getBalance", "0x1")) == {
        "jsonrpc": "2.0",
        "result": "0x10",
        "id": 1,
    }


def test_unexpected_exception_uses_the_catalogs_internal_entry(rpc: JsonRpc) -> None:
    out = rpc.dispatch(call("eth_getBalance", "boom"))
    assert out["error"] == {"code": -32603, "message": "Internal JSON-RPC error"}
    assert "password" not in orjson.dumps(out).decode()


def test_protocol_errors_use_the_catalogs_texts(rpc: JsonRpc) -> None:
    assert rpc.dispatch(call("nope"))["error"]["code"] == -32601
    assert rpc.dispatch(call("nope"))["error"]["message"] == "Method does not exist"
    assert rpc.dispatch(call("eth_getBalance"))["error"]["code"] == -32602
    assert rpc.dispatch(call("eth_getBalance", "a", "b", "c"))["error"]["code"] == -32602
    assert rpc.dispatch({"jsonrpc": "1.0", "method": "x", "id": 1})["error"]["code"] == -32600
    assert rpc.dispatch({"jsonrpc": "2.0", "method": 5, "id": 1})["id"] == 1
    assert rpc.dispatch({"jsonrpc": "2.0", "method": "x", "id": {"a": 1}})["id"] is None
    assert (
        rpc.dispatch({"jsonrpc": "2.0", "method": "x", "params": 3, "id": 1})["error"]["code"]
        == -32600
    )
    assert rpc.dispatch([])["error"]["code"] == -32600


def test_protocol_errors_without_catalog_entries_use_the_standard_texts(csghub: Catalog) -> None:
    rpc = JsonRpc(csghub)
    out = rpc.dispatch(call("nope"))
    assert out["error"] == {"code": -32601, "message": "Method not found"}
    rendered = rpc.handle(b"[1")
    assert rendered is not None and rendered.status == 200
    assert orjson.loads(rendered.body)["error"] == {"code": -32700, "message": "Parse error"}


def test_notifications_get_no_response(rpc: JsonRpc) -> None:
    seen: list[object] = []
    rpc.on_error = lambda error, exc: seen.append(error.code)
    note = {"jsonrpc": "2.0", "method": "eth_getBalance", "params": ["0x0"]}
    assert rpc.dispatch(note) is None
    assert rpc.dispatch({"jsonrpc": "2.0", "method": "nope"}) is None
    assert rpc.handle(orjson.dumps([note, note])) is None
    assert seen == [-32003, -32601, -32003, -32003]


def test_batch(rpc: JsonRpc) -> None:
    out = rpc.dispatch(
        [
            call("eth_getBalance", "0x1", id=1),
            call("eth_getBalance", "0x0", id=2),
            7,
            {"jsonrpc": "2.0", "method": "eth_getBalance", "params": ["0x0"]},
        ]
    )
    assert [r["id"] for r in out] == [1, 2, None]
    assert out[1]["error"]["code"] == -32003
    assert out[2]["error"]["code"] == -32600


def test_wire_single_keeps_catalog_status_and_batch_is_200(rpc: JsonRpc) -> None:
    single = rpc.handle(orjson.dumps(call("eth_getBalance", "0x0")), locale="en")
    assert single is not None and single.status == 429
    batch = rpc.handle(
        orjson.dumps([call("eth_getBalance", "0x0"), call("eth_getBalance", "0x1", id=2)])
    )
    assert batch is not None and batch.status == 200
    assert [("error" in r) for r in orjson.loads(batch.body)] == [True, False]
    decoded = errdex.decode(single.status, single.headers, single.body, catalog=rpc.catalog)
    assert decoded.code == -32003 and decoded.entry is not None


def test_http_200_convention(zan: Catalog) -> None:
    rpc = JsonRpc(
        zan, {"f": lambda: (_ for _ in ()).throw(zan.error(-32003, space="jsonrpc"))}, http_200=True
    )
    out = rpc.handle(orjson.dumps(call("f")))
    assert out is not None and out.status == 200


def test_async_methods(rpc: JsonRpc) -> None:
    out = asyncio.run(
        rpc.dispatch_async([call("eth_chainId", id=1), call("eth_getBalance", "0x0", id=2)])
    )
    assert out[0]["result"] == "0x1" and out[1]["error"]["code"] == -32003
    # The sync path refuses a coroutine method with an internal error, not a hang or a crash.
    assert rpc.dispatch(call("eth_chainId"))["error"]["code"] == -32603


def test_localized_messages(csghub: Catalog) -> None:
    rpc = JsonRpc(csghub)

    @rpc.method
    def login() -> None:
        raise csghub.error("AUTH-ERR-4")

    en = rpc.dispatch(call("login"))["error"]
    zh = rpc.dispatch(call("login"), locale="zh-CN,zh;q=0.9")["error"]
    assert en["code"] == zh["code"] and en["message"] != zh["message"]
    assert en["data"]["code"] == "AUTH-ERR-4"
