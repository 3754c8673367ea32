"""tenacity's real Retrying loop driven by catalog retry hints."""

from __future__ import annotations

import httpx
import pytest
from tenacity import RetryError, Retrying, stop_after_attempt, wait_fixed

import errdex
from errdex.integrations.httpx import raise_for_error
from errdex.integrations.tenacity import retry_if_retryable, wait_retry_after
from errdex.model import Catalog


class Flaky:
    """Fails with the given exceptions in turn, then returns "ok"; records the waits asked for."""

    def __init__(self, *failures: BaseException) -> None:
        self.failures = list(failures)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


def _loop(sleeps: list[float], **options: object) -> Retrying:
    defaults: dict[str, object] = {
        "retry": retry_if_retryable(),
        "wait": wait_retry_after(fallback=wait_fixed(0.5), max=30),
        "stop": stop_after_attempt(4),
        "sleep": sleeps.append,
        "reraise": True,
    }
    return Retrying(**{**defaults, **options})


def _decoded(catalog: Catalog, status: int, body: bytes, headers: dict[str, str]) -> errdex.Error:
    response = httpx.Response(
        status, content=body, headers={"Content-Type": "application/json", **headers}
    )
    try:
        raise_for_error(response, catalog)
    except errdex.Error as exc:
        return exc
    raise AssertionError("not an error")


def test_retries_what_the_server_says_and_waits_retry_after(zan: Catalog) -> None:
    limited = _decoded(
        zan,
        429,
        b'{"jsonrpc":"2.0","error":{"code":-32003,"message":"Cu limited per second"},"id":1}',
        {"Retry-After": "7"},
    )
    flaky = Flaky(limited, zan.error(-32003, space="jsonrpc", retryable=True))
    sleeps: list[float] = []
    assert _loop(sleeps)(flaky) == "ok"
    assert flaky.calls == 3
    assert sleeps == [7.0, 0.5]  # the header's 7 s, then the fallback


def test_does_not_retry_client_errors_or_foreign_exceptions(csghub: Catalog) -> None:
    sleeps: list[float] = []
    flaky = Flaky(csghub.error("AUTH-ERR-4"))
    with pytest.raises(errdex.Error):
        _loop(sleeps)(flaky)
    assert flaky.calls == 1 and sleeps == []
    flaky = Flaky(KeyError("x"))
    with pytest.raises(KeyError):
        _loop(sleeps)(flaky)
    assert flaky.calls == 1
    flaky = Flaky(ConnectionError("reset"), ConnectionError("reset"))
    assert _loop(sleeps, retry=retry_if_retryable(also=(ConnectionError,)))(flaky) == "ok"


def test_unknown_hint_and_caps(csghub: Catalog) -> None:
    unknown = csghub.error("AUTH-ERR-4")
    assert unknown.retryable is None
    sleeps: list[float] = []
    flaky = Flaky(csghub.error("AUTH-ERR-4"))
    assert _loop(sleeps, retry=retry_if_retryable(unknown=True))(flaky) == "ok"
    late = csghub.error("AUTH-ERR-4", retryable=True, retry_after=3600)
    flaky = Flaky(late)
    assert _loop(sleeps, wait=wait_retry_after(2, max=60))(flaky) == "ok"
    assert sleeps[-1] == 60.0


def test_gives_up_after_the_stop(zan: Catalog) -> None:
    errors = [zan.error(-32003, space="jsonrpc", retryable=True) for _ in range(5)]
    with pytest.raises(RetryError):
        _loop([], reraise=False)(Flaky(*errors))
