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
handler re-raises sends catalog text only.

A handler's own ``context.abort(code, details)`` (sync and aio) is gRPC's
``HTTPException``: it sends the catalog error for the HTTP status of ``code``
(``GOOGLE_HTTP_STATUSES``, google/rpc/code.proto's mapping), chosen as below,
with its details. The code sent is the handler's own (``ALREADY_EXISTS`` stays
``ALREADY_EXISTS``, though 409 alone reads as ``ABORTED``), and so is the
Status's ``code`` in the details. ``details`` is the message as an
``HTTPException``'s detail is: a built-in 4xx type's, as a literal; never a 5xx's
(nor a catalog entry's, which keeps its own). ``on_error`` sees it; trailing
metadata the handler set or passed is kept. A handler gets a thin proxy of the
call's context for this (every other attribute is the real context's; a sync one
is still a ``grpc.ServicerContext``). Left alone: ``abort_with_status(status)``
and an ``abort`` whose trailing metadata already holds ``grpc-status-details-bin``.

A handler that calls ``context.set_code(code)`` (not ``OK``, optionally
``set_details(text)``) and then returns normally sends what ``abort(code, text)``
would: once it returned, the catalog details for the code and text the proxy was
given are added to the trailing metadata (unless it already holds
``grpc-status-details-bin``); the handler's code and trailing metadata stay.

