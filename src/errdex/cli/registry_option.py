"""The ``--catalog-path`` option shared by commands that work on a registry of catalogs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from errdex.cli.common import print_diagnostics
from errdex.directory.registry import Registry

F = TypeVar("F", bound=Callable[..., Any])


def catalog_path_option(func: F) -> F:
    """Add ``--catalog-path PATH`` (repeatable) to a command."""
    return click.option(
        "--catalog-path",
        "catalog_paths",
        multiple=True,
        type=click.Path(),
        metavar="PATH",
        help="A catalog, or a folder of catalogs (repeatable). Default: $ERRDEX_CATALOGS, "
        "else errdex-registry.toml in the current folder, else the bundled examples.",
    )(func)


def registry_or_exit(paths: tuple[str, ...], *, catalog: str | None = None) -> Registry:
    """Load the registry; report catalogs that could not load; exit 2 when none loaded
    or when ``catalog`` names no loaded catalog."""
    from errdex.cli.stdin import resolve

    registry = Registry.default([resolve(p) for p in paths] or None)
    if registry.problems:
        print_diagnostics(list(registry.problems))
        click.echo(
            "errdex: some catalogs could not be loaded and are left out (see above)", err=True
        )
    if not registry.catalogs:
        click.echo(
            f"errdex: no catalogs to look in (from {registry.origin}); "
            "pass --catalog-path PATH or set ERRDEX_CATALOGS",
            err=True,
        )
        sys.exit(2)
    if catalog is not None and catalog not in registry.catalogs:
        click.echo(
            f"errdex: no catalog {catalog!r}; catalogs: {', '.join(registry.catalogs)}", err=True
        )
        sys.exit(2)
    return registry
