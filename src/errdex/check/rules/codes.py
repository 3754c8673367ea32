"""Rules about codes and names: duplicates, and codes that do not fit their module."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule
from errdex.io.invariants.codes import duplicate_codes, duplicate_names

DUPLICATE_CODE = rule("E101")
DUPLICATE_NAME = rule("E102")
OUT_OF_RANGE = rule("E103")
CODE_PATTERN = rule("E104")


check(DUPLICATE_CODE)(duplicate_codes)


check(DUPLICATE_NAME)(duplicate_names)


@check(OUT_OF_RANGE, CODE_PATTERN)
def module_codes(ctx: Context) -> Iterator[Diagnostic]:
    """Codes that do not fit their module: outside its ``range``, or not ``<prefix><n>``."""
    modules = ctx.catalog.modules
    ranges = {m.id: m.range for m in modules.values() if m.range is not None}
    prefixes = {m.id: m.prefix.upper() for m in modules.values() if m.prefix}
    if not ranges and not prefixes:
        return
    entries = ctx.entries
    keys = ctx.column("key")
    suspects: list[int] = []
    start = 0
    for mod, run in groupby(ctx.column("module")):  # entries of one module mostly stand together
        end = start + len(list(run))
        span, prefix = ranges.get(mod), prefixes.get(mod)
        if span is not None or prefix is not None:
            part = keys[start:end]
            if not (span is not None and _all_within(part, span)):
                suspects += (i for i, key in enumerate(part, start) if not _fits(key, span, prefix))
        start = end
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


def _all_within(keys: list[Any], span: tuple[int, int]) -> bool:
    """Whether every key is an integer inside ``span`` (tested in C, a run at a time)."""
    return set(map(type, keys)) == {int} and span[0] <= min(keys) and max(keys) <= span[1]


def _fits(key: Any, span: tuple[int, int] | None, prefix: str | None) -> bool:
    if span is not None:
        return type(key) is int and span[0] <= key <= span[1]
    return type(key) is str and key.startswith(prefix) and _number(key[len(prefix) :])  # type: ignore[arg-type]


def _number(text: str) -> bool:
    return text.isdigit() and text.isascii() and (text == "0" or text[0] != "0")