What grpcio would answer by itself (and a handler's own abort, above) is a
catalog error too, chosen as the HTTP integrations choose theirs
(:class:`errdex.integrations.framework.FrameworkErrors`: the entry named in
``errors=``, else the catalog's ``http``-space entry, else a built-in problem type):

- a method no service registers: ``501`` (``UNIMPLEMENTED``, built-in ``http-501``);
- a request message the method's deserializer rejects, or a pydantic
  ``ValidationError`` the handler lets out: ``"validation"`` with status 400
  (``INVALID_ARGUMENT``, built-in ``validation-failed``), one ``BadRequest`` field
  violation per field of the ``ValidationError``, else one for the whole message;
- a request message over ``max_request_bytes`` (``ErrorInterceptor`` option):
  ``413`` (sent as ``RESOURCE_EXHAUSTED``, built-in ``payload-too-large``);
- a ``TimeoutError`` or a downstream ``DEADLINE_EXCEEDED`` the handler lets out:
  ``504`` (``DEADLINE_EXCEEDED``, built-in ``http-504``). A deadline the *client*
  set ends the call on the client; nothing the server sends then arrives;
- a handler's own ``context.abort(code, details)``: the status of ``code``
  (``NOT_FOUND``: 404, built-in ``not-found``; ``ALREADY_EXISTS``: 409, ``conflict``).

A call ends by returning, never by letting grpcio's abort exception out of the
handler: the OpenTelemetry grpc instrumentation (installed before this
interceptor, as ``GrpcInstrumentorServer`` does) then records no empty
``Exception`` event besides errdex's own. The frames sent are those of
``context.abort``: the status alone, no message before it.

``on_error(error, exc)`` is called for every error answered, as in the HTTP
integrations (``on_error=ErrorTelemetry(rpc=True)`` records it on the current
span: the grpc instrumentation's server span when it is installed).

Import this module only with grpcio installed (``pip install 'errdex[grpc]'``).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from inspect import isasyncgenfunction, iscoroutinefunction
from typing import Any, NamedTuple

import grpc  # type: ignore[import-untyped]
import orjson
from google.protobuf import duration_pb2, json_format  # type: ignore[import-untyped]
from google.rpc import error_details_pb2, status_pb2  # type: ignore[import-untyped]
from grpc import aio

from errdex.integrations.common import OnError, notify
from errdex.integrations.framework import FieldError, FrameworkErrors
from errdex.model import Catalog
from errdex.model.wire import GOOGLE_CODE_NUMBERS, GOOGLE_HTTP_STATUSES
from errdex.runtime import BUILTIN, Error, as_error, render

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
_TYPE = "type.googleapis.com/google.rpc."


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
    message = status_pb2.Status(code=number, message=body["message"])
    for detail in body["details"]:
        built = _detail(detail)
        if built is None:  # a detail type built here by no rule: protobuf's JSON reader
            json_format.ParseDict(detail, message.details.add())
        else:
            message.details.add().Pack(built)
    return message


def _detail(detail: dict[str, Any]) -> Any:
    """The protobuf message of one google profile detail, built directly (what
    ``json_format.ParseDict`` makes of it, ten times faster); None for another type."""
    kind = detail["@type"]
    if kind == _TYPE + "ErrorInfo":
        return error_details_pb2.ErrorInfo(
            reason=detail["reason"], domain=detail["domain"], metadata=detail["metadata"]
        )
    if kind == _TYPE + "LocalizedMessage":
        return error_details_pb2.LocalizedMessage(
            locale=detail["locale"], message=detail["message"]
        )
    if kind == _TYPE + "RetryInfo":
        delay = duration_pb2.Duration()
        delay.FromJsonString(detail["retryDelay"])
        return error_details_pb2.RetryInfo(retry_delay=delay)
    if kind == _TYPE + "Help":
        link = error_details_pb2.Help.Link
        return error_details_pb2.Help(
            links=[link(description=k["description"], url=k["url"]) for k in detail["links"]]
        )
    if kind == _TYPE + "BadRequest":
        violation = error_details_pb2.BadRequest.FieldViolation
        return error_details_pb2.BadRequest(
            field_violations=[
                violation(field=v["field"], description=v["description"], reason=v["reason"])
                for v in detail["fieldViolations"]
            ]
        )
    return None


def status_of(
    error: BaseException,
    catalog: Catalog,
    *,
    locale: str | None = None,
    code: grpc.StatusCode | None = None,
) -> RpcStatus:
    """The gRPC status an RPC that failed with ``error`` ends with (see the module docstring).

    Any exception: a non-catalog one is the catalog's internal error. ``code``: the
    status code to send instead of the entry's (a handler's own ``context.abort``
    keeps its code); the ``google.rpc.Status`` carries the same one."""
    message = status_proto(error, catalog, locale=locale)
    if code is not None and code is not grpc.StatusCode.OK:
        message.code = code.value[0]
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


class RequestNotDecoded(Exception):
    """Raised inside a call whose request message the method's deserializer rejected
    (answered as a validation error, never as grpcio's ``INTERNAL``)."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__("the request message could not be decoded")
        self.cause = cause


class RequestTooLarge(Exception):
    """Raised inside a call whose request message is larger than ``max_request_bytes``
    (answered as the catalog error for HTTP 413, with ``RESOURCE_EXHAUSTED``)."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the request message is {size} bytes, more than the {limit} accepted")
        self.size = size
        self.limit = limit


class _Oversized:
    """What the wrapped deserializer returns for a message over ``max_request_bytes``."""

    __slots__ = ("limit", "size")

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit


class _Undecoded:
    """What the wrapped deserializer returns for bytes the method's own one rejected."""

    __slots__ = ("cause",)

    def __init__(self, cause: BaseException) -> None:
        self.cause = cause


_ENDED = object()
"""What a guarded sync unary-response call returns once it ended the RPC with a status:
the wrapped serializer turns it into None, on which grpcio sends the status it was given."""


def _decoding(
    deserializer: Callable[[bytes], Any] | None, limit: int | None = None
) -> Callable[[bytes], Any] | None:
    """The method's deserializer, made to fail no call itself: bytes it rejects, and a
    message longer than ``limit``, become markers the guarded handler raises for."""
    if deserializer is None and limit is None:  # raw bytes: nothing can fail
        return None

    def deserialize(raw: bytes) -> Any:
        if limit is not None and len(raw) > limit:
            return _Oversized(len(raw), limit)
        if deserializer is None:
            return raw
        try:
            return deserializer(raw)
        except Exception as exc:
            return _Undecoded(exc)

    return deserialize


def _ending(serializer: Callable[[Any], bytes] | None) -> Callable[[Any], Any]:
    def serialize(response: Any) -> Any:
        if response is _ENDED:
            return None
        return response if serializer is None else serializer(response)

    return serialize


def _request(request: Any) -> Any:
    if type(request) is _Undecoded:
        raise RequestNotDecoded(request.cause) from request.cause
    if type(request) is _Oversized:
        raise RequestTooLarge(request.size, request.limit)
    return request


def _requests(requests: Iterator[Any]) -> Iterator[Any]:
    for request in requests:
        yield _request(request)


async def _async_requests(requests: AsyncIterator[Any]) -> AsyncIterator[Any]:
    async for request in requests:
        yield _request(request)


def _end(context: Any, status: RpcStatus) -> None:
    """End the call with ``status`` without letting grpcio's abort exception out of the
    handler: an exception leaving it is recorded by the OpenTelemetry instrumentation's
    span as an empty ``Exception`` event. The status goes out as ``abort`` sends it."""
    context.set_trailing_metadata(status.trailing_metadata)
    try:  # the OpenTelemetry context wrapper sees the code in abort (span status)
        context.abort(status.code, status.details)
    except Exception:  # grpcio's own: the status is set; the call must only return now
        return


async def _async_end(context: Any, status: RpcStatus) -> None:
    """:func:`_end` for an aio context: abort sends the status; grpcio re-raises its
    ``AbortError`` itself once the handler returned, outside every interceptor."""
    try:
        await context.abort(status.code, status.details, status.trailing_metadata)
    except Exception:  # aio.AbortError
        return


def _has_details(metadata: Any) -> bool:
    """Whether trailing metadata already carries a ``google.rpc.Status`` (the handler's)."""
    try:
        return any(str(key).lower() == DETAILS_KEY for key, _ in metadata or ())
    except (TypeError, ValueError):  # not pairs: grpcio rejects it itself
        return True


def _current_trailing(context: Any) -> tuple[Any, ...]:
    """The trailing metadata a handler set on ``context`` so far (kept by its abort)."""
    read = getattr(context, "trailing_metadata", None)
    try:
        found = read() if callable(read) else None
    except Exception:  # an old grpcio context without it
        return ()
    return tuple(found or ())


class _Proxy:
    """What a guarded handler gets as its ``context``: the call's own, but for ``abort``.

    Every other attribute — ``set_code``, ``invocation_metadata``, ``abort_with_status``,
    the OpenTelemetry wrapper's — is the real context's (read and written through)."""

    __slots__ = ("_code", "_context", "_details", "_interceptor")

    def __init__(self, context: Any, interceptor: ErrorInterceptor) -> None:
        object.__setattr__(self, "_context", context)
        object.__setattr__(self, "_interceptor", interceptor)
        object.__setattr__(self, "_code", None)
        object.__setattr__(self, "_details", "")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)

    def set_code(self, code: Any) -> None:
        """The real context's ``set_code``, remembered: a call that returns with a code
        that is not ``OK`` ends as the catalog error for it (see the module docstring)."""
        object.__setattr__(self, "_code", code)
        self._context.set_code(code)

    def set_details(self, details: Any) -> None:
        """The real context's ``set_details``, remembered (the text ``set_code``'s error
        would carry, as ``abort``'s ``details``)."""
        object.__setattr__(self, "_details", details)
        self._context.set_details(details)

    def returned(self) -> None:
        """After the handler returned: a code it set that is not ``OK`` gets the catalog
        details ``abort(code, details)`` would send, unless the trailing metadata it set
        already holds ``grpc-status-details-bin``. Its code and trailing metadata stay."""
        code = self._code
        if code is None or code is grpc.StatusCode.OK:
            return
        context = self._context
        trailing = _current_trailing(context)
        if _has_details(trailing):
            return
        status = self._interceptor.abort_status(code, self._details, context)
        if status is None:  # no status code: grpcio's to answer
            return
        context.set_trailing_metadata(trailing + status.trailing_metadata)
        context.set_details(status.details)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._context, name, value)


