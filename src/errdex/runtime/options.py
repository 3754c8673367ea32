"""The options of :class:`~errdex.runtime.errors.Error`, checked where they enter.

``cat.error(code, retryable=..., retry_after=..., sub_errors=...)`` takes values a
service computes; a wrong one is the caller's bug and fails here, at the call, with
a ``TypeError`` or ``ValueError`` naming the option — never later, while a response
is rendered, and never as text copied into a header.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TypeVar

from errdex.runtime.text import safe_str

E = TypeVar("E")

MAX_RETRY_AFTER = 10**9
"""Longest ``retry_after`` accepted, in seconds (about 31 years)."""


def check_retryable(value: object) -> bool | None:
    """``retryable``: ``True``, ``False`` or ``None`` (the entry's hint)."""
    if value is None or type(value) is bool:
        return value
    raise TypeError(
        f"retryable must be True, False or None, not {type(value).__name__} {_show(value)}"
    )


def check_retry_after(value: object) -> int | float | None:
    """``retry_after``: seconds as an ``int`` or ``float``, 0 to :data:`MAX_RETRY_AFTER`."""
    if value is None:
        return None
    if type(value) is bool or not isinstance(value, (int, float)):
        raise TypeError(
            f"retry_after must be a number of seconds (int or float), "
            f"not {type(value).__name__} {_show(value)}"
        )
    number = int(value) if isinstance(value, int) else float(value)
    if not (0 <= number <= MAX_RETRY_AFTER) or (type(number) is float and math.isnan(number)):
        raise ValueError(
            f"retry_after must be between 0 and {MAX_RETRY_AFTER} seconds, not {_show(number)}"
        )
    return number


def check_sub_errors(value: object, error_type: type[E]) -> tuple[E, ...]:
    """``sub_errors``: an iterable (list, tuple …) of errdex errors; items that are not
    errdex errors are left out (they have no code to send)."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise TypeError(f"sub_errors must be a list of errdex errors, not {type(value).__name__}")
    return tuple(sub for sub in value if isinstance(sub, error_type))


def _show(value: object) -> str:
    """A short, safe rendering of a rejected value for the message."""
    try:
        text = repr(value) if isinstance(value, (str, int, float)) else ""
    except Exception:  # an int beyond what repr prints (4,300 digits), a hostile subclass
        text = f"(an integer of {value.bit_length()} bits)" if type(value) is int else ""
    return safe_str(text, 40)
