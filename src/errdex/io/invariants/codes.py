"""Invariants of codes and names: one code once per space, one name once, tombstones kept.

A code twice in one space (E101), a name on two entries (E102) or a removed
code used again (E111) makes the catalog ambiguous: a lookup or a client
cannot tell which entry is meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from errdex.io.context import Context
from errdex.io.diagnostic import Diagnostic
from errdex.io.rules import rule

DUPLICATE_CODE = rule("E101")
DUPLICATE_NAME = rule("E102")
TOMBSTONE_REUSED = rule("E111")


def duplicate_codes(ctx: Context) -> Iterator[Diagnostic]:
    """Two entries with one code in one space (a tombstone and its reuse is E111 instead)."""
    entries = ctx.entries
    if len(ctx.values("key")) == len(entries):
        return  # no code twice at all (a set of codes is cheaper than one of pairs)
    pairs = zip(map(attrgetter("space"), entries), map(attrgetter("key"), entries), strict=True)
    if len(set(pairs)) == len(entries):
        return
    seen: dict[tuple[str, Any], int] = {}
    for i, e in enumerate(entries):
        pair = (e.space, e.key)
        first = seen.setdefault(pair, i)
        if first != i and (e.status == "removed") == (entries[first].status == "removed"):
            yield ctx.entry_diag(
                DUPLICATE_CODE,
                i,
                ("code",),
                f"code {e.code} is defined twice in space {e.space!r}",
                f"the first definition is at {ctx.location(first, 'code')}; "
                "give this entry a new code",
            )


def duplicate_names(ctx: Context) -> Iterator[Diagnostic]:
    """Two entries with one name (compared case-insensitively, as lookups by name do)."""
    names = list(map(attrgetter("name"), ctx.entries))
    if None in names:
        names = [n for n in names if n is not None]
    if len(set(map(str.casefold, names))) == len(names):
        return  # no two names alike, case aside (one set of casefolds: no join and split)
    seen: dict[str, int] = {}
    for i, e in enumerate(ctx.entries):
        name = e.name
        if name is None:
            continue
        first = seen.setdefault(name.casefold(), i)
        if first != i:
            other = ctx.entries[first].name
            same = "" if other == name else f" (as {other!r})"
            yield ctx.entry_diag(
                DUPLICATE_NAME,
                i,
                ("name",),
                f"name {name!r} of {e.code} is already the name of {ctx.entries[first].code}{same}",
                f"the first is at {ctx.location(first, 'name')}; "
                "names are unique in a catalog: rename one",
            )


def tombstones(ctx: Context) -> Iterator[Diagnostic]:
    """An entry whose code, in its space, belongs to a removed entry."""
    entries = ctx.entries
    if "removed" not in ctx.values("status"):
        return
    removed = {(e.space, e.key): i for i, e in enumerate(entries) if e.status == "removed"}
    for i, e in enumerate(entries):
        grave = removed.get((e.space, e.key))
        if grave is not None and e.status != "removed":
            yield ctx.entry_diag(
                TOMBSTONE_REUSED,
                i,
                ("code",),
                f"code {e.code} was removed (its tombstone is at {ctx.location(grave, 'code')}) "
                "and cannot be used again",
                "use a new code: clients meeting the old one read it as the removed error",
            )
