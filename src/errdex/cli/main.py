"""The ``errdex`` command group and its exit-code contract.

Exit codes: 0 fine, 1 findings (a failed check, a breaking change, a stale
file), 2 the command could not run (bad usage, unreadable input). A problem
with the input is printed as ``file:line:col: message`` with a hint, never as
a traceback.
"""

from __future__ import annotations

import sys

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

        command: click.Command | None = getattr(importlib.import_module(module_name), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="errdex")
def cli() -> None:
    """errdex: one catalog of error codes for all of a team's services."""


def main(argv: list[str] | None = None) -> None:
    """Run the command line; usage errors exit 2 (click's convention matches ours)."""
    try:
        cli.main(args=argv, prog_name="errdex", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)
