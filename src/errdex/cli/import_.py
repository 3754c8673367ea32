"""``errdex import FILE_OR_FOLDER…``: read error documents or source code into a catalog TOML file.

Documents: Markdown (bullet lists, tables, a heading per code), MyST
(``{csv-table}``), CSV and JSON. Source code (a folder, or files by
extension): Go, Rust, Python, TypeScript/JavaScript, Java, C/C++, Protocol
Buffers and OpenAPI; each entry keeps a ``# from path:line`` comment.
Everything the importer could not place is printed to stderr as
``file:line:col: warning[I001 …]`` blocks; a value no wire holds (an integer
code beyond ±(2^53-1)) is left out and reported as ``error[E114 …]``, the rule
``errdex check`` would refuse it with. The catalog is written (atomically) to
``-o`` or printed. Exit 0 when imported (warnings and notes do not count, as for
every command), 1 when an error was reported, 2 when nothing could be read.

``--format json`` (or ``--json``) prints one JSON object instead: ``{"inputs",
"from", "output", "catalog", "codes", "diagnostics", "toml"}`` — ``toml`` is
the catalog text when no ``-o`` is given (else null), ``diagnostics`` the
``I001`` lines as objects; nothing else is printed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from errdex.cli.common import print_diagnostics, refuse, save, say
from errdex.cli.main import EXIT_FINDINGS, EXIT_USAGE
from errdex.cli.output import format_option, progress, write_json
from errdex.cli.paths import PathParam, output_path
from errdex.cli.screen import write_data
from errdex.cli.stdin import STDIN
from errdex.convert import IMPORT_FORMATS
from errdex.convert.importers.source import LANGUAGES

STDIN_NAME = "<stdin>"
if TYPE_CHECKING:
    from errdex.convert.importers import ImportResult

_DOCUMENTS = (".md", ".markdown", ".myst", ".txt", ".csv", ".tsv", ".json")


@click.command(name="import")
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=PathParam(
        "the document path",
        "give an error document, a source file or folder, or - for standard input",
    ),
)
@click.option(
    "--from",
    "fmt",
    type=click.Choice((*IMPORT_FORMATS, *LANGUAGES)),
    default="auto",
    show_default=True,
    help="Input format or source language (auto: from each file's name and text).",
)
@click.option(
    "-o",
    "--output",
    type=output_path("the catalog file", dir_okay=False),
    help="Write the catalog TOML here (atomically) instead of stdout.",
)
@click.option(
    "--id",
    "catalog_id",
    default=None,
    help="Catalog id (default: from the document's label or title).",
)
@format_option
def import_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    catalog_id: str | None,
    output_format: str,
) -> None:
    """Import the error document or the source code at PATHS as an errdex catalog."""
    as_json = output_format == "json"
    from errdex.convert.importers import import_text
    from errdex.io.read import read_text

    if catalog_id is not None:
        import re

        if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", catalog_id):
            raise click.BadParameter(
                "an id is a slug: lower-case letters, digits, '.', '_' and '-'", param_hint="--id"
            )
    if STDIN in paths:
        _import_stdin(paths, fmt, output, catalog_id, as_json)
        return
    files = [Path(p) for p in paths]
    missing = [p for p in files if not p.exists()]
    if missing:
        refuse(
            f"no such file or folder: {missing[0]}",
            "give an error document, a source file or folder, or - for standard input",
        )
    text: str | None = None
    if _is_source(files, fmt):
        from errdex.convert.importers.source.run import import_sources

        with progress("Importing", show=not as_json) as ticker:
            result = import_sources(
                files, fmt, catalog_id=catalog_id, progress=ticker.step if ticker else None
            )
        label = ", ".join(paths)
    else:
        if len(files) > 1:
            refuse(
                "import reads one document at a time (or source files)",
                "import each document on its own (-o a.toml, -o b.toml)",
            )
        file = paths[0]
        text, problem = read_text(Path(file))
        if problem is not None:
            if as_json:
                _report(paths, fmt, None, None, 0, [problem], None)
            else:
                print_diagnostics([problem])
            sys.exit(EXIT_USAGE)
        assert text is not None
        with progress(f"Importing {_display(file)}", show=not as_json) as ticker:
            result = import_text(
                text,
                fmt,
                name=_display(file),
                catalog_id=catalog_id,
                progress=ticker.step if ticker else None,
            )
        label = file
    _finish(paths, fmt, output, as_json, result, label, None if _is_source(files, fmt) else text)


def _import_stdin(
    paths: tuple[str, ...], fmt: str, output: str | None, catalog_id: str | None, as_json: bool
) -> None:
    """``errdex import -``: one error document (Markdown, MyST, CSV, JSON, errcodes) from stdin.

    Source code is named by its files (each entry keeps a ``# from path:line``
    comment), so a language with ``-`` is a usage error that says so.
    """
    from errdex.convert.importers import import_text

    if len(paths) > 1:
        refuse(
            "'-' (standard input) is the only document when given",
            "import standard input on its own, and each file on its own",
        )
    if fmt in LANGUAGES:
        refuse(
            f"--from {fmt} reads source files or folders, not standard input",
            "pass the file's path (its entries name it in '# from' comments)",
        )
    data = sys.stdin.buffer.read() if sys.stdin is not None else b""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        refuse(f"{STDIN_NAME}: byte {exc.start} is not UTF-8", "convert the document to UTF-8")
    text = text.removeprefix("\ufeff")
    with progress("Importing <stdin>", show=not as_json) as ticker:
        result = import_text(
            text,
            fmt,
            name=STDIN_NAME,
            catalog_id=catalog_id,
            progress=ticker.step if ticker else None,
        )
    _finish(paths, fmt, output, as_json, result, STDIN_NAME, text)


def _finish(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    as_json: bool,
    result: ImportResult,
    label: str,
    document: str | None,
) -> None:
    """Report an import's findings, then write or print the catalog (or say nothing was taken).

    ``document``: the text of the one document read (for ``--from`` suggestions
    when nothing was taken); None for source code.
    """
    from errdex.io import reads

    if not as_json:
        print_diagnostics(result.diagnostics)
    if result.data is None:
        if as_json:
            _report(paths, fmt, None, None, 0, result.diagnostics, None)
            sys.exit(EXIT_USAGE)
        say(f"nothing imported from {label}")
        if document is not None:
            _suggest(document, fmt, label if label == STDIN_NAME else _display(paths[0]))
        sys.exit(EXIT_USAGE)
    with progress("Writing the catalog", 2, show=not as_json) as ticker:
        toml_text = result.to_toml()
        if ticker is not None:
            ticker.step("Checking that the written catalog loads", 1, 2)
        catalog, found = reads(toml_text, "toml", output or "<imported>")
    if catalog is None or any(
        d.severity == "error" for d in found
    ):  # pragma: no cover - a bug guard
        print_diagnostics(found)
        refuse("the imported catalog does not load", "please report this as a bug of errdex")
    data = toml_text.encode("utf-8")
    if output:
        save("import", output, data)
        if not as_json:
            click.echo(f"errdex import: wrote {output}: {len(catalog)} codes", err=True)
    elif not as_json:
        write_data(data)  # exact TOML into a pipe or a file; visible escapes on a terminal
    if as_json:
        shown = None if output else toml_text
        _report(paths, fmt, output, catalog.meta.id, len(catalog), result.diagnostics, shown)
    if any(d.severity == "error" for d in result.diagnostics):  # warnings: 0 (docs/cli.md)
        sys.exit(EXIT_FINDINGS)


def _report(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    catalog_id: str | None,
    codes: int,
    diagnostics: list[Any],
    toml_text: str | None,
) -> None:
    """Print the ``--format json`` report of one import."""
    write_json(
        {
            "inputs": list(paths),
            "from": fmt,
            "output": output,
            "catalog": catalog_id,
            "codes": codes,
            "diagnostics": [d.to_dict() for d in diagnostics],
            "toml": toml_text,
        }
    )


def _suggest(text: str, fmt: str, name: str) -> None:
    """After a failed import: the structures seen, and each ``--from`` that would take codes."""
    from errdex.convert.importers import detect_format, import_text

    tried = detect_format(text, name) if fmt == "auto" else fmt
    click.echo(
        f"  read as {tried}: the lines above name each structure and why it was not taken", err=True
    )
    for other in ("markdown", "csv", "json", "errcodes"):
        if other == tried:
            continue
        result = import_text(text, other, name=name)
        if result.data is not None and result.data.get("errors"):
            count = len(result.data["errors"])
            click.echo(f"  `--from {other}` would take {count} codes from it", err=True)


def _is_source(files: list[Path], fmt: str) -> bool:
    """Whether PATHS are source code (a folder, a source extension, an OpenAPI file)."""
    if fmt in LANGUAGES:
        return True
    if fmt != "auto":
        return False
    from errdex.convert.importers.source import language_of

    for path in files:
        if path.is_dir():
            return True
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml", ".json"):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if language_of(path, text) == "openapi":
                return True
        elif suffix not in _DOCUMENTS and language_of(path) is not None:
            return True
    return False


def _display(file: str) -> str:
    from errdex.io.source import display_path

    return display_path(Path(file))
