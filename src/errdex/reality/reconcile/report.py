"""Printing a reconciliation: text for a terminal, JSON for tools, Markdown for a review.

The sections, in the order a maintainer acts on them: codes production sent
that the catalog lacks, removed codes still sent, statuses and envelopes that
differ from the catalog, messages no template explains, errors with no catalog
code, and the entries never seen (candidates for deprecation — never for
reuse). Whatever the evidence holds is escaped for where it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import orjson

from errdex.io.terminal import safe_line
from errdex.model import Entry
from errdex.reality.reconcile.run import Result
from errdex.reality.reconcile.tally import Seen, Unknown

FORMATS = ("text", "json", "markdown")
SHOWN = 300
"""Characters of a sample body shown."""
LISTED = 50
"""Entries listed per section in text and Markdown (JSON lists all)."""


def _many(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _sample(body: bytes | None) -> str | None:
    if body is None:
        return None
    text = body[: SHOWN * 4].decode("utf-8", "replace")
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _label(entry: Entry) -> str:
    return f"{entry.code} {entry.name}" if entry.name else str(entry.code)


def _entries(result: Result) -> dict[tuple[str, Any], Entry]:
    return {(e.space, e.key): e for e in result.catalog.entries}


def _statuses(table: dict[int, int]) -> str:
    return ", ".join(f"{s} ×{n}" for s, n in sorted(table.items(), key=lambda i: -i[1]))


def _rows(result: Result) -> dict[str, list[dict[str, Any]]]:
    """The findings as plain rows, section by section (shared by every format)."""
    entries = _entries(result)
    tally = result.tally
    unknown = sorted(tally.unknown.values(), key=lambda u: -u.times)
    rows: dict[str, list[dict[str, Any]]] = {
        "unknown_codes": [_unknown_row(u) for u in unknown],
        "removed_codes_sent": [],
        "status_drift": [],
        "envelope_drift": [],
        "unmatched_messages": [],
        "uncoded_errors": [
            {"status": s, "times": u.times, "first": u.first, "sample": _sample(u.sample)}
            for s, u in sorted(tally.uncoded.items(), key=lambda i: -i[1].times)
        ],
        "never_seen": [
            {
                "code": e.code,
                "space": e.space,
                "name": e.name,
                "module": e.module,
            }
            for e in result.never
        ],
    }
    for key, seen in sorted(tally.seen.items(), key=lambda i: -i[1].times):
        entry = entries.get(key)
        if entry is None:
            continue
        base = {"code": entry.code, "space": entry.space, "name": entry.name}
        if entry.is_removed:
            rows["removed_codes_sent"].append(
                {**base, "times": seen.times, "first": seen.first, "reason": entry.reason}
            )
        for (profile, documented, sent), times in sorted(seen.status_drift.items(), key=str):
            rows["status_drift"].append(
                {
                    **base,
                    "profile": profile,
                    "documented": documented,
                    "sent": sent,
                    "times": times,
                    "statuses": dict(seen.statuses),
                }
            )
        for envelope, times in sorted(seen.envelope_drift.items()):
            rows["envelope_drift"].append(
                {**base, "declared": result.profile, "sent": envelope, "times": times}
            )
        if seen.unmatched:
            rows["unmatched_messages"].append(_unmatched_row(base, entry, seen))
    return rows


def _unknown_row(unknown: Unknown) -> dict[str, Any]:
    guess = unknown.guess
    return {
        "code": unknown.code,
        "space": unknown.space,
        "module": unknown.module,
        "times": unknown.times,
        "statuses": dict(unknown.statuses),
        "first": unknown.first,
        "messages": dict(unknown.messages),
        "sample": _sample(unknown.sample),
        "looks_like": None if guess is None else {"code": guess.code, "name": guess.name},
    }


def _unmatched_row(base: dict[str, Any], entry: Entry, seen: Seen) -> dict[str, Any]:
    return {
        **base,
        "template": entry.message,
        "messages": dict(sorted(seen.unmatched.items(), key=lambda i: -i[1])),
        "more": seen.unmatched_overflow,
        "first": seen.unmatched_first,
    }


def as_dict(result: Result) -> dict[str, Any]:
    """The JSON report."""
    tally = result.tally
    window = tally.window
    return {
        "catalog": result.catalog.meta.id,
        "profile": result.profile,
        "sources": [vars(s) for s in tally.sources],
        "errors": tally.errors,
        "catalog_errors": tally.catalog_errors,
        "share": tally.share,
        "window": None if window is None else {"first": window[0], "last": window[1]},
        "unknown_overflow": tally.unknown_overflow,
        "drift": result.drift,
        **_rows(result),
    }


def json_report(result: Result) -> str:
    """``--format json``."""
    option = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS
    return orjson.dumps(as_dict(result), option=option).decode() + "\n"


def _share(result: Result) -> str:
    share = result.tally.share
    return "no errors" if share is None else f"{share:.1%} catalog errors"


def _head(result: Result) -> str:
    tally = result.tally
    records = sum(s.records for s in tally.sources)
    files = len(tally.sources)
    window = tally.window
    span = "" if window is None else f", from {window[0]} to {window[1]}"
    return (
        f"errdex reconcile {result.catalog.meta.id}: {files} file{'s' * (files != 1)}, "
        f"{records:,} records, {tally.errors:,} errors, {_share(result)}{span}"
    )


def _text_lines(result: Result) -> Iterator[str]:
    rows = _rows(result)
    yield _head(result)
    for source in result.tally.sources:
        if source.malformed:
            first = source.first_malformed
            yield f"  {source.name}: {source.malformed} records are not JSON (first at {first})"
        if source.long_lines:
            yield f"  {source.name}: {source.long_lines} records over 16 MiB skipped"
    if rows["unknown_codes"]:
        yield f"codes sent that the catalog does not have ({len(rows['unknown_codes'])}):"
        for row in rows["unknown_codes"][:LISTED]:
            hint = ""
            if row["looks_like"]:
                hint = f" — its message is {row['looks_like']['code']}'s: a swapped code?"
            statuses = _statuses(row["statuses"])
            yield f"  {row['code']} ×{row['times']} ({statuses}) first at {row['first']}{hint}"
            if row["sample"]:
                yield f"      {row['sample']}"
    if result.tally.unknown_overflow:
        yield f"  … and {result.tally.unknown_overflow} errors of further unknown codes"
    if rows["removed_codes_sent"]:
        yield f"removed codes still sent ({len(rows['removed_codes_sent'])}):"
        for row in rows["removed_codes_sent"][:LISTED]:
            yield f"  {row['code']} ×{row['times']} first at {row['first']}"
    if rows["status_drift"]:
        yield f"statuses that differ from the catalog ({len(rows['status_drift'])}):"
        for row in rows["status_drift"][:LISTED]:
            yield (
                f"  {row['code']} {row['name'] or ''}: documented {row['documented']} "
                f"({row['profile']}), sent {row['sent']} ×{row['times']}"
            )
    if rows["envelope_drift"]:
        yield f"envelopes that differ from the catalog ({len(rows['envelope_drift'])}):"
        for row in rows["envelope_drift"][:LISTED]:
            name = row["name"] or ""
            yield (
                f"  {row['code']} {name}: declared {row['declared']}, "
                f"sent {row['sent']} ×{row['times']}"
            )
    if rows["unmatched_messages"]:
        count = len(rows["unmatched_messages"])
        yield f"messages that match no template or variant ({_many(count, 'entry', 'entries')}):"
        for row in rows["unmatched_messages"][:LISTED]:
            yield f"  {row['code']} {row['name'] or ''} (template: {row['template']!r}):"
            for message, times in list(row["messages"].items())[:5]:
                yield f"      {message!r} ×{times}"
    if rows["uncoded_errors"]:
        yield "errors with no catalog code:"
        for row in rows["uncoded_errors"][:LISTED]:
            sample = f": {row['sample']}" if row["sample"] else ""
            yield f"  status {row['status']} ×{row['times']} first at {row['first']}{sample}"
    never = rows["never_seen"]
    if never:
        yield f"entries never seen ({len(never)}) — candidates for deprecation, never for reuse:"
        shown = ", ".join(str(r["code"]) for r in never[:LISTED])
        yield f"  {shown}{' …' if len(never) > LISTED else ''}"
    yield "drift found" if result.drift else "no drift"


def text(result: Result) -> str:
    """The terminal report."""
    return "\n".join(safe_line(line) for line in _text_lines(result)) + "\n"


def _md(value: Any) -> str:
    """A Markdown table cell. Evidence is shown as inline code (nothing in it is live
    markup: no HTML, no link, no emphasis); a pipe is escaped as GFM tables need,
    even inside code; line breaks become spaces."""
    if value is None:
        return ""
    if type(value) is int:
        return str(value)
    text = str(value)
    if not text:
        return ""
    text = text.replace("\r", " ").replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text.replace('|', chr(92) + '|')}{pad}{ticks}"


def markdown(result: Result) -> str:
    """``--format markdown``: tables for a pull request or an issue."""
    rows = _rows(result)
    out = [
        f"# Reconciliation of `{result.catalog.meta.id}`",
        "",
        _head(result).split(": ", 1)[1],
        "",
    ]

    def table(title: str, heads: list[str], body: list[list[Any]]) -> None:
        if not body:
            return
        out.extend([f"## {title}", "", "| " + " | ".join(heads) + " |"])
        out.append("|" + " --- |" * len(heads))
        out.extend("| " + " | ".join(_md(c) for c in row) + " |" for row in body[:LISTED])
        out.append("")

    table(
        "Codes sent that the catalog does not have",
        ["code", "times", "statuses", "first seen", "sample"],
        [
            [r["code"], r["times"], _statuses(r["statuses"]), r["first"], r["sample"]]
            for r in rows["unknown_codes"]
        ],
    )
    table(
        "Removed codes still sent",
        ["code", "times", "first seen"],
        [[r["code"], r["times"], r["first"]] for r in rows["removed_codes_sent"]],
    )
    table(
        "Statuses that differ from the catalog",
        ["code", "profile", "documented", "sent", "times"],
        [
            [r["code"], r["profile"], r["documented"], r["sent"], r["times"]]
            for r in rows["status_drift"]
        ],
    )
    table(
        "Envelopes that differ from the catalog",
        ["code", "declared", "sent", "times"],
        [[r["code"], r["declared"], r["sent"], r["times"]] for r in rows["envelope_drift"]],
    )
    table(
        "Messages that match no template or variant",
        ["code", "template", "message", "times"],
        [
            [r["code"], r["template"], m, n]
            for r in rows["unmatched_messages"]
            for m, n in r["messages"].items()
        ],
    )
    table(
        "Errors with no catalog code",
        ["status", "times", "first seen", "sample"],
        [[r["status"], r["times"], r["first"], r["sample"]] for r in rows["uncoded_errors"]],
    )
    table(
        "Entries never seen (candidates for deprecation, never for reuse)",
        ["code", "name", "module"],
        [[r["code"], r["name"], r["module"]] for r in rows["never_seen"]],
    )
    return "\n".join(out).rstrip() + "\n"


def render(result: Result, format: str) -> str:
    """The report in one of :data:`FORMATS`."""
    if format == "json":
        return json_report(result)
    if format == "markdown":
        return markdown(result)
    return text(result)
