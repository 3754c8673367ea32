"""Two-way consistency between source code and a catalog, as rustc's tidy checks its error codes.

:func:`scan` finds the codes a code base raises (:mod:`.python` through the
``ast`` module, :mod:`.patterns` through the regexes of the catalog's
``[scan]`` table for Go, Rust, TypeScript …) and compares them with the
catalog (:mod:`.compare`): codes raised but not documented, codes documented
but never raised, codes sent with another code's message (a swap), and codes
raised although the catalog tombstoned them. Each finding is a
:class:`~errdex.io.Diagnostic` with the file and line of the use or the entry.
"""

from errdex.check.scan.compare import (
    MESSAGE_DRIFT,
    REMOVED_RAISED,
    SWAPPED,
    UNDOCUMENTED,
    UNPARSABLE,
    UNUSED,
    ScanResult,
    scan,
)
from errdex.check.scan.uses import CodeUse

__all__ = [
    "MESSAGE_DRIFT",
    "REMOVED_RAISED",
    "SWAPPED",
    "UNDOCUMENTED",
    "UNPARSABLE",
    "UNUSED",
    "CodeUse",
    "ScanResult",
    "scan",
]
