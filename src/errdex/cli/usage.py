"""Bad usage shown in the project's refusal format, not click's ``Usage: … Error: …`` banner.

Every refusal of the command line reads the same (docs/cli.md, "Diagnostics
and exit codes")::

    errdex search: invalid value for '--limit': 0 is not in the range 1<=x<=100
      = help: run 'errdex search --help' for the options

:func:`show` prints a click usage error (a bad option value, a missing
argument, an unknown option or command, an empty CODE) that way; the command
group calls it for every usage error, and the exit code stays click's (2).
An error that carries its own fix (``hint``, e.g. an empty path) shows that
fix instead of the pointer to ``--help``.
"""

from __future__ import annotations

import re

import click


def command_path(ctx: click.Context | None = None) -> str:
    """``errdex SUBCOMMAND…`` for ``ctx`` (default: the running command), whatever name the
    root command was invoked under; plain ``errdex`` outside any command."""
    if ctx is None:
        ctx = click.get_current_context(silent=True)
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["errdex", *reversed(names)])


def message_of(exc: click.UsageError) -> str:
    """Click's message for ``exc`` on one line, starting lower-case, without the final stop;
    an unknown option's close names as every other refusal gives them (``…; did you mean
    '--limit'?``), not click's ``. (Did you mean one of: …?)``."""
    if isinstance(exc, click.NoSuchOption):
        text = f"no such option {exc.option_name!r}"
        if exc.possibilities:
            text += "; did you mean " + " or ".join(map(repr, sorted(exc.possibilities))) + "?"
        return text
    text = " ".join(part.strip().rstrip(",") for part in exc.format_message().splitlines())
    text = re.sub(r"\s+", " ", text).strip().rstrip(".")
    text = text.replace(". Choose from: ", "; choose from: ")
    text = re.sub(r"(choose from: )(.*)$", lambda m: m[1] + m[2].replace(" ", ", "), text)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    return text


def show(exc: click.UsageError) -> None:
    """Print ``exc`` to stderr as ``errdex COMMAND: message`` and ``= help: fix``."""
    where = command_path(exc.ctx)
    hint = getattr(exc, "hint", None)
    if not hint:
        what = "the commands" if where == "errdex" else "the options"
        hint = f"run '{where} --help' for {what}"
    click.echo(f"{where}: {message_of(exc)}", err=True)
    click.echo(f"  = help: {hint}", err=True)
