"""Rule about the style of texts within a module: final period and initial capital."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from errdex.check.context import Context, value_at
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule

MESSAGE_STYLE = rule("W201")

_FIRST_WORD = re.compile(r"([A-Z][a-z]*|[a-z]+)(?=[\s,.;:!?]|$)")
"""A plain first word: its case says how the text starts (``etcd`` yes, ``K8S``/``eth_call`` no)."""

# aspect -> (style, description of the style, hint)
_PERIOD = ("period", "ends with a period", "end it with a period")
_NO_PERIOD = ("no-period", "ends without a period", "remove the final period")
_UPPER = ("upper", "starts with a capital letter", "start it with a capital letter")
_LOWER = ("lower", "starts with a lower-case letter", "start it with a lower-case letter")
_STYLES = (_PERIOD, _NO_PERIOD, _UPPER, _LOWER)
_ID: dict[tuple[str, str, str] | None, int] = {style: n for n, style in enumerate(_STYLES)}


def _classify(text: str) -> tuple[tuple[str, str, str] | None, tuple[str, str, str] | None]:
    """(ending style, beginning style) of a text; None where the text shows no clear style."""
    stripped = text.strip()
    if not stripped:
        return None, None
    last = stripped[-1]
    ending = (
        _PERIOD
        if last == "." and not stripped.endswith("..")
        else _NO_PERIOD
        if last.isalnum()
        else None
    )
    m = _FIRST_WORD.match(stripped)
    beginning = None
    if m:
        beginning = _UPPER if m.group(1)[0].isupper() else _LOWER
    return ending, beginning


@check(MESSAGE_STYLE)
def message_style(ctx: Context) -> Iterator[Diagnostic]:
    """Report the texts of a module whose final period or initial case differs from the majority's.

    Messages and descriptions are compared separately. A tie in a module is
    settled by the majority of the whole catalog; a tie there reports nothing.
    """
    entries = ctx.entries
    live: list[bool] | None = None
    groups: list[int] = []
    for field in ("message", "description"):
        texts = ctx.column(field)
        styles = {t: _classify(t) for t in ctx.values(field) if t is not None}
        Style = tuple[tuple[str, str, str] | None, tuple[str, str, str] | None]
        extra: list[tuple[int, tuple[Any, ...], Style]] = []
        if field == "description":
            # the descriptions of known message variants are descriptions of the module too
            for i in ctx.having("variants"):
                for j, v in enumerate(entries[i].variants):
                    if v.description is not None:
                        extra.append((i, ("variants", j, "description"), _classify(v.description)))
        for aspect in (0, 1):
            seen = {c[aspect] for c in styles.values()} | {s[aspect] for _, _, s in extra}
            if len(seen - {None}) < 2:
                continue  # every text has the same style: nothing to compare
            if not groups:
                if "removed" in ctx.values("status"):
                    live = [e.status != "removed" for e in entries]
                pairs = list(zip(ctx.column("space"), ctx.column("module"), strict=True))
                ids = {pair: n for n, pair in enumerate(dict.fromkeys(pairs))}
                groups = list(map(ids.__getitem__, pairs))  # small ints hash fast
            look = {t: _ID.get(c[aspect]) for t, c in styles.items()}
            look[None] = None
            values = list(map(look.__getitem__, texts))
            if live is not None:
                values = [v if ok else None for v, ok in zip(values, live, strict=True)]
            counted = Counter(zip(groups, values, strict=True))
            for i, _, style in extra:
                if live is None or live[i]:
                    counted[(groups[i], _ID.get(style[aspect]))] += 1
            per_group: dict[int, dict[tuple[str, str, str], int]] = {}
            overall: Counter[tuple[str, str, str]] = Counter()
            for (group, value_id), n in counted.items():
                if value_id is not None:
                    value = _STYLES[value_id]
                    per_group.setdefault(group, {})[value] = n
                    overall[value] += n
            catalog_major = _majority(dict(overall))
            minority: dict[tuple[int, int], tuple[str, str, str]] = {}
            for group, per in per_group.items():
                major = _majority(per) or catalog_major if len(per) > 1 else None
                if major is not None:
                    for value in per:
                        if value != major:
                            minority[(group, _ID[value])] = major
            if not minority:
                continue
            found = [
                (i, (field,))
                for i, pair in enumerate(zip(groups, values, strict=True))
                if pair in minority
            ]
            found += [
                (i, path)
                for i, path, style in extra
                if (groups[i], _ID.get(style[aspect])) in minority
            ]
            found.sort()
            for i, path in found:
                e = entries[i]
                text = value_at(e, path)
                shown = _classify(text)[aspect]
                assert shown is not None  # only texts with a style are in the minority
                major = minority[(groups[i], _ID[shown])]
                per = per_group[groups[i]]
                where = f"module {e.module!r}" if e.module is not None else f"space {e.space!r}"
                what = (
                    field
                    if len(path) == 1
                    else f"description of variant {value_at(e, path[:2]).message!r}"
                )
                yield ctx.entry_diag(
                    MESSAGE_STYLE,
                    i,
                    path,
                    f"the {what} of {ctx.label(i)} {shown[1]}, unlike {per[major]} of the "
                    f"{sum(per.values())} {field}s in {where}",
                    f"{major[2]}: the other {field}s of {where} do",
                    needle=_needle(text, aspect),
                )


def _needle(text: str, aspect: int) -> str | None:
    """The part of the text the caret should point at: its first or its last word."""
    parts = text.strip().split()
    if not parts:
        return None
    return parts[0] if aspect == 1 else parts[-1]


def _majority(counts: dict[tuple[str, str, str], int]) -> tuple[str, str, str] | None:
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
