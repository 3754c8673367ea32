"""``errdex check``: read catalogs, run the rules, report in text, JSON, GitHub or SARIF form.

Exit 0 when nothing failed, 1 when an error was found (or a warning, with
``--strict``), 2 when a path does not exist or holds no catalog.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from errdex.check import Selection, run
from errdex.check.output import FORMATS
from errdex.cli import stdin
from errdex.cli.common import say
from errdex.cli.main import EXIT_USAGE
from errdex.cli.output import color_enabled, json_alias, progress
from errdex.cli.paths import CATALOG_HINT, catalog_path


def _rules(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@click.command()
@json_alias("fmt")
@click.argument("paths", nargs=-1, type=catalog_path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Report format: text for people, json, github (workflow annotations) or sarif.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too, not only on errors.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Run only these rules: ids, id prefixes or slugs, comma-separated (E1,typo).",
)
@click.option(
    "--ignore", multiple=True, metavar="RULES", help="Skip these rules (same forms as --select)."
)
def check(
    paths: tuple[str, ...], fmt: str, strict: bool, select: tuple[str, ...], ignore: tuple[str, ...]
) -> None:
    """Check the catalogs at PATHS (default: the current folder).

    A PATH is a catalog file, a catalog folder (with errdex.toml), or a folder
    of catalogs. Every finding is printed with its rule, place and a hint.
    """
    selection = Selection(_rules(select), _rules(ignore))
    unknown = selection.unknown()
    if unknown:
        click.echo(
            f"errdex check: unknown rule {', '.join(map(repr, unknown))} in --select/--ignore",
            err=True,
        )
        click.echo(
            "  = help: use rule ids (E101), id prefixes (W2) or slugs (typo); see docs/rules.md",
            err=True,
        )
        sys.exit(EXIT_USAGE)
    paths = tuple(stdin.resolve(p) for p in paths)
    missing = [p for p in paths if not Path(p).exists()]
    for n, p in enumerate(missing, 1):
        say(f"no such file or folder: {p}", CATALOG_HINT if n == len(missing) else None)
    if missing:
        sys.exit(EXIT_USAGE)
    with progress("Checking", show=fmt == "text") as ticker:
        result = run(paths or (".",), selection, ticker.step if ticker else None)
    color = fmt == "text" and color_enabled(sys.stdout)  # the one colour rule (docs/cli.md)
    report = FORMATS[fmt](result, color=color) if fmt == "text" else FORMATS[fmt](result)
    click.echo(stdin.display(report), nl=False, color=color)
    for n, path in enumerate(result.unreadable, 1):
        last = n == len(result.unreadable)
        say(
            stdin.display(f"no catalog at {path}"),
            "give a catalog file (TOML, YAML or JSON) or a folder with errdex.toml"
            if last
            else None,
        )
    sys.exit(result.exit_code(strict))
