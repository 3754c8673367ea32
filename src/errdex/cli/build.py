"""``errdex build [PATH] [--check]``: write every ``[[targets]]`` file the catalog declares.

Each target is a document (``kind = "docs"``: rendered by the convert layer's
``render_doc``, or canonical JSON) or source code (``kind = "code"``: see
:mod:`errdex.convert.code`), written to ``output`` relative to the catalog,
atomically and only when the content changed. ``--check`` writes nothing and
exits 1 listing every stale or missing file with a hint of the first
difference (for CI), 0 when all are fresh; a broken catalog or target exits 2.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

import click

from errdex.cli.common import inside, load_or_exit, print_diagnostics, refuse, save
from errdex.cli.one_catalog import one_catalog
from errdex.cli.output import format_option, progress, write_json
from errdex.cli.paths import PathParam, catalog_path
from errdex.io import Diagnostic
from errdex.io.diagnostic import INVALID_VALUE, MISSING_FIELD
from errdex.model import Catalog, Target


def _diagnostic(catalog: Catalog, index: int, key: str, message: str, hint: str) -> Diagnostic:
    source = catalog.sources[0] if catalog.sources else None
    rule = MISSING_FIELD if "missing" in message else INVALID_VALUE
    return Diagnostic(rule, message, source=source, path=("targets", index, key), hint=hint)


def target_problems(catalog: Catalog) -> list[Diagnostic]:
    """Problems that stop a target from being built (missing ``lang``, two targets with one
    ``output``…); an ``output`` outside the catalog's folder is an invariant (E116): the
    catalog does not even load."""
    problems = []
    seen: dict[PurePosixPath, int] = {}
    for i, t in enumerate(catalog.targets):
        out = PurePosixPath(t.output.replace("\\", "/"))
        first = seen.setdefault(out, i)
        if first != i:
            problems.append(
                _diagnostic(
                    catalog,
                    i,
                    "output",
                    f"target output {t.output!r} is also the output of target {first + 1}",
                    "give each target its own output file",
                )
            )
        if t.kind == "code" and not t.lang:
            problems.append(
                _diagnostic(
                    catalog,
                    i,
                    "kind",
                    "code target is missing `lang`",
                    'add lang = "python" (or "typescript", "go", "rust")',
                )
            )
        if t.style is not None and (t.kind != "docs" or t.format != "markdown"):
            problems.append(
                _diagnostic(
                    catalog,
                    i,
                    "style",
                    f"`style` applies to markdown docs only; this target is {t.format or t.lang}",
                    'remove style, or set format = "markdown"',
                )
            )
        if t.kind == "docs" and not t.format:
            problems.append(
                _diagnostic(
                    catalog,
                    i,
                    "kind",
                    "docs target is missing `format`",
                    'add format = "markdown" (or "myst", "rst", "csv", "html", "openapi", "json")',
                )
            )
    return problems


def _package(target: Target, output: Path) -> str:
    """The package name of a code target: Go takes its folder's name, others the file's stem."""
    if target.lang == "go" and PurePosixPath(target.output).parent.name:
        return output.parent.name
    return output.stem


def render_target(catalog: Catalog, target: Target, output: Path) -> dict[Path, bytes]:
    """Return the files one target produces: its output, plus companions (a ``.pyi``)."""
    if target.kind == "code":
        from errdex.convert.code import generate

        files = generate(catalog, target.lang or "", _package(target, output))
        main, *others = files
        result = {output: files[main]}
        for name in others:
            result[output.with_suffix(Path(name).suffix)] = files[name]
        return result
    if target.format == "json":
        from errdex.io.export import to_json

        return {output: to_json(catalog)}
    from errdex.convert import render_doc

    text = render_doc(catalog, target.format or "", style=target.style, locale=target.locale)
    return {output: text.encode()}


def diff_hint(old: bytes, new: bytes) -> str:
    """A one-line hint of the first difference between the file and what build would write."""
    old_lines = old.decode(errors="replace").splitlines()
    new_lines = new.decode(errors="replace").splitlines()
    for n, (a, b) in enumerate(zip(old_lines, new_lines, strict=False), 1):
        if a != b:
            return f"line {n}: has {_clip(a)!r}, expected {_clip(b)!r}"
    if len(old_lines) != len(new_lines):
        return f"has {len(old_lines)} lines, expected {len(new_lines)}"
    return "differs in line endings or trailing whitespace"


def _build_site(path: str | None, out: str, as_json: bool = False) -> None:
    """``--site DIR``: the static web directory (see :mod:`errdex.directory.site`)."""
    from errdex.cli.registry_option import registry_or_exit
    from errdex.directory.site import SiteError, build_site

    registry = registry_or_exit((path,) if path else ())
    try:
        with progress("Building the site", show=not as_json) as ticker:
            report = build_site(registry, out, ticker.step if ticker else None)
    except (SiteError, OSError) as exc:
        hint = (
            "give --site a new or empty folder (or an earlier site's)"
            if isinstance(exc, SiteError)
            else "check that the folder and its parent are writable"
        )
        refuse(f"cannot write the site: {exc}", hint)
    if as_json:
        write_json(
            {
                "site": str(report.out),
                "pages": report.pages,
                "files": report.files,
                "locales": list(report.locales),
                "skipped": list(report.skipped),
                "moved": list(report.moved),
            }
        )
        return
    for note in report.skipped:
        click.echo(f"skipped {note}", err=True)
    for note in report.moved:
        click.echo(f"moved {note}", err=True)
    click.echo(
        f"wrote {report.pages} pages ({', '.join(report.locales)}) to {report.out}; "
        "serve the folder with any static host",
        err=True,
    )


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command()
@click.argument("path", type=catalog_path(), required=False)
@click.option(
    "--check", is_flag=True, help="Write nothing; exit 1 if any target file is stale or missing."
)
@click.option(
    "--site",
    "site",
    type=PathParam("the site folder", "give the folder to write the site into", file_okay=False),
    metavar="DIR",
    help="Instead, write the web directory of the catalogs at PATH (default: the registry) "
    "as a static site to DIR.",
)
@format_option
def build(path: str | None, check: bool, site: str | None, output_format: str) -> None:
    """Build every [[targets]] file of the catalog at PATH (default: the current folder).

    With --format json, one object lists each target file and its status
    (wrote, unchanged, stale, missing).
    """
    as_json = output_format == "json"
    if site is not None:
        _build_site(path, site, as_json)
        return
    path = one_catalog(path or ".")
    catalog = load_or_exit(path, show_progress=not as_json)
    problems = target_problems(catalog)
    if problems:
        print_diagnostics(problems)
        refuse(f"cannot build {path}", "fix the [[targets]] above")
    if not catalog.targets:
        if as_json:
            write_json({"check": check, "files": [], "stale": 0})
        click.echo(f"{path}: the catalog declares no [[targets]]; nothing to build", err=True)
        return
    root = Path(path) if Path(path).is_dir() else Path(path).parent
    planned: dict[Path, bytes] = {}
    failed: tuple[str, Exception] | None = None
    outputs = [inside("build", root, target.output) for target in catalog.targets]
    with progress("Building", len(catalog.targets), show=not as_json) as ticker:
        for done, (target, output) in enumerate(zip(catalog.targets, outputs, strict=True)):
            if ticker is not None:
                ticker.step(f"Generating {target.output}", done, len(catalog.targets))
            try:
                planned.update(render_target(catalog, target, output))
            except (ValueError, ImportError) as exc:  # a format no generator here knows
                failed = (target.output, exc)
                break
    if failed is not None:  # said once the bar is gone
        refuse(
            f"cannot build target {failed[0]!r}: {failed[1]}",
            "see [[targets]] in docs/catalog-format.md for the formats and languages",
        )
    stale = 0
    for file in planned:
        inside("build", root, file.relative_to(root))
    files: list[dict[str, str]] = []
    say = (lambda *a, **k: None) if as_json else click.echo
    for file, data in planned.items():
        current = file.read_bytes() if file.is_file() else None
        if current == data:
            files.append({"path": str(file), "status": "unchanged"})
            if not check:
                say(f"unchanged {file}", err=True)
            continue
        if check:
            stale += 1
            reason = "missing" if current is None else "stale: " + diff_hint(current, data)
            files.append({"path": str(file), "status": "missing" if current is None else "stale"})
            say(f"{file}: {reason}")
        else:
            save("build", file, data)
            files.append({"path": str(file), "status": "wrote"})
            say(f"wrote {file}", err=True)
    if as_json:
        write_json({"check": check, "files": files, "stale": stale})
        if check and stale:
            sys.exit(1)
        return
    if check:
        if stale:
            click.echo(
                f"{stale} generated file(s) out of date; run `errdex build {path}`", err=True
            )
            sys.exit(1)
        click.echo(f"all {len(planned)} generated file(s) are up to date", err=True)
