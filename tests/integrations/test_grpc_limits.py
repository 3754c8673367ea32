"""gRPC: ``ErrorInterceptor(max_request_bytes=N)`` — on real servers on 127.0.0.1, sync and
aio, whose ``grpc.max_receive_message_length`` is above N — answers a longer request message
as the catalog error for HTTP 413 (``RESOURCE_EXHAUSTED``, with details), chosen as the HTTP
integrations choose their 413; one over grpc core's own limit is still core's bare answer."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from concurrent import futures
from typing import Any

import orjson
import pytest

grpc = pytest.importorskip("grpc", reason="grpcio is not installed (pip install 'errdex[grpc]')")
pytest.importorskip("grpc_status", reason="grpcio-status is not installed")

from google.protobuf import json_format  # noqa: E402
from grpc_status import rpc_status  # noqa: E402

import errdex  # noqa: E402
from errdex.integrations.framework import FrameworkErrors  # noqa: E402
from errdex.integrations.grpc import DETAILS_KEY, ErrorInterceptor  # noqa: E402
from errdex.integrations.grpc_client import decode_rpc_error  # noqa: E402
from errdex.model import Catalog  # noqa: E402

LIMIT = 1000
CORE = 4000  # the server's grpc.max_receive_message_length: above LIMIT
EXHAUSTED = grpc.StatusCode.RESOURCE_EXHAUSTED


@pytest.fixture(scope="module")
def shop(app_shop: Catalog) -> Catalog:
    """The catalog the example apps serve (the root conftest's ``app_shop``)."""
    return app_shop


def _expected(cat: Catalog, **errors: Any) -> dict[str, Any]:
    """The google profile's body of the error the HTTP integrations send for 413, as the
    protobuf JSON of the google.rpc.Status sent with RESOURCE_EXHAUSTED."""
    error = FrameworkErrors(cat, errors or None).for_status(413)
    body: dict[str, Any] = dict(orjson.loads(errdex.render(error, "google").body)["error"])
    del body["status"]
    return {**body, "code": EXHAUSTED.value[0]}


def _details(exc: Any) -> dict[str, Any]:
    status = rpc_status.from_call(exc)  # also checks code and message agree with the proto
    assert status is not None, "no grpc-status-details-bin"
    found: dict[str, Any] = json_format.MessageToDict(status)
    return found


def _handlers(deserializer: Any) -> dict[str, Any]:
    def get(request: Any, context: Any) -> bytes:
        return b"got:%d" % len(request)

    def upload(requests: Iterator[Any], context: Any) -> bytes:
        return b"got:%d" % sum(len(r) for r in requests)

    def chat(requests: Iterator[Any], context: Any) -> Iterator[bytes]:
        for request in requests:
            yield b"got:%d" % len(request)

    return {
        "Get": grpc.unary_unary_rpc_method_handler(get, request_deserializer=deserializer),
        "Upload": grpc.stream_unary_rpc_method_handler(upload, request_deserializer=deserializer),
        "Chat": grpc.stream_stream_rpc_method_handler(chat, request_deserializer=deserializer),
    }


class _Served:
    """A sync server with ``max_request_bytes=LIMIT`` and core's limit at ``CORE``."""

    def __init__(self, cat: Catalog, deserializer: Any = None, **options: Any) -> None:
        self.seen: list[Any] = []
        interceptor = ErrorInterceptor(
            cat,
            on_error=lambda err, exc: self.seen.append(err),
            max_request_bytes=LIMIT,
            **options,
        )
        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=2),
            interceptors=[interceptor],
            options=[("grpc.max_receive_message_length", CORE)],
        )
        self.server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", _handlers(deserializer))]
        )
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{port}")

    def call(self, kind: str, *messages: bytes) -> Any:
        method = f"/shop.Orders/{kind}"
        if kind == "Get":
            return self.channel.unary_unary(method)(messages[0])
        if kind == "Upload":
            return self.channel.stream_unary(method)(iter(messages))
        return list(self.channel.stream_stream(method)(iter(messages)))

    def fail(self, kind: str, *messages: bytes) -> Any:
        try:
            self.call(kind, *messages)
        except grpc.RpcError as exc:
            return exc
        raise AssertionError("the call succeeded")

    def close(self) -> None:
        self.channel.close()
        self.server.stop(0)


@pytest.fixture(scope="module")
def served(shop: Catalog) -> Iterator[_Served]:
    running = _Served(shop)
    yield running
    running.close()


