"""Print a diff report: plain text, JSON, GitHub workflow annotations, or Markdown.

* ``text`` — one ``file:line:col: severity kind: message`` line per change,
  with a hint for each failing breaking change, then the shifts and a count.
* ``json`` — ``{"old", "new", "summary", "failing", "changes", "shifts"}``.
* ``github`` — ``::error`` for a failing breaking change, ``::notice`` for an
  allowed one, ``::warning`` for a notice; compatible changes are counted only.
* ``markdown`` — a release note or PR comment: Breaking, Notices and
  Compatible sections, each a table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from errdex.check.compat.change import Change, Report

FORMATS = ("text", "json", "github", "markdown")


def render(report: Report, format: str = "text") -> str:
    """Return the report in ``format`` (one of :data:`FORMATS`), ending with a newline."""
    return _RENDERERS[format](report)


def _summary(report: Report) -> str:
    counts = report.counts()
    if not report.changes:
        return "no changes"
    allowed = f" ({counts['allowed']} allowed)" if counts["allowed"] else ""
    notices = "notice" if counts["notice"] == 1 else "notices"
    return (
        f"{counts['breaking']} breaking{allowed}, {counts['notice']} {notices}, "
        f"{counts['compatible']} compatible"
    )


def allow_snippet(change: Change) -> str:
    """The ``[[compat.allow]]`` table (TOML) that would accept ``change``."""
    code = change.code if type(change.code) is int else f'"{change.code}"'
    return f'[[compat.allow]]\ncode = {code}\nchange = "{change.kind.id}"\nreason = "..."'


# -- text ---------------------------------------------------------------------------


def to_text(report: Report) -> str:
    """Plain text for a terminal."""
    lines = [f"errdex diff {report.old_label} -> {report.new_label}"]
    hinted: set[str] = set()
    for c in report.changes:
        status = f" (allowed: {c.allowed})" if c.allowed is not None else ""
        lines.append(f"{c.location}: {c.severity} {c.kind.id}{status}: {c.message}")
        if c.is_failing and c.kind.id not in hinted:  # one hint per kind is enough
            hinted.add(c.kind.id)
            lines.append(f"  hint: {c.kind.hint}; or accept it in the new catalog's main file:")
            lines += [f"    {line}" for line in allow_snippet(c).splitlines()]
    lines += [f"shift: {s.message}" for s in report.shifts]
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


# -- json ---------------------------------------------------------------------------


def to_data(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data."""
    return {
        "old": report.old_label,
        "new": report.new_label,
        "summary": report.counts(),
        "failing": len(report.failing),
        "changes": [c.to_dict() for c in report.changes],
        "shifts": [s.to_dict() for s in report.shifts],
    }


def to_json(report: Report) -> str:
    """Indented JSON."""
    import orjson

    return orjson.dumps(to_data(report), option=orjson.OPT_INDENT_2).decode() + "\n"


# -- GitHub annotations -------------------------------------------------------------


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, c: Change, text: str) -> str:
    props = []
    file = c.file
    if c.source is not None and c.source.path is not None and file and not file.startswith("git:"):
        line, col = c.position
        props.append(f"file={_escape_property(file)}")
        if line:
            props += [f"line={line}", f"col={col}"]
    props.append(f"title={_escape_property(f'errdex diff: {c.kind.id} {c.code}')}")
    return f"::{level} {','.join(props)}::{_escape_data(text)}"


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: failing breaking changes are errors.

    Changes found only on a ``git:`` side (a deleted code) carry no ``file=``:
    that file is not in the checked-out tree; the message names the place.
    """
    lines = []
    for c in report.changes:
        where = f" ({c.location})" if c.file and c.file.startswith("git:") else ""
        if c.is_failing:
            lines.append(_annotation("error", c, f"{c.message}{where}. Fix: {c.kind.hint}."))
        elif c.allowed is not None:
            lines.append(_annotation("notice", c, f"{c.message}{where} (allowed: {c.allowed})"))
        elif c.severity == "notice":
            lines.append(_annotation("warning", c, f"{c.message}{where}"))
    title = _escape_property("errdex diff: shift")
    lines += [f"::notice title={title}::{_escape_data(s.message)}" for s in report.shifts]
    lines.append(f"errdex diff {report.old_label} -> {report.new_label}: {_summary(report)}")
    return "\n".join(lines) + "\n"


# -- Markdown -----------------------------------------------------------------------


def _cell(text: object) -> str:
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _code_cell(value: object) -> str:
    if value is None or value == "":
        return ""
    return f"`{_cell(value).replace('`', '')}`"


def _table(changes: list[Change], *, breaking: bool) -> list[str]:
    head = (
        "| | Code | Name | Change | What changed | Where |"
        if breaking
        else ("| Code | Name | Change | What changed | Where |")
    )
    rule = "|---|---|---|---|---|---|" if breaking else "|---|---|---|---|---|"
    rows = [head, rule]
    for c in changes:
        text = _cell(c.message)
        if c.allowed is not None:
            text += f" — allowed: {_cell(c.allowed)}"
        cells = [
            _code_cell(c.code),
            _code_cell(c.name),
            f"`{c.kind.id}`",
            text,
            _code_cell(c.location),
        ]
        if breaking:
            cells.insert(0, "allowed" if c.allowed is not None else "**breaking**")
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def to_markdown(report: Report) -> str:
    """A release note or PR comment: a summary line, then one table per severity."""
    out = [
        f"## errdex diff: `{_cell(report.old_label)}` → `{_cell(report.new_label)}`",
        "",
    ]
    if not report.changes:
        out.append("No changes to the error catalog.")
        return "\n".join(out) + "\n"
    failing = len(report.failing)
    verdict = (
        f"**{failing} breaking change{'s' if failing != 1 else ''} not allowed.**"
        if failing
        else "No breaking change left unallowed."
    )
    out += [f"{verdict} {_summary(report).capitalize()}.", ""]
    sections = (("Breaking", "breaking"), ("Notices", "notice"), ("Compatible", "compatible"))
    for title, severity in sections:
        changes = report.of(severity)
        if not changes:
            continue
        out += [f"### {title}", ""]
        if severity == "breaking":
            out += [f"> {_cell(s.message)}" for s in report.shifts]
            if report.shifts:
                out.append("")
        table = _table(changes, breaking=severity == "breaking")
        if severity == "compatible" and len(changes) > 20:
            summary = f"<summary>{len(changes)} compatible changes</summary>"
            out += ["<details>", summary, "", *table, "", "</details>", ""]
        else:
            out += [*table, ""]
    if failing:
        out += [
            "Each breaking change can be accepted with a reason in the new catalog "
            "(`[[compat.allow]]` with `code`, `change` = the kind shown, `reason`); see "
            "docs/compatibility.md.",
            "",
        ]
    return "\n".join(out).rstrip("\n") + "\n"


_RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": to_text,
    "json": to_json,
    "github": to_github,
    "markdown": to_markdown,
}
