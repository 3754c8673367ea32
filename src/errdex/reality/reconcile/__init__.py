"""``errdex reconcile``: the catalog against what production really sent.

:mod:`.match` reverse-matches messages to templates; :mod:`.tally` keeps
bounded counts of what was seen; :mod:`.run` reads the evidence, decodes each
error with :func:`errdex.decode` (cached) and fills a tally; :mod:`.report`
prints it as text, JSON or Markdown; :mod:`.suggest` writes the codes the
catalog lacks as a patch for review (never into the catalog itself).
"""

from __future__ import annotations

from errdex.reality.reconcile.run import ReconcileError, reconcile
from errdex.reality.reconcile.tally import Tally

__all__ = ["ReconcileError", "Tally", "reconcile"]
