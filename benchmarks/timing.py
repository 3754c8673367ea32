"""Timing helpers: best-of-k wall time and the result record every suite returns.

Every figure errdex reports is a ratio to a floor measured in the same
process and run, so the numbers travel between machines; absolute times are
shown for context only.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Result:
    """One benchmark: the operation's time, its floor's time, their ratio, and the target."""

    suite: str
    name: str
    seconds: float
    floor_name: str
    floor_seconds: float
    target: float
    note: str = ""
    mode: str = "ratio"
    """"ratio": seconds / floor; "diff": seconds - floor (ms); "abs": seconds alone (ms);
    "bytes": a ratio too, of sizes in bytes held in ``seconds`` and ``floor_seconds``."""

    @property
    def ratio(self) -> float:
        """The figure compared with the target."""
        if self.mode == "diff":
            return (self.seconds - self.floor_seconds) * 1000
        if self.mode == "abs":
            return self.seconds * 1000
        return self.seconds / self.floor_seconds if self.floor_seconds else float("inf")

    @property
    def ok(self) -> bool:
        """Whether the figure meets the target."""
        return self.ratio <= self.target

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form with the ratio and verdict."""
        data = {**asdict(self), "ratio": round(self.ratio, 3), "ok": self.ok}
        if self.target == float("inf"):
            data["target"] = None  # a figure for context: JSON has no infinity
        return data


def best_of(
    func: Callable[[], Any],
    repeat: int = 5,
    number: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """The fastest of ``repeat`` runs of ``number`` calls, in seconds per call.

    The minimum is the figure least disturbed by the rest of the machine. The
    collector runs before each timing so one run does not pay for another's
    garbage. ``clock`` is wall time by default; ``time.process_time`` (CPU
    time of this process) is steadier on a machine busy with other work.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        for _ in range(number):
            func()
        times.append((clock() - start) / number)
    return min(times)


def calibrate(func: Callable[[], Any], budget: float = 0.2) -> int:
    """How many calls of ``func`` fill about ``budget`` seconds (at least 1)."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            func()
        took = time.perf_counter() - start
        if took >= budget / 5 or number >= 1 << 22:
            return max(1, int(number * budget / max(took, 1e-9)))
        number *= 4
