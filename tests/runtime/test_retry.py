"""Retry hints on the wire: ``Retry-After`` values and protobuf durations."""

from __future__ import annotations

import pytest

from errdex.runtime.retry import format_duration, parse_duration, parse_retry_after

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
