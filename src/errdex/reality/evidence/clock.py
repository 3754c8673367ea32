"""Timestamps in evidence, as instants: the window a reconciliation covers.

Evidence writes time in many ways: ISO 8601 text (``2026-12-02T10:00:00.123Z``,
with an offset or none — taken as UTC), HTTP dates (a dump's ``Date`` header),
and numbers since the Unix epoch in seconds, milliseconds (pino), microseconds
or nanoseconds (OpenTelemetry's ``timeUnixNano``, often as a string of digits),
told apart by their size (a number before 1990 is no timestamp). :func:`instant`
reads any of them; :func:`iso` writes
one back as ISO 8601 UTC text of fixed width (so such texts sort as the instants
do). A value that is none of these is no timestamp (None), never an error.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

LATEST = 253_402_300_799.0
"""9999-12-31T23:59:59Z: later instants are not timestamps of evidence."""
EARLIEST_NUMBER = 631_152_000.0
"""1990-01-01T00:00:00Z: a number naming an earlier instant is a counter or a duration
(``"ts": 3``), not a timestamp. Texts say what they are and may be earlier."""


def _seconds(number: float) -> float | None:
    """Seconds since the epoch from a number in seconds, ms, µs or ns."""
    if not EARLIEST_NUMBER <= number < 1e11 * 1e9:  # also NaN and infinities
        return None
    for scale in (1.0, 1e3, 1e6, 1e9):
        if number < 1e11 * scale:
            seconds = number / scale
            return seconds if EARLIEST_NUMBER <= seconds <= LATEST else None
    return None


def instant(value: Any) -> float | None:
    """The instant ``value`` names, in seconds since the epoch (None: not a timestamp)."""
    kind = type(value)
    if kind is int or kind is float:
        return _seconds(value)
    if kind is not str or not value or len(value) > 64:
        return None
    if value.isascii() and value.isdigit():
        return _seconds(int(value))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        seconds = moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
    return seconds if 0 <= seconds <= LATEST else None


def iso(seconds: float) -> str:
    """``seconds`` since the epoch as ``YYYY-MM-DDTHH:MM:SS.mmmZ``."""
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


ZULU = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z")
"""ISO 8601 UTC text of fixed width: two such texts of one length sort as their instants."""


def _zulu_like(text: str) -> bool:
    """Whether ``text`` has the separators of a :data:`ZULU` text where they belong.
    Between two ZULU texts of its length, such a text is one too (and sorts as its
    instant does) or is no timestamp at all (its other characters are not digits)."""
    return (
        text[4] == "-"
        and text[7] == "-"
        and text[10] == "T"
        and text[13] == ":"
        and text[16] == ":"
        and text[-1] == "Z"
        and (len(text) == 20 or text[19] == ".")
    )


class Window:
    """The earliest and the latest instant seen.

    Most logs write every time one way (``2026-12-02T10:00:00.123Z``): while both ends
    of the window were written so, a text of that form and length that sorts between
    them cannot widen it and is not parsed.
    """

    def __init__(self) -> None:
        self.first: float | None = None
        self.last: float | None = None
        self._ends: tuple[str, str] | None = None
        """The texts of both ends, when both are :data:`ZULU` texts of one length."""
        self._texts: list[str | None] = [None, None]

    def see(self, value: Any) -> None:
        """Widen the window to the instant ``value`` names, if it names one."""
        ends = self._ends
        if (
            ends is not None
            and type(value) is str
            and len(value) == len(ends[0])
            and ends[0] <= value <= ends[1]
            and _zulu_like(value)
        ):
            return
        seconds = instant(value)
        if seconds is None:
            return
        text = value if type(value) is str and ZULU.fullmatch(value) else None
        if self.first is None or seconds < self.first:
            self.first = seconds
            self._texts[0] = text
        if self.last is None or seconds > self.last:
            self.last = seconds
            self._texts[1] = text
        low, high = self._texts
        self._ends = (low, high) if low and high and len(low) == len(high) else None

    def texts(self) -> tuple[str | None, str | None]:
        """The window as :func:`iso` texts (None, None when nothing was seen)."""
        if self.first is None or self.last is None:
            return None, None
        return iso(self.first), iso(self.last)
