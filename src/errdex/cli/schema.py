"""``errdex schema``: print the JSON Schema of the catalog format."""

from __future__ import annotations

import sys

import click
import orjson

from errdex.cli.common import save
from errdex.cli.paths import output_path
from errdex.io.schema import catalog_schema


@click.command()
@click.option(
    "-o",
    "--output",
    type=output_path("the schema file", dir_okay=False),
    help="Write to this file instead of stdout.",
)
def schema(output: str | None) -> None:
    """Print the JSON Schema of catalog files (for editor completion and validation)."""
    data = orjson.dumps(catalog_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    if output:
        save("schema", output, data)
    else:
        sys.stdout.buffer.write(data)
