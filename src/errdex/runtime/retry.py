"""Retry hints on the wire and the retry decision every client makes from them.

Parsers (``Retry-After``, google ``RetryInfo`` durations) never raise: a value
they cannot read gives None. :func:`decide` is the reference implementation of
``docs/wire.md`` "Retry decision": from an error's retry class
(:func:`retry_class`), the request's method and ``Idempotency-Key``, the
attempt number and the server's delay, whether to retry and how long to wait.
The HTTP clients (:mod:`errdex.integrations.httpx`, ``tenacity``, ``stamina``)
and the generated Go, Rust, TypeScript and Python code decide the same way.
"""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Callable
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple

from errdex.model.types import FAULTS, RETRY_CLASSES
from errdex.model.wire import status_retry_class

_DURATION = re.compile(r"\s*([0-9]{1,12})(?:\.([0-9]{1,9}))?s\s*")


def parse_retry_after(value: str | None, now: float | None = None) -> int | None:
    """Return the seconds a ``Retry-After`` value asks to wait (RFC 9110 §10.2.3).

    Accepts delay-seconds (``"120"``) or an HTTP-date in any of the three
    formats RFC 9110 asks recipients to read (IMF-fixdate, RFC 850, asctime —
    always GMT); a date in the past gives 0. Anything else gives None.
    """
    if not value or type(value) is not str:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) <= 12:
        return int(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # asctime has no zone: HTTP dates are GMT
        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0, math.ceil(when.timestamp() - current))


def check_now(now: object) -> float:
    """Return the caller's clock ``now`` (Unix seconds: an int or a finite float) as a
    float; raise TypeError/ValueError naming what is wrong.

    The clock a ``Retry-After`` HTTP-date is read against (``errdex.decode(..., now=...)``)
    is the caller's argument, not response input: a wrong one is the caller's bug.
    """
    if isinstance(now, (int, float)) and not isinstance(now, bool):
        try:
            value = float(now)
        except OverflowError:
            value = math.inf
        if math.isfinite(value):
            return value
        raise ValueError(f"now must be a finite number of Unix seconds, got {now!r}")
    raise TypeError(
        f"now must be Unix seconds (an int or float, e.g. time.time()), got {type(now).__name__}"
    )


def format_duration(seconds: int | float) -> str:
    """Return a protobuf JSON Duration (``"5s"``, ``"1.5s"``) for ``seconds``."""
    if float(seconds).is_integer():
        return f"{int(seconds)}s"
    return f"{seconds:.9f}".rstrip("0") + "s"


def parse_duration(value: object) -> int | float | None:
    """Return the seconds of a protobuf JSON Duration (``"5s"``, ``"0.5s"``), else None."""
    if type(value) is not str:
        return None
    match = _DURATION.fullmatch(value)
    if match is None:
        return None
    whole, frac = match.groups()
    return int(whole) if not frac or not frac.strip("0") else float(f"{whole}.{frac}")


# -- the retry decision (docs/wire.md, "Retry decision") ------------------------------

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
"""Methods without side effects (RFC 9110 §9.2.1): repeating them changes nothing."""
IDEMPOTENT_METHODS = SAFE_METHODS | {"PUT", "DELETE"}
"""Methods whose repetition has the effect of one request (RFC 9110 §9.2.2)."""
IDEMPOTENCY_KEY = "Idempotency-Key"
"""The request header that makes a repeated request safe to apply once (IETF httpapi draft)."""

_DEPENDENCY = frozenset({502, 503, 504})

DEFAULT_ATTEMPTS = 3
DEFAULT_CAP = 30.0
DEFAULT_BASE = 0.5


class RetryDecision(NamedTuple):
    """Whether to retry and how long to wait: uniformly between ``low`` and ``high`` seconds.

    ``reason`` is one of ``"retry"``, ``"never"``, ``"not-idempotent"``,
    ``"needs-idempotency-key"``, ``"attempts-exhausted"``, ``"retry-after-exceeds-cap"``.
    """

    retry: bool
    reason: str
    low: float = 0.0
    high: float = 0.0

    def delay(self, rand: Callable[[], float] = random.random) -> float:
        """A wait drawn uniformly from ``[low, high]`` (``rand()`` in ``[0, 1)``: full jitter)."""
        return self.low + (self.high - self.low) * rand()


