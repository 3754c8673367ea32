"""gRPC: a real in-process server on 127.0.0.1 (sync and aio) ends every failed RPC with the
catalog error's status; the client decodes it back and decides retries as for HTTP."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterator
from concurrent import futures
from pathlib import Path
from typing import Any

import orjson
import pytest

grpc = pytest.importorskip("grpc", reason="grpcio is not installed (pip install 'errdex[grpc]')")
pytest.importorskip("grpc_status", reason="grpcio-status is not installed")

from google.protobuf import json_format  # noqa: E402
from google.rpc import status_pb2  # noqa: E402
from grpc_status import rpc_status  # noqa: E402

import errdex  # noqa: E402
from errdex.integrations.grpc import DETAILS_KEY, ErrorInterceptor, status_of  # noqa: E402
from errdex.integrations.grpc_client import (  # noqa: E402
    AsyncErrorClientInterceptor,
    ErrorClientInterceptor,
    async_interceptors,
    decode_rpc_error,
    decode_status,
)
from errdex.integrations.grpc_client import _details as _read_details  # noqa: E402
from errdex.integrations.retrying import decision_for  # noqa: E402
from errdex.model import Catalog  # noqa: E402
from errdex.runtime import BUILTIN  # noqa: E402

SHOP = Path(__file__).resolve().parents[2] / "examples" / "apps" / "shop.toml"
METHOD = "/shop.Orders/Get"
_NUMBERS = {code.name: code.value[0] for code in grpc.StatusCode}
STREAM = "/shop.Orders/List"
WRITE = "/shop.Orders/Pay"
CHAT = "/shop.Orders/Chat"


@pytest.fixture(scope="module")
def shop() -> Catalog:
    return errdex.load(SHOP)


def _fail(shop: Catalog, request: bytes, context: Any) -> bytes:
    if request == b"missing":
        raise shop.error("SHOP-1", order_id="7")
    if request == b"busy":
        raise shop.error("SHOP-3")
    if request == b"card":
        raise shop.error("SHOP-2", card="4111111111111111")
    if request == b"fields":
        subs = [shop.error("SHOP-1", order_id="9", field="items[0].order")]
        raise shop.error("SHOP-1", order_id="8", sub_errors=subs)
    if request == b"boom":
        raise RuntimeError("postgres://admin:hunter2@db/shop")
    if request == b"slow":
        time.sleep(1.0)
    if request == b"abort":
        context.abort(grpc.StatusCode.ALREADY_EXISTS, "the handler's own abort")
    if request == b"timeout":  # the handler's own work ran out of time
        raise TimeoutError("db query took 31 s on 10.0.0.7")
    if request == b"foreign":  # a status from a service that knows another catalog
        foreign = status_pb2.Status(code=9, message="Quota rule broken")
        info = json_format.ParseDict(
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "QUOTA",
                "domain": "shop",
                "metadata": {"code": "SHOP-99"},
            },
            foreign.details.add(),
        )
        assert info is not None
        context.abort_with_status(rpc_status.to_status(foreign))
    return b"ok:" + request


def _ascii(raw: bytes) -> bytes:
    raw.decode("ascii")  # b"\xff" fails: a request message that does not deserialize
    return raw


def _order(raw: bytes) -> Any:
    """A deserializer that validates: a pydantic model read from JSON."""
    from pydantic import BaseModel, Field

    class Item(BaseModel):
        qty: int = Field(gt=0)

    class Order(BaseModel):
        id: str
        items: list[Item]

    return Order.model_validate_json(raw)


class _SyncServer:
    def __init__(self, shop: Catalog) -> None:
        def get(request: bytes, context: Any) -> bytes:
            return _fail(shop, request, context)

        def listing(request: bytes, context: Any) -> Iterator[bytes]:
            yield b"first"
            _fail(shop, request, context)
            yield b"second"

        def upload(requests: Iterator[bytes], context: Any) -> bytes:
            return _fail(shop, b"".join(requests), context)

        def chat(requests: Iterator[bytes], context: Any) -> Iterator[bytes]:
            for request in requests:
                yield _fail(shop, request, context)

        def typed(request: Any, context: Any) -> bytes:
            return orjson.dumps(request.model_dump())

        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=4), interceptors=[ErrorInterceptor(shop)]
        )
        handlers = {
            "Get": grpc.unary_unary_rpc_method_handler(get),
            "Strict": grpc.unary_unary_rpc_method_handler(
                get, request_deserializer=_ascii, response_serializer=bytes
            ),
            "StrictUpload": grpc.stream_unary_rpc_method_handler(
                upload, request_deserializer=_ascii, response_serializer=bytes
            ),
            "Typed": grpc.unary_unary_rpc_method_handler(typed, request_deserializer=_order),
            "Pay": grpc.unary_unary_rpc_method_handler(get),
            "List": grpc.unary_stream_rpc_method_handler(listing),
            "Upload": grpc.stream_unary_rpc_method_handler(upload),
            "Chat": grpc.stream_stream_rpc_method_handler(chat),
        }
        self.server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", handlers)]
        )
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()


@pytest.fixture(scope="module")
def server(shop: Catalog) -> Iterator[int]:
    running = _SyncServer(shop)
    yield running.port
    running.server.stop(0)


@pytest.fixture()
def channel(server: int) -> Iterator[Any]:
    with grpc.insecure_channel(f"127.0.0.1:{server}") as ch:
        yield ch


def _call(channel: Any, request: bytes, **kw: Any) -> Any:
    try:
        channel.unary_unary(METHOD)(request, **kw)
    except grpc.RpcError as exc:
        return exc
    raise AssertionError("the call succeeded")


def _call_method(channel: Any, method: str, request: bytes) -> Any:
    try:
        channel.unary_unary(method)(request)
    except grpc.RpcError as exc:
        return exc
    raise AssertionError("the call succeeded")


def _profile(error: errdex.Error, locale: str | None = None) -> dict[str, Any]:
    """The google profile's JSON as the protobuf JSON of google.rpc.Status: ``code`` the
    google.rpc.Code number of ``status`` (a name protobuf's Status has no field for)."""
    body: dict[str, Any] = orjson.loads(errdex.render(error, "google", locale=locale).body)
    found = dict(body["error"])
    found["code"] = _NUMBERS[found.pop("status")]
    return found


def _details(exc: Any) -> status_pb2.Status:
    status = rpc_status.from_call(exc)  # also checks code and message agree with the proto
    assert status is not None, "no grpc-status-details-bin"
    return status


# -- server ---------------------------------------------------------------------------


def test_success_passes_through(channel: Any) -> None:
    assert channel.unary_unary(METHOD)(b"1") == b"ok:1"


def test_catalog_error_is_the_google_profile_in_protobuf(shop: Catalog, channel: Any) -> None:
    exc = _call(channel, b"missing", metadata=[("accept-language", "zh-CN")])
    assert exc.code() is grpc.StatusCode.NOT_FOUND
    assert exc.details() == "Order 7 does not exist."
    status = _details(exc)
    profile = _profile(shop.error("SHOP-1", order_id="7"), "zh-CN")
    as_json = json_format.MessageToDict(status)
    assert as_json == profile and profile["code"] == 5
    info, localized, help_ = as_json["details"]
    assert info["reason"] == "ORDER_NOT_FOUND" and info["domain"] == "shop"
    assert info["metadata"] == {"code": "SHOP-1", "order_id": "7"}
    assert localized == {
        "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
        "locale": "zh-CN",
        "message": "订单 7 不存在。",
    }
    assert help_["links"][0]["url"] == "https://errors.shop.example/SHOP-1"
    # the bytes: the profile's JSON as a google.rpc.Status, serialized deterministically
    expected = status_pb2.Status()
    json_format.ParseDict(profile, expected)
    sent = dict(exc.trailing_metadata())[DETAILS_KEY]
    assert sent == expected.SerializeToString(deterministic=True)


def test_no_language_asked_no_localized_message(channel: Any) -> None:
    kinds = [d.type_url.rpartition(".")[2] for d in _details(_call(channel, b"missing")).details]
    assert kinds == ["ErrorInfo", "Help"]


def test_retry_info_from_the_retry_hint(channel: Any) -> None:
    exc = _call(channel, b"busy")
    assert exc.code() is grpc.StatusCode.UNAVAILABLE
    details = json_format.MessageToDict(_details(exc))["details"]
    assert {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "2s"} in details


def test_private_params_stay_out(channel: Any) -> None:
    exc = _call(channel, b"card")
    assert exc.code() is grpc.StatusCode.UNKNOWN  # 402 has no google.rpc code
    assert "4111" not in repr(exc.trailing_metadata()) and "4111" not in exc.details()


def test_sub_errors_are_field_violations(channel: Any) -> None:
    details = json_format.MessageToDict(_details(_call(channel, b"fields")))["details"]
    (bad,) = [d for d in details if d["@type"].endswith("BadRequest")]
    assert bad["fieldViolations"] == [
        {
            "field": "items[0].order",
            "description": "Order 9 does not exist.",
            "reason": "ORDER_NOT_FOUND",
        }
    ]


def test_unhandled_exception_sends_catalog_text_only(
    channel: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="errdex"):
        exc = _call(channel, b"boom")
    assert exc.code() is grpc.StatusCode.INTERNAL
    assert exc.details() == "Something went wrong on our side."
    sent = repr(exc.trailing_metadata()) + exc.details() + (exc.debug_error_string() or "")
    assert "hunter2" not in sent and "RuntimeError" not in sent
    assert json_format.MessageToDict(_details(exc))["details"][0]["metadata"] == {"code": "SHOP-0"}
    assert any("hunter2" in (r.exc_text or r.getMessage()) for r in caplog.records)


def test_a_handlers_own_abort_keeps_its_code_and_text_with_details(channel: Any) -> None:
    exc = _call(channel, b"abort")  # more in test_grpc_abort.py
    assert exc.code() is grpc.StatusCode.ALREADY_EXISTS
    assert exc.details() == "the handler's own abort"
    assert json_format.MessageToDict(_details(exc))["details"][0]["metadata"] == {
        "code": "conflict"  # 409's built-in type
    }


def test_streaming_response_ends_with_the_status(channel: Any) -> None:
    got = []
    with pytest.raises(grpc.RpcError) as caught:
        for item in channel.unary_stream(STREAM)(b"missing"):
            got.append(item)
    assert got == [b"first"]
    assert caught.value.code() is grpc.StatusCode.NOT_FOUND
    assert _details(caught.value).message == "Order 7 does not exist."


def test_streaming_request_and_its_client(shop: Catalog, channel: Any, decoding: Any) -> None:
    upload = "/shop.Orders/Upload"
    assert channel.stream_unary(upload)(iter([b"o", b"k"])) == b"ok:ok"
    with pytest.raises(grpc.RpcError) as caught:
        channel.stream_unary(upload)(iter([b"mis", b"sing"]))
    assert caught.value.code() is grpc.StatusCode.NOT_FOUND
    with pytest.raises(shop.errors["SHOP-3"]):  # the client interceptor decodes it too
        decoding.stream_unary(upload)(iter([b"bu", b"sy"]))


def test_on_error_hook_sees_each_error(shop: Catalog) -> None:
    seen: list[tuple[Any, Any]] = []
    interceptor = ErrorInterceptor(shop, on_error=lambda err, exc: seen.append((err, exc)))
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2), interceptors=[interceptor])
    handler = grpc.unary_unary_rpc_method_handler(lambda req, ctx: _fail(shop, req, ctx))
    server.add_generic_rpc_handlers(
        [grpc.method_handlers_generic_handler("shop.Orders", {"Get": handler})]
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            _call(ch, b"boom")
    finally:
        server.stop(0)
    ((err, exc),) = seen
    assert err.code == "SHOP-0" and isinstance(exc, RuntimeError)


def test_every_error_goes_out_with_catalog_details(shop: Catalog, channel: Any) -> None:
    """What grpcio would answer itself is a catalog error too (a built-in problem type)."""
    unknown = _call_method(channel, "/shop.Orders/Nope", b"1")
    assert unknown.code() is grpc.StatusCode.UNIMPLEMENTED
    assert unknown.details() == "Not Implemented"
    info = json_format.MessageToDict(_details(unknown))["details"][0]
    assert info["metadata"] == {"code": "http-501"} and info["domain"] == "shop"
    unknown_service = _call_method(channel, "/nobody.Knows/This", b"1")
    assert unknown_service.code() is grpc.StatusCode.UNIMPLEMENTED
    late = _call(channel, b"timeout")
    assert late.code() is grpc.StatusCode.DEADLINE_EXCEEDED
    assert late.details() == "Gateway Timeout" and "10.0.0.7" not in repr(late.trailing_metadata())
    assert _details(late).details[0].type_url.endswith("ErrorInfo")
    undecodable = _call_method(channel, "/shop.Orders/Strict", b"\xff")
    assert undecodable.code() is grpc.StatusCode.INVALID_ARGUMENT
    found = json_format.MessageToDict(_details(undecodable))
    assert found["details"][0]["metadata"] == {"code": "validation-failed"}
    (bad,) = [d for d in found["details"] if d["@type"].endswith("BadRequest")]
    assert bad["fieldViolations"] == [
        {  # the whole message: field "" (proto3 leaves it out of the JSON)
            "description": "The request message could not be decoded.",
            "reason": "CODE_UNDECODABLE",
        }
    ]
    assert _call_method(channel, "/shop.Orders/Strict", b"missing").code() is (
        grpc.StatusCode.NOT_FOUND
    )


def test_a_streamed_request_that_does_not_decode(channel: Any) -> None:
    upload = channel.stream_unary("/shop.Orders/StrictUpload")
    assert upload(iter([b"o", b"k"])) == b"ok:ok"
    with pytest.raises(grpc.RpcError) as caught:
        upload(iter([b"o", b"\xff"]))
    assert caught.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert _details(caught.value).details[0].type_url.endswith("ErrorInfo")


def test_a_validating_deserializer_gives_one_violation_per_field(channel: Any) -> None:
    typed = "/shop.Orders/Typed"
    ok = channel.unary_unary(typed)(b'{"id": "1", "items": [{"qty": 2}]}')
    assert orjson.loads(ok) == {"id": "1", "items": [{"qty": 2}]}
    exc = _call_method(channel, typed, b'{"items": [{"qty": 0}]}')
    assert exc.code() is grpc.StatusCode.INVALID_ARGUMENT
    (bad,) = [
        d for d in json_format.MessageToDict(_details(exc))["details"] if "BadRequest" in d["@type"]
    ]
    assert [(v["field"], v["reason"]) for v in bad["fieldViolations"]] == [
        ("id", "CODE_MISSING"),
        ("items[0].qty", "CODE_GREATER_THAN"),
    ]


def test_a_catalog_names_the_entries_for_grpc_errors(shop: Catalog) -> None:
    text = SHOP.read_text(encoding="utf-8")
    own = errdex.loads(
        text
        + """
[[errors]]
code = "SHOP-8"
name = "noSuchMethod"
module = "shop"
message = "This server has no such method."
http_status = 501

[[errors]]
code = "SHOP-9"
name = "badRequest"
module = "shop"
message = "The request is not a valid message."
http_status = 400
"""
    )
    errors = ErrorInterceptor(own, errors={501: "SHOP-8", "validation": "SHOP-9"})
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2), interceptors=[errors])
    handler = grpc.unary_unary_rpc_method_handler(lambda req, ctx: req, request_deserializer=_ascii)
    server.add_generic_rpc_handlers(
        [grpc.method_handlers_generic_handler("shop.Orders", {"Get": handler})]
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            unknown = _call_method(ch, "/shop.Orders/Nope", b"1")
            bad = _call_method(ch, METHOD, b"\xff")
    finally:
        server.stop(0)
    assert unknown.code() is grpc.StatusCode.UNIMPLEMENTED
    assert unknown.details() == "This server has no such method."
    assert bad.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert bad.details() == "The request is not a valid message."
    with pytest.raises(LookupError, match="SHOP-77"):
        ErrorInterceptor(own, errors={501: "SHOP-77"})


def test_no_message_goes_out_before_an_error_status(channel: Any) -> None:
    """Ending a unary call by returning (not by raising grpcio's abort) sends the same
    frames as ``context.abort``: the status alone — read as a stream, nothing arrives."""
    got = []
    with pytest.raises(grpc.RpcError) as caught:
        for item in channel.unary_stream(METHOD)(b"missing"):
            got.append(item)
    assert got == [] and caught.value.code() is grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError):
        for item in channel.unary_stream("/shop.Orders/Strict")(b"\xff"):
            got.append(item)
    assert got == []


