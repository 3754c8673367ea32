"""``errdex export PATH --format json``: print or write a catalog in another form."""

from __future__ import annotations

import sys

import click

from errdex.cli.common import load_or_exit, write_atomic
from errdex.io.export import to_json

FORMATS = ("json",)


@click.command()
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (atomically) instead of stdout.")
def export(path: str, fmt: str, output: str | None) -> None:
    """Export the catalog at PATH as canonical JSON (it loads back as the same catalog)."""
    catalog = load_or_exit(path)
    data = to_json(catalog)
    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)
