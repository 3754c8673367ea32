"""``errdex reconcile PATH EVIDENCE…``: the catalog against what production sent.

Exit 0 when production agrees with the catalog, 1 on drift (codes the catalog
lacks, other statuses or envelopes, messages no template explains, removed
codes sent; with ``--min-share``, too few catalog errors), 2 when it cannot
run (no catalog, an unreadable evidence file, a bad option).
See :mod:`errdex.reality.reconcile` and ``docs/verify.md``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from errdex.cli.common import load_or_exit, refuse, refuse_text, say, write_atomic
from errdex.cli.output import json_alias
from errdex.cli.paths import PathParam, catalog_path, output_path


@click.command()
@json_alias("fmt")
@click.argument("path", type=catalog_path())
@click.argument(
    "evidence",
    nargs=-1,
    required=True,
    type=PathParam(
        "the evidence path",
        "give an evidence file (JSON lines, OTLP, HAR, dumps), or - for standard input",
    ),
)
@click.option(
    "--as",
    "kind",
    type=click.Choice(("jsonl", "otlp", "har", "dump")),
    help="The evidence format (default: told from each file's name and first bytes).",
)
@click.option(
    "--field",
    "field_paths",
    multiple=True,
    metavar="ROLE=PATH",
    help="Where JSON-lines records keep status, code, message, body, headers, space or time "
    "(dotted, comma-separated alternatives), e.g. --field status=res.statusCode.",
)
@click.option("--profile", help="The envelope services declare (default: [verify] profile).")
@click.option("--module", "modules", multiple=True, help="Only these modules are expected.")
@click.option("--space", "spaces", multiple=True, help="Only these spaces are expected.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "markdown")),
    default="text",
    show_default=True,
)
@click.option(
    "--output",
    "-o",
    type=output_path("the report file", instead="only print the report"),
    help="Write the report to a file too.",
)
@click.option(
    "--suggest",
    "suggest_to",
    type=output_path("the suggestion file", "--suggest", "suggest nothing"),
    help="Write the codes the catalog lacks to this file, as [[errors]] for review.",
)
@click.option(
    "--min-share",
    type=click.FloatRange(0, 100),
    help="Fail when catalog errors are less than this percentage of all errors.",
)
def reconcile(
    path: str,
    evidence: tuple[str, ...],
    kind: str | None,
    field_paths: tuple[str, ...],
    profile: str | None,
    modules: tuple[str, ...],
    spaces: tuple[str, ...],
    fmt: str,
    output: str | None,
    suggest_to: str | None,
    min_share: float | None,
) -> None:
    """Read what services really sent (OTLP JSON, JSON-lines logs, HAR, response
    dumps; `-` for standard input) and report where it differs from the catalog."""
    from errdex.reality.reconcile import ReconcileError
    from errdex.reality.reconcile import reconcile as run_reconcile
    from errdex.reality.reconcile.report import render
    from errdex.reality.reconcile.suggest import patch

    catalog = load_or_exit(path)
    if suggest_to is not None:
        target = Path(suggest_to).resolve()
        ours = {Path(s.path).resolve() for s in catalog.sources if s.path is not None}
        if target in ours:
            refuse(
                f"--suggest {suggest_to} is a file of the catalog",
                "write the patch elsewhere and review it (errdex never edits the catalog)",
            )
    try:
        result = run_reconcile(
            catalog,
            evidence,
            kind=kind,
            field_paths=field_paths,
            profile=profile,
            modules=modules,
            spaces=spaces,
        )
    except ReconcileError as exc:
        refuse_text(str(exc), "see errdex reconcile --help")
    report = render(result, fmt)
    try:
        if output:
            write_atomic(Path(output), report.encode())
        if suggest_to is not None:
            write_atomic(Path(suggest_to), patch(result).encode())
    except OSError as exc:
        refuse(
            f"cannot write: {exc.strerror or exc}", "check that the folder exists and is writable"
        )
    click.echo(report, nl=False)
    short = False
    if min_share is not None and result.tally.share is not None:
        short = result.tally.share * 100 < min_share
        if short:
            say(f"catalog errors are {result.tally.share:.1%}, below --min-share {min_share:g}%")
    sys.exit(1 if result.drift or short else 0)
