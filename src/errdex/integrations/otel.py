"""OpenTelemetry: catalog errors on spans (attributes, exception event) and a counter per code.

    from errdex.integrations.otel import ErrorTelemetry
    from errdex.integrations.starlette import install

    install(app, cat, on_error=ErrorTelemetry())    # every answered error is recorded
    ErrorTelemetry().record(err)                      # or by hand, on the current span

For each error :meth:`ErrorTelemetry.record` sets on the span (the current
one unless given):

- ``error.type`` — the catalog code as a string (the semantic conventions'
  low-cardinality error identifier), ``errdex.code``, ``errdex.catalog``,
  ``errdex.space`` and, when known, ``errdex.name``, ``errdex.module``,
  ``errdex.retryable``;
- an ``exception`` event for what was raised (for an unexpected exception,
  the original one with its traceback, not the internal error shown to the client);
- status ERROR for a 5xx (a 4xx is the client's fault, and OpenTelemetry's
  conventions leave a server span unset for it) unless ``set_status`` says otherwise;

and adds one to the counter ``errdex.errors`` with the attributes ``code``,
``catalog`` and ``space``. Only ``opentelemetry-api`` is needed; with no SDK
configured every call is a no-op.

Import this module only with the API installed (``pip install 'errdex[otel]'``).
"""

from __future__ import annotations

from typing import Any

from opentelemetry import metrics, trace
from opentelemetry.trace import Span, Status, StatusCode

from errdex.model import Catalog
from errdex.runtime import Error, as_error

COUNTER = "errdex.errors"
"""Name of the counter of errors, one point per code."""


def attributes(error: Error) -> dict[str, Any]:
    """Return the span attributes of a catalog error (``error.type``, ``errdex.*``)."""
    code = error.code
    found: dict[str, Any] = {
        "error.type": str(code) if code is not None else type(error).__qualname__,
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
    return found


class ErrorTelemetry:
    """Records catalog errors on spans and counts them per code.

    ``meter_provider`` defaults to the global one; spans are the caller's
    (the current span unless one is passed).
    An instance is an ``on_error`` hook: ``install(app, cat, on_error=ErrorTelemetry())``.
    """

    def __init__(self, *, meter_provider: Any = None, set_status: bool | None = None) -> None:
        meter = metrics.get_meter("errdex", meter_provider=meter_provider)
        self.counter = meter.create_counter(
            COUNTER, unit="{error}", description="Catalog errors raised or answered, per code."
        )
        self.set_status = set_status

    def record(
        self,
        error: BaseException,
        exc: BaseException | None = None,
        *,
        span: Span | None = None,
        catalog: Catalog | None = None,
    ) -> None:
        """Record ``error`` (any exception: a non-catalog one counts as the internal error).

        ``exc`` is what was raised when it differs from ``error`` (the hook's
        second argument); the exception event describes it.
        """
        raised = exc if exc is not None else error
        err = as_error(error, catalog)
        if span is None:
            span = trace.get_current_span()
        attrs = attributes(err)
        if span.is_recording():
            span.set_attributes(attrs)
            span.record_exception(raised, attributes={"errdex.code": attrs["error.type"]})
            failed = self.set_status
            if failed is None:
                failed = type(err.status) is int and err.status >= 500
            if failed:
                span.set_status(Status(StatusCode.ERROR, attrs["error.type"]))
        point = {"code": attrs["error.type"]}
        if "errdex.catalog" in attrs:
            point["catalog"] = attrs["errdex.catalog"]
        if "errdex.space" in attrs:
            point["space"] = attrs["errdex.space"]
        self.counter.add(1, point)

    def __call__(self, error: Error, exc: BaseException) -> None:
        """The ``on_error(error, exc)`` hook of the server integrations."""
        self.record(error, exc)


_default: ErrorTelemetry | None = None


def record(
    error: BaseException,
    exc: BaseException | None = None,
    *,
    span: Span | None = None,
    catalog: Catalog | None = None,
) -> None:
    """Record an error with the global meter provider (see :meth:`ErrorTelemetry.record`);
    also an ``on_error`` hook as it is."""
    global _default
    if _default is None:
        _default = ErrorTelemetry()
    _default.record(error, exc, span=span, catalog=catalog)


__all__ = ["COUNTER", "ErrorTelemetry", "attributes", "record"]
