"""grpcio servers: every error an RPC ends with is a catalog error in a gRPC status.

    import grpc
    from errdex.integrations.grpc import ErrorInterceptor

    server = grpc.server(executor, interceptors=[ErrorInterceptor(cat)])
    server = grpc.aio.server(interceptors=[ErrorInterceptor(cat)])     # the same class

A handler that raises an ``errdex.Error`` — or any other exception — ends the
RPC with :func:`status_of` the error, as ``grpcio-status``'s
``rpc_status.to_status`` builds one:

- the **code**: the google.rpc.Code of the status the catalog gives the entry
  (``google_status(http_status)``: 400 ``INVALID_ARGUMENT``, 404 ``NOT_FOUND``,
  429 ``RESOURCE_EXHAUSTED``, 503 ``UNAVAILABLE``, other 5xx ``INTERNAL``…;
  ``OK`` — an entry whose status is 2xx — is sent as ``UNKNOWN``, since an RPC
  cannot fail with OK);
- the **message** (``grpc-message``): the public message in the catalog's language;
- ``grpc-status-details-bin`` in the trailing metadata: the ``google.rpc.Status``
  of the ``"google"`` profile (docs/wire.md §5.3) in protobuf form — the same
  ``ErrorInfo`` (``reason``, ``domain`` = catalog id, ``metadata`` = ``code``
  and the public parameters), ``LocalizedMessage`` when the call's
  ``accept-language`` metadata negotiated a language, ``RetryInfo`` from the
  retry hint, ``Help`` and ``BadRequest`` (one field violation per sub-error),
  serialized deterministically (map entries sorted by key).

Any other exception is the catalog's internal error: nothing of it (message,
type, cause) goes out (5xx hygiene, :mod:`errdex.runtime.hygiene`); it is logged
with its traceback on the ``errdex`` logger. A decoded upstream 5xx that a
handler re-raises sends catalog text only. ``context.abort(...)`` and
``context.abort_with_status(...)`` a handler calls itself are left alone.

``on_error(error, exc)`` is called for every error answered, as in the HTTP
integrations (``on_error=ErrorTelemetry(rpc=True)`` records it on the current
span: the grpc instrumentation's server span when it is installed).

Import this module only with grpcio installed (``pip install 'errdex[grpc]'``).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from inspect import isasyncgenfunction, iscoroutinefunction
from typing import Any, NamedTuple

import grpc  # type: ignore[import-untyped]
import orjson
from google.protobuf import json_format  # type: ignore[import-untyped]
from google.rpc import error_details_pb2, status_pb2  # type: ignore[import-untyped]
from grpc import aio

from errdex.integrations.common import OnError, notify
from errdex.model import Catalog
from errdex.model.wire import GOOGLE_CODE_NUMBERS
from errdex.runtime import BUILTIN, as_error, render

DETAILS_KEY = "grpc-status-details-bin"
"""The trailing metadata key of the serialized ``google.rpc.Status`` (grpcio-status's)."""
LANGUAGE_KEY = "accept-language"
"""The call metadata key a client asks for a language with (as the HTTP header)."""

_CODES: dict[int, grpc.StatusCode] = {code.value[0]: code for code in grpc.StatusCode}
_DETAIL_TYPES = (
    error_details_pb2.ErrorInfo,
    error_details_pb2.LocalizedMessage,
    error_details_pb2.RetryInfo,
    error_details_pb2.Help,
    error_details_pb2.BadRequest,
)  # imported for their registration in the descriptor pool: ``@type`` URLs resolve

logger = logging.getLogger("errdex")


class RpcStatus(NamedTuple):
    """A ``grpc.Status``: what ``context.abort_with_status`` takes (grpcio-status's shape)."""

    code: grpc.StatusCode
    details: str
    trailing_metadata: tuple[tuple[str, bytes], ...]


class _Status(RpcStatus, grpc.Status):  # type: ignore[misc]
    """:class:`RpcStatus` that grpcio accepts as a ``grpc.Status``."""


def status_proto(error: BaseException, catalog: Catalog, *, locale: str | None = None) -> Any:
    """The ``google.rpc.Status`` message of an error: the ``"google"`` profile's body
    (docs/wire.md §5.3), with ``code`` the google.rpc.Code number instead of the HTTP status.

    ``locale`` is a tag or an ``Accept-Language`` value (adds ``LocalizedMessage``)."""
    # the built-in profile, even where the catalog declares a plain profile named "google"
    rendered = render(error, BUILTIN["google"], locale=locale or None, catalog=catalog)
    body = orjson.loads(rendered.body)["error"]
    number = GOOGLE_CODE_NUMBERS[body["status"]] or GOOGLE_CODE_NUMBERS["UNKNOWN"]  # not OK
    message = status_pb2.Status()
    json_format.ParseDict(
        {"code": number, "message": body["message"], "details": body["details"]}, message
    )
    return message


def status_of(error: BaseException, catalog: Catalog, *, locale: str | None = None) -> RpcStatus:
    """The gRPC status an RPC that failed with ``error`` ends with (see the module docstring).

    Any exception: a non-catalog one is the catalog's internal error."""
    message = status_proto(error, catalog, locale=locale)
    return _Status(
        _CODES[message.code],
        message.message,
        ((DETAILS_KEY, message.SerializeToString(deterministic=True)),),
    )


def metadata_value(metadata: Sequence[tuple[str, Any]] | None, key: str) -> str | None:
    """The first value of ``key`` in call metadata (keys compare lower-cased), as text."""
    for name, value in metadata or ():
        if name.lower() == key:
            return value if isinstance(value, str) else bytes(value).decode("latin-1")
    return None


def _aborted(exc: BaseException, context: Any) -> bool:
    """Whether ``exc`` is how grpcio ends an RPC the handler aborted itself."""
    if isinstance(exc, aio.AbortError):
        return True
    if type(exc) is Exception and not exc.args:  # sync grpc's abort raises a bare Exception
        code = getattr(context, "code", None)
        try:
            return callable(code) and code() not in (None, grpc.StatusCode.OK)
        except Exception:  # an old grpcio context without code()
            return False
    return False


def _abort(context: Any, status: RpcStatus) -> None:
    """``abort_with_status`` spelled out, so a wrapping context (the OpenTelemetry grpc
    instrumentation's) sees the code in ``abort``."""
    context.set_trailing_metadata(status.trailing_metadata)
    context.abort(status.code, status.details)


class ErrorInterceptor(grpc.ServerInterceptor, aio.ServerInterceptor):  # type: ignore[misc]
    """A server interceptor (``grpc.server`` and ``grpc.aio.server``) that ends a failed
    RPC with the catalog error's gRPC status (see the module docstring).

    There is no ``profile``: gRPC carries google.rpc.Status, the built-in ``"google"``
    profile (a plain profile a catalog names ``google`` is for its HTTP responses)."""

    def __init__(self, catalog: Catalog, *, on_error: OnError | None = None) -> None:
        self.catalog = catalog
        self.on_error = on_error

    def status(self, exc: BaseException, context: Any) -> RpcStatus:
        """The status for ``exc`` raised in a call (logs an unexpected one, runs ``on_error``)."""
        error = as_error(exc, self.catalog)
        language = metadata_value(context.invocation_metadata(), LANGUAGE_KEY)
        status = status_of(error, self.catalog, locale=language)
        if error is not exc or (type(error.status) is int and error.status >= 500):
            logger.error("%s: %s", type(exc).__qualname__, exc, exc_info=exc)
        notify(self.on_error, error, exc)
        return status

    def intercept_service(self, continuation: Callable[[Any], Any], details: Any) -> Any:
        """Wrap the method handler ``continuation`` finds (sync or aio, by the server)."""
        handler = continuation(details)
        if isinstance(handler, Awaitable):
            return self._async_service(handler)
        return self._wrap(handler)

    async def _async_service(self, handler: Awaitable[Any]) -> Any:
        return self._wrap(await handler)

    def _wrap(self, handler: Any) -> Any:
        if handler is None:  # unknown method: grpcio answers UNIMPLEMENTED itself
            return None
        kinds = (
            ("unary_unary", grpc.unary_unary_rpc_method_handler, False),
            ("unary_stream", grpc.unary_stream_rpc_method_handler, True),
            ("stream_unary", grpc.stream_unary_rpc_method_handler, False),
            ("stream_stream", grpc.stream_stream_rpc_method_handler, True),
        )
        for attr, make, streams in kinds:
            behavior = getattr(handler, attr)
            if behavior is not None:
                return make(
                    self._guard(behavior, streams),
                    request_deserializer=handler.request_deserializer,
                    response_serializer=handler.response_serializer,
                )
        return handler

    def _guard(self, behavior: Callable[..., Any], streams: bool) -> Callable[..., Any]:
        if iscoroutinefunction(behavior):
            return self._guard_coroutine(behavior)
        if streams and isasyncgenfunction(behavior):
            return self._guard_async_stream(behavior)
        if streams:
            return self._guard_stream(behavior)
        return self._guard_call(behavior)

    def _guard_call(self, behavior: Callable[..., Any]) -> Callable[..., Any]:
        def call(request: Any, context: Any) -> Any:
            try:
                return behavior(request, context)
            except Exception as exc:
                if _aborted(exc, context):
                    raise
                _abort(context, self.status(exc, context))

        return call

    def _guard_stream(self, behavior: Callable[..., Any]) -> Callable[..., Any]:
        def stream(request: Any, context: Any) -> Iterator[Any]:
            try:
                yield from behavior(request, context)
            except Exception as exc:
                if _aborted(exc, context):
                    raise
                _abort(context, self.status(exc, context))

        return stream

    def _guard_coroutine(self, behavior: Callable[..., Awaitable[Any]]) -> Callable[..., Any]:
        async def call(request: Any, context: Any) -> Any:
            try:
                return await behavior(request, context)
            except Exception as exc:
                if _aborted(exc, context):
                    raise
                status = self.status(exc, context)
                await context.abort(status.code, status.details, status.trailing_metadata)

        return call

    def _guard_async_stream(
        self, behavior: Callable[..., AsyncIterator[Any]]
    ) -> Callable[..., Any]:
        async def stream(request: Any, context: Any) -> AsyncIterator[Any]:
            try:
                async for item in behavior(request, context):
                    yield item
            except Exception as exc:
                if _aborted(exc, context):
                    raise
                status = self.status(exc, context)
                await context.abort(status.code, status.details, status.trailing_metadata)

        return stream


__all__ = [
    "DETAILS_KEY",
    "LANGUAGE_KEY",
    "ErrorInterceptor",
    "RpcStatus",
    "metadata_value",
    "status_of",
    "status_proto",
]
