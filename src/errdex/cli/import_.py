"""``errdex import FILE``: read an existing error document into a catalog TOML file.

Reads Markdown (bullet lists, tables, a heading per code), MyST
(``{csv-table}``), CSV and JSON. Everything the importer could not place is
printed to stderr as ``file:line:col: warning I001 …`` lines; the catalog is
written (atomically) to ``-o`` or printed. Exit 0 when everything was placed,
1 when something was reported as not imported, 2 when nothing could be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from errdex.cli.common import print_diagnostics, save
from errdex.cli.main import EXIT_FINDINGS, EXIT_USAGE
from errdex.convert import IMPORT_FORMATS


@click.command(name="import")
@click.argument("file", type=click.Path())
@click.option(
    "--from",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    default="auto",
    show_default=True,
    help="Input format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the catalog TOML here (atomically) instead of stdout.",
)
@click.option(
    "--id",
    "catalog_id",
    default=None,
    help="Catalog id (default: from the document's label or title).",
)
def import_command(file: str, fmt: str, output: str | None, catalog_id: str | None) -> None:
    """Import the error document FILE as an errdex catalog."""
    from errdex.convert.importers import import_text
    from errdex.io import reads
    from errdex.io.read import read_text

    if catalog_id is not None:
        import re

        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", catalog_id):
            raise click.BadParameter(
                "an id is a slug: lower-case letters, digits, '.', '_' and '-'", param_hint="--id"
            )
    text, problem = read_text(Path(file))
    if problem is not None:
        print_diagnostics([problem])
        sys.exit(EXIT_USAGE)
    assert text is not None
    result = import_text(text, fmt, name=_display(file), catalog_id=catalog_id)
    print_diagnostics(result.diagnostics)
    if result.data is None:
        click.echo(f"errdex: nothing imported from {file}", err=True)
        sys.exit(EXIT_USAGE)
    toml_text = result.to_toml()
    catalog, found = reads(toml_text, "toml", output or "<imported>")
    if catalog is None or any(
        d.severity == "error" for d in found
    ):  # pragma: no cover - a bug guard
        print_diagnostics(found)
        click.echo("errdex: the imported catalog does not load; please report this", err=True)
        sys.exit(EXIT_USAGE)
    data = toml_text.encode("utf-8")
    if output:
        save("import", output, data)
        click.echo(f"errdex: wrote {output}: {len(catalog)} codes", err=True)
    else:
        sys.stdout.buffer.write(data)
    if any(d.severity in ("error", "warning") for d in result.diagnostics):
        sys.exit(EXIT_FINDINGS)


def _display(file: str) -> str:
    from errdex.io.source import display_path

    return display_path(Path(file))
