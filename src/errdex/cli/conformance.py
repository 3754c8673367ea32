"""``errdex conformance``: wire-contract test vectors, and running them in a language.

``errdex conformance PATH -o FILE`` writes the catalog's vectors (JSON Lines,
``docs/wire.md`` §1) from the Python runtime. ``errdex conformance run PATH
--lang L [--vectors FILE]`` generates the catalog's code in L, builds it with the
real toolchain, runs every vector (the file given, else freshly made ones)
through the generated render and decode, and prints ``N passed, M failed`` with
the first failures as diffs. Exit 0 all pass, 1 a failure, 2 a missing toolchain
(named), a malformed vectors file or a catalog that cannot be loaded.

``--format json`` (or ``--json``) reports as one object: the write form
``{"catalog", "vectors", "output"}`` (what was written where; with ``-o -`` the
vectors themselves are stdout, so it is refused), ``run`` ``{"catalog", "lang",
"vectors", "passed", "failed", "failures": [{"vector", "line", "diff"}], "error"}``
(every failure, not only the first ten; ``error`` says why a driver broke, else null).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from errdex.cli.common import fail, load_or_exit, save
from errdex.cli.output import format_option, write_json
from errdex.cli.paths import PathParam, catalog_path

LANGS = ("python", "typescript", "go", "rust")
SHOWN_FAILURES = 10


class _DefaultToWrite(click.Group):
    """``errdex conformance PATH …`` runs ``write``; ``errdex conformance run …`` runs ``run``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["write", *args]  # options before PATH: still the write form
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(
            "errdex conformance", "PATH -o FILE | run PATH --lang LANG [--vectors FILE]"
        )


@click.group(cls=_DefaultToWrite)
def conformance() -> None:
    """Wire-contract test vectors (docs/wire.md): write them, or run them in a language.

    \b
    errdex conformance PATH -o FILE          write PATH's vectors as JSON Lines
    errdex conformance run PATH --lang go    build the generated Go and run them
    """


@conformance.command("write", hidden=True)
@click.argument("path", type=catalog_path())
@click.option(
    "-o",
    "--output",
    "output",
    type=PathParam(
        "the vectors file", "give the file to write, or - for standard output", dir_okay=False
    ),
    required=True,
    help="The vectors file to write (JSON Lines); '-' for standard output.",
)
@format_option
def write(path: str, output: str, output_format: str) -> None:
    """Write the catalog's test vectors, answered by the Python runtime."""
    from errdex.conformance.make import make_vectors
    from errdex.conformance.vectors import dump_lines

    as_json = output_format == "json"
    if as_json and output == "-":
        fail(
            "conformance",
            "--format json and -o - would both print to standard output",
            "write the vectors to a file (-o FILE) for a JSON report",
        )
    catalog = load_or_exit(path)
    header, cases = make_vectors(catalog)
    text = dump_lines(header, cases)
    if output == "-":
        sys.stdout.write(text)
        return
    save("conformance", output, text.encode("utf-8", "surrogatepass"))
    if as_json:
        write_json({"catalog": catalog.meta.id, "vectors": len(cases), "output": output})
        return
    click.echo(f"wrote {len(cases)} vectors for {catalog.meta.id!r} to {output}", err=True)


def _report(outcome: Any) -> None:
    total = outcome.passed + len(outcome.failures)
    click.echo(f"{outcome.passed} passed, {len(outcome.failures)} failed ({total} vectors)")
    for failure in outcome.failures[:SHOWN_FAILURES]:
        click.echo(f"\nFAIL {failure.vector} (line {failure.line})")
        click.echo(failure.diff)
    if len(outcome.failures) > SHOWN_FAILURES:
        click.echo(f"\n… and {len(outcome.failures) - SHOWN_FAILURES} more failures")


@conformance.command("run")
@click.argument("path", type=catalog_path())
@click.option("--lang", type=click.Choice(LANGS), required=True, help="Language to test.")
@click.option(
    "--vectors",
    "vectors_file",
    type=PathParam(
        "the vectors file",
        "give a vectors file, or leave --vectors out to make them from the catalog",
        dir_okay=False,
    ),
    help="A vectors file (default: the catalog's own, made now).",
)
@click.option(
    "--keep",
    type=PathParam(
        "the build folder",
        "give a folder to build in, or leave --keep out to build in a temporary one",
        file_okay=False,
    ),
    help="Build in this folder and leave it there (default: a temporary one).",
)
@format_option
def run(
    path: str, lang: str, vectors_file: str | None, keep: str | None, output_format: str
) -> None:
    """Generate LANG code for PATH, build it, and run the vectors through it."""
    from errdex.conformance.make import make_vectors
    from errdex.conformance.toolchain import DriverFailed, ToolchainMissing, run_vectors
    from errdex.conformance.vectors import VectorError, Vectors, parse_vectors, read_vectors

    catalog = load_or_exit(path)
    if vectors_file is not None:
        try:
            vectors = read_vectors(vectors_file)
        except VectorError as exc:
            fail("conformance", str(exc), "see docs/wire.md section 1 for the format")
        wanted = vectors.header.get("catalog")
        if wanted != catalog.meta.id:
            fail(
                "conformance",
                f"{vectors_file}: the vectors are for catalog {wanted!r}, not {catalog.meta.id!r}",
                "pass the catalog the vectors were made for",
            )
    else:
        from errdex.conformance.vectors import dump_lines

        header, cases = make_vectors(catalog)
        vectors = parse_vectors(dump_lines(header, cases))
    assert isinstance(vectors, Vectors)
    try:
        outcome = run_vectors(catalog, lang, vectors, keep=Path(keep) if keep else None)
    except ToolchainMissing as exc:
        fail("conformance", str(exc))
    except DriverFailed as exc:
        if output_format == "json":
            write_json(_json(catalog.meta.id, lang, len(vectors.cases), None, str(exc)))
        else:
            click.echo(f"errdex conformance: {lang}: {exc}", err=True)
            click.echo("  = help: the toolchain's output above says what failed", err=True)
        sys.exit(1)
    if output_format == "json":
        write_json(_json(catalog.meta.id, lang, len(vectors.cases), outcome, None))
    else:
        _report(outcome)
    sys.exit(1 if outcome.failures else 0)


def _json(catalog: str, lang: str, total: int, outcome: Any, error: str | None) -> dict[str, Any]:
    """The ``run --format json`` report (``outcome`` None: the driver broke, see ``error``)."""
    failures = list(outcome.failures) if outcome is not None else []
    return {
        "catalog": catalog,
        "lang": lang,
        "vectors": total,
        "passed": outcome.passed if outcome is not None else 0,
        "failed": len(failures),
        "failures": [{"vector": f.vector, "line": f.line, "diff": f.diff} for f in failures],
        "error": error,
    }
