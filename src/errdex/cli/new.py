"""``errdex new PATH --module M --name N --message ...``: add an entry with the next free code.

The code comes from :func:`errdex.model.allocate.allocate` (next after the
module's highest, never a tombstone, never a code another space holds), the
edit from :func:`errdex.io.edit.append_entry` (appended after the module's
last entry, every other byte of the file unchanged), the write from
:func:`errdex.cli.common.write_atomic`.

``errdex new - …`` edits the catalog read from standard input and, as ``errdex
fmt -`` does, prints the whole updated catalog on stdout (the report, naming
``<stdin>``, goes to stderr); nothing is written. ``--format json`` then gives
the updated text as ``toml``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

import click

from errdex.cli.common import fail, load_or_exit, save
from errdex.cli.output import format_option, write_json
from errdex.cli.paths import catalog_path
from errdex.cli.stdin import STDIN, display
from errdex.io.edit import EditError, LockTimeout, append_entry, catalog_lock
from errdex.io.source import display_path
from errdex.model.allocate import AllocationError, allocate, check_name


@click.command()
@click.argument("path", type=catalog_path())
@click.option("--module", "-m", "module", required=True, help="Module of the new entry.")
@click.option("--name", "-n", "name", required=True, help="Identifier, unique in the catalog.")
@click.option("--message", required=True, help="Short message template ({placeholders} allowed).")
@click.option("--title", help="Stable short title.")
@click.option("--description", help="What happened (Markdown).")
@click.option("--solution", help="What to do (Markdown).")
@click.option(
    "--http-status", type=click.IntRange(100, 599), help="HTTP status the error is sent with."
)
@click.option("--jsonrpc-code", type=int, help="JSON-RPC error code the error is sent with.")
@click.option("--retryable/--no-retryable", default=None, help="Whether a client may retry.")
@click.option("--since", help="Version the code appears in.")
@click.option("--space", help="Code space, when not the module's.")
@click.option("--code", help="Use this code instead of the next free one (must be free).")
@click.option("--dry-run", is_flag=True, help="Print the new entry; write nothing.")
@format_option
def new(
    path: str,
    module: str,
    name: str,
    message: str,
    title: str | None,
    description: str | None,
    solution: str | None,
    http_status: int | None,
    jsonrpc_code: int | None,
    retryable: bool | None,
    since: str | None,
    space: str | None,
    code: str | None,
    dry_run: bool,
    output_format: str,
) -> None:
    """Add an error to the catalog at PATH with the module's next free code.

    The entry is appended after the module's last entry; comments and layout
    of the file are kept. Prints the code it allocated.
    """
    with _locked(path):
        catalog = load_or_exit(path)
        try:
            check_name(catalog, name)
            chosen = allocate(catalog, module, space=space, code=code)
        except AllocationError as exc:
            fail("new", exc.message, exc.hint)
        values: dict[str, Any] = {
            "code": chosen.code,
            "name": name,
            "space": space if space and space != chosen.module.space else None,
            "title": title,
            "message": message,
            "description": description,
            "solution": solution,
            "http_status": http_status,
            "jsonrpc_code": jsonrpc_code,
            "retryable": retryable,
            "since": since,
        }
        try:
            edit = append_entry(
                catalog, chosen.module.id, {k: v for k, v in values.items() if v is not None}
            )
        except EditError as exc:
            fail("new", exc.message, exc.hint)
        piped = path == STDIN  # the updated catalog goes to stdout, as `fmt -` prints it
        shown = display(display_path(edit.path))
        where = f"{shown}:{edit.line}"
        if output_format == "json":
            if not dry_run and not piped:
                save("new", edit.path, edit.after.encode("utf-8"))
            write_json(
                {
                    "code": chosen.code,
                    "name": name,
                    "module": chosen.module.id,
                    "path": shown,
                    "line": edit.line,
                    "written": not dry_run and not piped,
                    "entry": edit.added,
                    "toml": edit.after if piped and not dry_run else None,
                }
            )
            return
        if dry_run:
            click.echo(f"# would add {chosen.code} to {where}")
            click.echo(edit.added, nl=False)
            return
        if piped:
            sys.stdout.write(edit.after)
        else:
            save("new", edit.path, edit.after.encode("utf-8"))
            click.echo(f"{chosen.code}", nl=True)
        click.echo(f"added {chosen.code} ({name}) to {where}", err=True)


@contextlib.contextmanager
def _locked(path: str) -> Iterator[None]:
    """Hold the catalog's edit lock (:func:`errdex.io.edit.catalog_lock`), or exit 2."""
    if not os.path.lexists(path):  # loading reports it
        yield
        return
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(catalog_lock(path))
        except LockTimeout as exc:
            fail("new", exc.message, exc.hint)
        except OSError as exc:
            fail("new", f"cannot lock {path}: {exc.strerror or exc}", "check it is writable")
        yield