def retry_class(
    *,
    retry: str | None = None,
    retryable: bool | None = None,
    server_delay: float | None = None,
    http_status: int | None = None,
) -> str:
    """The retry class of an error, first that applies: its ``retry``; its ``retryable``
    shorthand (true: ``safe``, false: ``never``); a delay the server sent (``safe``);
    its HTTP status (408/425/429/503 ``safe``, 502 ``idempotent-only``, 504
    ``outcome-unknown``); else ``never``."""
    if retry in RETRY_CLASSES:
        return retry
    if retryable is not None:
        return "safe" if retryable else "never"
    if server_delay is not None:
        return "safe"
    return status_retry_class(http_status) or "never"


def retry_of(error: Any) -> str:
    """The retry class of an :class:`errdex.Error` (raised here or decoded from a response).

    The entry's effective ``retry`` (unless the error is a known message variant whose
    own ``retryable`` says otherwise); else its ``retryable`` — for an error raised here its
    own ``retryable`` option first, then the matched variant's, then the entry's; else,
    for a decoded error, the body's ``retryable`` member; then a delay (a decoded
    ``Retry-After``, or the ``retry_after`` an error raised here is sent with); else its
    HTTP status. See :func:`retry_class`. For an entry's own responses this is the class
    of :func:`errdex.model.effective.retry_advice`.
    """
    entry = getattr(error, "entry", None)
    variant = getattr(error, "variant", None)
    said = getattr(variant, "retryable", None)
    said = said if type(said) is bool else None
    fine = getattr(entry, "retry", None)
    if fine in RETRY_CLASSES and (said is None or said == (fine != "never")):
        return str(fine)
    raw = getattr(error, "raw", None)
    own = vars(error).get("retryable") if raw is None else None
    flag = own if type(own) is bool else said
    if flag is None and entry is not None:
        flag = entry.retryable
    if flag is None and isinstance(raw, dict):
        found = raw.get("retryable")
        inner = raw.get("error")
        if found is None and isinstance(inner, dict):
            data = inner.get("data")
            found = data.get("retryable") if isinstance(data, dict) else None
        flag = found if type(found) is bool else None
    delay = getattr(error, "retry_after", None)
    status = getattr(error, "status", None)
    return retry_class(
        retryable=flag,
        server_delay=delay if type(delay) in (int, float) else None,
        http_status=status if type(status) is int and status >= 400 else None,
    )


def fault_of(fault: str | None, http_status: int | None) -> str | None:
    """The effective ``fault``: the catalog's, else by HTTP status (4xx ``client``,
    502/503/504 ``dependency``, other 5xx ``server``), else None."""
    if fault in FAULTS:
        return fault
    if type(http_status) is not int or http_status < 400:
        return None
    if http_status < 500:
        return "client"
    return "dependency" if http_status in _DEPENDENCY else "server"


def decide(
    retry: str,
    *,
    method: str | None = None,
    idempotency_key: bool = False,
    attempt: int = 1,
    max_attempts: int = DEFAULT_ATTEMPTS,
    server_delay: float | None = None,
    cap: float = DEFAULT_CAP,
    base: float = DEFAULT_BASE,
) -> RetryDecision:
    """Decide whether to retry after ``attempt`` failed attempts (docs/wire.md, "Retry decision").

    ``retry`` is the error's class (:func:`retry_class`); ``method`` the HTTP
    method (None: not idempotent); ``idempotency_key`` whether the request
    carried a non-empty ``Idempotency-Key``; ``server_delay`` the seconds the
    server asked to wait. A server delay longer than ``cap`` gives up rather
    than retry early; otherwise the wait lies in ``[delay, min(cap, delay + base)]``,
    or with no server delay in ``[0, min(cap, base * 2**(attempt - 1))]``.
    """
    verb = method.upper() if type(method) is str else ""
    if retry not in RETRY_CLASSES or retry == "never":
        return RetryDecision(False, "never")
    if retry == "idempotent-only" and verb not in IDEMPOTENT_METHODS and not idempotency_key:
        return RetryDecision(False, "not-idempotent")
    if retry == "outcome-unknown" and verb not in SAFE_METHODS and not idempotency_key:
        return RetryDecision(False, "needs-idempotency-key")
    if attempt >= max_attempts:
        return RetryDecision(False, "attempts-exhausted")
    if server_delay is not None:
        wait = max(0.0, float(server_delay))
        if wait > cap:
            return RetryDecision(False, "retry-after-exceeds-cap")
        return RetryDecision(True, "retry", wait, min(cap, wait + base))
    exponent = min(max(attempt - 1, 0), 60)
    return RetryDecision(True, "retry", 0.0, min(cap, base * 2.0**exponent))