class _AbortingContext(_Proxy):
    """A sync ``grpc.ServicerContext`` whose ``abort(code, details)`` sends a catalog error."""

    __slots__ = ()

    def abort(self, code: grpc.StatusCode, details: str = "") -> None:
        """End the call as the context's ``abort`` does (grpcio's exception ends the
        handler), with the catalog's status for ``code`` (see the module docstring)."""
        context = self._context
        trailing = _current_trailing(context)
        status = (
            None
            if _has_details(trailing)
            else self._interceptor.abort_status(code, details, context)
        )
        if status is None:
            context.abort(code, details)
            return
        context.set_trailing_metadata(trailing + status.trailing_metadata)
        context.abort(status.code, status.details)  # the OpenTelemetry wrapper sees the code


class _AsyncAbortingContext(_Proxy):
    """:class:`_AbortingContext` for a ``grpc.aio.ServicerContext`` (``abort`` is awaited)."""

    __slots__ = ()

    async def abort(
        self, code: grpc.StatusCode, details: str = "", trailing_metadata: Any = ()
    ) -> None:
        """End the call as the context's ``abort`` does (it raises grpcio's ``AbortError``),
        with the catalog's status for ``code`` (see the module docstring)."""
        context = self._context
        trailing = tuple(trailing_metadata or ()) or _current_trailing(context)
        status = (
            None
            if _has_details(trailing)
            else self._interceptor.abort_status(code, details, context)
        )
        if status is None:
            await context.abort(code, details, trailing_metadata)
            return
        await context.abort(status.code, status.details, trailing + status.trailing_metadata)


