"""Path parameters: the one click type of every argument and option that names a file or folder.

``Path("") == Path(".")``: an empty path argument, most often an unset shell
variable (``errdex check "$CATALOG"``), would silently check, rewrite or write
into the current folder. Every path parameter of the command line is a
:class:`PathParam`, which refuses an empty value before the command runs: a
usage error (exit 2) in the refusal format of :func:`errdex.cli.common.fail`
that names the parameter and says what to give instead::

    errdex check: the catalog path (PATHS) is empty (an unset shell variable?)
      = help: give a catalog file or folder, or . for the current folder

Any other value, ``-`` (standard input or output) included, is passed on as it
is: where a command takes ``-`` today it still does.
"""

from __future__ import annotations

import os
from typing import IO, Any

import click

CATALOG_HINT = "give a catalog file or folder, or . for the current folder"
"""The fix for an empty catalog path, the most common path parameter."""


class EmptyPath(click.UsageError):
    """Raised while click parses the command line when a path parameter is the empty string.

    Shown as ``errdex COMMAND: LABEL is empty (an unset shell variable?)`` and
    ``= help: HINT`` on stderr (the refusal format of every command), exit 2.
    """

    def __init__(self, label: str, hint: str, ctx: click.Context | None) -> None:
        super().__init__(f"{label} is empty (an unset shell variable?)", ctx)
        self.hint = hint

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the refusal (stderr unless ``file``), without click's usage banner."""
        click.echo(f"{_command_path(self.ctx)}: {self.message}", file=file, err=True)
        click.echo(f"  = help: {self.hint}", file=file, err=True)


class PathParam(click.Path):
    """A file or folder parameter that refuses the empty string (see the module docstring).

    ``what`` names the parameter for people (``"the catalog path"``; the refusal
    adds its metavar or option names), ``hint`` says what to give instead. The
    other keywords are :class:`click.Path`'s.
    """

    def __init__(self, what: str, hint: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.what = what
        self.hint = hint

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Refuse ``""`` (:class:`EmptyPath`); convert anything else as :class:`click.Path`."""
        if isinstance(value, str | bytes | os.PathLike) and not os.fspath(value):
            raise EmptyPath(f"{self.what} ({_name(param)})", self.hint, ctx)
        return super().convert(value, param, ctx)


def catalog_path(what: str = "the catalog path", hint: str = CATALOG_HINT) -> PathParam:
    """The type of a parameter naming a catalog to read (a file, a folder, or ``-``)."""
    return PathParam(what, hint)


def output_path(
    what: str, option: str = "-o", instead: str = "print to standard output", **kwargs: Any
) -> PathParam:
    """The type of an option naming a file to write; leaving ``option`` out does ``instead``."""
    return PathParam(what, f"give a file to write, or leave {option} out to {instead}", **kwargs)


def _name(param: click.Parameter | None) -> str:
    """How the user wrote the parameter: ``-o/--output`` for an option, ``PATH`` for an argument."""
    if param is None:
        return "a path"
    if isinstance(param, click.Option):
        return "/".join(sorted(param.opts, key=len))
    return param.human_readable_name


def _command_path(ctx: click.Context | None) -> str:
    """``errdex SUBCOMMAND…``, whatever name the root command was invoked under."""
    names: list[str] = []
    while ctx is not None and ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(["errdex", *reversed(names)])
