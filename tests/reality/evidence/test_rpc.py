"""A JSON-RPC error sent with HTTP 200 is an error; a JSON-RPC result is not."""

from __future__ import annotations

import pytest

from errdex.reality.evidence.rpc import is_rpc_error


@pytest.mark.parametrize(
    "body",
    [
        b'{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"busy"}}',
        b'[{"id":1,"result":5},{"id":2,"error":{"code":-32601,"message":"no"}}]',
    ],
)
def test_an_error_member_that_is_an_object_is_an_error(body: bytes) -> None:
    assert is_rpc_error(body)


@pytest.mark.parametrize(
    "body",
    [
        b'{"jsonrpc":"2.0","id":1,"result":"0x1"}',
        b'{"error":"a string, not a JSON-RPC error object"}',
        b'{"result":{"text":"\\"error\\" in a string"}}',
        b'[{"id":1,"result":5}]',
        b'{"error": {"code": 1',  # not JSON
        b"",
    ],
)
def test_anything_else_is_not(body: bytes) -> None:
    assert not is_rpc_error(body)
