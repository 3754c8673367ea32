"""The reST export: ``.. _label:`` targets, underlined titles, one ``csv-table`` per module."""

from __future__ import annotations

import io

import pytest

import errdex
from errdex.convert.rst import render_rst
from errdex.model import Catalog


def test_titles_are_underlined_by_level_and_labelled(doc_catalog: Catalog) -> None:
    lines = render_rst(doc_catalog).splitlines()
    assert lines[:4] == [".. _shop:", "", "Shop API", "========"]
    at = lines.index("Auth Errors")
    assert lines[at + 1] == "-----------"
    assert lines[at - 2] == ".. _shop--app--auth:"


def test_rows_are_indented_in_a_csv_table_with_markdown_as_markup(
    doc_catalog: Catalog,
) -> None:
    text = render_rst(doc_catalog)
    assert '.. csv-table::\n   :header: "Error Code", ' in text
    assert (
        '   ".. _shop--app--code-AUTH-1:\n\n   AUTH-1", "invalidJWT", '
        '"The token expired {age} seconds ago.", '
    ) in text
    assert '"The token is *bad*."' in text  # Markdown emphasis, written as reST emphasis
    assert "\"=cmd\\|' /C calc'!A0\"" in text
    assert '   ".. _shop--app--code-AUTH-3:\n\n   AUTH-3", ' in text  # its label opens its row


def test_a_wide_title_gets_an_underline_as_wide_as_it_shows() -> None:
    catalog = errdex.loads('[catalog]\nid = "c"\ntitle = "错误码"\n[[errors]]\ncode = 1\n', "toml")
    lines = render_rst(catalog).splitlines()
    at = lines.index("错误码")
    assert lines[at + 1] == "======"  # three wide characters take six columns


def test_the_output_parses_without_warnings(doc_catalog: Catalog) -> None:
    docutils_core = pytest.importorskip("docutils.core", reason="pip install docutils")
    errors = io.StringIO()
    docutils_core.publish_doctree(
        render_rst(doc_catalog), settings_overrides={"warning_stream": errors, "report_level": 2}
    )
    assert errors.getvalue() == ""
