"""gRPC telemetry under the real OpenTelemetry grpc instrumentation: the catalog code is the
server span's and the counter's ``error.type``, errdex's one exception event (plus the empty
one the instrumentation records for every aborted RPC), nothing private."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent import futures
from pathlib import Path
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

import errdex  # noqa: E402
from errdex.integrations.grpc import ErrorInterceptor  # noqa: E402
from errdex.integrations.otel import COUNTER, ErrorTelemetry  # noqa: E402

SHOP = Path(__file__).resolve().parents[2] / "examples" / "apps" / "shop.toml"
CARD = "".join(["4111", "-1111" * 3])  # built at run time: no source line has it


class _Served:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        tracer_provider = TracerProvider()
        tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.reader = InMemoryMetricReader()
        telemetry = ErrorTelemetry(
            meter_provider=MeterProvider(metric_readers=[self.reader]), rpc=True
        )
        cat = errdex.load(SHOP)

        def get(request: bytes, context: Any) -> bytes:
            if request == b"card":
                raise cat.error("SHOP-2", card=CARD)
            if request == b"boom":
                raise RuntimeError(f"card {CARD} failed")
            raise cat.error("SHOP-1", order_id=request.decode())

        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=2),
            interceptors=[
                otel_grpc.server_interceptor(tracer_provider=tracer_provider),
                ErrorInterceptor(cat, on_error=telemetry),
            ],
        )
        self.server.add_generic_rpc_handlers(
            [
                grpc.method_handlers_generic_handler(
                    "shop.Orders", {"Get": grpc.unary_unary_rpc_method_handler(get)}
                )
            ]
        )
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{port}")

    def call(self, request: bytes) -> Any:
        with pytest.raises(grpc.RpcError) as caught:
            self.channel.unary_unary("/shop.Orders/Get")(request)
        (span,) = self.spans.get_finished_spans()
        self.spans.clear()
        return caught.value, span

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


@pytest.fixture(scope="module")
def served() -> Iterator[_Served]:
    running = _Served()
    yield running
    running.channel.close()
    running.server.stop(0)


def test_catalog_code_is_error_type_with_one_exception_event(served: _Served) -> None:
    exc, span = served.call(b"7")
    assert exc.code() is grpc.StatusCode.NOT_FOUND
    assert span.attributes["error.type"] == "SHOP-1"
    assert span.attributes["errdex.code"] == "SHOP-1"
    assert span.attributes["rpc.grpc.status_code"] == grpc.StatusCode.NOT_FOUND.value[0]
    ours, aborted = span.events  # the instrumentation records grpc's bare abort Exception too
    assert ours.attributes["exception.message"] == "[SHOP-1] Order 7 does not exist."
    assert ours.attributes["exception.type"].endswith("orderNotFound")
    assert aborted.attributes["exception.type"] == "Exception"
    assert aborted.attributes["exception.message"] == ""
    assert span.status.status_code is not StatusCode.ERROR  # a client's error
    assert {
        "error.type": "SHOP-1",
        "rpc.system": "grpc",
        "rpc.grpc.status_code": 5,
        "errdex.catalog": "shop",
    } in served.points()


def test_private_params_appear_nowhere(served: _Served) -> None:
    _, span = served.call(b"card")
    text = repr(dict(span.attributes)) + repr([dict(e.attributes) for e in span.events])
    assert "1111" not in text and span.attributes["error.type"] == "SHOP-2"


def test_unexpected_exception_is_recorded_once_as_itself(served: _Served) -> None:
    exc, span = served.call(b"boom")
    assert exc.code() is grpc.StatusCode.INTERNAL and "1111" not in exc.details()
    event, _aborted = span.events
    assert event.attributes["exception.type"] == "RuntimeError"
    assert span.attributes["error.type"] == "SHOP-0"
    assert span.status.status_code is StatusCode.ERROR


def test_client_records_each_decoded_rpc(served: _Served) -> None:
    from opentelemetry.trace import SpanKind

    from errdex.integrations.grpc_client import ErrorClientInterceptor
    from errdex.integrations.otel import CLIENT_COUNTER, ClientTelemetry

    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider()
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    reader = InMemoryMetricReader()
    telemetry = ClientTelemetry(
        tracer_provider=tracer_provider, meter_provider=MeterProvider(metric_readers=[reader])
    )
    cat = errdex.load(SHOP)
    channel = grpc.intercept_channel(
        served.channel, ErrorClientInterceptor(cat, on_decode=telemetry)
    )
    with pytest.raises(cat.errors["SHOP-1"]):
        channel.unary_unary("/shop.Orders/Get")(b"7")
    served.spans.clear()
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
