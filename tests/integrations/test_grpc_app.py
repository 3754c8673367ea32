"""The gRPC example app (``examples/apps/grpc_app.py``) on a real server on 127.0.0.1: every
call its docstring lists ends with the status and ``grpc-status-details-bin`` of a catalog
error (issue 9's "Done when", for gRPC), nothing internal or private leaks, and its client
channel raises the catalog errors back."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

grpc = pytest.importorskip("grpc", reason="grpcio is not installed (pip install 'errdex[grpc]')")
pytest.importorskip("grpc_status", reason="grpcio-status is not installed")
pytest.importorskip("pydantic", reason="the example app validates with pydantic")

from google.protobuf import json_format  # noqa: E402
from grpc_status import rpc_status  # noqa: E402

import errdex  # noqa: E402
from errdex.integrations.retrying import decision_for  # noqa: E402
from errdex.model.envelopes import GOOGLE_SCHEMA  # noqa: E402

APPS = Path(__file__).resolve().parents[2] / "examples" / "apps"


@pytest.fixture(scope="module")
def app() -> Iterator[ModuleType]:
    sys.path.insert(0, str(APPS))
    try:
        import grpc_app

        yield grpc_app
    finally:
        sys.path.remove(str(APPS))


@pytest.fixture(scope="module")
def target(app: ModuleType) -> Iterator[str]:
    server, port = app.server("127.0.0.1:0")
    yield f"127.0.0.1:{port}"
    server.stop(0)


@pytest.fixture()
def raw(target: str) -> Iterator[Any]:
    with grpc.insecure_channel(target) as chan:
        yield chan


def _cases(app: ModuleType) -> list[tuple[str, Any, str, str]]:
    return [
        ("Get", app.GetOrderRequest(order_id="7"), "NOT_FOUND", "SHOP-1"),
        (
            "Create",
            app.CreateOrderRequest(item="pen", qty=0),
            "INVALID_ARGUMENT",
            "validation-failed",
        ),
        ("Get", b"\xff\xff not a GetOrderRequest", "INVALID_ARGUMENT", "validation-failed"),
        ("Pay", app.PayRequest(card="4111 1111 1111 1111"), "UNKNOWN", "SHOP-2"),
        ("Busy", app.Empty(), "UNAVAILABLE", "SHOP-3"),
        ("Boom", app.Empty(), "INTERNAL", "SHOP-0"),
        ("List", app.Empty(), "UNAVAILABLE", "SHOP-3"),
        ("Stock", app.Empty(), "DEADLINE_EXCEEDED", "http-504"),
        ("Nope", app.Empty(), "UNIMPLEMENTED", "http-501"),
    ]


CASE_IDS = [
    "missing",
    "invalid",
    "undecodable",
    "private",
    "busy",
    "boom",
    "stream",
    "stock",
    "nope",
]


def _raw_call(chan: Any, method: str, request: Any) -> tuple[list[bytes], Any]:
    """Call with bytes in and out (the wire, no message classes): the messages and the error."""
    path = f"/shop.Orders/{method}"
    payload = request if isinstance(request, bytes) else request.SerializeToString()
    got: list[bytes] = []
    try:
        if method == "List":
            for item in chan.unary_stream(path)(payload):
                got.append(item)
        else:
            got.append(chan.unary_unary(path)(payload))
    except grpc.RpcError as exc:
        return got, exc
    raise AssertionError(f"{method} succeeded")


@pytest.mark.parametrize("index", range(9), ids=CASE_IDS)
def test_every_error_is_a_catalog_status(app: ModuleType, raw: Any, index: int) -> None:
    method, request, code, catalog_code = _cases(app)[index]
    got, exc = _raw_call(raw, method, request)
    assert exc.code().name == code
    assert len(got) == (1 if method == "List" else 0)
    status = rpc_status.from_call(exc)  # also checks code and message agree with the details
    assert status is not None, "no grpc-status-details-bin"
    body = json_format.MessageToDict(status)
    jsonschema.validate({"error": body}, GOOGLE_SCHEMA)
    info = body["details"][0]
    assert info["@type"] == "type.googleapis.com/google.rpc.ErrorInfo"
    assert info["domain"] == "shop" and info["metadata"]["code"] == catalog_code
    sent = repr(exc.trailing_metadata()) + exc.details()
    for secret in ("hunter2", "10.0.0.7", "RuntimeError", "4111", "Traceback", "TimeoutError"):
        assert secret not in sent


def test_validation_names_the_field_and_language_is_negotiated(app: ModuleType, raw: Any) -> None:
    _, exc = _raw_call(raw, "Create", app.CreateOrderRequest(item="pen", qty=0))
    found = json_format.MessageToDict(rpc_status.from_call(exc))["details"]
    (violations,) = [d["fieldViolations"] for d in found if d["@type"].endswith("BadRequest")]
    assert violations == [
        {
            "field": "qty",
            "description": "Input should be greater than 0",
            "reason": "CODE_GREATER_THAN",
        }
    ]
    request = app.GetOrderRequest(order_id="7").SerializeToString()
    with pytest.raises(grpc.RpcError) as caught:
        raw.unary_unary("/shop.Orders/Get")(request, metadata=[("accept-language", "zh-CN")])
    localized = json_format.MessageToDict(rpc_status.from_call(caught.value))["details"][1]
    assert localized["locale"] == "zh-CN" and localized["message"] == "订单 7 不存在。"


def test_success(app: ModuleType, target: str) -> None:
    with app.channel(target) as chan:
        order = app.call(chan, "Get", app.GetOrderRequest(order_id="1"))
        assert (order.id, order.item, order.qty) == ("1", "pen", 1)
        made = app.call(chan, "Create", app.CreateOrderRequest(item="pen", qty=2))
        assert (made.id, made.qty) == ("2", 2)


def test_the_client_channel_raises_catalog_errors(app: ModuleType, target: str) -> None:
    cat = app.catalog
    with app.channel(target) as chan:
        with pytest.raises(cat.errors["SHOP-1"]) as missing:
            app.call(chan, "Get", app.GetOrderRequest(order_id="7"))
        assert missing.value.params == {"order_id": "7"} and missing.value.status == 404
        with pytest.raises(cat.errors["SHOP-3"]) as busy:
            app.call(chan, "Busy", app.Empty())
        assert busy.value.retry_after == 2 and decision_for(busy.value).retry
        with pytest.raises(cat.errors["SHOP-0"]):
            app.call(chan, "Boom", app.Empty())
        with pytest.raises(errdex.Error) as late:
            app.call(chan, "Stock", app.Empty())
        assert late.value.code == "http-504" and late.value.status == 504
        assert decision_for(late.value).reason == "needs-idempotency-key"
        with pytest.raises(errdex.Error) as nope:
            app.call(chan, "Nope", app.Empty())
        assert nope.value.code == "http-501" and nope.value.status == 501


def test_runs_as_a_script(app: ModuleType) -> None:
    """``python examples/apps/grpc_app.py PORT`` serves until stopped."""
    proc = subprocess.Popen(
        [sys.executable, str(APPS / "grpc_app.py"), "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("shop.Orders on 127.0.0.1:"), line
        target = line.split()[-1]
        with app.channel(target) as chan, pytest.raises(app.catalog.errors["SHOP-1"]):
            app.call(chan, "Get", app.GetOrderRequest(order_id="7"), timeout=10)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
