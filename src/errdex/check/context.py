"""What a rule sees of a catalog: :class:`Context` lives in :mod:`errdex.io.context`
(the load-time invariants report through it too); re-exported for the check rules."""

from errdex.io.context import Context, Spot, value_at

__all__ = ["Context", "Spot", "value_at"]
