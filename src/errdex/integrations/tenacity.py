"""tenacity: retry what the catalog (or the server) says is retryable, as long as it says to wait.

    from tenacity import Retrying, stop_after_attempt, wait_exponential
    from errdex.integrations.tenacity import retry_if_retryable, wait_retry_after

    for attempt in Retrying(
        retry=retry_if_retryable(),
        wait=wait_retry_after(fallback=wait_exponential(max=10), max=60),
        stop=stop_after_attempt(5),
    ):
        with attempt:
            client.post(url, json=payload)     # raises catalog errors (errdex.integrations.httpx)

:class:`retry_if_retryable` retries an attempt that raised an :class:`errdex.Error`
whose ``retryable`` is true — as :func:`errdex.decode` resolved it: the
server's ``Retry-After``/``RetryInfo``, then the body, the catalog entry (or
known variant), then the HTTP class. :class:`wait_retry_after` waits the
error's ``retry_after`` seconds when it has one, else its fallback strategy.

Import this module only with tenacity installed (``pip install 'errdex[tenacity]'``).
"""

from __future__ import annotations

from typing import Any

from tenacity import RetryCallState, retry_base, wait_none
from tenacity.wait import wait_base

from errdex.runtime import Error


def _raised(retry_state: RetryCallState) -> BaseException | None:
    outcome = retry_state.outcome
    if outcome is None or not outcome.failed:
        return None
    return outcome.exception()


class retry_if_retryable(retry_base):
    """Retry when the attempt raised a catalog error that is retryable.

    ``unknown`` decides for a catalog error whose retry hint is unknown
    (``retryable is None``; default: do not retry). ``also`` names other
    exception types to retry (``httpx.TransportError``, say).
    """

    def __init__(
        self, *, unknown: bool = False, also: tuple[type[BaseException], ...] = ()
    ) -> None:
        self.unknown = unknown
        self.also = also

    def __call__(self, retry_state: RetryCallState) -> bool:
        exc = _raised(retry_state)
        if exc is None:
            return False
        if isinstance(exc, Error):
            flag = exc.retryable
            return self.unknown if flag is None else bool(flag)
        return bool(self.also) and isinstance(exc, self.also)


class wait_retry_after(wait_base):
    """Wait the ``retry_after`` seconds the error carries, capped at ``max``; else ``fallback``.

    ``fallback`` is a tenacity wait strategy or a number of seconds (default: no wait).
    """

    def __init__(self, fallback: Any = None, *, max: float | None = None) -> None:
        if fallback is None:
            fallback = wait_none()
        elif isinstance(fallback, (int, float)):
            seconds = float(fallback)
            fallback = lambda retry_state: seconds  # noqa: E731
        self.fallback = fallback
        self.max = max

    def __call__(self, retry_state: RetryCallState) -> float:
        exc = _raised(retry_state)
        seconds: float | None = None
        if isinstance(exc, Error):
            after = exc.retry_after
            if after is not None and type(after) in (int, float) and after >= 0:
                seconds = float(after)
        if seconds is None:
            seconds = float(self.fallback(retry_state))
        if self.max is not None:
            seconds = min(seconds, self.max)
        return max(0.0, seconds)


__all__ = ["retry_if_retryable", "wait_retry_after"]
