"""``errdex.runtime.profiles.common``: what every envelope shares (JSON, headers, retry)."""

from __future__ import annotations

import orjson

import errdex
from errdex.runtime.profiles.common import dumps, retry_after_sent, retry_seconds


def test_dumps_always_gives_json() -> None:
    out = orjson.loads(dumps({"a": "\ud800", "b": object(), "c": [1, 2.5, None]}))
    assert (
        out["a"] == "?" and out["b"].startswith("<object object at") and out["c"] == [1, 2.5, None]
    )


def test_retry_seconds_is_a_whole_positive_header_value() -> None:
    assert retry_seconds(2.5) == 3 and retry_seconds(30) == 30
    assert retry_seconds(-1) is None and retry_seconds(True) is None
    assert retry_seconds(10**12) is None and retry_seconds("x") is None
    assert retry_seconds("5") == 5 and retry_seconds(float("nan")) is None


def test_a_retryable_error_sends_retry_after(shop) -> None:
    err = shop.error("AUTH-ERR-5")
    assert retry_after_sent(err) == 30
    assert ("Retry-After", "30") in errdex.render(err, "problem").headers
    quiet = shop.error("AUTH-ERR-4", age=1)
    assert retry_after_sent(quiet) is None
    assert all(name != "Retry-After" for name, _ in errdex.render(quiet, "problem").headers)
