"""``Steps``: how long work (check, fmt, import, build) tells a caller how far it is.

The work calls ``progress(label, done, total)`` once per batch (a file read, a group of
rules run, a block of pages written, :data:`EVERY` entries of a document read), never
per entry: ``label`` names what it is doing now, ``done`` of ``total`` steps of it are
finished (``total`` None: not known). The command line turns the calls into a progress
bar; a caller that passes None hears nothing and pays nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Steps = Callable[[str, int, "int | None"], None]
"""``progress(label, done, total)``: see the module docstring."""

T = TypeVar("T")

EVERY = 1000
"""Records (rows, objects, lines, blocks) read between two calls of :func:`counted`."""


def counted(
    items: Sequence[T], label: str, progress: Steps | None, every: int = EVERY
) -> Sequence[T] | Iterator[T]:
    """``items`` in order; with a ``progress``, an iterator that tells it
    ``(label, done, len(items))`` before the first item, after each ``every`` items and at
    the end. Without one, ``items`` itself (nothing added to the loop)."""
    if progress is None:
        return items
    return _counted(items, label, progress, every)


def _counted(items: Sequence[T], label: str, progress: Steps, every: int) -> Iterator[T]:
    total = len(items)
    progress(label, 0, total)
    for done, item in enumerate(items):
        if done and done % every == 0:
            progress(label, done, total)
        yield item
    progress(label, total, total)


__all__ = ["EVERY", "Steps", "counted"]
