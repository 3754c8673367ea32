"""Effective values: the HTTP status and JSON-RPC code an entry sends, and inherited defaults."""

from __future__ import annotations

from catalogs import HEAD
from errdex.io import loads
from errdex.model.effective import (
    DEFAULT_FIELDS,
    http_status,
    inherit,
    inherited,
    jsonrpc_code,
    message_retry_answers,
    retry_advice,
    retryable,
    sent_jsonrpc_code,
    sent_status,
)

CATALOG = (
    HEAD
    + """\
default_space = "app"
internal_error = 9000

[spaces.app]
[spaces.http]
kind = "http"
[spaces.rpc]
kind = "jsonrpc"
retryable = false
[spaces.billing]
http_status = 402
jsonrpc_code = -32050

[modules.orders]
space = "app"
http_status = 409
retryable = true

[modules.pay]
space = "billing"

[[errors]]
code = 1001
module = "orders"
message = "conflict"

[[errors]]
code = 1002
module = "orders"
http_status = 404
retryable = false

[[errors]]
code = 1003

[[errors]]
code = 404
space = "http"

[[errors]]
code = -32001
space = "rpc"

[[errors]]
code = 9000

[[errors]]
code = 7001
module = "pay"
"""
)


def _entry(cat, code, space=None):
    return cat.entry(code, space=space)


def test_http_status_module_default_own_value_http_space_and_none() -> None:
    cat = loads(CATALOG)
    assert http_status(cat, _entry(cat, 1001)) == 409  # module default
    assert http_status(cat, _entry(cat, 1002)) == 404  # its own wins
    assert http_status(cat, _entry(cat, 404, "http")) == 404  # the code of an http space
    assert http_status(cat, _entry(cat, 1003)) is None
    assert http_status(cat, _entry(cat, 7001)) == 402  # the space's default via the module


def test_sent_status_fallbacks() -> None:
    cat = loads(CATALOG)
    assert sent_status(cat, _entry(cat, 1003)) == 400
    assert sent_status(cat, _entry(cat, 9000)) == 500  # the catalog's internal error
    assert sent_status(cat, _entry(cat, 1003), jsonrpc=True) == 200
    assert sent_status(cat, _entry(cat, 1001), jsonrpc=True) == 409


def test_jsonrpc_code_and_retryable() -> None:
    cat = loads(CATALOG)
    assert jsonrpc_code(cat, _entry(cat, -32001)) == -32001  # the code of a jsonrpc space
    assert jsonrpc_code(cat, _entry(cat, 7001)) == -32050
    assert jsonrpc_code(cat, _entry(cat, 1001)) is None
    assert sent_jsonrpc_code(cat, _entry(cat, 1001)) == -32603
    assert retryable(_entry(cat, 1001)) is True
    assert retryable(_entry(cat, 1002)) is False
    assert retryable(_entry(cat, -32001)) is False  # the space's default
    assert retryable(_entry(cat, 1003)) is None


def test_inherit_and_inherited() -> None:
    space = inherit({"http_status": 402, "retryable": None})
    assert dict(zip(DEFAULT_FIELDS, space, strict=True)) == dict.fromkeys(DEFAULT_FIELDS) | {
        "http_status": 402
    }
    module = dict(zip(DEFAULT_FIELDS, inherit({"retryable": True}, space), strict=True))
    assert module["http_status"] == 402 and module["retryable"] is True
    assert module["jsonrpc_code"] is None
    cat = loads(CATALOG)
    assert inherited(cat, _entry(cat, 1002), "http_status") == 409
    assert inherited(cat, _entry(cat, 1003), "http_status") is None


RETRY = (
    HEAD
    + """\
[spaces.app]
[spaces.rpc]
kind = "jsonrpc"
http_status = 200
[spaces.bare]
kind = "jsonrpc"

[[errors]]
code = -32000
space = "rpc"

[[errors]]
code = -32001
space = "rpc"
retry = "idempotent-only"

[[errors]]
code = -32002
space = "bare"

[[errors]]
code = 1
space = "app"
http_status = 429

[[errors]]
code = 2
space = "app"

[[errors]]
code = 3
space = "app"
http_status = 504

[[errors]]
code = 4
space = "app"
http_status = 429
retryable = false
retry_after = 9

[[errors]]
code = 5
space = "app"
retry_after = 2
"""
)


def test_retry_advice_is_the_catalogs_word_else_the_status_sent_else_nothing() -> None:
    cat = loads(RETRY)
    got = {
        (e.space, e.code): tuple(retry_advice(cat, e))
        for e in cat.entries  # (class, retryable, source, status)
    }
    assert got == {
        ("rpc", -32000): ("never", None, None, 200),  # JSON-RPC over 200 says nothing
        ("rpc", -32001): ("idempotent-only", True, "catalog", 200),
        ("bare", -32002): ("never", None, None, 200),  # a jsonrpc space is sent with 200
        ("app", 1): ("safe", True, "http-status", 429),
        ("app", 2): ("never", False, "http-status", 400),  # the status it is sent with
        ("app", 3): ("outcome-unknown", True, "http-status", 504),
        ("app", 4): ("never", False, "catalog", 429),  # the catalog's word beats the status
        ("app", 5): ("safe", True, "catalog", 400),  # it sends Retry-After
    }


def test_the_retry_answers_of_messages_that_differ_from_the_entrys_own() -> None:
    catalog = loads(
        HEAD
        + """\
[[errors]]
code = 1
message = "Server error"
[[errors.variants]]
message = "already known"
[[errors.variants]]
message = "Request timed out."
retryable = true
[[errors.variants]]
message = "Timed out again."
retryable = true

[[errors]]
code = 2
retryable = true
message = "Busy"
[[errors.variants]]
message = "Busy, retry"
retryable = true
[[errors.variants]]
message = "Gone"
retryable = false
"""
    )
    silent, busy = catalog.entries
    # an app error is sent as 500 (not retried); one of its messages is retryable
    assert (retry_advice(catalog, silent).retryable, message_retry_answers(catalog, silent)) == (
        False,
        (True,),
    )
    assert message_retry_answers(catalog, busy) == (False,)  # the agreeing one is not repeated
