"""gRPC: a real in-process server on 127.0.0.1 (sync and aio) ends every failed RPC with the
catalog error's status; the client decodes it back and decides retries as for HTTP."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from concurrent import futures
from pathlib import Path
from typing import Any

import orjson
import pytest

grpc = pytest.importorskip("grpc", reason="grpcio is not installed (pip install 'errdex[grpc]')")
pytest.importorskip("grpc_status", reason="grpcio-status is not installed")

from google.protobuf import json_format  # noqa: E402
from google.rpc import status_pb2  # noqa: E402
from grpc_shop import CHAT, METHOD, STREAM, ascii_only, call, fail  # noqa: E402
from grpc_status import rpc_status  # noqa: E402

import errdex  # noqa: E402
from catalogs import APP_SHOP  # noqa: E402
from errdex.integrations.grpc import DETAILS_KEY, ErrorInterceptor, status_of  # noqa: E402
from errdex.integrations.grpc_client import (  # noqa: E402
    AsyncErrorClientInterceptor,
    async_interceptors,
)
from errdex.integrations.grpc_client import _details as _read_details  # noqa: E402
from errdex.integrations.retrying import decision_for  # noqa: E402
from errdex.model import Catalog  # noqa: E402
from errdex.runtime import BUILTIN  # noqa: E402

_NUMBERS = {code.name: code.value[0] for code in grpc.StatusCode}


@pytest.fixture(scope="module")
def shop(app_shop: Catalog) -> Catalog:
    """The catalog the example apps serve (the root conftest's ``app_shop``)."""
    return app_shop


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


def test_success_passes_through(channel: Any) -> None:
    assert channel.unary_unary(METHOD)(b"1") == b"ok:1"


def test_catalog_error_is_the_google_profile_in_protobuf(shop: Catalog, channel: Any) -> None:
    exc = call(channel, b"missing", metadata=[("accept-language", "zh-CN")])
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
    kinds = [d.type_url.rpartition(".")[2] for d in _details(call(channel, b"missing")).details]
    assert kinds == ["ErrorInfo", "Help"]


def test_retry_info_from_the_retry_hint(channel: Any) -> None:
    exc = call(channel, b"busy")
    assert exc.code() is grpc.StatusCode.UNAVAILABLE
    details = json_format.MessageToDict(_details(exc))["details"]
    assert {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "2s"} in details


def test_private_params_stay_out(channel: Any) -> None:
    exc = call(channel, b"card")
    assert exc.code() is grpc.StatusCode.UNKNOWN  # 402 has no google.rpc code
    assert "4111" not in repr(exc.trailing_metadata()) and "4111" not in exc.details()


def test_sub_errors_are_field_violations(channel: Any) -> None:
    details = json_format.MessageToDict(_details(call(channel, b"fields")))["details"]
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
        exc = call(channel, b"boom")
    assert exc.code() is grpc.StatusCode.INTERNAL
    assert exc.details() == "Something went wrong on our side."
    sent = repr(exc.trailing_metadata()) + exc.details() + (exc.debug_error_string() or "")
    assert "hunter2" not in sent and "RuntimeError" not in sent
    assert json_format.MessageToDict(_details(exc))["details"][0]["metadata"] == {"code": "SHOP-0"}
    assert any("hunter2" in (r.exc_text or r.getMessage()) for r in caplog.records)


def test_a_handlers_own_abort_keeps_its_code_and_text_with_details(channel: Any) -> None:
    exc = call(channel, b"abort")  # more in test_grpc_abort.py
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
    handler = grpc.unary_unary_rpc_method_handler(lambda req, ctx: fail(shop, req, ctx))
    server.add_generic_rpc_handlers(
        [grpc.method_handlers_generic_handler("shop.Orders", {"Get": handler})]
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as ch:
            call(ch, b"boom")
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
    late = call(channel, b"timeout")
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
    text = APP_SHOP.read_text(encoding="utf-8")
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
    handler = grpc.unary_unary_rpc_method_handler(
        lambda req, ctx: req, request_deserializer=ascii_only
    )
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


def test_a_plain_profile_named_google_does_not_change_grpc(shop: Catalog) -> None:
    text = APP_SHOP.read_text(encoding="utf-8")
    own = errdex.loads(text + '\n[profiles.google]\nbody = { oops = "$message" }\n')
    assert orjson.loads(errdex.render(own.error("SHOP-3"), "google").body) == {
        "oops": "The shop is busy; try again shortly."
    }
    assert status_of(own.error("SHOP-3"), own) == status_of(shop.error("SHOP-3"), shop)


def test_aio_server_and_client(shop: Catalog) -> None:
    async def get(request: bytes, context: Any) -> bytes:
        await asyncio.sleep(0)
        if request == b"abort":
            await context.abort(grpc.StatusCode.ALREADY_EXISTS, "mine")
        if request == b"slow":
            await asyncio.sleep(1.0)
        return fail(shop, request, context)

    async def listing(request: bytes, context: Any) -> AsyncIterator[bytes]:
        yield b"first"
        yield fail(shop, request, context)

    async def chat(requests: AsyncIterator[bytes], context: Any) -> AsyncIterator[bytes]:
        async for request in requests:
            yield fail(shop, request, context)

    async def upload(requests: AsyncIterator[bytes], context: Any) -> bytes:
        return fail(shop, b"".join([r async for r in requests]), context)

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
    handler = grpc.unary_unary_rpc_method_handler(
        lambda req, ctx: req, request_deserializer=ascii_only
    )
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
