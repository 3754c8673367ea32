"""``errdex.io.invariants.wire``: HTTP statuses, waits and JSON-RPC codes a wire can carry."""

from __future__ import annotations

import pytest

from errdex.io.invariants.wire import http_statuses, reserved_codes, retry_after


@pytest.mark.parametrize("status", [0, 99, 600])
def test_an_http_status_outside_100_to_599(found, status: int) -> None:
    body = f'[[errors]]\ncode = 1\nmessage = "a"\nhttp_status = {status}\n'
    ((rule, place, message),) = found(http_statuses, body)
    assert rule == "E109" and place.startswith("6:") and str(status) in message


def test_a_module_status_is_checked_too(found) -> None:
    body = '[modules.m]\nhttp_status = 1000\n[[errors]]\ncode = 1\nmodule = "m"\nmessage = "a"\n'
    assert [r for r, _, _ in found(http_statuses, body)] == ["E109"]
    assert found(http_statuses, '[[errors]]\ncode = 1\nmessage = "a"\nhttp_status = 404\n') == []


def test_a_negative_retry_after(found) -> None:
    body = '[[errors]]\ncode = 1\nmessage = "a"\nretry_after = -1\n'
    assert [r for r, _, _ in found(retry_after, body)] == ["E113"]
    assert found(retry_after, '[[errors]]\ncode = 1\nmessage = "a"\nretry_after = 0\n') == []


def test_a_reserved_json_rpc_code(found) -> None:
    rpc = '[spaces.rpc]\nkind = "jsonrpc"\n'
    reserved = rpc + '[[errors]]\ncode = -32500\nspace = "rpc"\nmessage = "a"\n'
    ((rule, _, message),) = found(reserved_codes, reserved)
    assert rule == "E110" and "-32500" in message
    server = rpc + '[[errors]]\ncode = -32000\nspace = "rpc"\nmessage = "a"\n'
    standard = rpc + '[[errors]]\ncode = -32601\nspace = "rpc"\nmessage = "a"\n'
    assert found(reserved_codes, server) == [] and found(reserved_codes, standard) == []