# -- client -----------------------------------------------------------------------------


@pytest.fixture()
def decoding(server: int, shop: Catalog) -> Iterator[Any]:
    interceptor = ErrorClientInterceptor(shop, idempotent={METHOD})
    with grpc.insecure_channel(f"127.0.0.1:{server}") as ch:
        yield grpc.intercept_channel(ch, interceptor)


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
    err = decode_rpc_error(_call(channel, b"foreign"), shop)
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


def test_a_plain_profile_named_google_does_not_change_grpc(shop: Catalog) -> None:
    text = SHOP.read_text(encoding="utf-8")
    own = errdex.loads(text + '\n[profiles.google]\nbody = { oops = "$message" }\n')
    assert orjson.loads(errdex.render(own.error("SHOP-3"), "google").body) == {
        "oops": "The shop is busy; try again shortly."
    }
    assert status_of(own.error("SHOP-3"), own) == status_of(shop.error("SHOP-3"), shop)


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


# -- aio --------------------------------------------------------------------------------


def test_aio_server_and_client(shop: Catalog) -> None:
    async def get(request: bytes, context: Any) -> bytes:
        await asyncio.sleep(0)
        if request == b"abort":
            await context.abort(grpc.StatusCode.ALREADY_EXISTS, "mine")
        if request == b"slow":
            await asyncio.sleep(1.0)
        return _fail(shop, request, context)

    async def listing(request: bytes, context: Any) -> AsyncIterator[bytes]:
        yield b"first"
        yield _fail(shop, request, context)

    async def chat(requests: AsyncIterator[bytes], context: Any) -> AsyncIterator[bytes]:
        async for request in requests:
            yield _fail(shop, request, context)

    async def upload(requests: AsyncIterator[bytes], context: Any) -> bytes:
        return _fail(shop, b"".join([r async for r in requests]), context)

    async def go() -> None:
        server = grpc.aio.server(interceptors=[ErrorInterceptor(shop)])
        handlers = {
            "Get": grpc.unary_unary_rpc_method_handler(get),
            "List": grpc.unary_stream_rpc_method_handler(listing),
            "Chat": grpc.stream_stream_rpc_method_handler(chat),
            "Upload": grpc.stream_unary_rpc_method_handler(upload),
        }
        server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", handlers)]
        )
        port = server.add_insecure_port("127.0.0.1:0")
        await server.start()
        target = f"127.0.0.1:{port}"
        try:
            async with grpc.aio.insecure_channel(target) as ch:
                assert await ch.unary_unary(METHOD)(b"1") == b"ok:1"
                with pytest.raises(grpc.aio.AioRpcError) as caught:
                    await ch.unary_unary(METHOD)(
                        b"missing", metadata=(("accept-language", "zh-CN"),)
                    )
                exc = caught.value
                assert exc.code() is grpc.StatusCode.NOT_FOUND
                got = json_format.MessageToDict(_details(exc))
                assert got == _profile(shop.error("SHOP-1", order_id="7"), "zh")
                with pytest.raises(grpc.aio.AioRpcError) as boom:
                    await ch.unary_unary(METHOD)(b"boom")
                assert boom.value.code() is grpc.StatusCode.INTERNAL
                assert "hunter2" not in repr(boom.value.trailing_metadata())
                with pytest.raises(grpc.aio.AioRpcError) as aborted:
                    await ch.unary_unary(METHOD)(b"abort")
                assert aborted.value.code() is grpc.StatusCode.ALREADY_EXISTS
                items = []
                with pytest.raises(grpc.aio.AioRpcError) as streamed:
                    async for item in ch.unary_stream(STREAM)(b"busy"):
                        items.append(item)
                assert items == [b"first"]
                assert streamed.value.code() is grpc.StatusCode.UNAVAILABLE
                with pytest.raises(grpc.aio.AioRpcError) as unknown:
                    await ch.unary_unary("/shop.Orders/Nope")(b"1")
                assert unknown.value.code() is grpc.StatusCode.UNIMPLEMENTED
                assert _details(unknown.value).details[0].type_url.endswith("ErrorInfo")
                with pytest.raises(grpc.aio.AioRpcError) as late_work:
                    await ch.unary_unary(METHOD)(b"timeout")
                assert late_work.value.code() is grpc.StatusCode.DEADLINE_EXCEEDED
                items = []  # a unary error read as a stream: the status alone, no message
                with pytest.raises(grpc.aio.AioRpcError):
                    async for item in ch.unary_stream(METHOD)(b"missing"):
                        items.append(item)
                assert items == []
            client = AsyncErrorClientInterceptor(shop)
            async with grpc.aio.insecure_channel(target, interceptors=[client]) as ch:
                assert await ch.unary_unary(METHOD)(b"2") == b"ok:2"
                with pytest.raises(shop.errors["SHOP-3"]) as busy:
                    await ch.unary_unary(METHOD)(b"busy")
                assert busy.value.retry_after == 2 and decision_for(busy.value).retry
            every_kind = async_interceptors(shop, idempotent={STREAM})
            async with grpc.aio.insecure_channel(target, interceptors=every_kind) as ch:
                with pytest.raises(shop.errors["SHOP-3"]):
                    await ch.unary_unary(METHOD)(b"busy")
                uploading = ch.stream_unary("/shop.Orders/Upload")
                assert await uploading(iter([b"o", b"k"])) == b"ok:ok"
                with pytest.raises(shop.errors["SHOP-1"]):
                    await uploading(iter([b"miss", b"ing"]))
                items = []
                with pytest.raises(shop.errors["SHOP-1"]) as streamed_missing:
                    async for item in ch.unary_stream(STREAM)(b"missing"):
                        items.append(item)
                assert items == [b"first"] and streamed_missing.value.params == {"order_id": "7"}
                assert streamed_missing.value.request.method == "GET"  # declared idempotent
                assert [i async for i in ch.unary_stream(STREAM)(b"1")] == [b"first", b"ok:1"]
                items = []
                with pytest.raises(shop.errors["SHOP-3"]):
                    async for item in ch.stream_stream(CHAT)(iter([b"1", b"busy"])):
                        items.append(item)
                assert items == [b"ok:1"]
                with pytest.raises(shop.errors["SHOP-0"]):
                    await ch.unary_unary(METHOD)(b"boom")
                with pytest.raises(errdex.Error) as late:
                    await ch.unary_unary(METHOD)(b"slow", timeout=0.1)
                assert late.value.status == 504 and late.value.entry is None
                assert decision_for(late.value).reason == "needs-idempotency-key"
        finally:
            await server.stop(0)

    asyncio.run(go())


