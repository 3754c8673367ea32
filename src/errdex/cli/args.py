"""Command-line habits: negative codes as plain arguments, and "did you mean" for commands
and for the values of choice options.

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


def close_choices(value: str, choices: Iterable[str]) -> list[str]:
    """The known choices closest to a mistyped ``value`` (at most three, best first)."""
    return difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)


class SuggestingChoice(click.Choice):  # type: ignore[type-arg]
    """A :class:`click.Choice` whose refusal of a mistyped value names the closest choices:
    ``'mardown' is not one of 'json', 'markdown' …; did you mean 'markdown'?``."""

    def get_invalid_choice_message(self, value: object, ctx: click.Context | None) -> str:
        """Click's message, with "did you mean" when a choice is close to ``value``."""
        message = super().get_invalid_choice_message(value, ctx)
        close = close_choices(str(value), [str(c) for c in self.choices])
        if close:
            message = message.rstrip(".") + "; did you mean " + " or ".join(map(repr, close)) + "?"
        return message


def suggest_choices(command: click.Command) -> None:
    """Make every choice option and argument of ``command`` (and of its subcommands) a
    :class:`SuggestingChoice`, so that every mistyped value gets "did you mean"."""
    for param in command.params:
        kind = param.type
        if isinstance(kind, click.Choice) and not isinstance(kind, SuggestingChoice):
            param.type = SuggestingChoice(kind.choices, case_sensitive=kind.case_sensitive)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            suggest_choices(sub)
