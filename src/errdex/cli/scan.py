"""``errdex scan SRC... --catalog PATH``: codes raised in source vs codes in the catalog.

Exit 0 when source and catalog agree, 1 on findings (an undocumented, unused,
swapped or tombstoned code), 2 when the catalog cannot be loaded or a SRC
does not exist. ``-`` is standard input, as the catalog or as one source (named
by ``--stdin-filename``, default ``stdin.py``); diagnostics call it ``<stdin>``.
See :mod:`errdex.check.scan`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from errdex.check.engine import CheckResult
from errdex.check.output import FORMATS, ordered
from errdex.check.output.text import render_one
from errdex.check.scan import scan as scan_sources
from errdex.cli.common import load_or_exit, refuse
from errdex.cli.output import color_enabled, progress
from errdex.cli.paths import PathParam, catalog_path
from errdex.cli.stdin import STDIN, display, stdin_file

SCAN_FORMATS = ("text", "json", "github")


@click.command()
@click.argument(
    "sources",
    nargs=-1,
    required=True,
    type=PathParam("the source path", "give a source file or folder, or - for standard input"),
)
@click.option(
    "--catalog", "-c", "catalog_path", required=True, type=catalog_path(), help="The catalog."
)
@click.option("--format", "fmt", type=click.Choice(SCAN_FORMATS), default="text", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option(
    "--stdin-filename",
    type=PathParam(
        "the standard-input file name",
        "give the file name standard input stands for (e.g. app.py), or leave the option out",
    ),
    metavar="NAME",
    default="stdin.py",
    show_default=True,
    help="With '-' among SOURCES: the file name standard input stands for (its extension "
    "picks the reader: Python, or the [[scan.patterns]] that cover it).",
)
def scan(
    sources: tuple[str, ...], catalog_path: str, fmt: str, as_json: bool, stdin_filename: str
) -> None:
    """Check that SOURCES raise exactly the catalog's codes, both ways.

    Python files are read with the ast module (calls named in [scan].calls,
    default `error`, and `code=` keywords of ...Error classes); other
    languages through the catalog's [[scan.patterns]] regexes.
    """
    if STDIN in sources:
        if catalog_path == STDIN:
            refuse(
                "standard input can be the catalog or one source, not both",
                "give the catalog as a file (-c errdex.toml) and pipe the source",
            )
        sources = tuple(str(stdin_file(stdin_filename)) if s == STDIN else s for s in sources)
    missing = [s for s in sources if not Path(s).exists()]
    if missing:
        refuse(
            f"no such file or folder: {missing[0]}",
            "give source files or folders, or - for standard input",
        )
    if as_json:
        fmt = "json"
    shown = fmt == "text"  # a progress bar on a terminal, never beside JSON or GitHub lines
    catalog = load_or_exit(catalog_path, show_progress=shown)
    with progress("Scanning", show=shown) as ticker:
        found = scan_sources(catalog, sources, ticker.step if ticker else None)
    if fmt == "text":
        codes = {(u.space, u.code) for u in found.uses}
        color = color_enabled(sys.stdout)
        blocks = [render_one(d, color) for d in ordered(found.diagnostics)]
        if blocks:
            click.echo(display("\n\n".join(blocks)))
        click.echo(
            f"scanned {found.files} files: {len(found.uses)} uses of {len(codes)} codes, "
            f"{len(found.diagnostics)} findings",
            err=True,
        )
    else:
        report = display(FORMATS[fmt](CheckResult(found.diagnostics, 1, ())))
        click.echo(report, nl=not report.endswith("\n"))
    for suffix, count in sorted(found.unscanned.items()):
        click.echo(
            f"note: {count} {suffix} files not scanned: "
            f"no [[scan.patterns]] entry covers *{suffix}",
            err=True,
        )
    sys.exit(1 if found.diagnostics else 0)
