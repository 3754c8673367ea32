"""Invariant of build targets: every ``[[targets]] output`` is a file inside the catalog's folder.

``errdex build`` writes each target's ``output`` relative to the catalog. An
absolute path, a drive, ``..`` or a NUL byte (E116) names a file elsewhere:
whoever builds the catalog — a CI job, a docs pipeline — would overwrite a
file the catalog's authors do not own. Such a catalog is refused everywhere,
not only by ``build``, so that no consumer trusts a catalog that reaches out
of its folder. Symlinks along the path are checked when the file is written
(:func:`errdex.io.confine.confine`).
"""

from __future__ import annotations

from collections.abc import Iterator

from errdex.io.confine import lexical_problem
from errdex.io.context import Context
from errdex.io.diagnostic import Diagnostic
from errdex.io.rules import rule

TARGET_OUTSIDE = rule("E116")


def target_outputs(ctx: Context) -> Iterator[Diagnostic]:
    """Every target whose ``output`` is not a relative path inside the catalog's folder."""
    for i, target in enumerate(ctx.catalog.targets):
        why = lexical_problem(target.output)
        if why is not None:
            yield ctx.top_diag(
                TARGET_OUTSIDE,
                ("targets", i, "output"),
                f"target output {target.output!r} is not a file inside the catalog's folder: {why}",
                'write a path relative to the catalog, inside its folder, such as "docs/errors.md"',
            )
