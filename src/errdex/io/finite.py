"""Find NaN and infinity in parsed catalog data: values no wire and no target language carry.

TOML writes them ``nan`` and ``inf``, YAML ``.nan`` and ``.inf``; JSON has no
such literal, and ``orjson`` sends each as ``null``. A key that holds one is
reported at its place (the loader for free-form values such as a profile
``body``; ``errdex fmt`` for any key, since ``nan`` is not even equal to itself
and a formatted file could never be shown to hold the same data).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any


def _first(
    value: Any, kind: type, fine: Callable[[Any], bool]
) -> tuple[tuple[Any, ...], Any] | None:
    """The key path and value of the first ``kind`` (exactly) that is not ``fine``, or None.

    Walks lists and tables iteratively: deep nesting cannot exhaust the stack.
    """
    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    while stack:
        path, item = stack.pop()
        found = type(item)
        if found is kind:
            if not fine(item):
                return path, item
        elif found is dict:
            stack.extend(((*path, k), v) for k, v in reversed(item.items()))
        elif found is list:
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(item))))
    return None


def non_finite(value: Any) -> tuple[tuple[Any, ...], float] | None:
    """The key path (inside ``value``) and value of the first NaN or infinity, or None."""
    return _first(value, float, math.isfinite)


SAFE_INTEGER = 2**53 - 1
"""The largest integer every language errdex generates holds exactly (JavaScript's
``Number.MAX_SAFE_INTEGER``); the catalog's own integer fields are bounded alike."""


def out_of_range(value: Any) -> tuple[tuple[Any, ...], int] | None:
    """The key path and value of the first integer beyond ±(2**53 - 1) in ``value``, or None.

    A profile ``body`` is sent as written: a larger integer crashes orjson past 64
    bits and loses digits in TypeScript past 53, so it is refused at load.
    """
    return _first(value, int, _safe)


def _safe(number: int) -> bool:
    return -SAFE_INTEGER <= number <= SAFE_INTEGER


def describe(number: float) -> str:
    """``nan``, ``inf`` or ``-inf``, as a catalog author wrote it."""
    return "nan" if math.isnan(number) else ("inf" if number > 0 else "-inf")


HINT = "write a finite number (or a string, if the text 'nan' or 'inf' is meant)"
"""The fix of every NaN or infinity diagnostic."""
