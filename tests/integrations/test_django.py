"""Django and Django REST framework: every error response in the catalog's envelope.

Runs the example app ``examples/apps/django_app.py`` (plain views and DRF views) with
Django's test client, request by request as its docstring lists them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from catalogs import EXAMPLES

pytest.importorskip("django", reason="Django is not installed (pip install 'errdex[django]')")
pytest.importorskip("rest_framework", reason="djangorestframework is not installed")

APPS = EXAMPLES / "apps"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    sys.path.insert(0, str(APPS))
    try:
        import django_app  # noqa: F401  (configures Django when nothing else did)
        from django.test import Client

        yield Client(raise_request_exception=False)
    finally:
        sys.path.remove(str(APPS))


def _problem(response: Any) -> dict[str, Any]:
    assert response["Content-Type"] == "application/problem+json"
    return orjson.loads(response.content)


def test_a_catalog_error_a_view_raises_in_the_asked_language(client: Any) -> None:
    english = client.get("/orders/7")
    assert english.status_code == 404 and _problem(english)["code"] == "SHOP-1"
    chinese = client.get("/orders/7", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert chinese["Content-Language"] == "zh-CN"
    assert chinese["Vary"] == "Accept-Language"


def test_private_params_never_leave_and_retry_after_is_sent(client: Any) -> None:
    paid = client.post("/pay", HTTP_X_CARD="4111111111111111")
    assert paid.status_code == 402 and b"4111" not in paid.content
    busy = client.get("/busy")
    assert (busy.status_code, busy["Retry-After"]) == (503, "2")


def test_djangos_own_errors_become_the_envelope(client: Any) -> None:
    assert _problem(client.get("/denied"))["code"] == "forbidden"
    nowhere = client.get("/nowhere")
    assert (nowhere.status_code, _problem(nowhere)["code"]) == (404, "not-found")
    wrong = client.delete("/orders/1")
    assert (wrong.status_code, wrong["Allow"]) == (405, "GET")
    assert _problem(wrong)["code"] == "method-not-allowed"


def test_an_unexpected_exception_is_the_internal_error_with_nothing_of_it(client: Any) -> None:
    boom = client.get("/boom")
    assert boom.status_code == 500 and _problem(boom)["code"] == "SHOP-0"
    assert b"RuntimeError" not in boom.content


def test_pydantic_validation_is_one_sub_error_per_field(client: Any) -> None:
    bad = client.post("/orders", b'{"item":"pen","qty":0}', content_type="application/json")
    body = _problem(bad)
    assert (bad.status_code, body["code"]) == (422, "validation-failed")
    assert [e["pointer"] for e in body["errors"]] == ["#/qty"]


def test_drf_views_answer_in_the_same_envelope(client: Any) -> None:
    bad = client.post("/api/orders", b'{"qty":0}', content_type="application/json")
    body = _problem(bad)
    assert (bad.status_code, body["code"]) == (400, "validation-failed")
    assert sorted(e["pointer"] for e in body["errors"]) == ["#/item", "#/qty"]
    assert _problem(client.get("/api/orders/7"))["code"] == "SHOP-1"
    assert _problem(client.delete("/api/orders/7"))["code"] == "method-not-allowed"
    assert _problem(client.get("/api/boom"))["code"] == "SHOP-0"


def test_a_missing_or_wrong_errdex_setting_is_a_clear_error(client: Any) -> None:
    from django.test import override_settings

    from errdex.integrations.django import configured

    with override_settings(ERRDEX=None), pytest.raises(RuntimeError) as missing:
        configured()
    assert 'settings.ERRDEX = {"catalog": ...} is missing' in str(missing.value)
    with override_settings(ERRDEX={"catalog": 42}), pytest.raises(RuntimeError) as wrong:
        configured()
    assert "settings.ERRDEX['catalog'] is int, expected a loaded errdex Catalog" in str(wrong.value)
