"""tenacity: retry what the catalog allows for this request, waiting what the server asks.

    from tenacity import Retrying, stop_after_attempt, wait_random_exponential
    from errdex.integrations.tenacity import retry_if_retryable, wait_retry_after

    for attempt in Retrying(
        retry=retry_if_retryable(cap=60),
        wait=wait_retry_after(fallback=wait_random_exponential(max=10), max=60),
        stop=stop_after_attempt(5),
    ):
        with attempt:
            client.post(url, json=payload)     # raises catalog errors (errdex.integrations.httpx)

:class:`retry_if_retryable` applies the retry decision (docs/wire.md, "Retry
decision"; :func:`errdex.runtime.retry.decide`) to an attempt that raised an
:class:`errdex.Error`: the error's retry class (``retry``, else ``retryable``,
else what the server or the HTTP status says), the request's HTTP method and
``Idempotency-Key`` (``exc.response.request`` for errors the httpx integration
decoded), and the server's delay — one longer than ``cap`` gives up rather
than retry early. :class:`wait_retry_after` waits the server's delay plus up
to ``jitter`` seconds (never less than asked, at most ``max``), else its
fallback strategy.

Import this module only with tenacity installed (``pip install 'errdex[tenacity]'``).
"""

from __future__ import annotations

import random
from typing import Any

from tenacity import RetryCallState, retry_base, wait_none
from tenacity.wait import wait_base

from errdex.integrations.retrying import decision_for
from errdex.runtime import Error


def _raised(retry_state: RetryCallState) -> BaseException | None:
    outcome = retry_state.outcome
    if outcome is None or not outcome.failed:
        return None
    return outcome.exception()


class retry_if_retryable(retry_base):
    """Retry when the attempt raised a catalog error the retry decision allows.

    ``unknown`` decides for a catalog error whose retry class nothing states
    (default: do not retry). ``also`` names other exception types to retry
    (``httpx.TransportError``, say). ``cap``: a server delay longer than this
    gives up (default: no cap here; pass the ``max`` of :class:`wait_retry_after`).
    """

    def __init__(
        self,
        *,
        unknown: bool = False,
        also: tuple[type[BaseException], ...] = (),
        cap: float | None = None,
    ) -> None:
        self.unknown = unknown
        self.also = also
        self.cap = cap

    def __call__(self, retry_state: RetryCallState) -> bool:
        exc = _raised(retry_state)
        if exc is None:
            return False
        if isinstance(exc, Error):
            decision = decision_for(
                exc,
                attempt=retry_state.attempt_number,
                cap=self.cap if self.cap is not None else float("inf"),
                unknown=self.unknown,
            )
            return decision.retry
        return bool(self.also) and isinstance(exc, self.also)


class wait_retry_after(wait_base):
    """Wait the ``retry_after`` seconds the error carries plus up to ``jitter``, capped at
    ``max`` (never less than the server asked); else ``fallback``.

    ``fallback`` is a tenacity wait strategy or a number of seconds (default: no wait).
    """

    def __init__(
        self, fallback: Any = None, *, max: float | None = None, jitter: float = 0.5
    ) -> None:
        if fallback is None:
            fallback = wait_none()
        elif isinstance(fallback, (int, float)):
            seconds = float(fallback)
            fallback = lambda retry_state: seconds  # noqa: E731
        self.fallback = fallback
        self.max = max
        self.jitter = jitter

    def __call__(self, retry_state: RetryCallState) -> float:
        exc = _raised(retry_state)
        if isinstance(exc, Error):
            after = exc.retry_after
            if isinstance(after, (int, float)) and not isinstance(after, bool) and after >= 0:
                low = float(after)
                high = low + self.jitter
                if self.max is not None:
                    high = min(high, self.max)
                return max(low, low + (high - low) * random.random())
        seconds = float(self.fallback(retry_state))
        if self.max is not None:
            seconds = min(seconds, self.max)
        return max(0.0, seconds)


__all__ = ["retry_if_retryable", "wait_retry_after"]
