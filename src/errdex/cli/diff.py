"""``errdex diff OLD NEW``: classify the changes between two versions of a catalog.

Each side is a catalog path or ``git:REF[:PATH]``. Exit 0 when nothing breaks
(or every breaking change is allowed in the new catalog's ``[[compat.allow]]``),
1 on a breaking change, 2 when a side cannot be read.
"""

from __future__ import annotations

import sys

import click

from errdex.check.compat import FORMATS, SideError, diff, read_sides, render, unknown_allows
from errdex.cli import stdin
from errdex.cli.common import fail, print_diagnostics, save
from errdex.cli.one_catalog import one_catalog
from errdex.cli.output import json_alias
from errdex.cli.paths import catalog_path, output_path
from errdex.io import has_errors
from errdex.io.load import validated

SIDE_HINT = "give a catalog file or folder, git:REF[:PATH], or . for the current folder"
"""The fix for an empty OLD or NEW."""


@click.command()
@json_alias("fmt")
@click.argument("old", type=catalog_path("the old catalog", SIDE_HINT))
@click.argument("new", type=catalog_path("the new catalog", SIDE_HINT))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text; json; github (workflow annotations); markdown (release note, PR comment).",
)
@click.option(
    "-o",
    "--output",
    type=output_path("the report file", dir_okay=False),
    help="Write the report to this file instead of stdout (the exit code is the same).",
)
def diff_command(old: str, new: str, fmt: str, output: str | None) -> None:
    """Compare catalog OLD with catalog NEW and report what changed and what breaks.

    OLD and NEW are catalog files or folders, or git revisions written
    git:REF[:PATH] (read with git, no checkout; PATH defaults to the other
    side's path), e.g.:

        errdex diff git:origin/main examples/csghub
    """
    try:
        old, new = one_catalog(old), one_catalog(new)
        old_side, new_side = read_sides(stdin.resolve(old), stdin.resolve(new))
    except SideError as exc:
        fail("diff", exc.message, exc.hint)
    unreadable = False
    for side, which in ((old_side, "OLD"), (new_side, "NEW")):
        diagnostics = list(side.diagnostics)
        if which == "NEW":  # the old side may be invalid (it is history); the new one may not
            diagnostics = validated(side.catalog, diagnostics)[1]
        if side.catalog is None or has_errors(diagnostics):
            print_diagnostics([d for d in diagnostics if d.severity == "error"])
            click.echo(
                stdin.display(f"errdex diff: cannot load {which} catalog {side.label}"), err=True
            )
            click.echo("  = help: fix the errors above", err=True)
            unreadable = True
    if unreadable:
        sys.exit(2)
    assert old_side.catalog is not None and new_side.catalog is not None
    print_diagnostics(unknown_allows(new_side.catalog))
    report = diff(
        old_side.catalog, new_side.catalog, old_label=old_side.label, new_label=new_side.label
    )
    text = stdin.display(render(report, fmt))  # a side read from - is <stdin>
    if output:
        save("diff", output, text.encode())
    else:
        click.echo(text, nl=False)
    sys.exit(report.exit_code)
