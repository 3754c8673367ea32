"""``errdex.runtime.decoding.hint``: step 4 of decode, the retry hint of a decoded error."""

from __future__ import annotations

import pytest

from errdex.runtime.decoding.hint import decide_retry


@pytest.fixture
def err(shop):
    error = shop.error("REQ-ERR-1", count=1)
    error.retryable, error.retry_after = None, None
    return error


def test_the_servers_header_wins_and_means_retryable(err) -> None:
    decide_retry(err, {"header_retry": 3, "retry_after": 60, "retryable": False})
    assert (err.retryable, err.retry_after) == (True, 3)


def test_a_google_retry_delay_counts_as_the_servers_word(err) -> None:
    decide_retry(err, {"retry_delay": "1.5s"})
    assert (err.retryable, err.retry_after) == (True, 1.5)


def test_body_fields_next(err) -> None:
    decide_retry(err, {"retry_after": 20})
    assert (err.retryable, err.retry_after) == (True, 20)
    decide_retry(err, {"retry_after": 5, "retryable": False})
    assert (err.retryable, err.retry_after) == (False, 5)


def test_odd_body_values_are_ignored_and_the_status_class_decides(err) -> None:
    err.status = 503
    decide_retry(err, {"retry_after": -1, "retryable": "yes"})
    assert (err.retryable, err.retry_after) == (True, None)
    err.retryable, err.status = None, 404
    decide_retry(err, {"retry_after": float("inf")})
    assert (err.retryable, err.retry_after) == (False, None)


def test_the_entrys_own_hint_stays_when_the_response_says_nothing(err) -> None:
    err.retryable, err.status = False, 503
    decide_retry(err, {})
    assert err.retryable is False