def test_a_catalogs_http_entry_answers_grpcs_own_errors(zan: Catalog) -> None:
    """Without ``errors=``, a catalog's ``http``-space entry for the status is used (ZAN's
    400 for a request that does not decode), as in the HTTP integrations."""
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=2), interceptors=[ErrorInterceptor(zan)]
    )
    handler = grpc.unary_unary_rpc_method_handler(lambda req, ctx: req, request_deserializer=_ascii)
    server.add_generic_rpc_handlers(
        [grpc.method_handlers_generic_handler("zan.Node", {"Call": handler})]
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            bad = _call_method(ch, "/zan.Node/Call", b"\xff")
            unknown = _call_method(ch, "/zan.Node/Nope", b"1")
    finally:
        server.stop(0)
    assert bad.code() is grpc.StatusCode.INVALID_ARGUMENT
    info = json_format.MessageToDict(_details(bad))["details"][0]
    assert info["domain"] == zan.meta.id
    assert info["metadata"] == {"code": "400"}
    assert bad.details() == zan.errors["http", 400]().message
    # ZAN has no 501 entry: the built-in type
    assert unknown.code() is grpc.StatusCode.UNIMPLEMENTED
    assert json_format.MessageToDict(_details(unknown))["details"][0]["metadata"] == {
        "code": "http-501"
    }


@pytest.mark.parametrize("name", ["zan", "alchemy", "csghub", "yuanrong", "subquery-indexer-proxy"])
def test_details_bytes_are_protobufs_reading_of_the_google_body(name: str) -> None:
    """The details are built message by message (not through ``json_format.ParseDict``, three
    times slower): the same bytes as protobuf's own reading of the google profile's JSON,
    for every entry of every example catalog, with and without a negotiated language; the
    client reads them back directly into what ``json_format.MessageToDict`` gives."""
    cat = errdex.load(Path(__file__).resolve().parents[2] / "examples" / name)
    checked = 0
    for entry in cat.entries:
        if entry.status == "removed":
            continue
        for locale in (None, "zh-CN"):
            error = cat.errors[entry.space, entry.key]()  # no params: placeholders stay
            rendered = errdex.render(error, BUILTIN["google"], locale=locale, catalog=cat)
            body = orjson.loads(rendered.body)["error"]
            expected = status_pb2.Status()
            json_format.ParseDict(
                {
                    "code": _NUMBERS[body["status"]] or _NUMBERS["UNKNOWN"],
                    "message": body["message"],
                    "details": body["details"],
                },
                expected,
            )
            sent = status_of(error, cat, locale=locale).trailing_metadata[0][1]
            assert sent == expected.SerializeToString(deterministic=True), entry.code
            # and back: the client reads the details as protobuf's JSON writer gives them
            read = [json_format.MessageToDict(d) for d in expected.details]
            assert _read_details(expected) == read == body["details"]
            checked += 1
    assert checked >= 20
