"""A small shop service in Starlette and in Flask, and its catalog, for the verify tests.

``CATALOG`` declares a request example per entry; :func:`starlette_app` and
:func:`flask_app` answer them as declared. ``drift`` makes an app answer one
way wrong — the drifts a real service shows: ``status`` (a code sent with
another HTTP status), ``swap`` (two codes swapped), ``rename`` (an envelope key
renamed), ``missing`` (a route gone: the framework's own 404).
"""

from __future__ import annotations

from typing import Any

import orjson

import errdex

CATALOG = """
[catalog]
id = "shop"
locales = ["en", "zh-CN"]

[verify]
profile = "problem"
headers = { X-Client = "errdex-verify" }

[modules.auth]
prefix = "AUTH-ERR-"
http_status = 401

[modules.limits]
prefix = "LIM-"
http_status = 429
retryable = true
retry_after = 7

[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"
module = "auth"
message = "The token expired {age} seconds ago."
translations.zh-CN.message = "令牌已于 {age} 秒前过期。"

[[errors.examples]]
title = "an expired token"
request = { path = "/v1/repos", headers = { Authorization = "Bearer ${SHOP_EXPIRED}" } }
expect = { params = { age = 5 } }

[[errors.examples]]
title = "in Chinese"
[errors.examples.request]
path = "/v1/repos"
headers = { Authorization = "Bearer ${SHOP_EXPIRED}", Accept-Language = "zh-CN" }

[[errors]]
code = "AUTH-ERR-5"
name = "noToken"
module = "auth"
message = "No token was sent."

[[errors.examples]]
request = { path = "/v1/repos" }

[[errors]]
code = "LIM-1"
name = "slowDown"
module = "limits"
message = "Too many requests."

[[errors.examples]]
request = { method = "POST", path = "/v1/orders", json = { item = "book" } }

[[errors]]
code = "AUTH-ERR-9"
name = "legacy"
module = "auth"
message = "Legacy."
no_example = "only the v0 API sends it"

[[errors]]
code = "AUTH-ERR-1"
module = "auth"
status = "removed"
reason = "merged into AUTH-ERR-4"
"""

ENV = {"SHOP_EXPIRED": "expired-token"}


def catalog() -> errdex.Catalog:
    """The shop catalog, loaded."""
    return errdex.loads(CATALOG, name="shop.toml")


def _decide(cat: Any, method: str, path: str, headers: dict[str, str], drift: str | None) -> Any:
    """The error the service raises for a request, or None for a 404."""
    if path == "/v1/repos":
        if drift == "missing":
            return None
        auth = headers.get("authorization")
        if auth == "Bearer expired-token":
            return cat.error("AUTH-ERR-5" if drift == "swap" else "AUTH-ERR-4", age=5)
        return cat.error("AUTH-ERR-4" if drift == "swap" else "AUTH-ERR-5")
    if path == "/v1/orders" and method == "POST":
        return cat.error("LIM-1")
    return None


def _respond(
    err: Any, accept_language: str | None, drift: str | None
) -> tuple[int, list[tuple[str, str]], bytes]:
    rendered = errdex.render(err, "problem", locale=accept_language)
    status, headers, body = rendered.status, list(rendered.headers), rendered.body
    if drift == "status":
        status = 403
    if drift == "rename":
        doc = orjson.loads(body)
        doc["message"] = doc.pop("detail")
        body = orjson.dumps(doc)
    return status, headers, body


def starlette_app(drift: str | None = None) -> Any:
    """The shop as a Starlette (ASGI) app."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    cat = catalog()

    async def handle(request: Request) -> Response:
        headers = {k.lower(): v for k, v in request.headers.items()}
        err = _decide(cat, request.method, request.url.path, headers, drift)
        if err is None:
            return Response(b'{"detail":"Not Found"}', 404, media_type="application/json")
        status, extra, body = _respond(err, headers.get("accept-language"), drift)
        return Response(body, status, headers=dict(extra[1:]), media_type=extra[0][1])

    routes = [Route("/v1/repos", handle), Route("/v1/orders", handle, methods=["POST"])]
    return Starlette(routes=routes)


def flask_app(drift: str | None = None) -> Any:
    """The shop as a Flask (WSGI) app."""
    from flask import Flask, Response, request

    cat = catalog()
    app = Flask("shop")

    @app.route("/v1/repos", methods=["GET"])
    @app.route("/v1/orders", methods=["POST"])
    def handle() -> Response:
        headers = {k.lower(): v for k, v in request.headers.items()}
        err = _decide(cat, request.method, request.path, headers, drift)
        if err is None:
            return Response(b"<h1>Not Found</h1>", 404, content_type="text/html")
        status, extra, body = _respond(err, headers.get("accept-language"), drift)
        return Response(body, status, headers=extra)

    return app
