"""``errdex.runtime.profiles.jsonrpc``: JSON-RPC 2.0 error responses, batches, reading back."""

from __future__ import annotations

import orjson

import errdex
from errdex.runtime.profiles.jsonrpc import read_jsonrpc, render_batch


def test_the_rendered_response(shop) -> None:
    sent = errdex.render(shop.error("AUTH-ERR-4", age=3), "jsonrpc", id=5)
    assert orjson.loads(sent.body) == {
        "jsonrpc": "2.0",
        "error": {
            "code": -32603,  # an app code without a JSON-RPC code: internal error
            "message": "The token expired 3 seconds ago.",
            "data": {"code": "AUTH-ERR-4", "name": "invalidJWT", "params": {"age": 3}},
        },
        "id": 5,
    }
    rpc = orjson.loads(errdex.render(shop.error(-32000), "jsonrpc").body)
    assert rpc["error"]["code"] == -32000 and rpc["id"] is None


def test_a_batch_is_one_response_per_item_in_order(shop) -> None:
    sent = render_batch([(shop.error(-32000), 1), (shop.error("AUTH-ERR-4", age=1), "b")])
    body = orjson.loads(sent.body)
    assert [(r["id"], r["error"]["code"]) for r in body] == [(1, -32000), ("b", -32603)]


def test_read_jsonrpc_gives_the_decode_fields(shop) -> None:
    body = orjson.loads(errdex.render(shop.error("AUTH-ERR-4", age=3), "jsonrpc", id=5).body)
    fields = read_jsonrpc(body)
    assert fields is not None
    assert (fields["jsonrpc_code"], fields["code"], fields["id"]) == (-32603, "AUTH-ERR-4", 5)
    assert fields["params"] == {"age": 3}
    assert read_jsonrpc({"error": 1}) is None and read_jsonrpc({"result": 1}) is None
