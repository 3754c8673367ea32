"""FastAPI (and so Starlette) with errdex: every error the app sends in the catalog's envelope.

Run: ``uvicorn --app-dir examples/apps fastapi_app:app`` (module ``fastapi_app``, attribute
``app``). The requests that produce each error (docs/integrations.md):

    GET  /orders/1                     200
    GET  /orders/7                     404 SHOP-1 orderNotFound (zh-CN with Accept-Language)
    POST /orders {"item":"pen","qty":0} 422 validation-failed, errors[].pointer "#/qty"
    POST /pay  (X-Card: 4111…)         402 SHOP-2 (the card number is private: never sent)
    GET  /busy                         503 SHOP-3, Retry-After: 2
    GET  /teapot                       418 http-418 (an HTTPException the route raises)
    GET  /boom                         500 SHOP-0 (a RuntimeError; nothing of it is sent)
    GET  /nowhere                      404 not-found (no such route)
    DELETE /orders/1                   405 method-not-allowed, Allow: GET
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel, Field

import errdex
from errdex.integrations.fastapi import responses
from errdex.integrations.starlette import install

catalog = errdex.load(Path(__file__).with_name("shop.toml"))

app = FastAPI(title="Shop")
app.add_middleware(CORSMiddleware, allow_origins=["https://shop.example"])
install(app, catalog)


class Order(BaseModel):
    item: str = Field(min_length=1)
    qty: int = Field(gt=0)


@app.get("/orders/{order_id}", responses=responses(catalog, codes=["SHOP-1"]))
def get_order(order_id: str) -> dict[str, str]:
    if order_id != "1":
        raise catalog.error("SHOP-1", order_id=order_id)
    return {"id": order_id, "item": "pen"}


@app.post("/orders", status_code=201)
def create_order(order: Order) -> dict[str, object]:
    return {"id": "2", "item": order.item, "qty": order.qty}


@app.post("/pay", responses=responses(catalog, codes=["SHOP-2"]))
def pay(request: Request) -> None:
    raise catalog.error("SHOP-2", card=request.headers.get("X-Card", ""))


@app.get("/busy", responses=responses(catalog, codes=["SHOP-3"]))
def busy() -> None:
    raise catalog.error("SHOP-3")


@app.get("/teapot")
def teapot() -> None:
    raise HTTPException(418, "I'm a teapot")


@app.get("/boom")
def boom() -> None:
    raise RuntimeError("db password=hunter2 at 10.0.0.7")
