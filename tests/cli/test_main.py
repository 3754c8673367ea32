"""The ``errdex`` group: "did you mean" for a mistyped command, and one exit-code rule."""

from __future__ import annotations

import click
from cli_process import EXAMPLES, errdex
from click.testing import CliRunner

from errdex._version import __version__
from errdex.cli.main import COMMANDS, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, LazyGroup, cli


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = errdex("serch", "jwt")
    assert result.returncode == 2
    assert "did you mean 'search'" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_codes_follow_one_rule() -> None:
    assert errdex("explain", "1003", "--catalog-path", str(EXAMPLES)).returncode == 0
    assert errdex("explain", "987654", "--catalog-path", str(EXAMPLES)).returncode == 1
    assert errdex("search", "zzzqqq", "--catalog-path", str(EXAMPLES)).returncode == 1
    assert errdex("search", "x", "--limit", "0").returncode == 2
    assert errdex("export", "/nonexistent/errdex.toml").returncode == 2


def test_every_listed_command_imports_and_answers_help() -> None:
    group = LazyGroup()
    ctx = click.Context(cli)
    assert group.list_commands(ctx) == sorted(COMMANDS)
    for name in COMMANDS:
        command = group.get_command(ctx, name)
        assert isinstance(command, click.Command), name
        assert any(p.name == "color" for p in command.params), name  # one --color for all
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == EXIT_OK, (name, result.output)
    assert group.get_command(ctx, "nope") is None


def test_version_and_usage_errors_follow_the_exit_codes() -> None:
    assert CliRunner().invoke(cli, ["--version"]).output == f"errdex, version {__version__}\n"
    unknown = CliRunner().invoke(cli, ["exprt"])
    assert unknown.exit_code == EXIT_USAGE
    assert "no such command 'exprt'; did you mean 'export'?" in unknown.output
    assert (EXIT_OK, EXIT_FINDINGS, EXIT_USAGE) == (0, 1, 2)
