"""tenacity's real Retrying loop driven by catalog retry hints."""

from __future__ import annotations

import pytest
from retry_cases import Flaky, decoded, over_http
from tenacity import RetryError, Retrying, stop_after_attempt, wait_fixed

import errdex
from errdex.integrations.tenacity import retry_if_retryable, wait_retry_after
from errdex.model import Catalog


def _loop(sleeps: list[float], **options: object) -> Retrying:
    defaults: dict[str, object] = {
        "retry": retry_if_retryable(),
        "wait": wait_retry_after(fallback=wait_fixed(0.5), max=30, jitter=0),
        "stop": stop_after_attempt(4),
        "sleep": sleeps.append,
        "reraise": True,
    }
    return Retrying(**{**defaults, **options})


def test_retries_what_the_server_says_and_waits_retry_after(zan: Catalog) -> None:
    limited = decoded(
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
    # the server asks for an hour, the caller waits at most a minute: give up, never early
    late = csghub.error("AUTH-ERR-4", retryable=True, retry_after=3600)
    flaky = Flaky(late)
    with pytest.raises(errdex.Error):
        _loop(sleeps, retry=retry_if_retryable(cap=60), wait=wait_retry_after(2, max=60))(flaky)
    assert flaky.calls == 1
    soon = csghub.error("AUTH-ERR-4", retryable=True, retry_after=3)
    flaky = Flaky(soon)
    assert _loop(sleeps, retry=retry_if_retryable(cap=60), wait=wait_retry_after(2))(flaky)
    assert 3.0 <= sleeps[-1] <= 3.5  # the server's delay plus jitter, never less


@pytest.mark.parametrize(
    ("status", "method", "headers", "retried"),
    [
        (502, "GET", {}, True),  # idempotent-only: a GET may be repeated
        (502, "POST", {}, False),
        (502, "POST", {"Idempotency-Key": "k1"}, True),
        (504, "PUT", {}, False),  # outcome-unknown: only a safe method or a key
        (504, "POST", {"Idempotency-Key": "k1"}, True),
        (503, "POST", {}, True),  # safe: the request was not processed
        (400, "GET", {}, False),
    ],
)
def test_the_method_and_idempotency_key_decide(
    csghub: Catalog, status: int, method: str, headers: dict[str, str], retried: bool
) -> None:
    error = over_http(csghub, status, method, headers)
    flaky = Flaky(error)
    sleeps: list[float] = []
    if retried:
        assert _loop(sleeps)(flaky) == "ok" and flaky.calls == 2
    else:
        with pytest.raises(errdex.Error):
            _loop(sleeps)(flaky)
        assert flaky.calls == 1


def test_gives_up_after_the_stop(zan: Catalog) -> None:
    errors = [zan.error(-32003, space="jsonrpc", retryable=True) for _ in range(5)]
    with pytest.raises(RetryError):
        _loop([], reraise=False)(Flaky(*errors))
