"""Retry hints on the wire: ``Retry-After`` values and protobuf durations."""

from __future__ import annotations

import pytest

from errdex.runtime.retry import check_now, format_duration, parse_duration, parse_retry_after

NOW = 784_111_777.0  # Sun, 06 Nov 1994 08:49:37 GMT


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120),
        (" 5 ", 5),
        ("0", 0),
        ("Sun, 06 Nov 1994 08:51:37 GMT", 120),  # IMF-fixdate
        ("Sunday, 06-Nov-94 08:50:37 GMT", 60),  # obsolete RFC 850
        ("Sun Nov  6 08:49:47 1994", 10),  # obsolete asctime: no zone, GMT
        ("Sun, 06 Nov 1994 07:00:00 GMT", 0),  # in the past
        ("-5", None),
        ("1.5", None),
        ("²", None),  # a Unicode digit int() refuses
        ("9" * 40, None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_seconds_and_http_dates(value, seconds):
    assert parse_retry_after(value, now=NOW) == seconds


def test_durations_round_trip():
    assert format_duration(5) == "5s"
    assert format_duration(1.5) == "1.5s"
    assert parse_duration("1.5s") == 1.5
    assert parse_duration("5s") == 5
    assert parse_duration("5") is None


def test_an_rfc850_two_digit_year_pivots_at_69():
    """docs/wire.md §6.5: ``YY`` ≥ 69 is 19YY, else 20YY (Python's and Go's reading)."""
    y2068 = 3_118_030_080.0  # Sun, 21 Oct 2068 07:28:00 GMT
    assert parse_retry_after("Sunday, 21-Oct-68 07:28:00 GMT", now=y2068 - 30) == 30
    assert parse_retry_after("Tuesday, 21-Oct-69 07:28:00 GMT", now=y2068) == 0  # 1969


@pytest.mark.parametrize(
    ("now", "error"), [("0", TypeError), (False, TypeError), (float("nan"), ValueError)]
)
def test_check_now_names_what_is_wrong(now, error):
    with pytest.raises(error, match="now must be"):
        check_now(now)
    assert check_now(5) == 5.0 and type(check_now(5)) is float
