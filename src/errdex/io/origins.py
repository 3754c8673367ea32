"""Where each entry of a catalog was read: ``(source file, ("errors", i))``, made on access.

A catalog records one origin per entry (:meth:`errdex.model.Catalog.origin`).
Most entries of a file are kept in order, so :class:`Origins` holds, per file,
the indexes of its ``errors`` list that became entries (a ``range`` when all
did) instead of two tuples per entry, and builds an origin when one is asked
for: for a diagnostic, or for ``errdex new`` placing an entry.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from errdex.io.source import SourceFile

Origin = tuple["SourceFile", tuple[Any, ...]]


class Origins(Sequence[Origin]):
    """The origins of a catalog's entries, in entry order; immutable once the catalog is built."""

    __slots__ = ("_ends", "_len", "_runs", "_whole")

    def __init__(self) -> None:
        self._runs: list[tuple[SourceFile, Sequence[int]]] = []
        self._ends: list[int] = []  # entries before the end of each run
        self._len = 0
        self._whole: SourceFile | None = None  # the file, when it is one file kept whole

    def add(self, source: SourceFile, kept: Sequence[int]) -> None:
        """Record that the next ``len(kept)`` entries are items ``kept`` of ``source``'s list."""
        if kept:
            self._runs.append((source, kept))
            self._len += len(kept)
            self._ends.append(self._len)
            whole = len(self._runs) == 1 and kept == range(len(kept))
            self._whole = source if whole else None

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, index: int) -> Origin: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Origin]: ...

    def __getitem__(self, index: int | slice) -> Origin | Sequence[Origin]:
        whole = self._whole
        if whole is not None and type(index) is int and 0 <= index < self._len:
            return whole, ("errors", index)  # one file, every item an entry: the usual case
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("entry index out of range")
        run = bisect.bisect_right(self._ends, index)
        source, kept = self._runs[run]
        start = self._ends[run - 1] if run else 0
        return source, ("errors", kept[index - start])

    def of(self, indexes: Iterable[int]) -> list[Origin]:
        """The origins of the entries at ``indexes``, each as ``self[i]`` gives it, in one pass
        (a rule reporting most entries of a big catalog asks for tens of thousands)."""
        wanted = list(indexes)
        whole = self._whole
        if whole is not None and wanted and min(wanted) >= 0 and max(wanted) < self._len:
            return [(whole, ("errors", i)) for i in wanted]
        return list(map(self.__getitem__, wanted))

    def __iter__(self) -> Iterator[Origin]:
        for source, kept in self._runs:
            for i in kept:
                yield source, ("errors", i)

    def __repr__(self) -> str:
        return f"<Origins of {len(self)} entries in {len(self._runs)} files>"
