"""Code allocation: the next free code of a module, never a tombstone, never a collision.

:func:`allocate` is what ``errdex new`` calls before it writes an entry. A
module with a ``range`` gets the integer after the highest code the module has
ever used (tombstones count: a removed code stays reserved; in a negative range,
as JSON-RPC's, the one below the lowest), a module with a
``prefix`` gets ``<prefix><n+1>``. Gaps below the highest code are never filled
automatically: a gap may be a code deleted from an earlier release, and reusing
it would give an old number a new meaning. A code is skipped while any entry of
the catalog, in any space, already holds it, so a new code is never ambiguous.
A module with neither a range nor a prefix continues its own integers, past
the ranges of the other modules of its space, and only while no other module
of the space does the same: two open sequences in one space could hand out
one code on two branches without a merge conflict.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from errdex.model.catalog import Catalog
from errdex.model.codes import Code, normalize_code
from errdex.model.errors import HintedError
from errdex.model.types import Module


class AllocationError(HintedError):
    """Raised when no code can be allocated or the requested one cannot be used.

    ``hint`` says how to fix it (a close module name, a free gap, another name).
    """


class Allocation(NamedTuple):
    """The code chosen for a new entry and the space it lives in."""

    code: Code
    space: str
    module: Module


def _suggest(word: str, choices: list[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return match[0] if match else None


def find_module(catalog: Catalog, module: str) -> Module:
    """Return the module ``module``; raise :class:`AllocationError` with a hint if unknown."""
    found = catalog.modules.get(module)
    if found is not None:
        return found
    folded = {m.casefold(): m for m in catalog.modules}
    if module.casefold() in folded:
        guess: str | None = folded[module.casefold()]
    else:
        guess = _suggest(module, list(catalog.modules))
    hint = (
        f"did you mean {guess!r}?"
        if guess
        else "modules: " + (", ".join(catalog.modules) or "none")
    )
    raise AllocationError(f"catalog {catalog.meta.id!r} has no module {module!r}", hint)


def check_name(catalog: Catalog, name: str) -> None:
    """Raise :class:`AllocationError` when ``name`` is taken (compared case-insensitively)."""
    taken = catalog.by_name(name)
    if taken is not None:
        raise AllocationError(
            f"the name {name!r} is taken by {taken.code!r}"
            + (f" ({taken.name!r})" if taken.name != name else ""),
            "names are unique in a catalog: choose another name",
        )


def _prefix_number(code: Code, prefix: str) -> int | None:
    if type(code) is not str:
        return None
    match = re.fullmatch(re.escape(prefix) + r"(\d+)", code.strip(), re.IGNORECASE)
    return int(match.group(1)) if match else None


def allocate(
    catalog: Catalog,
    module: str,
    *,
    space: str | None = None,
    code: Code | None = None,
) -> Allocation:
    """Choose the code of a new entry of ``module``; ``code`` asks for a given one.

    Raises :class:`AllocationError` when the module is unknown, its range is
    full, or the requested code is taken, tombstoned or outside the module.
    """
    mod = find_module(catalog, module)
    space_id = space or mod.space
    if space_id not in catalog.spaces:
        guess = _suggest(space_id, list(catalog.spaces))
        raise AllocationError(
            f"catalog {catalog.meta.id!r} has no space {space_id!r}",
            f"did you mean {guess!r}?" if guess else "spaces: " + ", ".join(catalog.spaces),
        )
    if code is not None:
        return Allocation(_requested(catalog, mod, space_id, code), space_id, mod)
    used = {e.key for e in catalog.entries}  # every space: a new code is never ambiguous
    own = catalog.module_entries(mod.id)
    if mod.prefix is not None:
        numbers = [n for n in (_prefix_number(e.code, mod.prefix) for e in own) if n is not None]
        n = max(numbers) + 1 if numbers else 0
        while normalize_code(f"{mod.prefix}{n}") in used:
            n += 1
        return Allocation(f"{mod.prefix}{n}", space_id, mod)
    ints = [e.code for e in own if type(e.code) is int]
    if mod.range is not None:
        lo, hi = mod.range
        inside = [c for c in ints if lo <= c <= hi]
        if hi <= 0:  # negative codes (JSON-RPC) grow away from zero: -32000, -32001, ...
            candidate = min(inside, default=hi + 1) - 1
            while candidate >= lo and candidate in used:
                candidate -= 1
            full = candidate < lo
        else:
            candidate = max(inside, default=lo - 1) + 1
            while candidate <= hi and candidate in used:
                candidate += 1
            full = candidate > hi
        if full:
            raise AllocationError(
                f"module {mod.id!r} has no free code past its last one: its range "
                f"[{lo}, {hi}] is full",
                _gap_hint(lo, hi, used)
                or f"widen the module's range = [{lo}, {hi}] or add a module",
            )
        return Allocation(candidate, space_id, mod)
    if ints:
        others = [m for m in catalog.modules.values() if m.space == mod.space and m is not mod]
        _check_open_sequence(mod, others)
        ranges = [m.range for m in others if m.range is not None]
        step = -1 if max(ints) < 0 else 1
        candidate = (min(ints) if step < 0 else max(ints)) + step
        while candidate in used or any(lo <= candidate <= hi for lo, hi in ranges):
            candidate += step
        return Allocation(candidate, space_id, mod)
    raise AllocationError(
        f"module {mod.id!r} has neither a prefix nor a range, and no integer codes to continue",
        "pass --code, or give the module a range = [lo, hi] or a prefix",
    )


def _check_open_sequence(mod: Module, others: list[Module]) -> None:
    """Refuse to continue a module's codes when another module of its space could too.

    Two modules of one space with neither a range nor a prefix continue the
    same integer sequence: on two branches both would hand out the same next
    code, in two places of the catalog, and git would merge them silently.
    (Other modules' ranges are skipped by the caller: they are reserved.)
    """
    open_ = [m.id for m in others if m.range is None and m.prefix is None]
    if open_:
        raise AllocationError(
            f"module {mod.id!r} has neither a range nor a prefix, and neither has "
            f"{', '.join(repr(m) for m in open_)} in space {mod.space!r}: on two branches "
            "both could take the same next code, and git would merge them silently",
            f"give module {mod.id!r} a range = [lo, hi] (or a prefix), or pass --code",
        )


def _gap_hint(lo: int, hi: int, used: set[Code]) -> str | None:
    for candidate in range(lo, hi + 1):
        if candidate not in used:
            return (
                f"{candidate} is unused inside the range: pass --code {candidate} if it was "
                "never released, or widen the range"
            )
    return None


def _requested(catalog: Catalog, mod: Module, space: str, code: Code) -> Code:
    if type(code) is str:
        stripped = code.strip()
        code = int(stripped) if re.fullmatch(r"[+-]?\d+", stripped) else stripped
    key = normalize_code(code)
    for e in catalog.find(key):
        if e.space != space:
            continue
        if e.is_removed:
            raise AllocationError(
                f"code {e.code!r} is a tombstone (removed"
                + (f": {e.reason}" if e.reason else "")
                + ") and is never reused",
                "omit --code to get the next free code",
            )
        raise AllocationError(
            f"code {e.code!r} is taken in space {space!r}" + (f" by {e.name!r}" if e.name else ""),
            "omit --code to get the next free code",
        )
    if mod.range is not None:
        lo, hi = mod.range
        if type(code) is not int or not lo <= code <= hi:
            raise AllocationError(
                f"code {code!r} is outside module {mod.id!r}'s range [{lo}, {hi}]",
                "pick a code inside the range, or omit --code",
            )
    if mod.prefix is not None and _prefix_number(code, mod.prefix) is None:
        raise AllocationError(
            f"code {code!r} does not follow module {mod.id!r}'s prefix {mod.prefix!r}",
            f"write it as {mod.prefix}<n>, or omit --code",
        )
    return code
