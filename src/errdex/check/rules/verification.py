"""Rules about verification: every entry proves itself with a request example (rustc's tidy)."""

from __future__ import annotations

from collections.abc import Iterator

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule
from errdex.model.verification import needs_example, wants_examples

NO_EXAMPLE = rule("W701")


@check(NO_EXAMPLE)
def request_examples(ctx: Context) -> Iterator[Diagnostic]:
    """In a catalog with ``[verify]`` or any request example: an active or deprecated
    entry without a request example and without a ``no_example`` reason."""
    if not wants_examples(ctx.catalog):
        return
    for i, entry in enumerate(ctx.entries):
        if needs_example(entry):
            yield ctx.entry_diag(
                NO_EXAMPLE,
                i,
                ("code",),
                f"{ctx.label(i)} has no request example, so errdex verify cannot prove "
                "that the service sends it",
                'add [[errors.examples]] with request = { path = "/..." }, '
                'or no_example = "why it cannot be produced on demand"',
            )
