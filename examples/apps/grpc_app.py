"""grpcio with errdex: every failed RPC ends with a catalog error's status and details.

Run: ``python examples/apps/grpc_app.py [PORT]`` (serves ``shop.Orders`` on 127.0.0.1:50051;
``server(address)`` builds the server, ``channel(target)`` a client channel that raises
catalog errors). The messages are protobuf, built from the descriptor below (the
``shop.proto`` in its comment; no generated code). The calls that produce each error
(docs/integrations.md), each ending with ``grpc-status-details-bin`` = a google.rpc.Status
whose ``ErrorInfo.metadata.code`` is the catalog code:

    Get    {order_id: "1"}          OK, an Order
    Get    {order_id: "7"}          NOT_FOUND SHOP-1 orderNotFound (zh-CN with accept-language)
    Create {item: "pen", qty: 0}    INVALID_ARGUMENT validation-failed, field violation "qty"
    Get    (bytes no message reads) INVALID_ARGUMENT validation-failed (the request does not decode)
    Pay    {card: "4111…"}          UNKNOWN SHOP-2 (402; the card number is private: never sent)
    Busy   {}                       UNAVAILABLE SHOP-3, RetryInfo 2s
    Boom   {}                       INTERNAL SHOP-0 (a RuntimeError; nothing of it is sent)
    List   {}                       one Order, then UNAVAILABLE SHOP-3 (a stream ends with it)
    Stock  {}                       DEADLINE_EXCEEDED http-504 (a downstream call timed out)
    Nope   (no such method)         UNIMPLEMENTED http-501
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path
from typing import Any

import grpc  # type: ignore[import-untyped]
from google.protobuf import (  # type: ignore[import-untyped]
    descriptor_pb2,
    descriptor_pool,
    message_factory,
)
from pydantic import BaseModel, Field

import errdex
from errdex.integrations.grpc import ErrorInterceptor
from errdex.integrations.grpc_client import ErrorClientInterceptor

catalog = errdex.load(Path(__file__).with_name("shop.toml"))

SERVICE = "shop.Orders"

# syntax = "proto3"; package shop;
# message GetOrderRequest { string order_id = 1; }
# message CreateOrderRequest { string item = 1; int32 qty = 2; }
# message PayRequest { string card = 1; }
# message Order { string id = 1; string item = 2; int32 qty = 3; }
# message Empty {}
_STRING = descriptor_pb2.FieldDescriptorProto.TYPE_STRING
_INT32 = descriptor_pb2.FieldDescriptorProto.TYPE_INT32
_MESSAGES = {
    "GetOrderRequest": [("order_id", _STRING)],
    "CreateOrderRequest": [("item", _STRING), ("qty", _INT32)],
    "PayRequest": [("card", _STRING)],
    "Order": [("id", _STRING), ("item", _STRING), ("qty", _INT32)],
    "Empty": [],
}


def _message_classes() -> dict[str, Any]:
    proto = descriptor_pb2.FileDescriptorProto(name="shop.proto", package="shop", syntax="proto3")
    for name, fields in _MESSAGES.items():
        message = proto.message_type.add(name=name)
        for number, (field, kind) in enumerate(fields, start=1):
            message.field.add(name=field, number=number, type=kind, label=1)  # optional
    pool = descriptor_pool.DescriptorPool()
    pool.Add(proto)
    return {
        name: message_factory.GetMessageClass(pool.FindMessageTypeByName(f"shop.{name}"))
        for name in _MESSAGES
    }


messages = _message_classes()
GetOrderRequest = messages["GetOrderRequest"]
CreateOrderRequest = messages["CreateOrderRequest"]
PayRequest = messages["PayRequest"]
Order = messages["Order"]
Empty = messages["Empty"]


class NewOrder(BaseModel):
    """What ``Create`` accepts: a ``ValidationError`` is INVALID_ARGUMENT, one violation a field."""

    item: str = Field(min_length=1)
    qty: int = Field(gt=0)


def get(request: Any, context: grpc.ServicerContext) -> Any:
    if request.order_id != "1":
        raise catalog.error("SHOP-1", order_id=request.order_id)
    return Order(id="1", item="pen", qty=1)


def create(request: Any, context: grpc.ServicerContext) -> Any:
    order = NewOrder(item=request.item, qty=request.qty)
    return Order(id="2", item=order.item, qty=order.qty)


def pay(request: Any, context: grpc.ServicerContext) -> Any:
    raise catalog.error("SHOP-2", card=request.card)


def busy(request: Any, context: grpc.ServicerContext) -> Any:
    raise catalog.error("SHOP-3")


def boom(request: Any, context: grpc.ServicerContext) -> Any:
    raise RuntimeError("db password=hunter2 at 10.0.0.7")


def listing(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
    yield Order(id="1", item="pen", qty=1)
    raise catalog.error("SHOP-3")


def stock(request: Any, context: grpc.ServicerContext) -> Any:
    inventory: futures.Future[Any] = futures.Future()  # an inventory service that never answers
    return inventory.result(timeout=0.05)  # TimeoutError: DEADLINE_EXCEEDED


def _unary(behavior: Any, request: Any) -> grpc.RpcMethodHandler:
    return grpc.unary_unary_rpc_method_handler(
        behavior,
        request_deserializer=request.FromString,
        response_serializer=Order.SerializeToString,
    )


handlers = {
    "Get": _unary(get, GetOrderRequest),
    "Create": _unary(create, CreateOrderRequest),
    "Pay": _unary(pay, PayRequest),
    "Busy": _unary(busy, Empty),
    "Boom": _unary(boom, Empty),
    "Stock": _unary(stock, Empty),
    "List": grpc.unary_stream_rpc_method_handler(
        listing,
        request_deserializer=Empty.FromString,
        response_serializer=Order.SerializeToString,
    ),
}
"""The methods of ``shop.Orders`` by name."""

RESPONSES = {name: Order.FromString for name in handlers}
"""The response deserializer of each method, for a client."""


def server(address: str = "127.0.0.1:50051") -> tuple[grpc.Server, int]:
    """A started server for ``shop.Orders`` on ``address`` (port 0: any free one) and its port."""
    built = grpc.server(
        futures.ThreadPoolExecutor(max_workers=4), interceptors=[ErrorInterceptor(catalog)]
    )
    built.add_generic_rpc_handlers([grpc.method_handlers_generic_handler(SERVICE, handlers)])
    port = built.add_insecure_port(address)
    built.start()
    return built, port


def channel(target: str) -> grpc.Channel:
    """A client channel on which a failed call raises the catalog error
    (``Get`` is declared free of side effects: its retries are decided as a GET's)."""
    interceptor = ErrorClientInterceptor(catalog, idempotent={f"/{SERVICE}/Get"})
    return grpc.intercept_channel(grpc.insecure_channel(target), interceptor)


def call(chan: grpc.Channel, method: str, request: Any, **kwargs: Any) -> Any:
    """Call ``shop.Orders/<method>`` with a message (a stream's responses as a list)."""
    path = f"/{SERVICE}/{method}"
    encode = type(request).SerializeToString
    if method == "List":
        return list(chan.unary_stream(path, encode, RESPONSES[method])(request, **kwargs))
    return chan.unary_unary(path, encode, RESPONSES.get(method, Order.FromString))(
        request, **kwargs
    )


if __name__ == "__main__":
    port = sys.argv[1] if len(sys.argv) > 1 else "50051"
    running, bound = server(f"127.0.0.1:{port}")
    print(f"shop.Orders on 127.0.0.1:{bound}", flush=True)
    running.wait_for_termination()
