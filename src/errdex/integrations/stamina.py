"""stamina: retry what the catalog allows for this request, waiting what the server asks.

    import stamina
    from errdex.integrations.stamina import retry_on

    @stamina.retry(on=retry_on(cap=30), attempts=5, wait_max=30)
    def charge(order):
        client.post(url, json=order, headers={"Idempotency-Key": order.id})  # raises catalog errors

:func:`retry_on` is stamina's ``on=`` backoff hook. For a catalog error it
applies the retry decision (docs/wire.md, "Retry decision";
:func:`errdex.runtime.retry.decide`): the error's retry class, the request's
HTTP method and ``Idempotency-Key`` (read from ``exc.response.request``, the
httpx integration's decoded errors), the server's delay. It returns False
(give up), the seconds to wait (the server's ``Retry-After`` plus jitter,
never less — stamina then waits exactly that) or True (stamina's own
exponential backoff with jitter). A server asking for longer than ``cap``
gives up rather than retry early. Other exceptions: retried when they are
instances of ``also``.

Import this module only with stamina installed (``pip install 'errdex[stamina]'``).
"""

from __future__ import annotations

from collections.abc import Callable

from errdex.integrations.retrying import decision_for
from errdex.runtime import Error
from errdex.runtime.retry import DEFAULT_BASE, DEFAULT_CAP


def retry_on(
    *,
    cap: float = DEFAULT_CAP,
    base: float = DEFAULT_BASE,
    also: tuple[type[BaseException], ...] = (),
) -> Callable[[Exception], bool | float]:
    """stamina's ``on=`` hook deciding by the catalog (see the module docstring).

    Attempts are stamina's to count (``attempts=``); ``cap`` bounds one wait.
    """

    def hook(exc: Exception) -> bool | float:
        if not isinstance(exc, Error):
            return bool(also) and isinstance(exc, also)
        decision = decision_for(exc, attempt=1, max_attempts=None, cap=cap, base=base)
        if not decision.retry:
            return False
        if decision.low > 0:
            return decision.delay()
        return True

    return hook


__all__ = ["retry_on"]
