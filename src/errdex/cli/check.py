"""``errdex check``: load catalogs and report their problems (rules come from errdex.check)."""

from __future__ import annotations

import sys

import click

from errdex.cli.common import print_diagnostics
from errdex.io import find_catalogs, has_errors, read


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
def check(paths: tuple[str, ...]) -> None:
    """Check catalogs at PATHS (default: the current folder)."""
    found = []
    for p in paths or (".",):
        for catalog_path in find_catalogs(p):
            _, diagnostics = read(catalog_path)
            found += diagnostics
    print_diagnostics(found)
    sys.exit(1 if has_errors(found) else 0)
