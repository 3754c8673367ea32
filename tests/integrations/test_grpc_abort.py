"""gRPC: a handler's own ``context.abort(code, details)`` — sync and aio, on a real server on
127.0.0.1 — goes out as the catalog error for the code's HTTP status, chosen and worded as
the HTTP integrations answer an ``HTTPException`` of that status; ``abort_with_status`` and
an abort that carries its own ``grpc-status-details-bin`` are left alone."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from concurrent import futures
from typing import Any

import orjson
import pytest

grpc = pytest.importorskip("grpc", reason="grpcio is not installed (pip install 'errdex[grpc]')")
pytest.importorskip("grpc_status", reason="grpcio-status is not installed")

from google.protobuf import json_format  # noqa: E402
from google.rpc import status_pb2  # noqa: E402
from grpc_status import rpc_status  # noqa: E402

import errdex  # noqa: E402
from errdex.integrations.framework import FrameworkErrors  # noqa: E402
from errdex.integrations.grpc import DETAILS_KEY, ErrorInterceptor  # noqa: E402
from errdex.integrations.grpc_client import decode_rpc_error  # noqa: E402
from errdex.model import Catalog  # noqa: E402

SECRET = "".join(["postgres://admin:", "hunter2", "@db/shop"])  # no source line has it whole
_NUMBERS = {code.name: code.value[0] for code in grpc.StatusCode}
_FOREIGN = status_pb2.Status(code=9, message="Quota rule broken")
_OWN = status_pb2.Status(code=5, message="mine").SerializeToString()
NOT_FOUND = grpc.StatusCode.NOT_FOUND


@pytest.fixture(scope="module")
def shop(app_shop: Catalog) -> Catalog:
    """The catalog the example apps serve (the root conftest's ``app_shop``)."""
    return app_shop


def _act(request: bytes, context: Any) -> bytes:
    """What every handler below does with ``request`` (sync context)."""
    if request == b"missing":
        context.abort(NOT_FOUND, "no such order")
    if request == b"braces":
        context.abort(NOT_FOUND, "no order {id} here")
    if request == b"secret":
        context.abort(grpc.StatusCode.INTERNAL, SECRET)
    if request == b"exists":
        context.abort(grpc.StatusCode.ALREADY_EXISTS, "order 7 exists")
    if request == b"invalid":
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, "page size 0")
    if request == b"ok":
        context.abort(grpc.StatusCode.OK, "fine?")
    if request == b"kept":
        context.set_trailing_metadata((("x-trace", "t1"),))
        context.abort(NOT_FOUND, "no such order")
    if request == b"own":
        context.set_trailing_metadata(((DETAILS_KEY, _OWN),))
        context.abort(NOT_FOUND, "mine")
    if request == b"status":
        context.abort_with_status(rpc_status.to_status(_FOREIGN))
    if request == b"set-code":  # not an abort: the real context's code, set through
        context.set_code(grpc.StatusCode.PERMISSION_DENIED)
        context.set_details("set by hand")
        return b""
    if request.startswith(b"code-"):
        return _set_code(request, context)
    if request == b"who":
        kind = "ServicerContext" if isinstance(context, grpc.ServicerContext) else "other"
        caller = dict(context.invocation_metadata()).get("x-caller", "")
        return f"{kind}:{caller}:{context.is_active()}".encode()
    return b"ok:" + request


def _set_code(request: bytes, context: Any) -> bytes:
    """A handler that sets a code (and details), then returns (sync or aio context)."""
    if request == b"code-missing":
        context.set_code(NOT_FOUND)
        context.set_details("no such order")
    if request == b"code-bare":
        context.set_code(NOT_FOUND)
    if request == b"code-secret":
        context.set_code(grpc.StatusCode.INTERNAL)
        context.set_details(SECRET)
    if request == b"code-exists":
        context.set_code(grpc.StatusCode.ALREADY_EXISTS)
        context.set_details("order 7 exists")
    if request == b"code-invalid":
        context.set_code(grpc.StatusCode.INVALID_ARGUMENT)
        context.set_details("page size 0")
    if request == b"code-kept":
        context.set_trailing_metadata((("x-trace", "t3"),))
        context.set_code(NOT_FOUND)
        context.set_details("no such order")
    if request == b"code-own":
        context.set_trailing_metadata(((DETAILS_KEY, _OWN),))
        context.set_code(NOT_FOUND)
        context.set_details("mine")
    if request == b"code-ok":
        context.set_code(grpc.StatusCode.OK)
        return b"fine"
    return b""


