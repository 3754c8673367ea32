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
    rows = [line for line in text.split("\n") if line.startswith('| <a id="')]  # CommonMark lines
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


def test_rst_writes_the_markdown_as_markup_and_escapes_the_rest(catalog):
    text = render_doc(catalog, "rst")
    assert "*not bold* *nor this*" in text  # Markdown emphasis is reST emphasis
    assert "use ``x`` or ``y``" in text  # and code spans literals
    assert "a \\| b \\|\\| c" in text  # a substitution reference stays text


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


ROLE_TRICKS = [
    "see {download}`x.txt`",
    "see \\{download}`x.txt`",  # an escaped brace: one more backslash would revive the role
    "`a\n\n{download}`x.txt`",  # backticks in two paragraphs are no code span
    "`a\n# {download}`x.txt`",  # nor across a heading
    "\\`x {download}`x.txt`",  # an escaped backtick opens no code span
    "\\\\{download}`x.txt`",
]


@pytest.mark.parametrize("text", ROLE_TRICKS)
def test_no_myst_role_comes_alive_in_a_text(text):
    pytest.importorskip("myst_parser")
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    from errdex.convert.escape import myst_inline

    md = create_md_parser(MdParserConfig(), RendererHTML)
    tokens = [c for t in md.parse(myst_inline(text)) for c in t.children or []]
    assert [c.meta.get("name") for c in tokens if c.type == "myst_role"] == []


def test_code_spans_show_lt_and_amp_once_in_markdown_and_myst():
    markdown_it = pytest.importorskip("markdown_it")
    cat = loads(
        '[catalog]\nid = "t"\n\n[[errors]]\ncode = 1\nname = "a"\n'
        'message = "Use `<T>` or `a & b` or `&lt;` but not <b>"\n'
    )
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table")
    for fmt in ("markdown", "myst"):
        text = render_doc(cat, fmt)
        page = md.render(text)
        if fmt == "markdown":
            assert "<code>&lt;T&gt;</code>" in page, text
            assert "<code>a &amp; b</code>" in page and "<code>&amp;lt;</code>" in page, text
            assert "<b>" not in page
        else:  # the csv-table is a fence to plain markdown-it: read the cell as written
            assert '"Use `<T>` or `a & b` or `&lt;` but not &lt;b>"' in text
    back = loads(import_document(render_doc(cat, "markdown"), "markdown").to_toml())
    assert back.entries[0].message == cat.entries[0].message


@pytest.mark.parametrize("renderer", ["python-markdown", "markdown-it"])
def test_a_backslash_before_a_pipe_keeps_the_row_whole(catalog, renderer):
    """``a \\| b``: Python-Markdown (MkDocs) split the cell at ``\\\\|`` and lost the rest."""
    import html

    text = render_doc(catalog, "markdown", style="table")
    if renderer == "python-markdown":
        page = pytest.importorskip("markdown").markdown(text, extensions=["tables"])
    else:
        page = pytest.importorskip("markdown_it").MarkdownIt("commonmark").enable("table")
        page = page.render(text)
    row = re.search(r'<tr>\s*<td[^>]*><a id="app-1008"></a>1008</td>(.*?)</tr>', page, re.S)
    assert row is not None
    cells = [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)]
    assert cells == ["n8", NASTY["backslash"], NASTY["backslash"]]


def test_code_spans_are_found_in_linear_time_whatever_the_backticks():
    """Backtick runs of many lengths, many roles and many spans: each text is scanned
    once (no search to the line's end per run, no span list walked per role)."""
    from errdex.convert.escape import code_spans, myst_inline

    many_lengths = "".join("`" * k + "x" for k in range(1, 1500)) + "<b>"
    assert code_spans(many_lengths) == []  # no run closes another of its length
    assert code_spans("`x` " * 20_000)[-1] == (79_996, 79_999)
    assert myst_inline("{a}`x` " * 20_000).count("\\{a}") == 20_000
    assert md_inline_count("`a` <b> " * 20_000) == 20_000


def md_inline_count(text: str) -> int:
    from errdex.convert.escape import md_inline

    return md_inline(text).count("&lt;b>")


@pytest.mark.parametrize(
    "text",
    ["# heading", "intro\n\n## two\n\ntail", "   # three spaces", "not # a heading", "&#35; typed"],
)
def test_a_csv_table_cell_opens_no_heading_and_reads_back(text: str) -> None:
    pytest.importorskip("myst_parser")
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    from errdex.convert.escape import myst_cell, myst_cell_unescape

    cell = myst_cell(text)
    md = create_md_parser(MdParserConfig(), RendererHTML)
    assert [t.type for t in md.parse(cell) if t.type == "heading_open"] == []
    assert myst_cell_unescape(cell) == text
    if text.lstrip().startswith("#"):
        assert "#" in md.render(cell)  # it still reads '#'
