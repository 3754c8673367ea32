"""The base of errdex's refusals: an error that says what is wrong and how to fix it."""

from __future__ import annotations


class HintedError(ValueError):
    """Base of the errors a command reports as a refusal: what is wrong, and how to fix it.

    Raised by code allocation, catalog edits, the gettext workflow and the git
    sides of a diff; a command prints ``message`` and ``hint`` and exits 2.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
