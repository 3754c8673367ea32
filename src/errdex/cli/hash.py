"""``errdex hash PATH CODE``: print the source hash a translation of CODE should record.

``--format json`` (or ``--json``) prints ``{"code", "space", "name", "source_hash"}``.
"""

from __future__ import annotations

import click

from errdex.cli.common import fail, load_or_exit
from errdex.cli.one_catalog import one_catalog
from errdex.cli.output import format_option, write_json
from errdex.cli.paths import catalog_path
from errdex.model import AmbiguousCodeError, UnknownCodeError, source_hash


@click.command("hash")
@click.argument("path", type=catalog_path())
@click.argument("code")
@click.option("--space", help="Code space, when CODE exists in several.")
@format_option
def hash_command(path: str, code: str, space: str | None, output_format: str) -> None:
    """Print the source_hash of CODE's current texts (what a fresh translation records)."""
    catalog = load_or_exit(one_catalog(path))
    try:
        entry = catalog.entry(code, space=space)
    except AmbiguousCodeError as exc:
        fail("hash", str(exc), f"add --space {exc.spaces[0]} (or another of its spaces)")
    except UnknownCodeError as exc:
        fail("hash", str(exc), "pass a code or a name of an entry of this catalog")
    digest = source_hash(entry.message, entry.description, entry.solution)
    if output_format == "json":
        write_json(
            {"code": entry.code, "space": entry.space, "name": entry.name, "source_hash": digest}
        )
        return
    click.echo(digest)
