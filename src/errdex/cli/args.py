"""Command-line habits: negative codes as plain arguments, and "did you mean" for commands.

JSON-RPC codes are negative (``-32000``), and people type them as they read
them: ``errdex explain -32000``. Click would take ``-32000`` for an option
and fail with ``No such option: -3``. :func:`numbers_as_arguments` reorders
a command's arguments so that every negative number (decimal or hex) that is
not the value of an option comes after ``--``, where click reads it as an
argument; options keep their order and their values.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

import click

NEGATIVE = re.compile(r"-(?:0[xX][0-9a-fA-F_]+|[0-9][0-9_]*)")
"""A negative code as people write it: ``-32000``, ``-0x7D00``."""


def _value_options(command: click.Command) -> dict[str, int]:
    """Option name → how many values follow it, for the options that take values."""
    out: dict[str, int] = {}
    for param in command.params:
        if isinstance(param, click.Option) and not param.is_flag and not param.count:
            for name in (*param.opts, *param.secondary_opts):
                out[name] = max(1, param.nargs)
    return out


def numbers_as_arguments(command: click.Command, args: Iterable[str]) -> list[str]:
    """Return ``args`` with every negative number that is not an option's value moved behind
    ``--`` (with the other arguments), so that click reads it as an argument."""
    args = list(args)
    if "--" in args or not any(NEGATIVE.fullmatch(a) for a in args):
        return args
    if any(NEGATIVE.fullmatch(name) for p in command.params for name in getattr(p, "opts", ())):
        return args  # the command has an option that looks like a number (none does today)
    takes = _value_options(command)
    options: list[str] = []
    arguments: list[str] = []
    pending = 0
    for arg in args:
        if pending:
            options.append(arg)
            pending -= 1
        elif NEGATIVE.fullmatch(arg) or not arg.startswith("-") or arg == "-":
            arguments.append(arg)
        else:
            options.append(arg)
            if "=" not in arg:
                pending = takes.get(arg, 0)
    return [*options, "--", *arguments] if arguments else options


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """The usage error text for an unknown command, with the closest known ones."""
    close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
    message = f"no such command {name!r}"
    if close:
        message += "; did you mean " + " or ".join(repr(c) for c in close) + "?"
    return message
