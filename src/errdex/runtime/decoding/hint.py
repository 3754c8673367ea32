"""Decode step 4: the retry hint of a decoded error (``retryable``, ``retry_after``).

First that applies: the server's ``Retry-After`` header or google ``RetryInfo`` (then
retryable); the body's ``retry_after`` / ``retryable`` members; the matched variant
and the entry; the HTTP class (408/425/429/502/503/504 retryable, other 4xx/5xx not).
The retry *decision* for a client (attempts, method, idempotency, waits) is
:mod:`errdex.runtime.retry`'s, from these values.
"""

from __future__ import annotations

from typing import Any

from errdex.runtime.errors import Error
from errdex.runtime.retry import parse_duration
from errdex.runtime.status import retryable_by_class


def decide_retry(err: Error, fields: dict[str, Any]) -> None:
    """Step 4: set ``err.retryable`` and ``err.retry_after`` from what the response said."""
    server = fields.get("header_retry")
    if server is None:
        server = parse_duration(fields.get("retry_delay"))
    if server is not None:
        err.retry_after = server
        err.retryable = True
        return
    body_after: Any = fields.get("retry_after")
    number = type(body_after) in (int, float) and 0 <= body_after < float("inf")
    if number:
        err.retry_after = body_after
    body_flag = fields.get("retryable")
    if type(body_flag) is bool:
        err.retryable = body_flag
    elif number:
        err.retryable = True
    elif err.retryable is None:
        err.retryable = retryable_by_class(err.status if type(err.status) is int else None)
