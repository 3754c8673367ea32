"""errdex's telemetry under the real OpenTelemetry instrumentations (FastAPI, Starlette,
Flask, Django, httpx): the catalog code is the span's and the counter's ``error.type``,
each error has exactly one exception event, and no private parameter appears anywhere."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from catalogs import APP_SHOP

os.environ.setdefault("OTEL_SEMCONV_STABILITY_OPT_IN", "http")

from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import (
    InMemorySpanExporter,
)
from opentelemetry.trace import SpanKind

import errdex
from errdex.integrations.otel import (
    CLIENT_COUNTER,
    COUNTER,
    ClientTelemetry,
    ErrorTelemetry,
    django_response_hook,
)

APPS = Path(__file__).resolve().parents[2] / "examples" / "apps"
SECRET = "4111 1111"  # the private card parameter of SHOP-2
CARD = "".join(["4111", " 1111" * 3])  # built at run time: no stack-trace source line has it


class Tel:
    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])
        self.errors = ErrorTelemetry(meter_provider=self.meter_provider)

    def points(self, name: str) -> list[dict[str, Any]]:
        found = []
        data = self.reader.get_metrics_data()
        for resource in data.resource_metrics if data else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    if metric.name == name:
                        found += [dict(p.attributes) for p in metric.data.data_points]
        return found

    def server_spans(self) -> list[Any]:
        return [s for s in self.spans.get_finished_spans() if s.kind is SpanKind.SERVER]

    def everything(self) -> str:
        """Every attribute and event of every span, and every metric point, as text."""
        parts = []
        for span in self.spans.get_finished_spans():
            parts.append(repr(dict(span.attributes)))
            parts += [repr(dict(e.attributes)) for e in span.events]
        data = self.reader.get_metrics_data()
        parts.append(repr(data.to_json() if data else ""))
        return "\n".join(parts)


@pytest.fixture(autouse=True)
def _apps_on_path() -> Iterator[None]:
    sys.path.insert(0, str(APPS))
    yield
    sys.path.remove(str(APPS))


def _shop() -> errdex.Catalog:
    return errdex.load(APP_SHOP)


def _assert_server(tel: Tel, code: str, status: int) -> None:
    (span,) = tel.server_spans()
    assert span.attributes["error.type"] == code
    assert span.attributes["http.response.status_code"] == status
    events = [e for e in span.events if e.name == "exception"]
    assert len(events) == 1, [e.attributes for e in events]
    assert SECRET not in tel.everything()
    ours = [p for p in tel.points(COUNTER) if p["error.type"] == code]
    assert ours and ours[-1]["http.response.status_code"] == status
    duration = tel.points("http.server.request.duration")
    assert duration, "the instrumentation's own metric is there to join with"
    if "http.route" in ours[-1]:  # the join keys agree with the HTTP server metric
        routes = {p.get("http.route") for p in duration}
        assert ours[-1]["http.route"] in routes


def _starlette_like(kind: str, tel: Tel) -> Any:
    from starlette.testclient import TestClient

    if kind == "fastapi":
        from fastapi import FastAPI
        from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor as Instrumentor

        app: Any = FastAPI()
    else:
        from opentelemetry.instrumentation.starlette import StarletteInstrumentor as Instrumentor
        from starlette.applications import Starlette

        app = Starlette()
    from errdex.integrations.starlette import install

    cat = _shop()
    install(app, cat, on_error=tel.errors)

    async def boom(request: Any) -> None:
        raise RuntimeError("password=hunter2")

    async def pay(request: Any) -> None:
        raise cat.error("SHOP-2", card=CARD)

    app.router.add_route("/boom", boom)
    app.router.add_route("/pay", pay, methods=["POST"])
    Instrumentor.instrument_app(
        app, tracer_provider=tel.tracer_provider, meter_provider=tel.meter_provider
    )
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("kind", ["fastapi", "starlette"])
@pytest.mark.parametrize(
    ("method", "path", "code", "status"),
    [("GET", "/boom", "SHOP-0", 500), ("POST", "/pay", "SHOP-2", 402)],
)
def test_asgi_instrumentations(kind: str, method: str, path: str, code: str, status: int) -> None:
    tel = Tel()
    client = _starlette_like(kind, tel)
    assert client.request(method, path).status_code == status
    _assert_server(tel, code, status)
    (span,) = tel.server_spans()
    if code == "SHOP-0":  # the original exception, not the internal error
        (event,) = span.events
        assert event.attributes["exception.type"] == "RuntimeError"


@pytest.mark.parametrize(
    ("method", "path", "code", "status"),
    [("GET", "/boom", "SHOP-0", 500), ("POST", "/pay", "SHOP-2", 402)],
)
def test_flask_instrumentation(method: str, path: str, code: str, status: int) -> None:
    from flask import Flask
    from opentelemetry.instrumentation.flask import FlaskInstrumentor

    from errdex.integrations.flask import install

    tel = Tel()
    cat = _shop()
    app = Flask(__name__)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("password=hunter2")

    @app.post("/pay")
    def pay() -> None:
        raise cat.error("SHOP-2", card=CARD)

    FlaskInstrumentor().instrument_app(
        app, tracer_provider=tel.tracer_provider, meter_provider=tel.meter_provider
    )
    install(app, cat, on_error=tel.errors)
    try:
        assert app.test_client().open(path, method=method).status_code == status
    finally:
        FlaskInstrumentor().uninstrument_app(app)
    _assert_server(tel, code, status)


@pytest.mark.parametrize(
    ("method", "path", "code", "status"),
    [("GET", "/boom", "SHOP-0", 500), ("POST", "/pay", "SHOP-2", 402)],
)
def test_django_instrumentation(method: str, path: str, code: str, status: int) -> None:
    import django_app
    from django.conf import settings
    from django.test import Client
    from opentelemetry.instrumentation.django import DjangoInstrumentor

    from errdex.integrations import django as errdex_django

    tel = Tel()
    config = {**settings.ERRDEX, "on_error": tel.errors}
    before = settings.ERRDEX
    settings.ERRDEX = config
    DjangoInstrumentor().instrument(
        tracer_provider=tel.tracer_provider,
        meter_provider=tel.meter_provider,
        response_hook=django_response_hook,
    )
    try:
        assert django_app.catalog is errdex_django.configured().catalog
        res = Client().generic(method, path, HTTP_X_CARD=CARD)
        assert res.status_code == status
    finally:
        DjangoInstrumentor().uninstrument()
        settings.ERRDEX = before
    _assert_server(tel, code, status)


def test_httpx_instrumentation_and_client_telemetry() -> None:
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    from errdex.integrations.httpx import event_hooks

    tel = Tel()
    cat = _shop()
    rendered = errdex.render(cat.error("SHOP-3"), "problem")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            rendered.status, headers=list(rendered.headers), content=rendered.body
        )

    decoded = ClientTelemetry(
        tracer_provider=tel.tracer_provider, meter_provider=tel.meter_provider
    )
    client = httpx.Client(
        transport=httpx.MockTransport(handler), event_hooks=event_hooks(cat, on_decode=decoded)
    )
    HTTPXClientInstrumentor.instrument_client(
        client, tracer_provider=tel.tracer_provider, meter_provider=tel.meter_provider
    )
    with pytest.raises(errdex.Error) as info:
        client.get("https://shop.example/busy")
    assert info.value.code == "SHOP-3"
    spans = {s.name: s for s in tel.spans.get_finished_spans()}
    assert spans["errdex.decode"].attributes["error.type"] == "SHOP-3"
    assert spans["errdex.decode"].kind is SpanKind.CLIENT
    (point,) = tel.points(CLIENT_COUNTER)
    assert point == {
        "error.type": "SHOP-3",
        "http.response.status_code": 503,
        "http.request.method": "GET",
        "server.address": "shop.example",
        "errdex.catalog": "shop",
    }
    assert orjson.loads(rendered.body)["code"] == "SHOP-3"
