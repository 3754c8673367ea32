"""OpenTelemetry by the semantic conventions: catalog errors on spans and in metrics.

    from errdex.integrations.otel import ErrorTelemetry
    from errdex.integrations.starlette import install

    install(app, cat, on_error=ErrorTelemetry())    # every answered error is recorded
    ErrorTelemetry().record(err)                      # or by hand, on the current span

For each error :meth:`ErrorTelemetry.record` sets on the span (the current
one unless given):

- ``error.type`` — the catalog code as a string (the conventions' low-cardinality
  error identifier). The HTTP instrumentations (FastAPI/Starlette, Flask,
  Django) overwrite it with ``"500"`` when a 5xx response starts; the server
  integrations call the hook's *finisher* (the callable ``record`` returns)
  after that, so the code is what the span ends with. Django: pass
  :func:`django_response_hook` to ``DjangoInstrumentor().instrument(response_hook=...)``;
- ``errdex.code``, ``errdex.catalog``, ``errdex.space`` and, when known,
  ``errdex.name``, ``errdex.module``, ``errdex.retryable``, ``errdex.fault``, ``errdex.retry``;
- exactly one ``exception`` event: for a catalog error its message is the
  *public* message (a parameter declared ``public = false`` appears nowhere,
  not in the stack trace either); for an unexpected exception, the original
  with its traceback (not the internal error shown to the client);
- status ERROR for a 5xx (a 4xx is the client's fault; the conventions leave a
  server span unset for it) unless ``set_status`` says otherwise;

and adds one to the counter ``errdex.errors`` with the attributes the HTTP
server metrics have, so it joins with ``http.server.request.duration``:
``error.type``, ``http.response.status_code``, ``http.route`` (read from the
span the instrumentation made) and ``errdex.catalog``. ``ErrorTelemetry(rpc=True)``
(for :mod:`errdex.integrations.grpc`) joins with the RPC server metrics instead:
``rpc.system`` = ``grpc`` and ``rpc.grpc.status_code`` in place of the HTTP status
(the code the call was sent with: an error's ``grpc_code`` when it has one, as a
handler's own ``context.abort`` does, else the status's google.rpc code).

On the client side, :class:`ClientTelemetry` is a ``decode`` hook of
:mod:`errdex.integrations.httpx`: a span ``errdex.decode`` and the counter
``errdex.client.errors`` (``error.type``, ``http.response.status_code``,
``server.address``, ``http.request.method``) per decoded error response; and of
:mod:`errdex.integrations.grpc_client` (``on_decode=``), with ``rpc.system``,
``rpc.service``, ``rpc.method`` and ``rpc.grpc.status_code`` for a failed RPC.

Only ``opentelemetry-api`` is needed; with no SDK configured every call is a
no-op. Import this module only with the API installed (``pip install 'errdex[otel]'``).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from errdex.model import Catalog
from errdex.model.wire import GOOGLE_CODE_NUMBERS, google_status
from errdex.runtime import Error, as_error

COUNTER = "errdex.errors"
"""Name of the counter of errors a server answered, one point per code, route and status."""
CLIENT_COUNTER = "errdex.client.errors"
"""Name of the counter of error responses a client decoded."""
ERROR_TYPE = "error.type"


def attributes(error: Error) -> dict[str, Any]:
    """Return the span attributes of a catalog error (``error.type``, ``errdex.*``)."""
    code = error.code
    found: dict[str, Any] = {
        ERROR_TYPE: str(code) if code is not None else type(error).__qualname__,
    }
    if code is not None:
        found["errdex.code"] = code if type(code) in (int, str) else str(code)
    catalog = error.catalog
    if catalog is not None:
        found["errdex.catalog"] = catalog.meta.id
    for key, value in (("space", error.space), ("name", error.name), ("module", error.module)):
        if value:
            found[f"errdex.{key}"] = value
    if error.retryable is not None:
        found["errdex.retryable"] = bool(error.retryable)
    entry = error.entry
    if entry is not None:
        for key in ("fault", "retry"):
            value = getattr(entry, key, None)
            if value:
                found[f"errdex.{key}"] = value
    return found


def exception_attributes(error: Error, raised: BaseException) -> dict[str, Any]:
    """The ``exception`` event's attributes with nothing private: a catalog error's
    message and stack trace carry its public message only (``str(err)`` has every
    parameter, ``public = false`` ones included)."""
    if raised is not error:
        return {"errdex.code": attributes(error)[ERROR_TYPE]}
    cls = type(raised)
    kind = f"{cls.__module__}.{cls.__qualname__}"
    message = error.message
    if error.code is not None:
        message = f"[{error.code}] {message}"
    frames = "".join(traceback.format_tb(raised.__traceback__))
    stack = "Traceback (most recent call last):\n" + frames if frames else ""
    return {
        "exception.type": kind,
        "exception.message": message,
        "exception.stacktrace": f"{stack}{kind}: {message}\n",
        "errdex.code": attributes(error)[ERROR_TYPE],
    }


def rpc_code(http_status: int) -> int:
    """The gRPC status code number an error of ``http_status`` is sent with
    (google.rpc.Code; an RPC cannot fail with OK, so a 2xx is UNKNOWN)."""
    return GOOGLE_CODE_NUMBERS[google_status(http_status)] or GOOGLE_CODE_NUMBERS["UNKNOWN"]


def _route(span: Span) -> str | None:
    found = getattr(span, "attributes", None)
    if found is None:
        return None
    route = found.get("http.route")
    return route if isinstance(route, str) else None


class ErrorTelemetry:
    """Records catalog errors on spans and counts them (see the module docstring).

    ``meter_provider`` defaults to the global one; spans are the caller's
    (the current span unless one is passed).
    An instance is an ``on_error`` hook: ``install(app, cat, on_error=ErrorTelemetry())``.
    """

    def __init__(
        self, *, meter_provider: Any = None, set_status: bool | None = None, rpc: bool = False
    ) -> None:
        meter = metrics.get_meter("errdex", meter_provider=meter_provider)
        self.counter = meter.create_counter(
            COUNTER,
            unit="{error}",
            description="Catalog errors a server answered, per code, route and status.",
        )
        self.set_status = set_status
        self.rpc = rpc

    def record(
        self,
        error: BaseException,
        exc: BaseException | None = None,
        *,
        span: Span | None = None,
        catalog: Catalog | None = None,
    ) -> Callable[[], None]:
        """Record ``error`` (any exception: a non-catalog one counts as the internal error).

        ``exc`` is what was raised when it differs from ``error`` (the hook's
        second argument); the exception event describes it. Returns the
        finisher: call it once the response has gone out to set ``error.type``
        again over what an HTTP instrumentation wrote.
        """
        raised = exc if exc is not None else error
        err = as_error(error, catalog)
        if span is None:
            span = trace.get_current_span()
        attrs = attributes(err)
        code = attrs[ERROR_TYPE]
        status = err.status if type(err.status) is int else None
        if span.is_recording():
            span.set_attributes(attrs)
            span.record_exception(raised, attributes=exception_attributes(err, raised))
            failed = self.set_status
            if failed is None:
                failed = status is not None and status >= 500
            if failed:
                span.set_status(Status(StatusCode.ERROR, code))
        point: dict[str, Any] = {ERROR_TYPE: code}
        if self.rpc:
            point["rpc.system"] = "grpc"
            sent = getattr(err, "grpc_code", None)  # a handler's own abort keeps its code
            if sent is not None:
                point["rpc.grpc.status_code"] = sent.value[0]
            elif status is not None:
                point["rpc.grpc.status_code"] = rpc_code(status)
        elif status is not None:
            point["http.response.status_code"] = status
        route = _route(span)
        if route is not None:
            point["http.route"] = route
        if "errdex.catalog" in attrs:
            point["errdex.catalog"] = attrs["errdex.catalog"]
        self.counter.add(1, point)

        def finish() -> None:
            if span.is_recording():
                span.set_attribute(ERROR_TYPE, code)

        return finish

    def __call__(self, error: Error, exc: BaseException) -> Callable[[], None]:
        """The ``on_error(error, exc)`` hook of the server integrations."""
        return self.record(error, exc)


def django_response_hook(span: Span, request: Any, response: Any) -> None:
    """``DjangoInstrumentor().instrument(response_hook=django_response_hook)``: keep the
    catalog code as the span's ``error.type`` (Django's instrumentation writes the
    status there after every middleware has run)."""
    code = getattr(response, "errdex_error_type", None)
    if code is not None and span.is_recording():
        span.set_attribute(ERROR_TYPE, code)


class ClientTelemetry:
    """A client's record of decoded error responses: a span and a counter per error.

    ``httpx.Client(event_hooks=event_hooks(cat, on_decode=ClientTelemetry()))``.
    The span ``errdex.decode`` (kind CLIENT, a child of the current span — the
    httpx instrumentation's request span has ended by the time hooks run) has
    ``error.type`` = the code and the ``errdex.*`` attributes.
    """

    def __init__(self, *, tracer_provider: Any = None, meter_provider: Any = None) -> None:
        self.tracer = trace.get_tracer("errdex", tracer_provider=tracer_provider)
        meter = metrics.get_meter("errdex", meter_provider=meter_provider)
        self.counter = meter.create_counter(
            CLIENT_COUNTER,
            unit="{error}",
            description="Error responses a client decoded into catalog errors, per code.",
        )

    def __call__(self, error: Error, response: Any = None) -> None:
        """Record one decoded error (``response``: the httpx response, or the
        ``grpc.RpcError`` for :mod:`errdex.integrations.grpc_client`, when there is one)."""
        attrs = attributes(error)
        point: dict[str, Any] = {ERROR_TYPE: attrs[ERROR_TYPE]}
        status = getattr(response, "status_code", None)
        request = getattr(response, "_request", None)
        if type(status) is int:
            point["http.response.status_code"] = status
        if request is not None:
            point["http.request.method"] = request.method
            point["server.address"] = request.url.host
        code = getattr(error, "grpc_code", None)
        if code is not None:  # a failed RPC decoded by the grpc client
            point["rpc.system"] = "grpc"
            point["rpc.grpc.status_code"] = code.value[0]
            rpc = getattr(getattr(error, "request", None), "rpc", None)
            if isinstance(rpc, str):
                service, _, method = rpc.lstrip("/").partition("/")
                point["rpc.service"], point["rpc.method"] = service, method
            status = error.status
        with self.tracer.start_as_current_span("errdex.decode", kind=SpanKind.CLIENT) as span:
            span.set_attributes({**attrs, **point})
            if type(status) is int and status >= 500:
                span.set_status(Status(StatusCode.ERROR, attrs[ERROR_TYPE]))
        if "errdex.catalog" in attrs:
            point["errdex.catalog"] = attrs["errdex.catalog"]
        self.counter.add(1, point)


_default: ErrorTelemetry | None = None


def record(
    error: BaseException,
    exc: BaseException | None = None,
    *,
    span: Span | None = None,
    catalog: Catalog | None = None,
) -> Callable[[], None]:
    """Record an error with the global meter provider (see :meth:`ErrorTelemetry.record`);
    also an ``on_error`` hook as it is."""
    global _default
    if _default is None:
        _default = ErrorTelemetry()
    return _default.record(error, exc, span=span, catalog=catalog)


__all__ = [
    "CLIENT_COUNTER",
    "COUNTER",
    "ClientTelemetry",
    "ErrorTelemetry",
    "attributes",
    "django_response_hook",
    "exception_attributes",
    "record",
    "rpc_code",
]
