"""``errdex verify PATH (--base-url URL | --app module:attr)``: prove every request example.

Exit 0 when every example produced its entry as declared, 1 when one did not
(or an entry lacks an example under ``--strict``), 2 when the run could not
happen (no catalog, no target, a setup request failing, httpx missing).
See :mod:`errdex.reality.verify` and ``docs/verify.md``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from errdex.cli.common import load_or_exit, refuse, refuse_text, say, write_atomic
from errdex.cli.output import json_alias
from errdex.cli.paths import catalog_path, output_path


@click.command()
@json_alias("fmt")
@click.argument("path", type=catalog_path())
@click.option("--base-url", help="URL of a running service (overrides [verify] base_url).")
@click.option("--app", "app", help="An ASGI or WSGI app to call in-process: module:attr.")
@click.option(
    "--profile", help="Envelope the service sends (default: [verify] profile, else problem)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "json", "github", "junit")),
    default="text",
    show_default=True,
)
@click.option(
    "--output",
    "-o",
    type=output_path("the report file", instead="only print the report"),
    help="Write the report to a file too.",
)
@click.option("--timeout", type=click.FloatRange(0.1, 3600), help="Seconds per request.")
@click.option("--concurrency", type=click.IntRange(1, 64), help="Requests in flight at once.")
@click.option("--allow-host", "hosts", multiple=True, help="A further host requests may reach.")
@click.option("--select", multiple=True, help="Only this code or name (repeatable).")
@click.option("--strict", is_flag=True, help="An entry without a request example fails the run.")
def verify(
    path: str,
    base_url: str | None,
    app: str | None,
    profile: str | None,
    fmt: str,
    output: str | None,
    timeout: float | None,
    concurrency: int | None,
    hosts: tuple[str, ...],
    select: tuple[str, ...],
    strict: bool,
) -> None:
    """Send each entry's request examples to a service and check the answers.

    Every answer must decode to its entry, in the declared envelope, with the
    catalog's status, headers and retry advice; a failure prints the diff.
    """
    from errdex.reality.verify import VerifyError
    from errdex.reality.verify import verify as run_verify
    from errdex.reality.verify.report import render

    if base_url and app:
        refuse(
            "give --base-url or --app, not both",
            "--base-url for a running service, --app for an ASGI or WSGI app in this process",
        )
    catalog = load_or_exit(path)
    started = time.perf_counter()
    try:
        run = run_verify(
            catalog,
            base_url=base_url,
            app=app,
            profile=profile,
            timeout=timeout,
            concurrency=concurrency,
            hosts=hosts,
            select=select,
        )
    except VerifyError as exc:
        refuse_text(str(exc), "see docs/verify.md")
    report = render(run, fmt, elapsed=time.perf_counter() - started)
    if output:
        try:
            write_atomic(Path(output), report.encode())
        except OSError as exc:
            refuse(
                f"cannot write {output}: {exc.strerror or exc}",
                "check that the folder exists and is writable",
            )
    click.echo(report, nl=False)
    if not run.outcomes and not run.missing:
        say(
            "the catalog has no entries to verify",
            "give entries request examples ([[errors.examples]], see docs/verify.md)",
        )
    failed = run.failed > 0 or (strict and bool(run.missing))
    sys.exit(1 if failed else 0)
