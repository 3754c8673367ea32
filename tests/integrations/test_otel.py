"""OpenTelemetry records of catalog errors, read back from the real SDK's in-memory exporters."""

from __future__ import annotations

from typing import Any

import pytest
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from errdex.integrations.otel import COUNTER, ErrorTelemetry
from errdex.integrations.starlette import install
from errdex.model import Catalog


class Telemetry:
    """A tracer provider and meter provider whose output the test reads."""

    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.tracer = self.tracer_provider.get_tracer("test")
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])
        self.errors = ErrorTelemetry(meter_provider=self.meter_provider)

    def counts(self) -> dict[tuple[tuple[str, Any], ...], int]:
        found: dict[tuple[tuple[str, Any], ...], int] = {}
        data = self.reader.get_metrics_data()
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name == COUNTER:
                        for point in metric.data.data_points:
                            found[tuple(sorted(point.attributes.items()))] = point.value
        return found


@pytest.fixture
def tel() -> Telemetry:
    return Telemetry()


def test_span_attributes_event_and_counter(tel: Telemetry, zan: Catalog) -> None:
    with tel.tracer.start_as_current_span("call"):
        tel.errors.record(zan.error(-32003, space="jsonrpc"))
        tel.errors.record(zan.error(-32003, space="jsonrpc"))
    (span,) = tel.spans.get_finished_spans()
    assert span.attributes["error.type"] == "-32003"
    assert span.attributes["errdex.code"] == -32003
    assert span.attributes["errdex.catalog"] == "zan"
    assert span.attributes["errdex.space"] == "jsonrpc"
    events = [e for e in span.events if e.name == "exception"]
    assert len(events) == 2  # one per error recorded
    assert events[0].attributes["exception.type"].endswith("Error_minus32003")
    assert span.status.status_code is StatusCode.UNSET  # a 429 is the client's problem
    # the attributes of the HTTP server metrics, so the counter joins with them
    key = (("errdex.catalog", "zan"), ("error.type", "-32003"), ("http.response.status_code", 429))
    assert tel.counts() == {key: 2}


def test_unexpected_exception_records_the_original_and_fails_the_span(
    tel: Telemetry, csghub: Catalog
) -> None:
    async def boom(request: Request) -> JSONResponse:
        raise RuntimeError("disk full")

    async def auth(request: Request) -> JSONResponse:
        raise csghub.error("AUTH-ERR-4")

    app = Starlette(routes=[Route("/boom", boom), Route("/auth", auth)])
    install(app, csghub, on_error=tel.errors)
    client = TestClient(app, raise_server_exceptions=False)
    with tel.tracer.start_as_current_span("request"):
        assert client.get("/boom").status_code == 500
    with tel.tracer.start_as_current_span("request"):
        client.get("/auth")
    boom_span, auth_span = tel.spans.get_finished_spans()
    assert boom_span.attributes["errdex.code"] == "SYS-ERR-0"
    (event,) = boom_span.events
    assert event.attributes["exception.type"] == "RuntimeError"
    assert event.attributes["exception.message"] == "disk full"
    assert "Traceback" in event.attributes["exception.stacktrace"]
    assert boom_span.status.status_code is StatusCode.ERROR
    assert auth_span.attributes["errdex.module"] == "auth"
    assert auth_span.attributes["errdex.name"] == "invalidJWT"
    counts = {dict(k)["error.type"]: v for k, v in tel.counts().items()}
    assert counts == {"SYS-ERR-0": 1, "AUTH-ERR-4": 1}


def test_no_current_span_still_counts(tel: Telemetry, csghub: Catalog) -> None:
    tel.errors.record(KeyError("x"), catalog=csghub)
    (key,) = tel.counts()
    assert dict(key) == {
        "errdex.catalog": "csghub",
        "error.type": "SYS-ERR-0",
        "http.response.status_code": 500,
    }
    assert tel.spans.get_finished_spans() == ()


def test_a_private_parameter_is_in_no_attribute_or_event(tel: Telemetry) -> None:
    import errdex

    cat = errdex.loads(
        '[catalog]\nid = "pay"\n[[errors]]\ncode = "P-1"\nhttp_status = 402\n'
        'message = "declined for {user}"\nparams.card = { public = false }\n'
    )
    card = "".join(["5500", " 0000" * 3])
    with tel.tracer.start_as_current_span("call"):
        try:
            raise cat.error("P-1", user="ann", card=card)
        except errdex.Error as exc:
            tel.errors.record(exc)
    (span,) = tel.spans.get_finished_spans()
    text = repr(dict(span.attributes)) + repr([dict(e.attributes) for e in span.events])
    assert "5500" not in text
    (event,) = span.events
    assert event.attributes["exception.message"] == "[P-1] declined for ann"
    assert "Traceback" in event.attributes["exception.stacktrace"]
