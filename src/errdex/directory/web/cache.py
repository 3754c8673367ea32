"""The web directory's bounded LRUs: JSON answers and pages by request, page fragments by entry.

A loaded registry never changes, so nothing kept here goes stale; the bounds
only keep memory in check.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class BoundedLRU(Generic[V]):
    """An LRU bounded twice: at most ``size`` values and ``max_bytes`` of them, as
    ``weigh`` counts a value (the oldest go first; a value over ``max_bytes // 64`` is
    not kept, so one huge value cannot flush the rest). ``size=0`` keeps nothing."""

    def __init__(self, size: int, max_bytes: int, weigh: Callable[[V], int]) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._weigh = weigh
        self._data: OrderedDict[Hashable, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: Hashable) -> V | None:
        """The value kept for ``key`` (now the most recent), or None."""
        found = self._data.get(key)
        if found is not None:
            self._data.move_to_end(key)
        return found

    def put(self, key: Hashable, value: V) -> None:
        """Keep ``value`` for ``key``, dropping the oldest past either bound."""
        if self.size <= 0:
            return
        weight = self._weigh(value)
        if weight > self.max_bytes // 64:
            return
        old = self._data.pop(key, None)
        if old is not None:
            self.bytes -= self._weigh(old)
        self._data[key] = value
        self.bytes += weight
        while len(self._data) > self.size or self.bytes > self.max_bytes:
            self.bytes -= self._weigh(self._data.popitem(last=False)[1])


class ResponseCache(BoundedLRU[bytes]):
    """An LRU of response bodies by request key, bounded by count and bytes.

    The answers are fast without it (a search takes about a millisecond);
    the cache spares repeated queries their JSON encoding and snippets.
    """

    def __init__(self, size: int = 4096, max_bytes: int = 32 * 1024 * 1024) -> None:
        super().__init__(size, max_bytes, len)
