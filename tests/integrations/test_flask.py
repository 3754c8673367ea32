"""Flask apps and blueprints answering with catalog errors, through the real framework."""

from __future__ import annotations

import logging

import pytest
from flask import Blueprint, Flask
from werkzeug.exceptions import Forbidden

from errdex.integrations.flask import install
from errdex.model import Catalog


def _app(catalog: Catalog) -> tuple[Flask, list[tuple[object, object]]]:
    app = Flask("errdex-test")
    seen: list[tuple[object, object]] = []
    install(app, catalog, on_error=lambda error, exc: seen.append((error, exc)))

    @app.get("/limited")
    def limited() -> str:
        raise catalog.error(-32003, space="jsonrpc", retry_after=4)

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("password=hunter2")

    @app.get("/forbidden")
    def forbidden() -> str:
        raise Forbidden()

    @app.post("/only-post")
    def only_post() -> str:
        return "ok"

    return app, seen


def test_catalog_error_status_headers_language(zan: Catalog) -> None:
    app, seen = _app(zan)
    res = app.test_client().get("/limited", headers={"Accept-Language": "en"})
    assert res.status_code == 429
    assert res.headers["Content-Type"] == "application/problem+json"
    assert res.headers["Retry-After"] == "4"
    assert res.headers["Content-Language"] == "en"
    assert res.get_json(force=True)["detail"] == "Cu limited per second"
    assert len(seen) == 1


def test_unexpected_exception_is_internal_and_logged(
    csghub: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    app, seen = _app(csghub)
    with caplog.at_level(logging.ERROR):
        res = app.test_client().get("/boom", headers={"Accept-Language": "zh-CN"})
    assert res.status_code == 500
    assert res.get_json(force=True)["code"] == "SYS-ERR-0"
    assert res.headers["Content-Language"] == "zh-CN"
    assert b"hunter2" not in res.data
    assert any("hunter2" in (r.exc_text or "") for r in caplog.records)
    error, exc = seen[-1]
    assert isinstance(exc, RuntimeError) and error.code == "SYS-ERR-0"


def test_http_exceptions_use_http_entries_when_the_catalog_has_them(zan: Catalog) -> None:
    app, _ = _app(zan)
    client = app.test_client()
    res = client.get("/forbidden")
    assert res.status_code == 403
    assert res.get_json(force=True)["code"] == 403
    # No 404/405 entries in ZAN: Flask's own pages, with their headers.
    assert client.get("/nowhere").status_code == 404
    res = client.get("/only-post")
    assert res.status_code == 405 and "POST" in res.headers["Allow"]


def test_blueprint_handlers(csghub: Catalog) -> None:
    bp = Blueprint("api", __name__)

    @bp.get("/login")
    def login() -> str:
        raise csghub.error("AUTH-ERR-4")

    install(bp, csghub, profile="csghub")
    app = Flask("errdex-bp")
    app.register_blueprint(bp, url_prefix="/api")
    res = app.test_client().get("/api/login")
    body = res.get_json(force=True)
    assert body["code"] == "AUTH-ERR-4" and "msg" in body
    assert app.test_client().get("/nowhere").status_code == 404


def test_bad_profile_fails_at_install(csghub: Catalog) -> None:
    with pytest.raises(LookupError, match="profiles:"):
        install(Flask("x"), csghub, profile="subquery")


@pytest.mark.parametrize("language", [None, "en", "zh-CN"])
def test_without_a_hook_the_same_response(
    zan: Catalog, language: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    """Without ``on_error`` catalog errors take a shorter path: same status, headers, body;
    a catalog 5xx is still logged."""
    answers = []
    for hook in (None, lambda error, exc: None):
        app = Flask("errdex-test")
        install(app, zan, on_error=hook)

        @app.get("/limited")
        def limited() -> str:
            raise zan.error(-32003, space="jsonrpc", retry_after=4)

        @app.get("/down")
        def down() -> str:
            raise zan.error(500, space="http")

        headers = {"Accept-Language": language} if language else {}
        client = app.test_client()
        with caplog.at_level(logging.ERROR, logger="errdex"):
            caplog.clear()
            down_res = client.get("/down", headers=headers)
            logged = [r for r in caplog.records if r.name == "errdex"]
        res = client.get("/limited", headers=headers)
        answers.append((res.status_code, sorted(res.headers.items()), res.data))
        assert down_res.status_code == 500 and len(logged) == 1
    assert answers[0] == answers[1]
    status, headers_sent, _ = answers[0]
    assert status == 429 and ("Retry-After", "4") in headers_sent
    assert ("Vary", "Accept-Language") in headers_sent
