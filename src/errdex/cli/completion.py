"""``errdex completion bash|zsh|fish``: print the shell completion script for errdex.

Add ``eval "$(errdex completion bash)"`` to ``~/.bashrc`` (``zsh``: ``~/.zshrc``;
fish: ``errdex completion fish > ~/.config/fish/completions/errdex.fish``).
Commands, options and choices complete; the script asks errdex itself
(click's shell completion, through ``_ERRDEX_COMPLETE``).
"""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")


@click.command("completion")
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL (bash, zsh or fish) to add to its startup file."""
    from errdex.cli.main import cli

    cls = get_completion_class(shell)
    assert cls is not None  # every name of SHELLS is one click knows
    click.echo(cls(cli, {}, "errdex", "_ERRDEX_COMPLETE").source())
