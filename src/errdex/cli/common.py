"""Helpers shared by commands: loading catalogs with clean errors, refusals, atomic writes."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

import click

from errdex.io import Diagnostic, read_valid, refusals
from errdex.model import Catalog


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    """Print diagnostics to stderr as ``file:line:col: severity RULE: message`` plus hint."""
    from errdex.cli.stdin import display

    for d in diagnostics:
        line = f"{d.location}: {d.severity} {d.rule.id} [{d.rule.slug}]: {d.message}"
        click.echo(display(line), err=True)
        if d.hint:
            click.echo(f"  hint: {d.hint}", err=True)


def load_or_exit(path: str | Path) -> Catalog:
    """Load a catalog for a command that needs a usable one (``-``: standard input);
    exit 2 with diagnostics if not."""
    from errdex.cli.stdin import resolve

    shown = path
    path = resolve(str(path))
    catalog, diagnostics = read_valid(path)
    if catalog is None or refusals(diagnostics):
        print_diagnostics(
            refusals(diagnostics) or [d for d in diagnostics if d.severity == "error"]
        )
        click.echo(
            f"errdex: cannot load {shown}: fix the errors above (errdex check {shown})", err=True
        )
        sys.exit(2)
    return catalog


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader never sees a half-written file, and a failed write leaves the old
    file as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def fail(command: str, message: str, hint: str | None = None) -> NoReturn:
    """Refuse: print ``errdex COMMAND: message`` and the hint to stderr, exit 2."""
    click.echo(f"errdex {command}: {message}", err=True)
    if hint:
        click.echo(f"  hint: {hint}", err=True)
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
