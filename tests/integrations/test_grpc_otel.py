"""gRPC telemetry under the real OpenTelemetry grpc instrumentation (``GrpcInstrumentorServer``
and ``GrpcAioInstrumentorServer``, which put their interceptor first): for every kind of RPC
and every error — a catalog error, an unexpected exception, a handler's own abort, an unknown
method, a request that fails to decode — the server span's ``error.type`` is the catalog code,
it has exactly one exception event, and nothing private is in any attribute or event."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent import futures
from typing import Any

import pytest

grpc = pytest.importorskip("grpc", reason="grpcio is not installed (pip install 'errdex[grpc]')")
otel_grpc = pytest.importorskip(
    "opentelemetry.instrumentation.grpc",
    reason="opentelemetry-instrumentation-grpc is not installed",
)

from opentelemetry.sdk.metrics import MeterProvider  # noqa: E402
from opentelemetry.sdk.metrics.export import InMemoryMetricReader  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (  # noqa: E402
    InMemorySpanExporter,
)
from opentelemetry.trace import StatusCode  # noqa: E402

from errdex.integrations.grpc import DETAILS_KEY, ErrorInterceptor, RpcStatus, status_of  # noqa: E402
from errdex.integrations.otel import COUNTER, ErrorTelemetry  # noqa: E402
from errdex.model import Catalog  # noqa: E402

CARD = "".join(["4111", "-1111" * 3])  # built at run time: no source line has it
KINDS = ("Get", "List", "Upload", "Chat")  # unary-unary, unary-stream, stream-unary, stream-stream
_FOREIGN = RpcStatus(grpc.StatusCode.FAILED_PRECONDITION, "Quota rule broken", (("x-own", "1"),))


def _act(cat: Catalog, request: str, context: Any) -> str:
    if request == "card":
        raise cat.error("SHOP-2", card=CARD)
    if request == "boom":
        raise RuntimeError(f"card {CARD} failed")
    if request == "abort":
        context.abort(grpc.StatusCode.ALREADY_EXISTS, "the handler's own abort")
    if request == "status":
        context.abort_with_status(_FOREIGN)
    if request == "set-code":  # no exception: the code and details set, then returned
        context.set_code(grpc.StatusCode.ALREADY_EXISTS)
        context.set_details("the handler's own code")
        return ""
    if request.isdigit() and request != "1":
        raise cat.error("SHOP-1", order_id=request)
    return "ok:" + request


async def _async_act(cat: Catalog, request: str, context: Any) -> str:
    await asyncio.sleep(0)
    if request == "abort":
        await context.abort(grpc.StatusCode.ALREADY_EXISTS, "the handler's own abort")
    if request == "status":
        await context.abort_with_status(_FOREIGN)
    return _act(cat, request, context)


def _encode(message: str | bytes) -> bytes:
    # grpc.aio (1.8x) hands a streamed message to the serializer a second time as bytes
    return message if isinstance(message, bytes) else message.encode()


def _decode(raw: bytes) -> str:
    return raw.decode("ascii")  # b"\xff" fails: a request that does not deserialize


def _handlers(cat: Catalog, aio: bool) -> dict[str, Any]:
    if aio:

        async def get(request: str, context: Any) -> str:
            return await _async_act(cat, request, context)

        async def listing(request: str, context: Any) -> AsyncIterator[str]:
            yield "first"
            yield await _async_act(cat, request, context)

        async def upload(requests: AsyncIterator[str], context: Any) -> str:
            return await _async_act(cat, "".join([r async for r in requests]), context)

        async def chat(requests: AsyncIterator[str], context: Any) -> AsyncIterator[str]:
            async for request in requests:
                yield await _async_act(cat, request, context)

        behaviors: tuple[Any, ...] = (get, listing, upload, chat)
    else:

        def sync_get(request: str, context: Any) -> str:
            return _act(cat, request, context)

        def sync_listing(request: str, context: Any) -> Iterator[str]:
            yield "first"
            yield _act(cat, request, context)

        def sync_upload(requests: Iterator[str], context: Any) -> str:
            return _act(cat, "".join(requests), context)

        def sync_chat(requests: Iterator[str], context: Any) -> Iterator[str]:
            for request in requests:
                yield _act(cat, request, context)

        behaviors = (sync_get, sync_listing, sync_upload, sync_chat)
    makers = (
        grpc.unary_unary_rpc_method_handler,
        grpc.unary_stream_rpc_method_handler,
        grpc.stream_unary_rpc_method_handler,
        grpc.stream_stream_rpc_method_handler,
    )
    return {
        kind: make(behavior, request_deserializer=_decode, response_serializer=_encode)
        for kind, make, behavior in zip(KINDS, makers, behaviors, strict=True)
    }


def _invoke(channel: Any, kind: str, request: bytes) -> tuple[list[bytes], Any]:
    """Call ``kind`` with ``request`` (sync channel): the messages received and the error."""
    method = f"/shop.Orders/{kind}"
    got: list[bytes] = []
    try:
        if kind == "Get":
            got.append(channel.unary_unary(method)(request))
        elif kind == "List":
            got.extend(channel.unary_stream(method)(request))
        elif kind == "Upload":
            got.append(channel.stream_unary(method)(iter([request])))
        else:
            got.extend(channel.stream_stream(method)(iter([request])))
    except grpc.RpcError as exc:
        return got, exc
    return got, None


class _Telemetry:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.reader = InMemoryMetricReader()
        self.hook = ErrorTelemetry(
            meter_provider=MeterProvider(metric_readers=[self.reader]), rpc=True
        )

    def span(self) -> Any:
        """The one server span of the last call."""
        (span,) = self.spans.get_finished_spans()
        self.spans.clear()
        return span

    def points(self) -> list[dict[str, Any]]:
        data = self.reader.get_metrics_data()
        return [
            dict(p.attributes)
            for r in (data.resource_metrics if data else ())
            for s in r.scope_metrics
            for m in s.metrics
            if m.name == COUNTER
            for p in m.data.data_points
        ]


LIMIT = 1000  # max_request_bytes of both servers (grpc core's own limit: 4 MiB)


def _interceptor(cat: Catalog, telemetry: _Telemetry) -> ErrorInterceptor:
    return ErrorInterceptor(cat, on_error=telemetry.hook, max_request_bytes=LIMIT)


class _SyncService:
    """A ``grpc.server`` built while ``GrpcInstrumentorServer`` is on (its interceptor first)."""

    def __init__(self, cat: Catalog, telemetry: _Telemetry) -> None:
        instrumentor = otel_grpc.GrpcInstrumentorServer()
        instrumentor.instrument(tracer_provider=telemetry.tracer_provider)
        try:
            self.server = grpc.server(
                futures.ThreadPoolExecutor(max_workers=4),
                interceptors=[_interceptor(cat, telemetry)],
            )
        finally:
            instrumentor.uninstrument()
        self.server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", _handlers(cat, aio=False))]
        )
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()
        self.target = f"127.0.0.1:{port}"
        self.channel = grpc.insecure_channel(self.target)

    def call(self, kind: str, request: bytes) -> tuple[list[bytes], Any]:
        return _invoke(self.channel, kind, request)

    def close(self) -> None:
        self.channel.close()
        self.server.stop(0)


class _AioService:
    """A ``grpc.aio.server`` built under ``GrpcAioInstrumentorServer``, on its own loop."""

    def __init__(self, cat: Catalog, telemetry: _Telemetry) -> None:
        self.loop = asyncio.new_event_loop()
        self.telemetry = telemetry
        instrumentor = otel_grpc.GrpcAioInstrumentorServer()
        instrumentor.instrument(tracer_provider=telemetry.tracer_provider)
        try:
            self.server = self.loop.run_until_complete(self._server(cat, telemetry))
        finally:
            instrumentor.uninstrument()
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.loop.run_until_complete(self.server.start())
        self.target = f"127.0.0.1:{port}"

    async def _server(self, cat: Catalog, telemetry: _Telemetry) -> Any:
        server = grpc.aio.server(interceptors=[_interceptor(cat, telemetry)])
        server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", _handlers(cat, aio=True))]
        )
        return server

    def call(self, kind: str, request: bytes) -> tuple[list[bytes], Any]:
        async def go() -> tuple[list[bytes], Any]:
            method = f"/shop.Orders/{kind}"
            got: list[bytes] = []
            async with grpc.aio.insecure_channel(self.target) as ch:
                try:
                    if kind == "Get":
                        got.append(await ch.unary_unary(method)(request))
                    elif kind == "List":
                        async for message in ch.unary_stream(method)(request):
                            got.append(message)
                    elif kind == "Upload":
                        got.append(await ch.stream_unary(method)(iter([request])))
                    else:
                        async for message in ch.stream_stream(method)(iter([request])):
                            got.append(message)
                except grpc.aio.AioRpcError as exc:
                    return got, exc
            return got, None

        return self.settled(go())

    def settled(self, calling: Any) -> Any:
        """Run ``calling`` on the server's loop, then the loop until the server span ended:
        an aio abort sends the status before the handler returns, so the client may have
        its answer while the server coroutine (and its span) still has a step to run."""
        outcome = self.loop.run_until_complete(calling)
        deadline = time.monotonic() + 10
        while not self.telemetry.spans.get_finished_spans() and time.monotonic() < deadline:
            self.loop.run_until_complete(asyncio.sleep(0.01))
        return outcome

    def close(self) -> None:
        self.loop.run_until_complete(self.server.stop(0))
        self.loop.close()


@pytest.fixture(scope="module")
def cat(app_shop: Catalog) -> Catalog:
    """The catalog the example apps serve (the root conftest's ``app_shop``)."""
    return app_shop


@pytest.fixture(scope="module", params=["sync", "aio"])
def served(request: pytest.FixtureRequest, cat: Catalog) -> Iterator[tuple[Any, _Telemetry]]:
    telemetry = _Telemetry()
    make: Callable[..., Any] = _SyncService if request.param == "sync" else _AioService
    service = make(cat, telemetry)
    yield service, telemetry
    service.close()


def _text(span: Any) -> str:
    return repr(dict(span.attributes)) + repr([dict(e.attributes) for e in span.events])


def _one_event(span: Any) -> dict[str, Any]:
    (event,) = span.events  # errdex's: grpcio's abort exception never reaches the span
    assert event.name == "exception"
    return dict(event.attributes)


@pytest.mark.parametrize("kind", KINDS)
def test_catalog_error_is_error_type_with_one_exception_event(
    served: tuple[Any, _Telemetry], cat: Catalog, kind: str
) -> None:
    service, telemetry = served
    got, exc = service.call(kind, b"7")
    assert got == ([b"first"] if kind == "List" else [])
    assert exc.code() is grpc.StatusCode.NOT_FOUND
    # the bytes on the wire are the status errdex builds, as they were with context.abort
    expected = status_of(cat.error("SHOP-1", order_id="7"), cat)
    assert exc.details() == expected.details
    assert dict(exc.trailing_metadata())[DETAILS_KEY] == expected.trailing_metadata[0][1]
    span = telemetry.span()
    assert span.attributes["error.type"] == "SHOP-1"
    assert span.attributes["errdex.code"] == "SHOP-1"
    assert span.attributes["rpc.grpc.status_code"] == grpc.StatusCode.NOT_FOUND.value[0]
    event = _one_event(span)
    assert event["exception.message"] == "[SHOP-1] Order 7 does not exist."
    assert event["exception.type"].endswith("orderNotFound")
    assert span.status.status_code is not StatusCode.ERROR  # a client's error
    assert {
        "error.type": "SHOP-1",
        "rpc.system": "grpc",
        "rpc.grpc.status_code": 5,
        "errdex.catalog": "shop",
    } in telemetry.points()


@pytest.mark.parametrize("kind", KINDS)
def test_success_has_no_event(served: tuple[Any, _Telemetry], kind: str) -> None:
    service, telemetry = served
    got, exc = service.call(kind, b"1")
    assert exc is None and got[-1] == b"ok:1"
    span = telemetry.span()
    assert not span.events and "error.type" not in span.attributes


@pytest.mark.parametrize("kind", ["Get", "Chat"])
def test_private_params_appear_nowhere(served: tuple[Any, _Telemetry], kind: str) -> None:
    service, telemetry = served
    _, exc = service.call(kind, b"card")
    assert "1111" not in exc.details() and "1111" not in repr(exc.trailing_metadata())
    span = telemetry.span()
    _one_event(span)
    assert "1111" not in _text(span) and span.attributes["error.type"] == "SHOP-2"


@pytest.mark.parametrize("kind", KINDS)
def test_unexpected_exception_is_recorded_once_as_itself(
    served: tuple[Any, _Telemetry], kind: str
) -> None:
    service, telemetry = served
    _, exc = service.call(kind, b"boom")
    assert exc.code() is grpc.StatusCode.INTERNAL and "1111" not in exc.details()
    span = telemetry.span()
    assert _one_event(span)["exception.type"] == "RuntimeError"
    assert span.attributes["error.type"] == "SHOP-0"
    assert span.status.status_code is StatusCode.ERROR


@pytest.mark.parametrize("kind", KINDS)
def test_a_handlers_own_abort_is_one_event(served: tuple[Any, _Telemetry], kind: str) -> None:
    """``context.abort(ALREADY_EXISTS, ...)`` is the catalog error for 409 (the built-in
    ``conflict``): errdex's one exception event, no bare Exception of grpcio's abort; the
    span and the counter keep the handler's code (409 alone would read as ABORTED)."""
    service, telemetry = served
    _, exc = service.call(kind, b"abort")
    assert exc.code() is grpc.StatusCode.ALREADY_EXISTS
    assert exc.details() == "the handler's own abort"
    assert DETAILS_KEY in dict(exc.trailing_metadata())
    span = telemetry.span()
    event = _one_event(span)
    assert event["exception.message"] == "[conflict] the handler's own abort"
    assert span.attributes["error.type"] == "conflict"
    assert span.attributes["rpc.grpc.status_code"] == grpc.StatusCode.ALREADY_EXISTS.value[0]
    assert span.status.status_code is not StatusCode.ERROR  # a client's error
    assert {
        "error.type": "conflict",
        "rpc.system": "grpc",
        "rpc.grpc.status_code": grpc.StatusCode.ALREADY_EXISTS.value[0],
        "errdex.catalog": "shop",
    } in telemetry.points()


@pytest.mark.parametrize("kind", KINDS)
def test_a_code_set_then_returned_is_errdexs_one_event(
    served: tuple[Any, _Telemetry], kind: str
) -> None:
    """``set_code(ALREADY_EXISTS)``, ``set_details``, return: the catalog error ``abort``
    would send, and the span has errdex's one event only (the handler raised nothing)."""
    service, telemetry = served
    _, exc = service.call(kind, b"set-code")
    assert exc.code() is grpc.StatusCode.ALREADY_EXISTS
    assert exc.details() == "the handler's own code"
    assert DETAILS_KEY in dict(exc.trailing_metadata())
    span = telemetry.span()
    event = _one_event(span)
    assert event["exception.message"] == "[conflict] the handler's own code"
    assert span.attributes["error.type"] == "conflict"
    assert span.attributes["rpc.grpc.status_code"] == grpc.StatusCode.ALREADY_EXISTS.value[0]


@pytest.mark.parametrize("kind", ["Get", "List"])
def test_abort_with_status_records_no_event(served: tuple[Any, _Telemetry], kind: str) -> None:
    """The handler's own status (``abort_with_status``) goes out untouched: not an error
    errdex answered, and no bare Exception either."""
    service, telemetry = served
    _, exc = service.call(kind, b"status")
    assert exc.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert exc.details() == "Quota rule broken"
    assert dict(exc.trailing_metadata()) == {"x-own": "1"}
    span = telemetry.span()
    assert not span.events and "error.type" not in span.attributes


def test_unknown_method_is_one_event(served: tuple[Any, _Telemetry]) -> None:
    service, telemetry = served
    _, exc = _unknown(service)
    assert exc.code() is grpc.StatusCode.UNIMPLEMENTED
    span = telemetry.span()
    assert span.attributes["error.type"] == "http-501"
    assert span.attributes["rpc.grpc.status_code"] == grpc.StatusCode.UNIMPLEMENTED.value[0]
    _one_event(span)


def _unknown(service: Any) -> tuple[list[bytes], Any]:
    if isinstance(service, _SyncService):
        with pytest.raises(grpc.RpcError) as caught:
            service.channel.unary_unary("/shop.Orders/Nope")(b"1")
        return [], caught.value

    async def go() -> tuple[list[bytes], Any]:
        async with grpc.aio.insecure_channel(service.target) as ch:
            try:
                await ch.unary_unary("/shop.Orders/Nope")(b"1")
            except grpc.aio.AioRpcError as exc:
                return [], exc
        raise AssertionError("the call succeeded")

    return service.settled(go())


@pytest.mark.parametrize("kind", KINDS)
def test_undecodable_request_is_one_event(served: tuple[Any, _Telemetry], kind: str) -> None:
    service, telemetry = served
    _, exc = service.call(kind, b"\xff")
    assert exc.code() is grpc.StatusCode.INVALID_ARGUMENT
    span = telemetry.span()
    assert span.attributes["error.type"] == "validation-failed"
    _one_event(span)


@pytest.mark.parametrize("kind", KINDS)
def test_a_request_over_max_request_bytes_is_one_event(
    served: tuple[Any, _Telemetry], kind: str
) -> None:
    service, telemetry = served
    _, exc = service.call(kind, b"x" * (LIMIT + 1))
    assert exc.code() is grpc.StatusCode.RESOURCE_EXHAUSTED
    assert DETAILS_KEY in dict(exc.trailing_metadata())
    span = telemetry.span()
    assert span.attributes["error.type"] == "payload-too-large"
    assert _one_event(span)["exception.type"].endswith("RequestTooLarge")
    assert span.status.status_code is not StatusCode.ERROR  # a client's error


def test_client_records_each_decoded_rpc(cat: Catalog) -> None:
    from opentelemetry.trace import SpanKind

    from errdex.integrations.grpc_client import ErrorClientInterceptor
    from errdex.integrations.otel import CLIENT_COUNTER, ClientTelemetry

    service = _SyncService(cat, _Telemetry())
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    telemetry = ClientTelemetry(
        tracer_provider=tracer_provider, meter_provider=MeterProvider(metric_readers=[reader])
    )
    channel = grpc.intercept_channel(
        service.channel, ErrorClientInterceptor(cat, on_decode=telemetry)
    )
    try:
        with pytest.raises(cat.errors["SHOP-1"]):
            channel.unary_unary("/shop.Orders/Get")(b"7")
    finally:
        service.close()
    (span,) = spans.get_finished_spans()
    assert span.name == "errdex.decode" and span.kind is SpanKind.CLIENT
    assert span.attributes["error.type"] == "SHOP-1"
    assert span.attributes["rpc.grpc.status_code"] == grpc.StatusCode.NOT_FOUND.value[0]
    data = reader.get_metrics_data()
    points = [
        dict(p.attributes)
        for r in data.resource_metrics
        for s in r.scope_metrics
        for m in s.metrics
        if m.name == CLIENT_COUNTER
        for p in m.data.data_points
    ]
    assert points == [
        {
            "error.type": "SHOP-1",
            "rpc.system": "grpc",
            "rpc.grpc.status_code": 5,
            "rpc.service": "shop.Orders",
            "rpc.method": "Get",
            "errdex.catalog": "shop",
        }
    ]


def test_under_the_client_instrumentation_one_exception_event(cat: Catalog) -> None:
    """The grpc client instrumentation records the failed call (its one exception event, the
    RpcError); errdex's decode span carries the catalog code and records none; nothing
    private anywhere."""
    from errdex.integrations.grpc_client import ErrorClientInterceptor
    from errdex.integrations.otel import ClientTelemetry

    service = _SyncService(cat, _Telemetry())
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    # what GrpcInstrumentorClient wraps every new channel in (it takes the global provider)
    from opentelemetry.instrumentation.grpc.grpcext import intercept_channel

    raw = intercept_channel(
        grpc.insecure_channel(service.target),
        otel_grpc.client_interceptor(tracer_provider=tracer_provider),
    )
    telemetry = ClientTelemetry(tracer_provider=tracer_provider)
    chan = grpc.intercept_channel(raw, ErrorClientInterceptor(cat, on_decode=telemetry))
    try:
        with pytest.raises(cat.errors["SHOP-2"]):
            chan.unary_unary("/shop.Orders/Get", _encode, _decode)("card")
    finally:
        raw.close()
        service.close()
    by_name = {span.name: span for span in spans.get_finished_spans()}
    rpc, decoded = by_name["/shop.Orders/Get"], by_name["errdex.decode"]
    assert rpc.attributes["rpc.grpc.status_code"] == grpc.StatusCode.UNKNOWN.value[0]
    assert [e.name for e in rpc.events] == ["exception"]
    assert decoded.attributes["error.type"] == "SHOP-2" and not decoded.events
    for span in (rpc, decoded):
        assert "1111" not in _text(span)