async def _async_act(request: bytes, context: Any) -> bytes:
    """:func:`_act` for an aio context (``abort`` awaited; one passes trailing metadata)."""
    await asyncio.sleep(0)
    if request.startswith(b"code-"):
        return _set_code(request, context)
    if request == b"missing":
        await context.abort(NOT_FOUND, "no such order")
    if request == b"secret":
        await context.abort(grpc.StatusCode.INTERNAL, SECRET)
    if request == b"kept":
        await context.abort(NOT_FOUND, "no such order", (("x-trace", "t1"),))
    if request == b"set-kept":
        context.set_trailing_metadata((("x-trace", "t2"),))
        await context.abort(NOT_FOUND, "no such order")
    if request == b"own":
        await context.abort(NOT_FOUND, "mine", ((DETAILS_KEY, _OWN),))
    if request == b"status":
        await context.abort_with_status(rpc_status.to_status(_FOREIGN))
    if request == b"who":
        caller = dict(context.invocation_metadata()).get("x-caller", "")
        return f"{caller}:{context.peer().startswith('ipv4:127.0.0.1')}".encode()
    return b"ok:" + request


def _expected(cat: Catalog, status: int, message: str | None, code: str) -> dict[str, Any]:
    """What the google profile says of the error an HTTPException(status, message) is, as
    the protobuf JSON of the google.rpc.Status sent with ``code``."""
    error = FrameworkErrors(cat).for_status(status, message=message)
    body: dict[str, Any] = dict(orjson.loads(errdex.render(error, "google").body)["error"])
    del body["status"]
    return {**body, "code": _NUMBERS[code]}


def _details(exc: Any) -> dict[str, Any]:
    status = rpc_status.from_call(exc)  # also checks code and message agree with the proto
    assert status is not None, "no grpc-status-details-bin"
    found: dict[str, Any] = json_format.MessageToDict(status)
    return found


class _Served:
    """A sync ``grpc.server`` whose ``Get`` and ``List`` run :func:`_act`."""

    def __init__(self, cat: Catalog, **options: Any) -> None:
        def get(request: bytes, context: Any) -> bytes:
            return _act(request, context)

        def listing(request: bytes, context: Any) -> Iterator[bytes]:
            yield b"first"
            yield _act(request, context)

        self.seen: list[Any] = []
        interceptor = ErrorInterceptor(
            cat, on_error=lambda err, exc: self.seen.append(err), **options
        )
        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=2), interceptors=[interceptor]
        )
        handlers = {
            "Get": grpc.unary_unary_rpc_method_handler(get),
            "List": grpc.unary_stream_rpc_method_handler(listing),
        }
        self.server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", handlers)]
        )
        port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()
        self.channel = grpc.insecure_channel(f"127.0.0.1:{port}")

    def fail(self, request: bytes, method: str = "Get") -> Any:
        try:
            if method == "Get":
                self.channel.unary_unary("/shop.Orders/Get")(request)
            else:
                list(self.channel.unary_stream("/shop.Orders/List")(request))
        except grpc.RpcError as exc:
            return exc
        raise AssertionError("the call succeeded")

    def close(self) -> None:
        self.channel.close()
        self.server.stop(0)


@pytest.fixture(scope="module")
def served(shop: Catalog) -> Iterator[_Served]:
    running = _Served(shop)
    yield running
    running.close()


