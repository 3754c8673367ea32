"""grpcio clients: a failed RPC back into the catalog error, and the retry decision for it.

    import grpc
    from errdex.integrations.grpc_client import ErrorClientInterceptor, decode_rpc_error

    channel = grpc.intercept_channel(grpc.insecure_channel(target), ErrorClientInterceptor(cat))
    try:
        stub_call(request, metadata=[("idempotency-key", key)])
    except cat.module_error("shop") as exc:
        exc.code, exc.retryable, exc.retry_after, exc.rpc_error
        decision_for(exc)                  # errdex.integrations.retrying: retry or not, how long

    for order in stub_stream(request):     # a streaming response: raised where it failed
        ...

    aio_channel = grpc.aio.insecure_channel(target, interceptors=async_interceptors(cat))
    err = decode_rpc_error(rpc_error, cat)   # without the interceptor

:func:`decode_rpc_error` reads the call's status code, message and the
``google.rpc.Status`` in ``grpc-status-details-bin`` (what
:mod:`errdex.integrations.grpc` and any AIP-193 server send) and hands them to
:func:`errdex.decode` as the ``"google"`` profile's body: the ``ErrorInfo``
metadata ``code`` finds the entry (a code the catalog lacks keeps its raw code
and gets the module, space or client/server fallback class), ``RetryInfo`` is
the server's delay, ``BadRequest`` the sub-errors. The error's ``status`` is the
entry's HTTP status when the gRPC code is the one that status maps to, else
the HTTP status of the gRPC code (code.proto's mapping: ``UNAVAILABLE`` 503,
``DEADLINE_EXCEEDED`` 504, ``RESOURCE_EXHAUSTED`` 429…) — so a status without
details (a deadline, a transport failure, a server without errdex) is decided
as the same HTTP status would be.

The retry decision is docs/wire.md's, as for HTTP: the error's ``request``
says what :func:`errdex.integrations.retrying.decision_for` needs — the
``idempotency-key`` metadata the call sent, and a method: gRPC methods are
not idempotent (treated as POST) unless the interceptor is told which are
(``idempotent=`` read-only methods count as GET, ``idempotent_writes=`` as PUT;
gRPC's ``NO_SIDE_EFFECTS`` and ``IDEMPOTENT`` idempotency levels).

Import this module only with grpcio installed (``pip install 'errdex[grpc]'``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Collection, Sequence
from typing import Any, NamedTuple

import grpc  # type: ignore[import-untyped]
import orjson
from google.protobuf import json_format  # type: ignore[import-untyped]
from google.rpc import error_details_pb2, status_pb2  # type: ignore[import-untyped]
from grpc import aio

from errdex.integrations.grpc import DETAILS_KEY
from errdex.model import Catalog
from errdex.model.wire import GOOGLE_HTTP_STATUSES, google_status
from errdex.runtime import Error, decode

HTTP_OF_CODE: dict[str, int] = dict(GOOGLE_HTTP_STATUSES)
"""google.rpc.Code name → HTTP status, the mapping ``google/rpc/code.proto`` documents."""

OnDecode = Callable[[Error, Any], Any]
"""``on_decode(error, rpc_error)``: called for every failed call the interceptor decoded."""


class RpcRequest(NamedTuple):
    """What the retry decision reads of the call a decoded error answered."""

    method: str | None
    """``"GET"`` (no side effects), ``"PUT"`` (idempotent) or None (treated as POST)."""
    headers: dict[str, str]
    """The call's text metadata; ``get`` finds ``Idempotency-Key`` whatever its case."""
    rpc: str | None
    """The full gRPC method name, ``/package.Service/Method``."""


class _Metadata(dict[str, str]):
    def get(self, key: str, default: Any = None) -> Any:
        return super().get(key.lower(), default)


def _details(status: Any) -> list[dict[str, Any]]:
    """The details of a google.rpc.Status as protobuf's JSON form (what decode reads)."""
    found = []
    for detail in status.details:
        try:
            read = _READERS.get(detail.type_url.rpartition("/")[2])
            as_json = read(detail) if read is not None else None
            found.append(as_json if as_json is not None else json_format.MessageToDict(detail))
        except Exception:  # a detail type nobody registered, bytes that are no such message
            continue
    return found