grpc.ServicerContext.register(_AbortingContext)  # isinstance holds, as for the real context


def _deadline(exc: BaseException) -> bool:
    """Whether ``exc`` says the work ran out of time (a timeout, a downstream deadline)."""
    if isinstance(exc, TimeoutError):
        return True
    if isinstance(exc, grpc.RpcError) and not isinstance(exc, Error):
        code = getattr(exc, "code", None)
        try:
            return callable(code) and code() is grpc.StatusCode.DEADLINE_EXCEEDED
        except Exception:  # a RpcError raised by hand, no Call
            return False
    return False


class ErrorInterceptor(grpc.ServerInterceptor, aio.ServerInterceptor):  # type: ignore[misc]
    """A server interceptor (``grpc.server`` and ``grpc.aio.server``) that ends every
    failed RPC with a catalog error's gRPC status (see the module docstring).

    ``errors`` names the entries for the errors grpcio would answer itself, as
    ``errors=`` of the HTTP integrations (:class:`FrameworkErrors`): ``501`` an
    unknown method, ``"validation"`` a request message that fails to decode, ``504``
    a deadline the handler ran into, ``413`` a request message over
    ``max_request_bytes``; without them the built-in problem types.

    ``max_request_bytes`` (default None: off): a request message longer than this
    ends the call as the catalog error for HTTP 413 with ``RESOURCE_EXHAUSTED``.
    grpc core rejects a message over the server's ``grpc.max_receive_message_length``
    (4 MiB by default) before any interceptor runs, without details: set that above
    this limit for errdex to answer.

    There is no ``profile``: gRPC carries google.rpc.Status, the built-in ``"google"``
    profile (a plain profile a catalog names ``google`` is for its HTTP responses).
    Install it after the OpenTelemetry interceptor (``GrpcInstrumentorServer`` puts
    its own first): it then ends calls by returning, and the instrumentation's span
    records errdex's one exception event only."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        on_error: OnError | None = None,
        errors: Mapping[int | str, Any] | None = None,
        max_request_bytes: int | None = None,
    ) -> None:
        if max_request_bytes is not None and (
            type(max_request_bytes) is not int or max_request_bytes < 0
        ):
            raise ValueError(
                "ErrorInterceptor: max_request_bytes must be a whole number of bytes >= 0"
                f" or None (off), not {max_request_bytes!r}"
            )
        self.max_request_bytes = max_request_bytes
        self.catalog = catalog
        self.on_error = on_error
        self.framework = FrameworkErrors(catalog, errors)

    def error(self, exc: BaseException) -> Error:
        """The catalog error that answers ``exc`` raised in a call."""
        fields = _fields(exc.cause) if isinstance(exc, RequestNotDecoded) else _pydantic(exc)
        if fields is not None:
            error = self.framework.validation(fields, exc, status=400)
            for sub, field in zip(error.sub_errors, fields, strict=True):
                sub.params = {**sub.params, "field": _field_path(field.loc)}
            return error
        if _deadline(exc):
            return self.framework.for_status(504, exc)
        if isinstance(exc, RequestTooLarge):
            return self.framework.for_status(413, exc)
        return as_error(exc, self.catalog)

    def status(self, exc: BaseException, context: Any) -> RpcStatus:
        """The status for ``exc`` raised in a call (logs an unexpected one, runs ``on_error``)."""
        error = self.error(exc)
        language = metadata_value(context.invocation_metadata(), LANGUAGE_KEY)
        too_large = isinstance(exc, RequestTooLarge)  # gRPC's own code for it, not 413's
        code = grpc.StatusCode.RESOURCE_EXHAUSTED if too_large else None
        status = status_of(error, self.catalog, locale=language, code=code)
        if type(error.status) is not int or error.status >= 500:  # a client's error: not logged
            logger.error("%s: %s", type(exc).__qualname__, exc, exc_info=exc)
        notify(self.on_error, error, exc)
        return status

    def unimplemented(self, context: Any) -> RpcStatus:
        """The status of a call to a method no service registers (``501``: UNIMPLEMENTED)."""
        error = self.framework.for_status(501)
        language = metadata_value(context.invocation_metadata(), LANGUAGE_KEY)
        status = status_of(error, self.catalog, locale=language)
        notify(self.on_error, error, error)
        return status

    def abort_status(self, code: Any, details: Any, context: Any) -> RpcStatus | None:
        """The status a handler's own ``context.abort(code, details)`` sends: the catalog
        error for the HTTP status of ``code`` (google/rpc/code.proto's mapping), chosen as
        for an ``HTTPException`` (``errors=``, the ``http``-space entry, a built-in type),
        ``details`` its message as an HTTPException's detail is (a built-in 4xx type's
        only); sent with ``code`` itself. None for a ``code`` that is no status code."""
        if not isinstance(code, grpc.StatusCode):
            return None  # grpcio's to answer (it fails the call itself)
        if code is grpc.StatusCode.OK:  # grpcio's own reading: UNKNOWN, without details
            logger.error("abort() called with StatusCode.OK; returning UNKNOWN")
            code, details = grpc.StatusCode.UNKNOWN, ""
        message = details if isinstance(details, str) and details else None
        error = self.framework.for_status(GOOGLE_HTTP_STATUSES[code.name], message=message)
        error.grpc_code = code  # type: ignore[attr-defined]
        language = metadata_value(context.invocation_metadata(), LANGUAGE_KEY)
        status = status_of(error, self.catalog, locale=language, code=code)
        notify(self.on_error, error, error)
        return status

    def intercept_service(self, continuation: Callable[[Any], Any], details: Any) -> Any:
        """Wrap the method handler ``continuation`` finds (sync or aio, by the server)."""
        handler = continuation(details)
        if isinstance(handler, Awaitable):
            return self._async_service(handler)
        if handler is None:
            return grpc.stream_stream_rpc_method_handler(self._unknown)
        return self._wrap(handler)

    async def _async_service(self, handler: Awaitable[Any]) -> Any:
        found = await handler
        if found is None:
            return grpc.stream_stream_rpc_method_handler(self._async_unknown)
        return self._wrap(found)

    def _unknown(self, requests: Any, context: Any) -> Iterator[Any]:
        _end(context, self.unimplemented(context))
        yield from ()

    async def _async_unknown(self, requests: Any, context: Any) -> AsyncIterator[Any]:
        await _async_end(context, self.unimplemented(context))
        return
        yield  # an async generator: the server reads it as a streaming response

    def _wrap(self, handler: Any) -> Any:
        kinds = (
            ("unary_unary", grpc.unary_unary_rpc_method_handler, False, False),
            ("unary_stream", grpc.unary_stream_rpc_method_handler, False, True),
            ("stream_unary", grpc.stream_unary_rpc_method_handler, True, False),
            ("stream_stream", grpc.stream_stream_rpc_method_handler, True, True),
        )
        for attr, make, reads, streams in kinds:
            behavior = getattr(handler, attr)
            if behavior is not None:
                serializer = handler.response_serializer
                return make(
                    self._guard(behavior, reads, streams),
                    request_deserializer=_decoding(
                        handler.request_deserializer, self.max_request_bytes
                    ),
                    response_serializer=serializer if streams else _ending(serializer),
                )
        return handler

    def _guard(
        self, behavior: Callable[..., Any], reads: bool, streams: bool
    ) -> Callable[..., Any]:
        if iscoroutinefunction(behavior):
            return self._guard_coroutine(behavior, reads)
        if streams and isasyncgenfunction(behavior):
            return self._guard_async_stream(behavior, reads)
        if streams:
            return self._guard_stream(behavior, reads)
        return self._guard_call(behavior, reads)

    def _fail(self, exc: Exception, context: Any) -> None:
        if not _aborted(exc, context):  # a handler's own abort: its status is set
            _end(context, self.status(exc, context))

    async def _async_fail(self, exc: Exception, context: Any) -> None:
        if not _aborted(exc, context):
            await _async_end(context, self.status(exc, context))

    def _guard_call(self, behavior: Callable[..., Any], reads: bool) -> Callable[..., Any]:
        def call(request: Any, context: Any) -> Any:
            proxy = _AbortingContext(context, self)
            try:
                argument = _requests(request) if reads else _request(request)
                response = behavior(argument, proxy)
            except Exception as exc:
                self._fail(exc, context)
                return _ENDED
            proxy.returned()
            return response

        return call

    def _guard_stream(self, behavior: Callable[..., Any], reads: bool) -> Callable[..., Any]:
        def stream(request: Any, context: Any) -> Iterator[Any]:
            proxy = _AbortingContext(context, self)
            try:
                argument = _requests(request) if reads else _request(request)
                yield from behavior(argument, proxy)
            except Exception as exc:
                self._fail(exc, context)
                return
            proxy.returned()

        return stream

    def _guard_coroutine(
        self, behavior: Callable[..., Awaitable[Any]], reads: bool
    ) -> Callable[..., Any]:
        async def call(request: Any, context: Any) -> Any:
            proxy = _AsyncAbortingContext(context, self)
            try:
                argument = _async_requests(request) if reads else _request(request)
                response = await behavior(argument, proxy)
            except Exception as exc:
                await self._async_fail(exc, context)
                return None
            proxy.returned()
            return response

        return call

    def _guard_async_stream(
        self, behavior: Callable[..., AsyncIterator[Any]], reads: bool
    ) -> Callable[..., Any]:
        async def stream(request: Any, context: Any) -> AsyncIterator[Any]:
            proxy = _AsyncAbortingContext(context, self)
            try:
                argument = _async_requests(request) if reads else _request(request)
                async for item in behavior(argument, proxy):
                    yield item
            except Exception as exc:
                await self._async_fail(exc, context)
                return
            proxy.returned()

        return stream


def _pydantic(exc: BaseException) -> list[FieldError] | None:
    """The fields of a pydantic ``ValidationError``, else None (pydantic is not imported here)."""
    pydantic = sys.modules.get("pydantic")
    if pydantic is None or not isinstance(exc, pydantic.ValidationError):
        return None
    return [
        FieldError(tuple(item.get("loc", ())), item.get("msg", ""), item.get("type", ""))
        for item in exc.errors(include_url=False)
    ]


def _fields(cause: BaseException) -> list[FieldError]:
    """The fields of a request that failed to decode: a pydantic ``ValidationError``'s
    (a deserializer that validates), else one for the whole message."""
    found = _pydantic(cause)
    if found is not None:
        return found
    return [FieldError((), "The request message could not be decoded.", "undecodable")]


def _field_path(loc: Sequence[str | int]) -> str:
    """A field violation's ``field``, AIP-193's path: ``("items", 0, "qty")`` → ``items[0].qty``."""
    path = ""
    for part in loc:
        if type(part) is int:
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


__all__ = [
    "DETAILS_KEY",
    "LANGUAGE_KEY",
    "ErrorInterceptor",
    "RequestNotDecoded",
    "RequestTooLarge",
    "RpcStatus",
    "metadata_value",
    "status_of",
    "status_proto",
]
