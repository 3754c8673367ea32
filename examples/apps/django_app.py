"""Django (plain views) and Django REST framework with errdex, in one file.

Run: ``python examples/apps/django_app.py runserver`` — or serve ``django_app:application``
(WSGI) with any server; importing the module configures Django when nothing else did.
The requests that produce each error (docs/integrations.md):

    GET  /orders/1                        200            (plain view)
    GET  /orders/7                        404 SHOP-1 orderNotFound (zh-CN with Accept-Language)
    POST /orders {"item":"pen","qty":0}   422 validation-failed (pydantic), pointer "#/qty"
    POST /pay  (X-Card: 4111…)            402 SHOP-2 (the card number is private: never sent)
    GET  /busy                            503 SHOP-3, Retry-After: 2
    GET  /denied                          403 forbidden (PermissionDenied)
    GET  /boom                            500 SHOP-0 (a RuntimeError; nothing of it is sent)
    GET  /nowhere                         404 not-found (no such URL)
    DELETE /orders/1                      405 method-not-allowed, Allow: GET
    POST /api/orders {"qty":0}            400 validation-failed (DRF), pointers "#/item", "#/qty"
    GET  /api/orders/7                    404 SHOP-1 (a catalog error in a DRF view)
    DELETE /api/orders/7                  405 method-not-allowed (DRF)
    GET  /api/boom                        500 SHOP-0 (DRF view)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import django
from django.conf import settings

import errdex

catalog = errdex.load(Path(__file__).with_name("shop.toml"))

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="example-only-not-secret",
        ALLOWED_HOSTS=["*"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=["errdex.integrations.django.ErrorMiddleware"],
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
        DATABASES={},
        ERRDEX={"catalog": catalog, "profile": "problem"},
        REST_FRAMEWORK={
            "EXCEPTION_HANDLER": "errdex.integrations.django.exception_handler",
            "UNAUTHENTICATED_USER": None,
            "DEFAULT_AUTHENTICATION_CLASSES": [],
            "DEFAULT_PERMISSION_CLASSES": [],
        },
        LOGGING_CONFIG=None,
    )
    django.setup()

from django.core.exceptions import PermissionDenied  # noqa: E402
from django.http import HttpRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from django.views.decorators.http import require_GET, require_POST  # noqa: E402
from pydantic import BaseModel, Field  # noqa: E402
from rest_framework import serializers  # noqa: E402
from rest_framework.decorators import api_view  # noqa: E402
from rest_framework.request import Request  # noqa: E402
from rest_framework.response import Response  # noqa: E402


class Order(BaseModel):
    item: str = Field(min_length=1)
    qty: int = Field(gt=0)


@require_GET
def get_order(request: HttpRequest, order_id: str) -> JsonResponse:
    if order_id != "1":
        raise catalog.error("SHOP-1", order_id=order_id)
    return JsonResponse({"id": order_id, "item": "pen"})


@csrf_exempt
@require_POST
def create_order(request: HttpRequest) -> JsonResponse:
    order = Order.model_validate(json.loads(request.body or b"null"))
    return JsonResponse({"id": "2", "item": order.item, "qty": order.qty}, status=201)


@csrf_exempt
def pay(request: HttpRequest) -> JsonResponse:
    raise catalog.error("SHOP-2", card=request.headers.get("X-Card", ""))


def busy(request: HttpRequest) -> JsonResponse:
    raise catalog.error("SHOP-3")


def denied(request: HttpRequest) -> JsonResponse:
    raise PermissionDenied("staff only")


def boom(request: HttpRequest) -> JsonResponse:
    raise RuntimeError("db password=hunter2 at 10.0.0.7")


class OrderSerializer(serializers.Serializer[Any]):
    item = serializers.CharField(min_length=1)
    qty = serializers.IntegerField(min_value=1)


@api_view(["POST"])
def api_create_order(request: Request) -> Response:
    serializer = OrderSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return Response({"id": "2", **serializer.validated_data}, status=201)


@api_view(["GET"])
def api_get_order(request: Request, order_id: str) -> Response:
    if order_id != "1":
        raise catalog.error("SHOP-1", order_id=order_id)
    return Response({"id": order_id, "item": "pen"})


@api_view(["GET"])
def api_boom(request: Request) -> Response:
    raise RuntimeError("db password=hunter2 at 10.0.0.7")


urlpatterns = [
    path("orders/<str:order_id>", get_order),
    path("orders", create_order),
    path("pay", pay),
    path("busy", busy),
    path("denied", denied),
    path("boom", boom),
    path("api/orders", api_create_order),
    path("api/orders/<str:order_id>", api_get_order),
    path("api/boom", api_boom),
]

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()

if __name__ == "__main__":
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
