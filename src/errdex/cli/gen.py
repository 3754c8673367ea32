"""``errdex gen PATH --lang L [-o DIR] [--package NAME]``: write a catalog as source code.

Writes the generated files (Python: ``<package>.py`` and its ``.pyi`` stub;
TypeScript ``.ts``; Go ``.go``; Rust ``.rs``) into DIR, atomically and only
when their content changed, and names each file it wrote or left alone.
``--format json`` (or ``--json``) prints that as one object instead:
``{"lang", "package", "output", "files": [{"path", "status"}]}``, a status
being ``wrote`` or ``unchanged`` (``package`` null: the default, from the catalog id).
"""

from __future__ import annotations

import click

from errdex.cli.common import inside, load_or_exit, save
from errdex.cli.one_catalog import one_catalog
from errdex.cli.output import format_option, write_json
from errdex.cli.paths import PathParam, catalog_path
from errdex.convert.code import LANGS, generate


@click.command()
@click.argument("path", type=catalog_path())
@click.option("--lang", type=click.Choice(LANGS), required=True, help="Language to generate.")
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=PathParam(
        "the output folder",
        "give a folder to write into, or . for the current folder",
        file_okay=False,
    ),
    default=".",
    show_default=True,
    help="Folder to write the files into (created when missing).",
)
@click.option(
    "--package",
    help="Python module, Go package, Rust module or TypeScript file name (default: catalog id).",
)
@format_option
def gen(path: str, lang: str, out_dir: str, package: str | None, output_format: str) -> None:
    """Generate LANG source for the catalog at PATH: constants, typed errors, lookup, decode."""
    path = one_catalog(path)
    catalog = load_or_exit(path)
    if package is not None and not package.replace("_", "a").replace("-", "a").isalnum():
        raise click.BadParameter(
            f"{package!r} is not a valid name; use letters, digits, '_' or '-'",
            param_hint="--package",
        )
    as_json = output_format == "json"
    files: list[dict[str, str]] = []
    for name, data in generate(catalog, lang, package).items():
        target = inside("gen", out_dir, name)
        if target.is_file() and target.read_bytes() == data:
            status = "unchanged"
        else:
            save("gen", target, data)
            status = "wrote"
        files.append({"path": str(target), "status": status})
        if not as_json:
            click.echo(f"{status} {target}", err=True)
    if as_json:
        write_json(
            {
                "lang": lang,
                "package": package,
                "output": out_dir,
                "files": files,
            }
        )
