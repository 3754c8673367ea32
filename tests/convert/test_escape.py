"""Texts that would break a document are escaped for each target, and read back intact."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from errdex.convert import import_document, render_doc
from errdex.io import loads

NASTY = {
    "pipe": "a | b || c",
    "newline": "first line\nsecond line",
    "paragraphs": "one\n\ntwo",
    "script": "<script>alert('x')</script>",
    "quotes": "say \"hi\" and 'bye'",
    "backticks": "use `x` or ``y``",
    "entity": "fish &amp; chips &lt;b&gt;",
    "br": "literal <br> tag",
    "backslash": "a \\| b \\",
    "star": "*not bold* _nor this_",
    "indented": "line\n  indented line\u2028after a line separator",
}

CATALOG = "\n".join(
    [
        '[catalog]\nid = "nasty"\ntitle = "Nasty <b>texts</b> | all"\n\n'
        '[modules.m]\ntitle = "Module | one"\n'
    ]
    + [
        f'[[errors]]\ncode = {1000 + i}\nmodule = "m"\nname = "n{i}"\n'
        f"message = {json.dumps(text)}\ndescription = {json.dumps(text)}\n"
        for i, text in enumerate(NASTY.values())
    ]
)


@pytest.fixture(scope="module")
def catalog():
    return loads(CATALOG)


def test_markdown_table_escapes_cells(catalog):
    text = render_doc(catalog, "markdown", style="table")
    assert "<script>" not in text and "&lt;script>" in text
    assert "| a \\| b \\|\\| c |" in text
    assert "first line<br>second line" in text
    assert "literal &lt;br> tag" in text
    assert "fish &amp;amp; chips" in text
    rows = [line for line in text.split("\n") if line.startswith("| 10")]  # CommonMark lines
    assert len(rows) == len(NASTY)  # one row per line
    for line in rows:  # code, name, message, description: no cell split by a text
        assert len(re.split(r"(?<!\\)\|", line.strip())) - 2 == 4


@pytest.mark.parametrize("layout", ["table", "sections", "list"])
def test_markdown_layouts_read_back_exactly(catalog, layout):
    result = import_document(render_doc(catalog, "markdown", style=layout), "markdown")
    assert [d for d in result.diagnostics if d.severity == "warning"] == []
    back = loads(result.to_toml())
    assert [e.message for e in back.entries] == list(NASTY.values())
    if layout != "list":
        assert [e.description for e in back.entries] == list(NASTY.values())
        assert back.modules[back.entries[0].module].title == "Module | one"
    assert back.meta.title == "Nasty <b>texts</b> | all"


def test_myst_reads_back_exactly(catalog):
    back = loads(import_document(render_doc(catalog, "myst"), "myst").to_toml())
    assert [e.message for e in back.entries] == list(NASTY.values())
    assert [e.description for e in back.entries] == list(NASTY.values())


def test_csv_is_rfc4180(catalog):
    text = render_doc(catalog, "csv")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:3] == ["code", "space", "module"]
    assert [r[5] for r in rows[1:]] == list(NASTY.values())
    assert '"say ""hi"" and \'bye\'"' in text
    back = loads(import_document(text, "csv").to_toml())
    assert [e.message for e in back.entries] == list(NASTY.values())


def test_html_escapes_every_text(catalog):
    text = render_doc(catalog, "html")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<b>" not in text
    assert "say &quot;hi&quot; and 'bye'" in text  # markdown-it: quotes in text are inert
    assert "src=" not in text and "<link" not in text  # self-contained: no external assets


def test_rst_escapes_inline_markup(catalog):
    text = render_doc(catalog, "rst")
    assert "\\*not bold\\* \\_nor this\\_" in text
    assert "use \\`x\\` or \\`\\`y\\`\\`" in text
    assert "a \\| b \\|\\| c" in text


def test_rst_parses_without_warnings(catalog):
    """Indented continuation lines and U+2028 (a line end to docutils) stay inside cells."""
    docutils_core = pytest.importorskip("docutils.core")
    from docutils import nodes

    tree = docutils_core.publish_doctree(
        render_doc(catalog, "rst"),
        settings_overrides={"report_level": 5, "halt_level": 5, "warning_stream": False},
    )
    assert [m.astext() for m in tree.findall(nodes.system_message)] == []
    assert "indented line" in tree.astext()


def test_fences_in_examples_are_longer_than_the_body():
    catalog = loads(
        '[catalog]\nid = "x"\n\n[[errors]]\ncode = 1\nmessage = "m"\n\n'
        '[[errors.examples]]\nlang = "markdown"\nbody = "```\\ninner\\n```"\n'
    )
    text = render_doc(catalog, "markdown")
    assert "````markdown\n```\ninner\n```\n````" in text
    back = loads(import_document(text, "markdown").to_toml())
    assert back.entries[0].examples[0].body == "```\ninner\n```"
