"""Flask with errdex: every error the app sends in the catalog's envelope, never an HTML page.

Run: ``flask --app examples/apps/flask_app.py run`` (module ``flask_app``, attribute ``app``).
The requests that produce each error (docs/integrations.md):

    GET  /orders/1                      200
    GET  /orders/7                      404 SHOP-1 orderNotFound (zh-CN with Accept-Language)
    POST /orders {"item":"pen","qty":0} 422 validation-failed, errors[].pointer "#/qty"
    POST /orders (not JSON)             400 bad-request (Werkzeug's BadRequest)
    POST /orders (body > 1 MiB)         413 payload-too-large
    POST /pay  (X-Card: 4111…)          402 SHOP-2 (the card number is private: never sent)
    GET  /busy                          503 SHOP-3, Retry-After: 2
    GET  /teapot                        418 http-418 (an HTTPException the view raises)
    GET  /boom                          500 SHOP-0 (a RuntimeError; nothing of it is sent)
    GET  /nowhere                       404 not-found (no such route)
    DELETE /orders/1                    405 method-not-allowed, Allow kept
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, abort, request
from pydantic import BaseModel, Field

import errdex
from errdex.integrations.flask import install

catalog = errdex.load(Path(__file__).with_name("shop.toml"))

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 1 << 20
install(app, catalog)


class Order(BaseModel):
    item: str = Field(min_length=1)
    qty: int = Field(gt=0)


@app.get("/orders/<order_id>")
def get_order(order_id: str) -> dict[str, str]:
    if order_id != "1":
        raise catalog.error("SHOP-1", order_id=order_id)
    return {"id": order_id, "item": "pen"}


@app.post("/orders")
def create_order() -> tuple[dict[str, Any], int]:
    order = Order.model_validate(request.get_json())  # a ValidationError is a 422
    return {"id": "2", "item": order.item, "qty": order.qty}, 201


@app.post("/pay")
def pay() -> None:
    raise catalog.error("SHOP-2", card=request.headers.get("X-Card", ""))


@app.get("/busy")
def busy() -> None:
    raise catalog.error("SHOP-3")


@app.get("/teapot")
def teapot() -> None:
    abort(418)


@app.get("/boom")
def boom() -> None:
    raise RuntimeError("db password=hunter2 at 10.0.0.7")
