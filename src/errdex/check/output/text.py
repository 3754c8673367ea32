"""The human report: ``file:line:col: severity[RULE slug]: message``, line, caret, hint."""

from __future__ import annotations

from errdex.check.engine import CheckResult
from errdex.check.output.fold import Folded, fold, hidden
from errdex.io import Diagnostic
from errdex.io.terminal import clip, safe_line

SOURCE_WIDTH = 200
"""At most this many characters of a source line are echoed, centred on the column."""

_COLORS = {"error": "red", "warning": "yellow", "note": "cyan"}


def _style(text: str, color: bool, **styles: object) -> str:
    if not color:
        return text
    import click

    return click.style(text, **styles)  # type: ignore[arg-type]


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    if text.isascii():
        return len(text)
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)


def _window(source: str, col: int) -> tuple[str, int]:
    """At most :data:`SOURCE_WIDTH` characters of a line around ``col``, and the new column."""
    if len(source) <= SOURCE_WIDTH:
        return source, col
    shown = clip(source, SOURCE_WIDTH, around=max(col - 1, 0))
    start = max(0, min(col - 1 - SOURCE_WIDTH // 2, len(source) - SOURCE_WIDTH))
    return shown, col - start + (1 if start > 0 else 0)


def render_one(d: Diagnostic, color: bool = False) -> str:
    """One diagnostic as a few lines of text."""
    head = _style(f"{safe_line(d.location)}:", color, bold=True)
    severity = _style(
        f"{d.severity}[{d.rule.id} {d.rule.slug}]", color, fg=_COLORS.get(d.severity), bold=True
    )
    lines = [f"{head} {severity}: {safe_line(d.message)}"]
    source = d.source_line
    if source is not None:
        source, col = _window(source, d.col)
        number = str(d.line)
        gutter = " " * len(number)
        shown = source.expandtabs(4) if "\t" not in source[:col] else source.replace("\t", " ")
        lines.append(_style(f" {number} | ", color, fg="blue") + safe_line(shown))
        caret = _style("^", color, fg=_COLORS.get(d.severity), bold=True)
        pad = " " * _width(safe_line(source[: max(col - 1, 0)].replace("\t", " ")))
        lines.append(_style(f" {gutter} | ", color, fg="blue") + pad + caret)
    if d.hint:
        lines.append(_style("  = help: ", color, bold=True) + safe_line(d.hint))
    return "\n".join(lines)


def render_folded(f: Folded, color: bool = False) -> str:
    """The line standing for a group's folded repeats, with the group's fix."""
    d = f.first
    head = _style(f"{safe_line(d.file or '<catalog>')}:", color, bold=True)
    severity = _style(
        f"{d.severity}[{d.rule.id} {d.rule.slug}]", color, fg=_COLORS.get(d.severity), bold=True
    )
    lines = [f"{head} {severity}: {f.message}"]
    if d.hint:
        lines.append(_style("  = help: ", color, bold=True) + safe_line(d.hint))
    return "\n".join(lines)


def summary(result: CheckResult, folded: int = 0) -> str:
    """The closing line: how many catalogs were checked and what was found (every
    finding counts, folded or not)."""
    parts = []
    for severity in ("error", "warning", "note"):
        n = result.count(severity)
        parts.append(f"{n:,} {severity}{'' if n == 1 else 's'}")
    catalogs = f"{result.catalogs} catalog{'' if result.catalogs == 1 else 's'}"
    line = f"checked {catalogs}: " + ", ".join(parts)
    if folded:
        line += f" ({folded:,} repeated missing translations folded; --format json lists all)"
    return line


def text(result: CheckResult, *, color: bool = False) -> str:
    """The whole report, diagnostics in file order (a backlog's repeats folded,
    :mod:`errdex.check.output.fold`), then the summary line."""
    from errdex.check.output import ordered

    shown = fold(ordered(result.diagnostics))
    blocks = [
        render_folded(d, color) if isinstance(d, Folded) else render_one(d, color) for d in shown
    ]
    blocks.append(summary(result, hidden(shown)))
    return "\n\n".join(blocks) + "\n"
