"""``errdex export PATH --format F``: print or write a catalog as JSON or as a document.

``json`` is the canonical JSON (it loads back as the same catalog); the other
formats are documents made by :mod:`errdex.convert`: ``markdown`` (``--style
list|table|sections``), ``myst``, ``rst``, ``csv``, ``html`` and ``openapi``.
``--locale`` renders translated texts, falling back to the source text. Catalog
text never reaches a terminal raw (:func:`errdex.cli.screen.write_data`).
"""

from __future__ import annotations

import click

from errdex.cli.common import fail, load_or_exit, save
from errdex.cli.one_catalog import one_catalog
from errdex.cli.output import progress
from errdex.cli.paths import catalog_path, output_path
from errdex.cli.screen import write_data
from errdex.convert import DOC_FORMATS, STYLES

FORMATS = ("json", *DOC_FORMATS)


@click.command()
@click.argument("path", type=catalog_path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--style", type=click.Choice(STYLES), default=None, help="Markdown layout (default: table)."
)
@click.option(
    "--locale", default=None, help="Render texts in this locale (falls back to the source text)."
)
@click.option(
    "-o",
    "--output",
    type=output_path("the output file", dir_okay=False),
    help="Write to this file (atomically) instead of stdout.",
)
def export(path: str, fmt: str, style: str | None, locale: str | None, output: str | None) -> None:
    """Export the catalog at PATH as canonical JSON or as a document."""
    if style is not None and fmt != "markdown":
        raise click.UsageError("--style applies to --format markdown only")
    if locale is not None:
        from errdex.model.locales import is_locale_tag

        if not is_locale_tag(locale):
            fail(
                "export",
                f"--locale {locale!r} is not a BCP 47 language tag",
                "give a tag such as en or zh-CN, or leave --locale out",
            )
    shown = fmt != "json"  # a progress bar on a terminal, never beside JSON
    path = one_catalog(path)
    catalog = load_or_exit(path, show_progress=shown)
    if (
        locale is not None
        and catalog.meta.locales
        and locale not in catalog.meta.locales
        and locale != catalog.meta.default_locale
    ):
        click.echo(
            f"errdex export: note: {path} does not promise locale {locale!r} "
            f"(it has {', '.join(catalog.meta.locales)}); "
            f"untranslated texts stay in {catalog.meta.default_locale}",
            err=True,
        )
    if fmt == "json":
        from errdex.io.export import to_json

        data = to_json(catalog)
    else:
        from errdex.convert import render_doc

        with progress(f"Writing {fmt}", show=shown):
            data = render_doc(catalog, fmt, style=style, locale=locale).encode("utf-8")
    if output:
        save("export", output, data)
    else:
        write_data(data)