def _set(found: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    if value:  # protobuf's JSON leaves out fields at their default
        found[key] = value
    return found


def _error_info(detail: Any) -> dict[str, Any]:
    info = error_details_pb2.ErrorInfo.FromString(detail.value)
    found = _set({"@type": detail.type_url}, "reason", info.reason)
    _set(found, "domain", info.domain)
    return _set(found, "metadata", dict(info.metadata))


def _localized(detail: Any) -> dict[str, Any]:
    text = error_details_pb2.LocalizedMessage.FromString(detail.value)
    return _set(_set({"@type": detail.type_url}, "locale", text.locale), "message", text.message)


def _retry_info(detail: Any) -> dict[str, Any]:
    info = error_details_pb2.RetryInfo.FromString(detail.value)
    found = {"@type": detail.type_url}
    if info.HasField("retry_delay"):
        found["retryDelay"] = info.retry_delay.ToJsonString()
    return found


def _help(detail: Any) -> dict[str, Any]:
    links = [
        _set(_set({}, "description", link.description), "url", link.url)
        for link in error_details_pb2.Help.FromString(detail.value).links
    ]
    return _set({"@type": detail.type_url}, "links", links)


def _bad_request(detail: Any) -> dict[str, Any] | None:
    violations = []
    for v in error_details_pb2.BadRequest.FromString(detail.value).field_violations:
        if v.HasField("localized_message"):
            return None  # rare: protobuf's JSON writer spells that one
        found = _set(_set({}, "field", v.field), "description", v.description)
        violations.append(_set(found, "reason", v.reason))
    return _set({"@type": detail.type_url}, "fieldViolations", violations)


_READERS: dict[str, Callable[[Any], dict[str, Any] | None]] = {
    "google.rpc.ErrorInfo": _error_info,
    "google.rpc.LocalizedMessage": _localized,
    "google.rpc.RetryInfo": _retry_info,
    "google.rpc.Help": _help,
    "google.rpc.BadRequest": _bad_request,
}
"""Details read directly (``json_format.MessageToDict`` gives the same, five times slower)."""


def _status_proto(metadata: Sequence[tuple[str, Any]] | None) -> Any:
    for key, value in metadata or ():
        if key == DETAILS_KEY and isinstance(value, bytes):
            message = status_pb2.Status()
            try:
                message.ParseFromString(value)
            except Exception:  # protobuf's DecodeError: bytes that are no Status
                return None
            return message
    return None


def decode_status(
    code: grpc.StatusCode | None,
    message: str | None,
    trailing_metadata: Sequence[tuple[str, Any]] | None,
    *,
    catalog: Catalog,
) -> Error:
    """Decode a failed call's status (code, message, trailing metadata) into a catalog error.

    Never raises for bad input: details that do not parse are ignored."""
    name = code.name if code is not None else "UNKNOWN"
    body: dict[str, Any] = {"status": name}
    proto = _status_proto(trailing_metadata)
    if proto is not None:
        body["message"] = proto.message or message or ""
        body["details"] = _details(proto)
    else:
        body["message"] = message or ""
    envelope = orjson.dumps({"error": body})  # protobuf's dicts are OrderedDicts: decode wants JSON
    mapped = HTTP_OF_CODE.get(name, 500)
    error = decode(None, (), envelope, catalog=catalog)
    status = error.status
    if error.entry is None or not (type(status) is int and google_status(status) == name):
        error = decode(mapped, (), envelope, catalog=catalog)
    error.grpc_code = code  # type: ignore[attr-defined]
    return error


def decode_rpc_error(
    rpc_error: grpc.RpcError,
    catalog: Catalog,
    *,
    metadata: Sequence[tuple[str, Any]] | None = None,
    method: str | None = None,
    rpc: str | None = None,
) -> Error:
    """Decode a ``grpc.RpcError`` (sync or aio) into a catalog error (see the module docstring).

    ``metadata`` is what the call sent (its ``idempotency-key`` counts for the retry
    decision), ``method`` the HTTP method the RPC counts as (``"GET"``, ``"PUT"``; None: POST).
    The error's ``rpc_error`` attribute is the original."""
    code = _call(rpc_error, "code")
    trailing = _call(rpc_error, "trailing_metadata")
    error = decode_status(
        code if isinstance(code, grpc.StatusCode) else None,
        _call(rpc_error, "details"),
        trailing,
        catalog=catalog,
    )
    sent = _Metadata()
    for key, value in metadata or ():
        if isinstance(value, str):
            sent.setdefault(key.lower(), value)
    error.rpc_error = rpc_error  # type: ignore[attr-defined]
    error.request = RpcRequest(method, sent, rpc)  # type: ignore[attr-defined]
    return error


def _call(rpc_error: Any, attr: str) -> Any:
    found = getattr(rpc_error, attr, None)
    if not callable(found):
        return None
    try:
        return found()
    except Exception:  # a RpcError that is no Call (raised by hand)
        return None


def _method_name(details: Any) -> str | None:
    method = getattr(details, "method", None)
    if isinstance(method, bytes):
        return method.decode("ascii", "replace")
    return method if isinstance(method, str) else None


class _Decoding:
    """What both client interceptors share: the catalog, the idempotent methods, the hook."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        idempotent: Collection[str] = (),
        idempotent_writes: Collection[str] = (),
        on_decode: OnDecode | None = None,
    ) -> None:
        self.catalog = catalog
        self.idempotent = frozenset(idempotent)
        self.idempotent_writes = frozenset(idempotent_writes)
        self.on_decode = on_decode

    def decoded(self, rpc_error: grpc.RpcError, details: Any) -> Error:
        """The catalog error for ``rpc_error``, raised by the call described by ``details``."""
        rpc = _method_name(details)
        method = None
        if rpc in self.idempotent:
            method = "GET"
        elif rpc in self.idempotent_writes:
            method = "PUT"
        metadata = getattr(details, "metadata", None)
        pairs = list(metadata) if metadata is not None else []
        error = decode_rpc_error(rpc_error, self.catalog, metadata=pairs, method=method, rpc=rpc)
        if self.on_decode is not None:
            self.on_decode(error, rpc_error)
        return error


class DecodedStream:
    """The responses of a sync streaming call: iterating past the error raises the
    catalog error (``__cause__`` the ``grpc.RpcError``); every other attribute
    (``code()``, ``cancel()``, ``trailing_metadata()``…) is the call's."""

    def __init__(self, call: Any, decoding: _Decoding, details: Any) -> None:
        self._call = call
        self._decoding = decoding
        self._details = details

    def __iter__(self) -> DecodedStream:
        return self

    def __next__(self) -> Any:
        try:
            return next(self._call)
        except grpc.RpcError as failure:
            raise self._decoding.decoded(failure, self._details) from failure

    def __getattr__(self, name: str) -> Any:
        return getattr(self._call, name)


class ErrorClientInterceptor(
    _Decoding,
    grpc.UnaryUnaryClientInterceptor,  # type: ignore[misc]
    grpc.StreamUnaryClientInterceptor,  # type: ignore[misc]
    grpc.UnaryStreamClientInterceptor,  # type: ignore[misc]
    grpc.StreamStreamClientInterceptor,  # type: ignore[misc]
):
    """A sync channel interceptor: a failed call raises the catalog error (its
    ``__cause__`` and ``rpc_error`` the ``grpc.RpcError``) — a unary-response call
    when it returns, a streaming one when iteration reaches the error (after the
    responses sent before it).

    ``idempotent`` / ``idempotent_writes``: full method names (``/shop.Orders/Get``)
    whose retries the decision treats as a GET / a PUT. ``on_decode(error, rpc_error)``
    sees every decoded error."""

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        """Make the call; raise the catalog error when it failed."""
        return self._checked(continuation(details, request), details)

    def intercept_stream_unary(self, continuation: Any, details: Any, iterator: Any) -> Any:
        """Make the call; raise the catalog error when it failed."""
        return self._checked(continuation(details, iterator), details)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        """Make the call; its responses raise the catalog error where the stream failed."""
        return DecodedStream(continuation(details, request), self, details)

    def intercept_stream_stream(self, continuation: Any, details: Any, iterator: Any) -> Any:
        """Make the call; its responses raise the catalog error where the stream failed."""
        return DecodedStream(continuation(details, iterator), self, details)

    def _checked(self, outcome: Any, details: Any) -> Any:
        failure = outcome.exception()
        if isinstance(failure, grpc.RpcError):
            raise self.decoded(failure, details) from failure
        return outcome


class _AsyncUnaryResponse(_Decoding):
    async def _checked(self, call: Any, details: Any) -> Any:
        try:
            return await call
        except aio.AioRpcError as failure:
            raise self.decoded(failure, details) from failure


class _AsyncStreamResponse(_Decoding):
    async def _streamed(self, call: Any, details: Any) -> AsyncIterator[Any]:
        try:
            async for response in call:
                yield response
        except aio.AioRpcError as failure:
            raise self.decoded(failure, details) from failure


class _AsyncUnaryUnary(_AsyncUnaryResponse, aio.UnaryUnaryClientInterceptor):  # type: ignore[misc]
    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        """Make the call; raise the catalog error when it failed."""
        return await self._checked(await continuation(details, request), details)


class _DecodingCall:
    """A ``grpc.aio`` stream-unary call whose ``await`` raises the catalog error (grpc.aio
    wants a call back from this kind of interceptor; ``write`` and the rest are the call's)."""

    def __init__(self, call: Any, decoding: _AsyncUnaryResponse, details: Any) -> None:
        self._call = call
        self._decoding = decoding
        self._details = details

    def __await__(self) -> Any:
        return self._decoding._checked(self._call, self._details).__await__()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._call, name)


