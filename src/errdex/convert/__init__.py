"""The convert layer: documents generated from a catalog, and catalogs imported from documents.

Generators (``errdex export --format F``) turn a :class:`~errdex.model.Catalog`
into Markdown (three layouts), MyST, reStructuredText, CSV, one HTML page or
OpenAPI 3.1 components; :func:`render_doc` picks one. Importers (``errdex
import``) read the error documents teams already publish — Markdown lists,
tables and sections, MyST ``{csv-table}``, CSV, JSON — into catalog data and
report every line they could not place; :func:`import_document` runs one.

This layer imports the model and catalog io only. Nothing here is imported by
``import errdex``; each format's module is loaded when it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from errdex.convert.importers import ImportResult
    from errdex.model import Catalog

DOC_FORMATS = ("markdown", "myst", "rst", "csv", "html", "openapi")
"""Document formats :func:`render_doc` writes."""

STYLES = ("list", "table", "sections")
"""Markdown layouts: a bullet list, tables per section, a heading per code."""

IMPORT_FORMATS = ("auto", "markdown", "myst", "csv", "json", "errcodes")
"""Input formats :func:`import_document` reads (``auto`` guesses from name and text)."""


def render_doc(
    catalog: Catalog, fmt: str, *, style: str | None = None, locale: str | None = None
) -> str:
    """Render ``catalog`` as a document in ``fmt`` (see :data:`DOC_FORMATS`).

    ``style`` chooses the Markdown layout (default ``table``); ``locale`` renders
    the entries' translated texts, falling back to the source text. The output
    is deterministic: the same catalog always gives the same text.
    """
    if fmt == "markdown":
        from errdex.convert.markdown import render_markdown

        return render_markdown(catalog, style=style or "table", locale=locale)
    if fmt == "myst":
        from errdex.convert.myst import render_myst

        return render_myst(catalog, locale=locale)
    if fmt == "rst":
        from errdex.convert.rst import render_rst

        return render_rst(catalog, locale=locale)
    if fmt == "csv":
        from errdex.convert.csvdoc import render_csv

        return render_csv(catalog, locale=locale)
    if fmt == "html":
        from errdex.convert.html import render_html

        return render_html(catalog, locale=locale)
    if fmt == "openapi":
        from errdex.convert.openapi import render_openapi

        return render_openapi(catalog, locale=locale)
    raise ValueError(f"unknown document format {fmt!r}; choose one of {', '.join(DOC_FORMATS)}")


def import_document(
    text: str, fmt: str = "auto", *, name: str = "<input>", catalog_id: str | None = None
) -> ImportResult:
    """Import an error document's ``text``; return catalog data and what could not be placed."""
    from errdex.convert.importers import import_text

    return import_text(text, fmt, name=name, catalog_id=catalog_id)


__all__ = ["DOC_FORMATS", "IMPORT_FORMATS", "STYLES", "import_document", "render_doc"]
