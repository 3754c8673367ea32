"""The profiles a catalog can be verified or reconciled in: the runtime's built-in ones
(:data:`errdex.runtime.BUILTIN`) and the plain profiles the catalog declares."""

from __future__ import annotations

from errdex.model import Catalog
from errdex.runtime import BUILTIN


def profile_names(catalog: Catalog) -> tuple[str, ...]:
    """Every profile name ``catalog`` can render in, built-in ones first."""
    return (*BUILTIN, *(p for p in catalog.profiles if p not in BUILTIN))


def unknown_profile(catalog: Catalog, profile: str) -> str | None:
    """Why ``profile`` cannot be used with ``catalog`` (None: it can)."""
    names = profile_names(catalog)
    if profile in names:
        return None
    return f"unknown profile {profile!r}: use one of {', '.join(names)}"
