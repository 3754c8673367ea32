"""``errdex.runtime.status``: what an HTTP status alone says."""

from __future__ import annotations

import pytest

from errdex.runtime.retry import retry_class
from errdex.runtime.status import RETRYABLE_STATUSES, phrase, retryable_by_class


def test_phrase_is_the_reason_phrase_or_error() -> None:
    assert phrase(404) == "Not Found"
    assert phrase(429) == "Too Many Requests"
    assert phrase(599) == "Error" and phrase(0) == "Error"


@pytest.mark.parametrize(
    ("status", "retryable"),
    [(None, None), (200, None), (302, None), (400, False), (404, False), (500, False)]
    + [(s, True) for s in sorted(RETRYABLE_STATUSES)],
)
def test_retryable_by_class(status: int | None, retryable: bool | None) -> None:
    assert retryable_by_class(status) is retryable


def test_the_retryable_statuses() -> None:
    assert {408, 425, 429, 502, 503, 504} == RETRYABLE_STATUSES


@pytest.mark.parametrize("status", [None, 200, 400, 404, 408, 425, 429, 500, 502, 503, 504])
def test_the_hint_of_a_status_follows_its_retry_class(status: int | None) -> None:
    # one table: a status whose retry class is not "never" is the one whose hint is true
    kind = retry_class(http_status=status)
    hint = retryable_by_class(status)
    assert hint is (None if status is None or status < 400 else kind != "never")
