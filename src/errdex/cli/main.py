"""The ``errdex`` command group and its exit-code contract.

Exit codes: 0 fine, 1 findings (a failed check, a breaking change, a stale
file), 2 the command could not run (bad usage, unreadable input). A problem
with the input is printed as ``file:line:col: message`` with a hint, never as
a traceback. A usage error is shown in the same refusal format as every other
(:mod:`errdex.cli.usage`), and output closed early by its reader exits quietly
with 141 (:mod:`errdex.cli.pipe`); the group does both, once, for every command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from errdex._version import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

COMMANDS = {
    "check": "errdex.cli.check:check",
    "conformance": "errdex.cli.conformance:conformance",
    "fmt": "errdex.cli.fmt:fmt",
    "export": "errdex.cli.export:export",
    "schema": "errdex.cli.schema:schema",
    "hash": "errdex.cli.hash:hash_command",
    "diff": "errdex.cli.diff:diff_command",
    "new": "errdex.cli.new:new",
    "i18n": "errdex.cli.i18n:i18n",
    "scan": "errdex.cli.scan:scan",
    "gen": "errdex.cli.gen:gen",
    "build": "errdex.cli.build:build",
    "import": "errdex.cli.import_:import_command",
    "explain": "errdex.cli.explain:explain",
    "search": "errdex.cli.search:search",
    "serve": "errdex.cli.serve:serve",
    "completion": "errdex.cli.completion:completion",
    "verify": "errdex.cli.verify:verify",
    "reconcile": "errdex.cli.reconcile:reconcile",
}
"""Command name → ``module:attribute``; modules are imported only when their command runs."""


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        import importlib

        from errdex.cli.args import suggest_choices
        from errdex.cli.output import COLOR_OPTION

        command: click.Command = getattr(importlib.import_module(module_name), attr)
        if not any(p.name == "color" for p in command.params):
            command.params.append(COLOR_OPTION)  # one --color for every command
            suggest_choices(command)  # "did you mean" for every mistyped choice value
        return command

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a reader that closed the output early ends it quietly (141)."""
        from errdex.cli import pipe

        try:
            try:
                return super().invoke(ctx)
            finally:
                pipe.flush()  # what is still buffered fails here, not at interpreter exit
        except BrokenPipeError:
            pipe.closed()

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Click's main, with usage errors in errdex's refusal format (exit 2 still)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        from errdex.cli import usage
        from errdex.cli.args import suggest_choices

        suggest_choices(self)  # the group's own --color too

        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # bare `errdex`: the help, as before
            exc.show()
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            usage.show(exc)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """Find the command; suggest close names for a typo; let negative codes be arguments."""
        from errdex.cli.args import did_you_mean, numbers_as_arguments

        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            raise click.UsageError(did_you_mean(name, self.list_commands(ctx)), ctx)
        found, command, rest = super().resolve_command(ctx, args)
        if command is not None and not isinstance(command, click.Group):
            rest = numbers_as_arguments(command, rest)
        return found, command, rest


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="errdex")
@click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default=None,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, param, value: _apply_color(value),
    help="Colour the output: auto (on a terminal), always, never.",
)
def cli() -> None:
    """errdex: one catalog of error codes for all of a team's services."""


def _apply_color(value: str | None) -> None:
    from errdex.cli.output import apply_color

    apply_color(value)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; usage errors exit 2 (click's convention matches ours)."""
    try:
        cli.main(args=argv, prog_name="errdex", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