@pytest.mark.parametrize("method", ["Get", "List"])
def test_abort_is_the_catalog_error_for_the_codes_status(
    shop: Catalog, served: _Served, method: str
) -> None:
    exc = served.fail(b"missing", method)
    assert exc.code() is NOT_FOUND
    assert exc.details() == "no such order"  # the handler's text, as an HTTPException's detail
    sent = _details(exc)
    assert sent == _expected(shop, 404, "no such order", "NOT_FOUND")
    (info,) = sent["details"]
    assert info["metadata"] == {"code": "not-found"} and info["domain"] == "shop"
    assert decode_rpc_error(exc, shop).code == "not-found"


def test_what_the_http_integration_sends_for_that_status(shop: Catalog, served: _Served) -> None:
    """The same error as Starlette's answer to ``HTTPException(404, "no such order")``."""
    pytest.importorskip("starlette", reason="starlette is not installed")
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from errdex.integrations.starlette import install

    async def route(request: Any) -> Any:
        raise HTTPException(404, request.path_params["text"])

    app = Starlette(routes=[Route("/orders/{text}", route)])
    install(app, shop, profile="google")
    client = TestClient(app)
    assert client.get("/orders/gone").json()["error"]["message"] == "gone"
    http = client.get("/orders/no such order").json()["error"]  # each its own detail
    sent = _details(served.fail(b"missing"))
    assert http["status"] == "NOT_FOUND" and sent["code"] == _NUMBERS["NOT_FOUND"]
    assert sent["message"] == http["message"] and sent["details"] == http["details"]


def test_the_handlers_text_is_a_literal_of_each_abort(served: _Served) -> None:
    assert served.fail(b"missing").details() == "no such order"
    exc = served.fail(b"braces")  # the same built-in type, this abort's own text
    assert exc.details() == "no order {id} here" and _details(exc)["message"] == exc.details()


def test_a_5xx_abort_sends_catalog_text_only(shop: Catalog, served: _Served) -> None:
    exc = served.fail(b"secret")
    assert exc.code() is grpc.StatusCode.INTERNAL
    assert _details(exc) == _expected(shop, 500, None, "INTERNAL")
    sent = exc.details() + repr(exc.trailing_metadata()) + (exc.debug_error_string() or "")
    assert "hunter2" not in sent


def test_the_handlers_code_is_kept(served: _Served) -> None:
    """ALREADY_EXISTS is HTTP 409, which google_status reads as ABORTED: the call (and the
    Status in its details) keeps the code the handler chose, the entry is 409's."""
    exc = served.fail(b"exists")
    assert exc.code() is grpc.StatusCode.ALREADY_EXISTS
    sent = _details(exc)
    assert sent["code"] == _NUMBERS["ALREADY_EXISTS"] and sent["message"] == "order 7 exists"
    assert sent["details"][0]["metadata"] == {"code": "conflict"}


def test_abort_with_ok_is_unknown_as_grpcio_reads_it(shop: Catalog, served: _Served) -> None:
    exc = served.fail(b"ok")
    assert exc.code() is grpc.StatusCode.UNKNOWN
    assert _details(exc) == _expected(shop, 500, None, "UNKNOWN")


def test_trailing_metadata_set_before_is_kept(served: _Served) -> None:
    exc = served.fail(b"kept")
    assert ("x-trace", "t1") in exc.trailing_metadata()
    assert _details(exc)["message"] == "no such order"


def test_own_details_and_abort_with_status_are_left_alone(shop: Catalog, served: _Served) -> None:
    own = served.fail(b"own")
    assert own.code() is NOT_FOUND and own.details() == "mine"
    assert dict(own.trailing_metadata())[DETAILS_KEY] == _OWN
    foreign = served.fail(b"status")
    assert foreign.code() is grpc.StatusCode.FAILED_PRECONDITION
    assert rpc_status.from_call(foreign) == _FOREIGN


