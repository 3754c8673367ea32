"""Retry hints on the wire: the ``Retry-After`` header and google ``RetryInfo`` delays.

Parsers here never raise: a value they cannot read gives None.
"""

from __future__ import annotations

import math
import re
import time
from datetime import UTC
from email.utils import parsedate_to_datetime

_DURATION = re.compile(r"\s*([0-9]{1,12})(?:\.([0-9]{1,9}))?s\s*")


def parse_retry_after(value: str | None, now: float | None = None) -> int | None:
    """Return the seconds a ``Retry-After`` value asks to wait (RFC 9110 §10.2.3).

    Accepts delay-seconds (``"120"``) or an HTTP-date in any of the three
    formats RFC 9110 asks recipients to read (IMF-fixdate, RFC 850, asctime —
    always GMT); a date in the past gives 0. Anything else gives None.
    """
    if not value or type(value) is not str:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) <= 12:
        return int(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # asctime has no zone: HTTP dates are GMT
        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0, math.ceil(when.timestamp() - current))


def format_duration(seconds: int | float) -> str:
    """Return a protobuf JSON Duration (``"5s"``, ``"1.5s"``) for ``seconds``."""
    if float(seconds).is_integer():
        return f"{int(seconds)}s"
    return f"{seconds:.9f}".rstrip("0") + "s"


def parse_duration(value: object) -> int | float | None:
    """Return the seconds of a protobuf JSON Duration (``"5s"``, ``"0.5s"``), else None."""
    if type(value) is not str:
        return None
    match = _DURATION.fullmatch(value)
    if match is None:
        return None
    whole, frac = match.groups()
    return int(whole) if not frac or not frac.strip("0") else float(f"{whole}.{frac}")
