"""An empty path is a usage error in every command (errdex.cli.paths), through the real entry point.

The cases are generated from the click command tree: every parameter of every
command (hidden ones too) whose type is a click path, so a command added later
with a plain ``click.Path()`` is run here and fails. Each run happens in a
temporary folder holding a catalog, which must be left exactly as it was: no file
written, none read (access times are set older than modification times first, so
that the file system records any read; Python is told not to list the folder for
imports, ``PYTHONSAFEPATH``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from cli_process import errdex

from catalogs import SHOP_FOLDER
from errdex.cli.main import cli
from errdex.cli.paths import PathParam

PATHISH = re.compile(r"(?:^|_)(?:paths?|file|filename|dir|directory|folder|output|sources?)$")
"""Parameter names that say "a file or folder" (``catalog_path``, ``out_dir``, not
``output_format``)."""
PATHISH_METAVAR = re.compile(r"PATH|FILE|DIR|FOLDER")
NOT_PATHS = {("reconcile", "field_paths")}
"""Parameters whose name looks like a path but is not one: ``--field ROLE=PATH`` is a JSON path."""


def _commands(
    group: click.Group, names: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    ctx = click.Context(group)
    yield names, group
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        if isinstance(command, click.Group):
            yield from _commands(command, (*names, name))
        else:
            yield (*names, name), command


COMMANDS = list(_commands(cli))
PATH_PARAMS = [
    (names, command, param)
    for names, command in COMMANDS
    for param in command.params
    if isinstance(param.type, click.Path)
]


def _invocation(command: click.Command, param: click.Parameter) -> tuple[list[str], str]:
    """The arguments that give ``param`` an empty value, and how the refusal must name it.

    Arguments before it get the catalog of the current folder (``.``): a command
    that did not refuse would read it.
    """
    if isinstance(param, click.Option):
        option = max(param.opts, key=len)
        return [option, ""], option
    before = []
    for other in command.params:
        if other is param:
            break
        if isinstance(other, click.Argument):
            before.append(".")
    return [*before, ""], param.human_readable_name


def _age(folder: Path) -> None:
    """Set every access time older than its modification time, so that a read updates it."""
    for path in [folder, *folder.rglob("*")]:
        st = path.stat()
        os.utime(path, ns=(st.st_mtime_ns - 10**10, st.st_mtime_ns))


def _state(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file and folder under ``folder``: access and modification times, content.

    Each is looked at before it is listed or read, and :func:`_age` runs again after, so
    taking the state does not change it.
    """
    state = {}
    pending = [folder]
    while pending:
        path = pending.pop()
        st = path.stat()
        data = path.read_bytes() if path.is_file() else b""
        if path.is_dir():
            pending.extend(path.iterdir())
        state[str(path.relative_to(folder))] = (st.st_atime_ns, st.st_mtime_ns, data)
    _age(folder)
    return state


@pytest.fixture
def catalog_here(tmp_path: Path) -> Path:
    """A folder holding a catalog (``errdex.toml`` and its modules), aged by :func:`_age`."""
    here = tmp_path / "here"
    shutil.copytree(SHOP_FOLDER, here)
    _age(here)
    return here


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return errdex(*args, cwd=cwd, env={"PYTHONSAFEPATH": "1"})


@pytest.mark.parametrize(
    ("names", "command", "param"),
    [pytest.param(*case, id=" ".join(case[0]) + ":" + case[2].name) for case in PATH_PARAMS],
)
def test_an_empty_path_is_refused_naming_the_parameter(
    names: tuple[str, ...], command: click.Command, param: click.Parameter, catalog_here: Path
) -> None:
    args, shown = _invocation(command, param)
    before = _state(catalog_here)
    result = _run(*names, *args, cwd=catalog_here)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    first, help_line = result.stderr.splitlines()
    assert first.startswith(f"errdex {' '.join(names)}: ")
    named, _, why = first.partition(" is empty ")
    assert shown in named.split("(")[-1]
    assert why == "(an unset shell variable?)"
    assert help_line.startswith("  = help: give ")
    assert _state(catalog_here) == before


def test_every_path_parameter_is_a_path_param() -> None:
    plain = [
        f"{' '.join(names)} {param.name}"
        for names, _, param in PATH_PARAMS
        if not isinstance(param.type, PathParam)
    ]
    assert plain == []


def test_every_parameter_named_like_a_path_takes_a_path() -> None:
    untyped = [
        (" ".join(names), param.name)
        for names, command in COMMANDS
        for param in command.params
        if (PATHISH.search(param.name or "") or PATHISH_METAVAR.search(param.metavar or ""))
        and not isinstance(param.type, click.Path)
        and not (isinstance(param, click.Option) and param.is_flag)
    ]
    assert set(untyped) == NOT_PATHS  # and every exemption still names a real parameter


def test_the_cases_cover_every_command_that_takes_a_path() -> None:
    covered = {names for names, _, _ in PATH_PARAMS}
    for command in ("check", "fmt", "import", "diff", "export", "search", "explain", "serve"):
        assert (command,) in covered
    assert ("conformance", "write") in covered  # hidden commands too
    assert ("i18n", "extract") in covered


def test_the_folder_check_sees_a_read_and_a_write(catalog_here: Path) -> None:
    """The untouched-folder check can fail: a command that reads the current folder changes
    its state, one that writes there too; a command that does neither does not."""
    before = _state(catalog_here)
    assert _run("--version", cwd=catalog_here).returncode == 0
    assert _state(catalog_here) == before
    assert _run("check", ".", cwd=catalog_here).returncode in (0, 1)
    read = _state(catalog_here)
    assert read != before
    assert {k: v[1:] for k, v in read.items()} == {k: v[1:] for k, v in before.items()}
    assert _run("schema", "-o", "schema.json", cwd=catalog_here).returncode == 0
    assert "schema.json" in _state(catalog_here)


@pytest.mark.parametrize(
    "args",
    [
        ["check", ".", ""],  # one empty path among good ones
        ["export", ".", "--output="],  # --option=VALUE
        ["export", ".", "-o", ""],  # the short option
        ["search", "--catalog-path", ".", "--catalog-path", "", "jwt"],  # a repeated option
    ],
)
def test_every_way_of_writing_an_empty_path_is_refused(args: list[str], catalog_here: Path) -> None:
    before = _state(catalog_here)
    result = _run(*args, cwd=catalog_here)
    assert result.returncode == 2
    assert "is empty (an unset shell variable?)" in result.stderr
    assert _state(catalog_here) == before


def test_dash_still_reads_standard_input(catalog_here: Path) -> None:
    text = (catalog_here / "errdex.toml").read_bytes()
    result = errdex("export", "-", stdin=text, cwd=catalog_here)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{")