class _AsyncStreamUnary(_AsyncUnaryResponse, aio.StreamUnaryClientInterceptor):  # type: ignore[misc]
    async def intercept_stream_unary(self, continuation: Any, details: Any, iterator: Any) -> Any:
        """Make the call; awaiting it raises the catalog error when it failed."""
        return _DecodingCall(await continuation(details, iterator), self, details)


class _AsyncUnaryStream(_AsyncStreamResponse, aio.UnaryStreamClientInterceptor):  # type: ignore[misc]
    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        """Make the call; its responses raise the catalog error where the stream failed."""
        return self._streamed(await continuation(details, request), details)


class _AsyncStreamStream(_AsyncStreamResponse, aio.StreamStreamClientInterceptor):  # type: ignore[misc]
    async def intercept_stream_stream(self, continuation: Any, details: Any, iterator: Any) -> Any:
        """Make the call; its responses raise the catalog error where the stream failed."""
        return self._streamed(await continuation(details, iterator), details)


class AsyncErrorClientInterceptor(_AsyncUnaryUnary, _AsyncStreamUnary):
    """:class:`ErrorClientInterceptor` for the unary-unary calls of a ``grpc.aio`` channel
    (``grpc.aio.insecure_channel(target, interceptors=[AsyncErrorClientInterceptor(cat)])``).

    A ``grpc.aio`` channel files each interceptor under the first kind it implements
    only, so this one sees unary-unary calls alone there; :func:`async_interceptors`
    gives one interceptor per kind, streaming ones included."""


def async_interceptors(
    catalog: Catalog,
    *,
    idempotent: Collection[str] = (),
    idempotent_writes: Collection[str] = (),
    on_decode: OnDecode | None = None,
) -> list[Any]:
    """The ``grpc.aio`` interceptors, one per kind of call (unary-unary, stream-unary,
    unary-stream, stream-stream), that raise the catalog error of a failed call: on
    ``await`` for a unary response, in ``async for`` for a streaming one.

    ``grpc.aio.insecure_channel(target, interceptors=async_interceptors(cat))``; the
    options are :class:`ErrorClientInterceptor`'s."""
    kinds = (_AsyncUnaryUnary, _AsyncStreamUnary, _AsyncUnaryStream, _AsyncStreamStream)
    return [
        kind(
            catalog,
            idempotent=idempotent,
            idempotent_writes=idempotent_writes,
            on_decode=on_decode,
        )
        for kind in kinds
    ]


__all__ = [
    "HTTP_OF_CODE",
    "AsyncErrorClientInterceptor",
    "DecodedStream",
    "ErrorClientInterceptor",
    "RpcRequest",
    "async_interceptors",
    "decode_rpc_error",
    "decode_status",
]