def test_every_other_attribute_is_the_real_contexts(served: _Served) -> None:
    get = served.channel.unary_unary("/shop.Orders/Get")
    assert get(b"who", metadata=(("x-caller", "c1"),)) == b"ServicerContext:c1:True"
    exc = served.fail(b"set-code")
    assert exc.code() is grpc.StatusCode.PERMISSION_DENIED and exc.details() == "set by hand"


@pytest.mark.parametrize("method", ["Get", "List"])
def test_a_code_set_then_returned_is_the_catalog_error_abort_sends(
    shop: Catalog, served: _Served, method: str
) -> None:
    """``set_code(X)`` (and ``set_details``), then return: the same status ``abort`` sends."""
    exc = served.fail(b"code-missing", method)
    assert exc.code() is NOT_FOUND and exc.details() == "no such order"
    assert _details(exc) == _expected(shop, 404, "no such order", "NOT_FOUND")
    assert decode_rpc_error(exc, shop).code == "not-found"
    bare = served.fail(b"code-bare", method)  # no details: the built-in type's own text
    assert bare.code() is NOT_FOUND
    assert _details(bare) == _expected(shop, 404, None, "NOT_FOUND")
    exists = served.fail(b"code-exists", method)  # the handler's code, 409's entry
    assert exists.code() is grpc.StatusCode.ALREADY_EXISTS
    sent = _details(exists)
    assert sent["code"] == _NUMBERS["ALREADY_EXISTS"]
    assert sent["details"][0]["metadata"] == {"code": "conflict"}


def test_a_code_set_then_returned_keeps_5xx_hygiene_and_metadata(
    shop: Catalog, served: _Served
) -> None:
    secret = served.fail(b"code-secret")
    assert secret.code() is grpc.StatusCode.INTERNAL
    assert _details(secret) == _expected(shop, 500, None, "INTERNAL")
    assert "hunter2" not in secret.details() + repr(secret.trailing_metadata())
    kept = served.fail(b"code-kept")
    assert ("x-trace", "t3") in kept.trailing_metadata()
    assert _details(kept)["message"] == "no such order"
    own = served.fail(b"code-own")  # the handler's own google.rpc.Status: left alone
    assert own.code() is NOT_FOUND and own.details() == "mine"
    assert [v for k, v in own.trailing_metadata() if k == DETAILS_KEY] == [_OWN]
    assert served.channel.unary_unary("/shop.Orders/Get")(b"code-ok") == b"fine"
    served.seen.clear()
    served.fail(b"code-missing")
    assert [err.code for err in served.seen] == ["not-found"]


def test_a_catalogs_http_entry_answers_a_code_set(zan: Catalog) -> None:
    running = _Served(zan)
    try:
        invalid = running.fail(b"code-invalid")
    finally:
        running.close()
    assert invalid.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert invalid.details() == zan.errors["http", 400]().message
    assert _details(invalid)["details"][0]["metadata"] == {"code": "400"}


def test_on_error_sees_each_abort_errdex_answers(served: _Served) -> None:
    served.seen.clear()
    served.fail(b"missing")
    served.fail(b"status")  # the handler's own status: not errdex's error
    assert [err.code for err in served.seen] == ["not-found"]


def test_a_catalogs_http_entry_answers_an_abort(zan: Catalog) -> None:
    """ZAN has ``http``-space entries for 400 and 500: they answer, in the catalog's words
    (an entry's message, not the handler's text, as for an HTTPException)."""
    running = _Served(zan)
    try:
        invalid = running.fail(b"invalid")
        secret = running.fail(b"secret")
    finally:
        running.close()
    assert invalid.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert invalid.details() == zan.errors["http", 400]().message
    assert _details(invalid)["details"][0]["metadata"] == {"code": "400"}
    assert secret.code() is grpc.StatusCode.INTERNAL
    assert _details(secret)["details"][0]["metadata"] == {"code": "500"}
    assert "hunter2" not in secret.details() + repr(secret.trailing_metadata())


