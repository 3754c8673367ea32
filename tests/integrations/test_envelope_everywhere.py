"""Every error each framework's example app sends is the catalog's envelope (issue 9, "Done when").

For FastAPI/Starlette, Flask, Django and Django REST framework, the apps under
``examples/apps/`` raise nothing of their own for the framework's errors; each
case is asserted on status, content type and the body's schema (jsonschema),
and nothing internal of an unhandled exception leaks.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from catalogs import APP_SHOP
from errdex.model.envelopes import PROBLEM_SCHEMA

APPS = Path(__file__).resolve().parents[2] / "examples" / "apps"
PROBLEM = "application/problem+json"

# (method, path, body, status, code) — the same requests for every framework
CASES = [
    ("GET", "/nowhere", None, 404, "not-found"),
    ("DELETE", "/orders/1", None, 405, "method-not-allowed"),
    ("POST", "/orders", {"item": "pen", "qty": 0}, 422, "validation-failed"),
    ("GET", "/boom", None, 500, "SHOP-0"),
    ("GET", "/orders/7", None, 404, "SHOP-1"),
    ("POST", "/pay", None, 402, "SHOP-2"),
    ("GET", "/busy", None, 503, "SHOP-3"),
]

Send = Callable[..., tuple[int, dict[str, str], bytes]]


@pytest.fixture(scope="module", autouse=True)
def _apps_on_path() -> Iterator[None]:
    sys.path.insert(0, str(APPS))
    yield
    sys.path.remove(str(APPS))


def _fastapi() -> Send:
    import fastapi_app
    from fastapi.testclient import TestClient

    client = TestClient(fastapi_app.app, raise_server_exceptions=False)

    def send(method: str, path: str, body: Any = None, headers: Any = None):  # type: ignore[no-untyped-def]
        res = client.request(method, path, json=body, headers=headers or {})
        return res.status_code, {k.lower(): v for k, v in res.headers.items()}, res.content

    return send


def _flask() -> Send:
    import flask_app

    client = flask_app.app.test_client()

    def send(method: str, path: str, body: Any = None, headers: Any = None):  # type: ignore[no-untyped-def]
        res = client.open(path, method=method, json=body, headers=headers or {})
        return res.status_code, {k.lower(): v for k, v in res.headers.items()}, res.data

    return send


def _django(prefix: str = "") -> Callable[[], Send]:
    def make() -> Send:
        import django_app  # noqa: F401  (configures Django)
        from django.test import Client

        client = Client()

        def send(method: str, path: str, body: Any = None, headers: Any = None):  # type: ignore[no-untyped-def]
            extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in (headers or {}).items()}
            data = orjson.dumps(body) if body is not None else b""
            res = client.generic(
                method, prefix + path, data, content_type="application/json", **extra
            )
            return res.status_code, {k.lower(): v for k, v in res.items()}, res.content

        return send

    return make


FRAMEWORKS = {"fastapi": _fastapi, "flask": _flask, "django": _django()}


def _check(got: tuple[int, dict[str, str], bytes], status: int, code: str) -> dict[str, Any]:
    got_status, headers, raw = got
    assert got_status == status, raw
    assert headers["content-type"] == PROBLEM
    body = orjson.loads(raw)
    jsonschema.validate(body, PROBLEM_SCHEMA)
    assert body["status"] == status and body["code"] == code
    return body


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
@pytest.mark.parametrize(("method", "path", "body", "status", "code"), CASES)
def test_every_error_is_the_catalog_envelope(
    framework: str, method: str, path: str, body: Any, status: int, code: str
) -> None:
    send = FRAMEWORKS[framework]()
    found = _check(send(method, path, body, {"X-Card": "4111 1111 1111 1111"}), status, code)
    text = orjson.dumps(found).decode()
    assert "hunter2" not in text and "10.0.0.7" not in text and "RuntimeError" not in text
    assert "4111" not in text  # a private parameter never leaves the service
    if code == "validation-failed":
        assert [e["pointer"] for e in found["errors"]] == ["#/qty"]
        assert found["errors"][0]["detail"]


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_http_exception_language_vary_and_retry_after(framework: str) -> None:
    send = FRAMEWORKS[framework]()
    if framework != "django":  # Django has no HTTPException; PermissionDenied stands in
        _check(send("GET", "/teapot"), 418, "http-418")
    else:
        _check(send("GET", "/denied"), 403, "forbidden")
    got = send("GET", "/orders/7", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    body = _check(got, 404, "SHOP-1")
    assert body["detail"] == "订单 7 不存在。"
    assert got[1]["content-language"] == "zh-CN"
    assert "accept-language" in got[1]["vary"].lower()
    busy = send("GET", "/busy")
    assert busy[1]["retry-after"] == "2"
    wrong = send("DELETE", "/orders/1")
    assert "GET" in wrong[1]["allow"]


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("POST", "/api/orders", {"qty": 0}, 400, "validation-failed"),
        ("GET", "/api/orders/7", None, 404, "SHOP-1"),
        ("DELETE", "/api/orders/7", None, 405, "method-not-allowed"),
        ("GET", "/api/boom", None, 500, "SHOP-0"),
        ("GET", "/api/nowhere", None, 404, "not-found"),
    ],
)
def test_django_rest_framework_views(
    method: str, path: str, body: Any, status: int, code: str
) -> None:
    send = _django()()
    found = _check(send(method, path, body), status, code)
    assert "hunter2" not in orjson.dumps(found).decode()
    if code == "validation-failed":
        assert [(e["pointer"], e["code"]) for e in found["errors"]] == [
            ("#/item", "required"),
            ("#/qty", "min_value"),
        ]


def test_a_500_under_cors_middleware_has_the_cors_headers() -> None:
    send = _fastapi()
    origin = {"Origin": "https://shop.example"}
    for path, status in (("/boom", 500), ("/orders/7", 404), ("/nowhere", 404)):
        got = send("GET", path, headers=origin)
        assert got[0] == status
        assert got[1]["access-control-allow-origin"] == "https://shop.example"


def test_flask_cors_headers_on_a_500() -> None:
    from flask import Flask
    from flask_cors import CORS

    import errdex
    from errdex.integrations.flask import install

    app = Flask(__name__)
    CORS(app, origins=["https://shop.example"])
    cat = errdex.load(APP_SHOP)
    install(app, cat)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret")

    res = app.test_client().get("/boom", headers={"Origin": "https://shop.example"})
    assert res.status_code == 500
    assert res.headers["Access-Control-Allow-Origin"] == "https://shop.example"


def test_flask_body_errors_are_envelopes() -> None:
    import flask_app

    client = flask_app.app.test_client()
    bad = client.post("/orders", data=b"{not json", content_type="application/json")
    assert bad.status_code == 400 and bad.json["code"] == "bad-request"
    big = client.post("/orders", data=b"x" * (2 << 20), content_type="application/json")
    assert big.status_code == 413 and big.json["code"] == "payload-too-large"
    assert big.headers["Content-Type"] == PROBLEM


def test_a_catalog_may_name_the_entries_for_framework_errors() -> None:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    import errdex
    from errdex.integrations.starlette import install

    cat = errdex.load(APP_SHOP)
    app = FastAPI()
    install(app, cat, errors={404: "SHOP-1", "validation": "SHOP-2"})

    @app.post("/x")
    def x(qty: int) -> None: ...

    client = TestClient(app)
    assert client.get("/nowhere").json()["code"] == "SHOP-1"
    body = client.post("/x?qty=many").json()
    assert body["code"] == "SHOP-2"
    assert body["errors"][0]["parameter"] == "qty"
    with pytest.raises(LookupError, match="NOPE"):
        install(FastAPI(), cat, errors={404: "NOPE"})
