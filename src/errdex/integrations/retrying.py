"""The retry decision for a decoded error, with the request it answered: shared by the clients.

:func:`decision_for` reads what :func:`errdex.runtime.retry.decide` needs from an
:class:`errdex.Error`: its retry class (:func:`~errdex.runtime.retry.retry_of`),
the HTTP method and ``Idempotency-Key`` of the request (``exc.response.request``
for errors the httpx integration decoded; a ``request`` attribute otherwise;
none: treated as not idempotent) and the server's delay (a decoded error's
``retry_after``). Used by :mod:`~errdex.integrations.tenacity`,
:mod:`~errdex.integrations.stamina` and :mod:`~errdex.integrations.httpx`.
"""

from __future__ import annotations

from typing import Any

from errdex.runtime import Error
from errdex.runtime.retry import (
    DEFAULT_BASE,
    DEFAULT_CAP,
    IDEMPOTENCY_KEY,
    RetryDecision,
    decide,
    retry_of,
)


def request_of(error: Error) -> Any:
    """The request an error answered (httpx's ``response.request``), or None."""
    response = getattr(error, "response", None)
    request = getattr(response, "_request", None) if response is not None else None
    return request if request is not None else getattr(error, "request", None)


def decision_for(
    error: Error,
    *,
    attempt: int = 1,
    max_attempts: int | None = None,
    cap: float = DEFAULT_CAP,
    base: float = DEFAULT_BASE,
    unknown: bool = False,
) -> RetryDecision:
    """Decide whether to retry after ``error`` (``unknown``: retry an error whose
    retry class nothing states, as if it were ``safe``)."""
    retry = retry_of(error)
    if unknown and retry == "never" and error.retryable is None:
        retry = "safe"
    request = request_of(error)
    method = getattr(request, "method", None)
    headers = getattr(request, "headers", None)
    key = bool(headers.get(IDEMPOTENCY_KEY)) if headers is not None else False
    after = error.retry_after  # the server's (decoded) or the raiser's / entry's
    ok = isinstance(after, (int, float)) and not isinstance(after, bool) and after >= 0
    delay = float(after) if ok else None  # type: ignore[arg-type]
    return decide(
        retry,
        method=method if isinstance(method, str) else None,
        idempotency_key=key,
        attempt=attempt,
        max_attempts=max_attempts if max_attempts is not None else attempt + 1,
        server_delay=delay,
        cap=cap,
        base=base,
    )


__all__ = ["decision_for", "request_of"]