@pytest.mark.parametrize("kind", ["Get", "Upload", "Chat"])
def test_a_message_over_the_limit_is_the_catalog_413(
    shop: Catalog, served: _Served, kind: str
) -> None:
    exc = served.fail(kind, b"x" * (LIMIT + 1))
    assert exc.code() is EXHAUSTED
    assert exc.details() == "The request body is larger than the server accepts."
    sent = _details(exc)
    assert sent == _expected(shop)
    assert sent["details"][0]["metadata"] == {"code": "payload-too-large"}
    assert decode_rpc_error(exc, shop).code == "payload-too-large"


def test_the_limit_itself_is_accepted(served: _Served) -> None:
    assert served.call("Get", b"x" * LIMIT) == b"got:1000"
    assert served.call("Upload", b"x" * LIMIT, b"y" * LIMIT) == b"got:2000"  # per message
    assert served.call("Chat", b"x" * LIMIT) == [b"got:1000"]


def test_a_later_message_of_a_stream_over_the_limit_ends_it(served: _Served) -> None:
    exc = served.fail("Upload", b"x", b"x" * (LIMIT + 1))
    assert exc.code() is EXHAUSTED and DETAILS_KEY in dict(exc.trailing_metadata())


def test_on_error_sees_it(served: _Served) -> None:
    served.seen.clear()
    served.fail("Get", b"x" * (LIMIT + 1))
    assert [(err.code, err.status) for err in served.seen] == [("payload-too-large", 413)]


def test_over_grpc_cores_own_limit_core_answers_alone(served: _Served) -> None:
    """What ``grpc.max_receive_message_length`` rejects never reaches an interceptor."""
    exc = served.fail("Get", b"x" * (CORE + 1))
    assert exc.code() is EXHAUSTED
    assert DETAILS_KEY not in dict(exc.trailing_metadata() or ())


def test_the_size_is_checked_before_the_deserializer(shop: Catalog) -> None:
    calls: list[int] = []

    def decode(raw: bytes) -> bytes:
        calls.append(len(raw))
        return raw

    running = _Served(shop, decode)
    try:
        assert running.call("Get", b"abc") == b"got:3"
        exc = running.fail("Get", b"x" * (LIMIT + 1))
    finally:
        running.close()
    assert exc.code() is EXHAUSTED and calls == [3]


def test_errors_names_the_entry_for_413(zan: Catalog) -> None:
    code = str(zan.errors["http", 400]().code)
    running = _Served(zan, errors={413: code})
    try:
        exc = running.fail("Get", b"x" * (LIMIT + 1))
    finally:
        running.close()
    assert exc.code() is EXHAUSTED  # gRPC's code for it, whatever the entry's status
    assert _details(exc)["details"][0]["metadata"] == {"code": code}


def test_without_the_option_nothing_is_limited(shop: Catalog) -> None:
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=1), interceptors=[ErrorInterceptor(shop)]
    )
    server.add_generic_rpc_handlers(
        [grpc.method_handlers_generic_handler("shop.Orders", _handlers(None))]
    )
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            assert channel.unary_unary("/shop.Orders/Get")(b"x" * 100_000) == b"got:100000"
    finally:
        server.stop(0)


@pytest.mark.parametrize("bad", [-1, 1.5, "1000", True])
def test_a_bad_limit_is_a_clear_error(shop: Catalog, bad: Any) -> None:
    with pytest.raises(ValueError, match="max_request_bytes must be a whole number"):
        ErrorInterceptor(shop, max_request_bytes=bad)


def test_aio(shop: Catalog) -> None:
    async def get(request: bytes, context: Any) -> bytes:
        return b"got:%d" % len(request)

    async def chat(requests: AsyncIterator[bytes], context: Any) -> AsyncIterator[bytes]:
        async for request in requests:
            yield b"got:%d" % len(request)

    async def go() -> None:
        server = grpc.aio.server(
            interceptors=[ErrorInterceptor(shop, max_request_bytes=LIMIT)],
            options=[("grpc.max_receive_message_length", CORE)],
        )
        handlers = {
            "Get": grpc.unary_unary_rpc_method_handler(get),
            "Chat": grpc.stream_stream_rpc_method_handler(chat),
        }
        server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", handlers)]
        )
        port = server.add_insecure_port("127.0.0.1:0")
        await server.start()
        try:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
                assert await ch.unary_unary("/shop.Orders/Get")(b"x" * LIMIT) == b"got:1000"
                for stream in (False, True):
                    try:
                        if stream:
                            call = ch.stream_stream("/shop.Orders/Chat")
                            [m async for m in call(iter([b"x" * (LIMIT + 1)]))]
                        else:
                            await ch.unary_unary("/shop.Orders/Get")(b"x" * (LIMIT + 1))
                    except grpc.aio.AioRpcError as exc:
                        assert exc.code() is EXHAUSTED
                        assert _details(exc) == _expected(shop)
                    else:
                        raise AssertionError("the call succeeded")
        finally:
            await server.stop(0)

    asyncio.run(go())
