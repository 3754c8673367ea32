"""``errdex.runtime.options``: the options of a raised error are checked, with clear errors."""

from __future__ import annotations

import pytest

from errdex.runtime.options import (
    MAX_RETRY_AFTER,
    check_retry_after,
    check_retryable,
    check_sub_errors,
)


def test_retryable_is_a_bool_or_none() -> None:
    assert check_retryable(None) is None and check_retryable(True) is True
    with pytest.raises(TypeError, match=r"retryable must be True, False or None, not int 1"):
        check_retryable(1)
    with pytest.raises(TypeError, match=r"not str 'yes'"):
        check_retryable("yes")


def test_retry_after_is_a_number_of_seconds_in_range() -> None:
    assert check_retry_after(None) is None
    assert check_retry_after(0) == 0 and check_retry_after(2.5) == 2.5
    assert check_retry_after(MAX_RETRY_AFTER) == MAX_RETRY_AFTER
    with pytest.raises(TypeError, match=r"retry_after must be a number of seconds .* not bool"):
        check_retry_after(True)
    with pytest.raises(TypeError, match=r"not str '3'"):
        check_retry_after("3")
    with pytest.raises(ValueError, match=r"between 0 and 1000000000 seconds, not -1"):
        check_retry_after(-1)
    with pytest.raises(ValueError, match=r"not nan"):
        check_retry_after(float("nan"))
    with pytest.raises(ValueError, match=r"an integer of \d+ bits"):
        check_retry_after(10**5000)


def test_sub_errors_keep_only_errors_of_the_type() -> None:
    class Err(Exception):
        pass

    a, b = Err(), Err()
    assert check_sub_errors([a, "x", b, 3], Err) == (a, b)
    assert check_sub_errors((), Err) == ()
    for bad in ("ab", b"ab", {"a": a}, 5):
        with pytest.raises(TypeError, match="sub_errors must be a list of errdex errors"):
            check_sub_errors(bad, Err)