def test_errors_names_the_entry_for_an_abort(zan: Catalog) -> None:
    code = str(zan.errors["http", 400]().code)
    running = _Served(zan, errors={404: code})
    try:
        exc = running.fail(b"missing")
    finally:
        running.close()
    assert exc.code() is NOT_FOUND  # the handler's code; the entry named for 404
    assert _details(exc)["details"][0]["metadata"] == {"code": code}


# -- aio --------------------------------------------------------------------------------


def test_aio_abort(shop: Catalog) -> None:
    async def get(request: bytes, context: Any) -> bytes:
        return await _async_act(request, context)

    async def listing(request: bytes, context: Any) -> AsyncIterator[bytes]:
        yield b"first"
        yield await _async_act(request, context)

    async def go() -> None:
        seen: list[Any] = []
        interceptor = ErrorInterceptor(shop, on_error=lambda err, exc: seen.append(err))
        server = grpc.aio.server(interceptors=[interceptor])
        handlers = {
            "Get": grpc.unary_unary_rpc_method_handler(get),
            "List": grpc.unary_stream_rpc_method_handler(listing),
        }
        server.add_generic_rpc_handlers(
            [grpc.method_handlers_generic_handler("shop.Orders", handlers)]
        )
        port = server.add_insecure_port("127.0.0.1:0")
        await server.start()
        try:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:

                async def fail(request: bytes, stream: bool = False) -> Any:
                    try:
                        if stream:
                            [m async for m in ch.unary_stream("/shop.Orders/List")(request)]
                        else:
                            await ch.unary_unary("/shop.Orders/Get")(request)
                    except grpc.aio.AioRpcError as exc:
                        return exc
                    raise AssertionError("the call succeeded")

                for stream in (False, True):
                    missing = await fail(b"missing", stream)
                    assert missing.code() is NOT_FOUND and missing.details() == "no such order"
                    assert _details(missing) == _expected(shop, 404, "no such order", "NOT_FOUND")
                secret = await fail(b"secret")
                assert secret.code() is grpc.StatusCode.INTERNAL
                assert _details(secret) == _expected(shop, 500, None, "INTERNAL")
                assert "hunter2" not in secret.details() + repr(secret.trailing_metadata())
                for request, trace in ((b"kept", "t1"), (b"set-kept", "t2")):
                    kept = await fail(request)
                    assert ("x-trace", trace) in tuple(kept.trailing_metadata())
                    assert _details(kept)["message"] == "no such order"
                own = await fail(b"own")
                assert own.code() is NOT_FOUND and own.details() == "mine"
                assert dict(own.trailing_metadata())[DETAILS_KEY] == _OWN
                seen.clear()
                foreign = await fail(b"status")
                assert foreign.code() is grpc.StatusCode.FAILED_PRECONDITION
                assert rpc_status.from_call(foreign) == _FOREIGN and seen == []
                for stream in (False, True):  # a code set, then returned
                    missing = await fail(b"code-missing", stream)
                    assert missing.code() is NOT_FOUND and missing.details() == "no such order"
                    assert _details(missing) == _expected(shop, 404, "no such order", "NOT_FOUND")
                secret = await fail(b"code-secret")
                assert secret.code() is grpc.StatusCode.INTERNAL
                assert _details(secret) == _expected(shop, 500, None, "INTERNAL")
                assert "hunter2" not in secret.details() + repr(secret.trailing_metadata())
                kept = await fail(b"code-kept")
                assert ("x-trace", "t3") in tuple(kept.trailing_metadata())
                assert _details(kept)["message"] == "no such order"
                own = await fail(b"code-own")
                assert own.code() is NOT_FOUND and own.details() == "mine"
                assert [v for k, v in own.trailing_metadata() if k == DETAILS_KEY] == [_OWN]
                seen.clear()
                await fail(b"code-exists")
                assert [err.code for err in seen] == ["conflict"]
                who = ch.unary_unary("/shop.Orders/Get")
                assert await who(b"code-ok") == b"fine"
                assert await who(b"who", metadata=(("x-caller", "c2"),)) == b"c2:True"
        finally:
            await server.stop(0)

    asyncio.run(go())
