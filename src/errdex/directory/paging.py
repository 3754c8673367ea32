"""How deep and how wide a search may page: the bounds ``errdex search`` and ``errdex serve``
share.

A deeper ``offset`` (or a larger ``limit``) is refused as bad usage (the command line exits 2, the
server answers 400) instead of being searched: no one reads page 500, and an
offset too large for JSON would fail only when the answer is written.
"""

from __future__ import annotations

MAX_OFFSET = 10_000
"""The deepest search offset accepted."""
MAX_LIMIT = 100
"""The most search hits one page may ask for."""

__all__ = ["MAX_LIMIT", "MAX_OFFSET"]
