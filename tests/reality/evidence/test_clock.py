"""Timestamps as evidence writes them, read as instants."""

from __future__ import annotations

from typing import Any

import pytest

from errdex.reality.evidence.clock import Window, instant, iso

NOON = 1_764_676_800.0  # 2025-12-02T12:00:00Z


@pytest.mark.parametrize(
    "value",
    [
        "2025-12-02T12:00:00Z",
        "2025-12-02T12:00:00.000+00:00",
        "2025-12-02T14:00:00+02:00",
        "2025-12-02 12:00:00",  # no offset: UTC
        "Tue, 02 Dec 2025 12:00:00 GMT",  # an HTTP date
        NOON,
        int(NOON),
        int(NOON * 1000),  # pino: milliseconds
        int(NOON * 1_000_000),
        str(int(NOON * 1_000_000_000)),  # OpenTelemetry: nanoseconds as text
    ],
)
def test_every_way_of_writing_one_instant(value: Any) -> None:
    assert instant(value) == NOON


@pytest.mark.parametrize(
    "value",
    [None, True, "", "soon", "2025-13-40T99:00:00Z", 3, "1", -5, float("nan"), 1e300, [NOON]],
)
def test_what_is_no_timestamp(value: Any) -> None:
    assert instant(value) is None


def test_a_window_widens_to_what_it_sees_and_prints_fixed_width_utc() -> None:
    window = Window()
    assert window.texts() == (None, None)
    for value in ("2025-12-02T12:00:00Z", NOON - 61.5, "garbage", NOON + 3600):
        window.see(value)
    assert window.texts() == ("2025-12-02T11:58:58.500Z", "2025-12-02T13:00:00.000Z")
    assert iso(0) == "1970-01-01T00:00:00.000Z"
