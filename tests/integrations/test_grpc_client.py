"""gRPC clients: the interceptors decode a real server's failed RPCs back into catalog errors
and decide retries as for HTTP (a real in-process server on 127.0.0.1).
"""

from __future__ import annotations

from typing import Any

import pytest

grpc = pytest.importorskip("grpc", reason="grpcio is not installed (pip install 'errdex[grpc]')")
pytest.importorskip("grpc_status", reason="grpcio-status is not installed")

from grpc_shop import METHOD, STREAM, WRITE, call  # noqa: E402

import errdex  # noqa: E402
from errdex.integrations.grpc import DETAILS_KEY, status_of  # noqa: E402
from errdex.integrations.grpc_client import (  # noqa: E402
    decode_rpc_error,
    decode_status,
)
from errdex.integrations.retrying import decision_for  # noqa: E402
from errdex.model import Catalog  # noqa: E402


@pytest.fixture(scope="module")
def shop(app_shop: Catalog) -> Catalog:
    """The catalog the example apps serve (the root conftest's ``app_shop``)."""
    return app_shop


def test_client_interceptor_raises_the_catalog_error(shop: Catalog, decoding: Any) -> None:
    with pytest.raises(shop.errors["SHOP-1"]) as caught:
        decoding.unary_unary(METHOD)(b"missing")
    err = caught.value
    assert err.code == "SHOP-1" and err.status == 404 and err.params == {"order_id": "7"}
    assert isinstance(err.rpc_error, grpc.RpcError) and err.__cause__ is err.rpc_error
    assert decoding.unary_unary(METHOD)(b"2") == b"ok:2"


def test_client_interceptor_decodes_streaming_responses(shop: Catalog, decoding: Any) -> None:
    got = []
    with pytest.raises(shop.errors["SHOP-1"]) as caught:
        for item in decoding.unary_stream(STREAM)(b"missing"):
            got.append(item)
    assert got == [b"first"]  # the responses before the error still arrive
    assert caught.value.params == {"order_id": "7"}
    assert caught.value.request.rpc == STREAM and caught.value.__cause__ is caught.value.rpc_error
    assert list(decoding.unary_stream(STREAM)(b"1")) == [b"first", b"second"]
    chat = decoding.stream_stream("/shop.Orders/Chat")
    replies = chat(iter([b"1", b"2", b"busy", b"3"]))
    assert [next(replies), next(replies)] == [b"ok:1", b"ok:2"]
    with pytest.raises(shop.errors["SHOP-3"]) as busy:
        next(replies)
    assert busy.value.retry_after == 2 and decision_for(busy.value).retry
    assert replies.code() is grpc.StatusCode.UNAVAILABLE  # the call's own methods are kept
    assert list(chat(iter([b"1", b"2"]))) == [b"ok:1", b"ok:2"]


def test_client_retry_hint_and_decision(shop: Catalog, decoding: Any) -> None:
    with pytest.raises(shop.errors["SHOP-3"]) as caught:
        decoding.unary_unary(METHOD)(b"busy")
    err = caught.value
    assert err.retryable is True and err.retry_after == 2 and err.status == 503
    decision = decision_for(err)
    assert decision.retry and decision.reason == "retry" and decision.low == 2.0


def test_client_sub_errors(shop: Catalog, decoding: Any) -> None:
    with pytest.raises(shop.errors["SHOP-1"]) as caught:
        decoding.unary_unary(METHOD)(b"fields")
    (sub,) = caught.value.sub_errors
    assert sub.code == "SHOP-1" and sub.params["field"] == "items[0].order"


def test_client_unknown_code_keeps_it(shop: Catalog, channel: Any) -> None:
    err = decode_rpc_error(call(channel, b"foreign"), shop)
    assert err.entry is None and err.code == "SHOP-99"
    assert isinstance(err, shop.module_error("shop"))  # by the module's prefix
    assert err.status == 400 and err.message == "Quota rule broken"  # FAILED_PRECONDITION
    assert decision_for(err).reason == "never"


def test_deadline_is_outcome_unknown(shop: Catalog, decoding: Any) -> None:
    with pytest.raises(errdex.Error) as caught:
        decoding.unary_unary(METHOD)(b"slow", timeout=0.1)
    err = caught.value
    assert err.entry is None and err.status == 504
    assert err.rpc_error.code() is grpc.StatusCode.DEADLINE_EXCEEDED
    # a deadline may have run the call: retried for a method declared idempotent (as GET)...
    assert err.request.method == "GET" and decision_for(err).retry
    # ... else only with an idempotency key
    with pytest.raises(errdex.Error) as again:
        decoding.unary_unary(WRITE)(b"slow", timeout=0.1)
    assert decision_for(again.value).reason == "needs-idempotency-key"
    with pytest.raises(errdex.Error) as keyed:
        decoding.unary_unary(WRITE)(b"slow", timeout=0.1, metadata=[("idempotency-key", "k1")])
    assert decision_for(keyed.value).retry


def test_bare_statuses_decide_as_their_http_status(shop: Catalog) -> None:
    gateway = status_of(shop.error("SHOP-3"), shop)  # 503 safe, retried whatever the method
    assert decision_for(decode_status(*gateway, catalog=shop)).retry
    # a bare UNAVAILABLE (transport) is 503: safe; DEADLINE_EXCEEDED (504) outcome-unknown
    bare = decode_status(grpc.StatusCode.UNAVAILABLE, "connection refused", (), catalog=shop)
    assert bare.status == 503 and decision_for(bare).retry
    late = decode_status(grpc.StatusCode.DEADLINE_EXCEEDED, "Deadline Exceeded", (), catalog=shop)
    assert decision_for(late).reason == "needs-idempotency-key"


def test_garbage_details_are_ignored(shop: Catalog) -> None:
    err = decode_status(
        grpc.StatusCode.NOT_FOUND, "gone", ((DETAILS_KEY, b"\xff\xfe not a proto"),), catalog=shop
    )
    assert err.entry is None and err.status == 404 and err.message == "gone"


def test_entry_status_kept_when_the_code_agrees(shop: Catalog) -> None:
    status = status_of(shop.error("SHOP-1", order_id="1"), shop)
    assert decode_status(*status, catalog=shop).status == 404
    # the same entry sent with another gRPC code: the code's HTTP status wins
    other = decode_status(grpc.StatusCode.INTERNAL, status[1], status[2], catalog=shop)
    assert other.code == "SHOP-1" and other.status == 500
