"""The response cache of the web directory: JSON answers by request, in a bounded LRU."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable


class ResponseCache:
    """An LRU of JSON bodies by request key (a loaded registry never changes).

    Bounded twice: at most ``size`` bodies and ``max_bytes`` bytes of them
    (the oldest go first); a body larger than ``max_bytes // 64`` is not kept.
    The answers are fast without it (a search takes about a millisecond);
    the cache spares repeated queries their JSON encoding and snippets.
    """

    def __init__(self, size: int = 4096, max_bytes: int = 32 * 1024 * 1024) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._data: OrderedDict[Hashable, bytes] = OrderedDict()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: Hashable) -> bytes | None:
        body = self._data.get(key)
        if body is not None:
            self._data.move_to_end(key)
        return body

    def put(self, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_bytes // 64:
            return
        old = self._data.pop(key, None)
        if old is not None:
            self.bytes -= len(old)
        self._data[key] = body
        self.bytes += len(body)
        while len(self._data) > self.size or self.bytes > self.max_bytes:
            self.bytes -= len(self._data.popitem(last=False)[1])
