"""Rules about codes and names: duplicates, and codes that do not fit their module."""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import Any

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, register

DUPLICATE_CODE = register(
    "E101", "duplicate-code", "error", "a code defined twice in one code space"
)
DUPLICATE_NAME = register("E102", "duplicate-name", "error", "a name given to two entries")
OUT_OF_RANGE = register(
    "E103", "code-out-of-range", "error", "an integer code outside its module's range"
)
CODE_PATTERN = register(
    "E104", "code-pattern", "error", "a code that does not match its module's prefix pattern"
)


@check(DUPLICATE_CODE)
def duplicate_codes(ctx: Context) -> Iterator[Diagnostic]:
    """Two entries with one code in one space (a tombstone and its reuse is E111 instead)."""
    entries = ctx.entries
    pairs = list(
        zip(map(attrgetter("space"), entries), map(attrgetter("key"), entries), strict=True)
    )
    if len(set(pairs)) == len(pairs):
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


@check(DUPLICATE_NAME)
def duplicate_names(ctx: Context) -> Iterator[Diagnostic]:
    """Two entries with one name (compared case-insensitively, as lookups by name do)."""
    names = [n.casefold() for n in map(attrgetter("name"), ctx.entries) if n is not None]
    if len(set(names)) == len(names):
        return
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


@check(OUT_OF_RANGE, CODE_PATTERN)
def module_codes(ctx: Context) -> Iterator[Diagnostic]:
    """Codes that do not fit their module: outside its ``range``, or not ``<prefix><n>``."""
    modules = ctx.catalog.modules
    ranges = {m.id: m.range for m in modules.values() if m.range is not None}
    prefixes = {m.id: m.prefix.upper() for m in modules.values() if m.prefix}
    if not ranges and not prefixes:
        return
    entries = ctx.entries
    suspects = [
        i
        for i, (mod, key) in enumerate(
            zip(map(attrgetter("module"), entries), map(attrgetter("key"), entries), strict=True)
        )
        if mod in ranges or mod in prefixes
        if not _fits(key, ranges.get(mod), prefixes.get(mod))  # type: ignore[arg-type]
    ]
    for i in suspects:
        e = entries[i]
        mod = e.module
        span = ranges.get(mod)  # type: ignore[arg-type]
        if span is not None:
            key = e.key
            if type(key) is not int:
                yield ctx.entry_diag(
                    CODE_PATTERN,
                    i,
                    ("code",),
                    f"code {e.code!r} is not an integer, but module {mod!r} numbers its codes "
                    f"{span[0]}..{span[1]}",
                    f"use an integer code in {span[0]}..{span[1]}, "
                    "or move the entry to another module",
                )
            elif not span[0] <= key <= span[1]:
                yield ctx.entry_diag(
                    OUT_OF_RANGE,
                    i,
                    ("code",),
                    f"code {e.code} is outside the range {span[0]}..{span[1]} of module {mod!r}",
                    f"use a code in {span[0]}..{span[1]}, or move the entry to the module whose "
                    "range holds it",
                )
            continue
        prefix = prefixes.get(mod)  # type: ignore[arg-type]
        if prefix is not None:
            key = e.key
            if (
                type(key) is not str
                or not key.startswith(prefix)
                or not _number(key[len(prefix) :])
            ):
                original = modules[mod].prefix  # type: ignore[index]
                yield ctx.entry_diag(
                    CODE_PATTERN,
                    i,
                    ("code",),
                    f"code {e.code!r} does not match {original}<n>, the pattern of module {mod!r}",
                    f"write the code as {original}<n> with n = 0, 1, 2 …, "
                    "or move the entry to another module",
                )


def _fits(key: Any, span: tuple[int, int] | None, prefix: str | None) -> bool:
    if span is not None:
        return type(key) is int and span[0] <= key <= span[1]
    return type(key) is str and key.startswith(prefix) and _number(key[len(prefix) :])  # type: ignore[arg-type]


def _number(text: str) -> bool:
    return text.isdigit() and text.isascii() and (text == "0" or text[0] != "0")
