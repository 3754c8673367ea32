"""Helpers shared by commands: loading catalogs with clean errors, refusals, atomic writes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

from errdex.io import Diagnostic, read_valid, refusals
from errdex.io.confine import Escape, confine
from errdex.io.confine import write_atomic as _write_atomic
from errdex.model import Catalog


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    """Print diagnostics to stderr in ``errdex check``'s format, one block each.

    Every command reports a diagnostic the same way: ``file:line:col:
    severity[RULE slug]: message``, the source line with a caret when the file
    is known, and ``= help:`` with the hint (:func:`errdex.check.output.text.render_one`);
    coloured by the colour rule for stderr.
    """
    if not diagnostics:
        return
    from errdex.check.output.text import render_one
    from errdex.cli.output import color_enabled
    from errdex.cli.stdin import display

    color = color_enabled(sys.stderr)
    click.echo(display("\n\n".join(render_one(d, color) for d in diagnostics)), err=True)


def load_or_exit(path: str | Path, *, show_progress: bool = False) -> Catalog:
    """Load a catalog for a command that needs a usable one (``-``: standard input);
    exit 2 with diagnostics if not. ``show_progress``: a long read shows a progress bar
    (see :func:`errdex.cli.output.progress`), gone before any diagnostic is printed."""
    from errdex.cli.output import progress
    from errdex.cli.stdin import resolve

    given = str(path)
    shown = "<stdin>" if given == "-" else given
    path = resolve(given)
    with progress(f"Reading {shown}", show=show_progress):
        catalog, diagnostics = read_valid(path)
    if catalog is None or refusals(diagnostics):
        print_diagnostics(
            refusals(diagnostics) or [d for d in diagnostics if d.severity == "error"]
        )
        refuse(f"cannot load {shown}", f"fix the errors above (errdex check {given})")
    return catalog


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`errdex.io.confine.write_atomic`)."""
    _write_atomic(path, data)


def say(message: str, hint: str | None = None) -> None:
    """Print ``errdex COMMAND: message`` (the running command, e.g. ``errdex i18n update``)
    and the hint as ``= help:`` to stderr: the one form of a line with no place in a file."""
    from errdex.cli.usage import command_path

    click.echo(f"{command_path()}: {message}", err=True)
    if hint:
        click.echo(f"  = help: {hint}", err=True)


def refuse(message: str, hint: str | None = None) -> NoReturn:
    """Refuse: :func:`say` the message and its fix, exit 2."""
    say(message, hint)
    sys.exit(2)


def refuse_text(text: str, hint: str | None = None) -> NoReturn:
    """Refuse with ``text`` written as "what; how to fix it" (the form of the errors lower
    layers raise): the part after the first ``; `` becomes the ``= help:`` (else ``hint``)."""
    what, _, fix = text.partition("; ")
    refuse(what, fix or hint)


def fail(command: str, message: str, hint: str | None = None) -> NoReturn:
    """Refuse: print ``errdex COMMAND: message`` and the hint to stderr, exit 2."""
    click.echo(f"errdex {command}: {message}", err=True)
    if hint:
        click.echo(f"  = help: {hint}", err=True)
    sys.exit(2)


def save(command: str, path: str | Path, data: bytes) -> None:
    """:func:`write_atomic`, or exit 2 naming the file when it cannot be written."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        fail(
            command,
            f"cannot write {path}: {exc.strerror or exc}",
            "check that the folder exists and is writable",
        )


def inside(command: str, root: str | Path, name: str | Path) -> Path:
    """``root / name`` confined to ``root`` (:func:`errdex.io.confine.confine`), or exit 2."""
    try:
        return confine(root, name)
    except Escape as exc:
        fail(
            command,
            f"refusing to write {exc.name!r}: {exc.why}",
            f"every file errdex writes must lie inside {root}",
        )
