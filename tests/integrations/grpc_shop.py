"""A shop service over gRPC for the integration tests: one real server on 127.0.0.1.

Import it after ``pytest.importorskip("grpc")``. :class:`SyncServer` serves the
methods of ``shop.Orders`` through :class:`~errdex.integrations.grpc.ErrorInterceptor`;
each request names the failure :func:`fail` raises (``b"missing"``, ``b"busy"`` …).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent import futures
from typing import Any

import grpc
import orjson
from google.protobuf import json_format
from google.rpc import status_pb2
from grpc_status import rpc_status

from errdex.integrations.grpc import ErrorInterceptor
from errdex.model import Catalog

METHOD = "/shop.Orders/Get"
STREAM = "/shop.Orders/List"
WRITE = "/shop.Orders/Pay"
CHAT = "/shop.Orders/Chat"


def fail(shop: Catalog, request: bytes, context: Any) -> bytes:
    """Answer ``request`` (``b"ok:"`` + it), or fail the way it names."""
    if request == b"missing":
        raise shop.error("SHOP-1", order_id="7")
    if request == b"busy":
        raise shop.error("SHOP-3")
    if request == b"card":
        raise shop.error("SHOP-2", card="4111111111111111")
    if request == b"fields":
        subs = [shop.error("SHOP-1", order_id="9", field="items[0].order")]
        raise shop.error("SHOP-1", order_id="8", sub_errors=subs)
    if request == b"boom":
        raise RuntimeError("postgres://admin:hunter2@db/shop")
    if request == b"slow":
        time.sleep(1.0)
    if request == b"abort":
        context.abort(grpc.StatusCode.ALREADY_EXISTS, "the handler's own abort")
    if request == b"timeout":  # the handler's own work ran out of time
        raise TimeoutError("db query took 31 s on 10.0.0.7")
    if request == b"foreign":  # a status from a service that knows another catalog
        foreign = status_pb2.Status(code=9, message="Quota rule broken")
        info = json_format.ParseDict(
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": "QUOTA",
                "domain": "shop",
                "metadata": {"code": "SHOP-99"},
            },
            foreign.details.add(),
        )
        assert info is not None
        context.abort_with_status(rpc_status.to_status(foreign))
    return b"ok:" + request


def ascii_only(raw: bytes) -> bytes:
    """A deserializer that refuses non-ASCII bytes."""
    raw.decode("ascii")  # b"\xff" fails: a request message that does not deserialize
    return raw


def order_of(raw: bytes) -> Any:
    """A deserializer that validates: a pydantic model read from JSON."""
    from pydantic import BaseModel, Field

    class Item(BaseModel):
        qty: int = Field(gt=0)

    class Order(BaseModel):
        id: str
        items: list[Item]

    return Order.model_validate_json(raw)


class SyncServer:
    """``shop.Orders`` on a sync grpc server with the error interceptor; ``port``, ``server``."""

    def __init__(self, shop: Catalog) -> None:
        def get(request: bytes, context: Any) -> bytes:
            return fail(shop, request, context)

        def listing(request: bytes, context: Any) -> Iterator[bytes]:
            yield b"first"
            fail(shop, request, context)
            yield b"second"

        def upload(requests: Iterator[bytes], context: Any) -> bytes:
            return fail(shop, b"".join(requests), context)

        def chat(requests: Iterator[bytes], context: Any) -> Iterator[bytes]:
            for request in requests:
                yield fail(shop, request, context)

        def typed(request: Any, context: Any) -> bytes:
            return orjson.dumps(request.model_dump())

        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=4), interceptors=[ErrorInterceptor(shop)]
        )
        handlers = {
            "Get": grpc.unary_unary_rpc_method_handler(get),
            "Strict": grpc.unary_unary_rpc_method_handler(
                get, request_deserializer=ascii_only, response_serializer=bytes
            ),
            "StrictUpload": grpc.stream_unary_rpc_method_handler(
                upload, request_deserializer=ascii_only, response_serializer=bytes
            ),
            "Typed": grpc.unary_unary_rpc_method_handler(typed, request_deserializer=order_of),
            "Pay": grpc.unary_unary_rpc_method_handler(get),
            "List": grpc.unary_stream_rpc_method_handler(listing),
            "Upload": grpc.stream_unary_rpc_method_handler(upload),
            "Chat": grpc.stream_stream_rpc_method_handler(chat),
        }
        self.server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", handlers)]
        )
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()


def call(channel: Any, request: bytes, **kw: Any) -> Any:
    """The ``RpcError`` a unary ``Get`` of ``request`` ends with."""
    try:
        channel.unary_unary(METHOD)(request, **kw)
    except grpc.RpcError as exc:
        return exc
    raise AssertionError("the call succeeded")
