"""GitHub Actions workflow commands: one ``::error file=…,line=…,col=…,title=…::message`` per line.

GitHub shows them as annotations on the pull request's files. Property values
escape ``%``, CR, LF, ``:`` and ``,``; the message escapes ``%``, CR and LF.
"""

from __future__ import annotations

from errdex.check.engine import CheckResult
from errdex.check.output.fold import Folded, fold
from errdex.io import Diagnostic
from errdex.io.terminal import safe

_LEVELS = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(safe(text)).replace(":", "%3A").replace(",", "%2C")


def command(d: Diagnostic) -> str:
    """One diagnostic as a workflow command."""
    props = []
    if d.file is not None:
        props.append(f"file={escape_property(d.file.replace(chr(92), '/'))}")
        if d.line:
            props.append(f"line={d.line}")
            props.append(f"col={d.col}")
    props.append(f"title={escape_property(f'{d.rule.id} {d.rule.slug}')}")
    message = d.message + (f"\nhelp: {d.hint}" if d.hint else "")
    level = _LEVELS.get(d.severity, "warning")
    return f"::{level} {','.join(props)}::{escape_data(safe(message))}"


def folded_command(f: Folded) -> str:
    """The workflow command standing for a group's folded repeats (on the file, no line)."""
    d = f.first
    props = [f"file={escape_property(d.file.replace(chr(92), '/'))}"] if d.file else []
    props.append(f"title={escape_property(f'{d.rule.id} {d.rule.slug}')}")
    message = f.message + (f"\nhelp: {d.hint}" if d.hint else "")
    level = _LEVELS.get(d.severity, "warning")
    return f"::{level} {','.join(props)}::{escape_data(safe(message))}"


def github(result: CheckResult, **_: object) -> str:
    """Every diagnostic as a workflow command, in file order (a backlog's repeats folded,
    :mod:`errdex.check.output.fold`: GitHub shows only the first annotations anyway)."""
    from errdex.check.output import ordered

    return "".join(
        (folded_command(d) if isinstance(d, Folded) else command(d)) + "\n"
        for d in fold(ordered(result.diagnostics))
    )
