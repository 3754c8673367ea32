"""Wire constants: JSON-RPC's reserved codes, HTTP statuses and the google.rpc table."""

from __future__ import annotations

from errdex.model.wire import (
    GOOGLE_CODE_NUMBERS,
    GOOGLE_CODES,
    JSONRPC_STANDARD,
    RETRYABLE_STATUSES,
    google_status,
    is_http_status,
    jsonrpc_allowed,
    jsonrpc_reserved,
    status_retry_class,
)


def test_http_status_range() -> None:
    assert is_http_status(100) and is_http_status(599)
    assert not is_http_status(99) and not is_http_status(600)
    assert not is_http_status(True) and not is_http_status("404")


def test_jsonrpc_reserved_standard_and_server_defined() -> None:
    assert {-32700, -32600, -32601, -32602, -32603} == JSONRPC_STANDARD
    assert jsonrpc_reserved(-32768) and jsonrpc_reserved(-32000) and not jsonrpc_reserved(-31999)
    assert jsonrpc_allowed(-32700) and jsonrpc_allowed(-32050) and jsonrpc_allowed(3)
    assert not jsonrpc_allowed(-32100)  # reserved, neither standard nor server-defined
    assert jsonrpc_allowed(-32100, (-32199, -32100))  # a space that declares its range


def test_google_table() -> None:
    assert set(GOOGLE_CODES.values()) <= set(GOOGLE_CODE_NUMBERS)
    assert google_status(404) == "NOT_FOUND"
    assert google_status(418) == "UNKNOWN" and google_status(502) == "INTERNAL"
    assert google_status(204) == "OK"


def test_status_retry_class_and_the_retryable_statuses() -> None:
    assert [status_retry_class(s) for s in (None, 200, 399, 400, 425, 502, 504, 599)] == [
        None,
        None,
        None,
        "never",
        "safe",
        "idempotent-only",
        "outcome-unknown",
        "never",
    ]
    assert {s for s in range(400, 600) if status_retry_class(s) != "never"} == RETRYABLE_STATUSES
