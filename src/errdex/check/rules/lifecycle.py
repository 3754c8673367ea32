"""Rules about the lifecycle: tombstones reused, and references to codes that do not exist.

Both are invariants (:mod:`errdex.io.invariants`): a strict load refuses a
catalog that breaks them; ``errdex check`` reports them with the other rules.
"""

from __future__ import annotations

from errdex.check.registry import check
from errdex.io.invariants.codes import TOMBSTONE_REUSED, tombstones
from errdex.io.invariants.references import UNKNOWN_CODE, unknown_codes

check(TOMBSTONE_REUSED)(tombstones)
check(UNKNOWN_CODE)(unknown_codes)

__all__ = ["TOMBSTONE_REUSED", "UNKNOWN_CODE", "tombstones", "unknown_codes"]
