"""Refuse a filter value the registry has no entry for (``errdex search``, ``errdex explain``).

The check and its text are the directory's (:mod:`errdex.directory.filter_values`);
this turns an :class:`~errdex.directory.filter_values.UnknownValue` into the
command's refusal: ``errdex COMMAND: no module 'nope'; modules: …`` with the
fix as ``= help:``, exit 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from errdex.directory.filter_values import Known
    from errdex.directory.search import Filters


def check_or_exit(command: str, filters: Filters, known: Known) -> None:
    """Return when every catalog, module, space and locale filter names a known value; else
    print the refusal and exit 2."""
    from errdex.directory.filter_values import UnknownValue, check

    try:
        check(filters, known)
    except UnknownValue as exc:
        from errdex.cli.common import fail

        option = f"--{exc.kind}"
        hint = (
            f"use {option} {exc.close}"
            if exc.close is not None
            else f"give {option} one of the {exc.kind}s listed, or leave it out"
        )
        fail(command, str(exc), hint)
