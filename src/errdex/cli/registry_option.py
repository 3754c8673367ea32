"""The ``--catalog-path`` option shared by commands that work on a registry of catalogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from errdex.cli.common import refuse, say
from errdex.cli.paths import CATALOG_HINT, catalog_path

if TYPE_CHECKING:  # imported when used: a search answered from the cache loads no catalog code
    from errdex.directory.diskcache import IndexCache
    from errdex.directory.registry import Registry
    from errdex.directory.stored import StoredRegistry

F = TypeVar("F", bound=Callable[..., Any])


def catalog_path_option(func: F) -> F:
    """Add ``--catalog-path PATH`` (repeatable) to a command."""
    return click.option(
        "--catalog-path",
        "catalog_paths",
        multiple=True,
        type=catalog_path(
            hint=f"{CATALOG_HINT}; or leave --catalog-path out for the default registry"
        ),
        metavar="PATH",
        help="A catalog, or a folder of catalogs (repeatable). Default: $ERRDEX_CATALOGS, "
        "else errdex-registry.toml in the current folder, else the bundled examples.",
    )(func)


def no_cache_option(func: F) -> F:
    """Add ``--no-cache`` (build the search index in memory; neither read nor write the
    cache) to a command."""
    return click.option(
        "--no-cache",
        is_flag=True,
        help="Do not read or write the search-index cache ($ERRDEX_CACHE_DIR, else "
        "$XDG_CACHE_HOME/errdex, else ~/.cache/errdex).",
    )(func)


def index_cache(no_cache: bool) -> IndexCache | None:
    """The search-index cache a command uses: the default one, or none with ``--no-cache``."""
    from errdex.directory.diskcache import IndexCache

    return None if no_cache else IndexCache.default()


def registry_or_exit(
    paths: tuple[str, ...],
    *,
    catalog: str | None = None,
    cache: IndexCache | None = None,
    show_progress: bool = False,
) -> Registry:
    """Load the registry; report catalogs that could not load; exit 2 when none loaded
    or when ``catalog`` names no loaded catalog. ``show_progress``: a long read shows a
    progress bar (:func:`errdex.cli.output.progress`), gone before any problem is printed."""
    from errdex.cli.output import progress
    from errdex.cli.stdin import STDIN, resolve
    from errdex.directory.registry import Registry

    if STDIN in paths:  # a catalog read from stdin is a new file each run: nothing to reuse
        cache = None
    with progress("Reading the catalogs", show=show_progress):
        registry = Registry.default([resolve(p) for p in paths] or None, cache=cache)
    _check(registry, catalog)
    return registry


def searchable_or_exit(
    paths: tuple[str, ...],
    *,
    catalog: str | None = None,
    cache: IndexCache | None = None,
    show_progress: bool = False,
) -> Registry | StoredRegistry:
    """Like :func:`registry_or_exit`, answering the cached index alone when ``cache`` holds
    this registry's (:func:`errdex.directory.stored.open_search`): enough to search."""
    from errdex.cli.output import progress
    from errdex.cli.stdin import STDIN, resolve
    from errdex.directory.stored import open_search

    if STDIN in paths:  # a catalog read from stdin is a new file each run: nothing to reuse
        cache = None
    with progress("Reading the catalogs", show=show_progress):
        found = open_search([resolve(p) for p in paths] or None, cache=cache)
    _check(found, catalog)
    return found


def entries_of(registry: Registry) -> int:
    """How many entries the registry's catalogs hold (the index build's total)."""
    return sum(len(c.entries) for c in registry.catalogs.values())


def build_index(registry: Registry, *, show_progress: bool) -> None:
    """Read the registry's search index from the cache, or build it now with an
    ``Indexing`` bar counting its entries when ``show_progress`` and the build is long."""
    from errdex.cli.output import progress

    with progress("Indexing", entries_of(registry), show=show_progress) as advance:
        registry.build_index(advance)


def _check(registry: Registry | StoredRegistry, catalog: str | None) -> None:
    if registry.problems:
        from errdex.cli.common import print_diagnostics

        print_diagnostics(list(registry.problems))
        say(
            "some catalogs could not be loaded and are left out",
            "fix the errors above (errdex check PATH), or leave those catalogs out",
        )
    ids = registry.catalog_ids
    if not ids:
        refuse(
            f"no catalogs to look in (from {registry.origin})",
            "pass --catalog-path PATH or set ERRDEX_CATALOGS",
        )
    if catalog is not None and catalog not in ids:
        refuse(f"no catalog {catalog!r}", f"choose one of: {', '.join(ids)}")
