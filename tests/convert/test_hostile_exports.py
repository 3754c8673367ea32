"""Hostile catalog texts stay text in every docs toolchain that reads errdex's exports.

The hostile catalog (:mod:`hostile`) is exported to Markdown, MyST, reST, CSV and
HTML, and each export is built by the real toolchain a team publishes with:
python-markdown, markdown-it-py with HTML on, docutils with file insertion and
raw HTML enabled (its defaults), and Sphinx with myst-parser. The built HTML
must hold no script, no event handler, no link or source whose scheme is not
http, https, mailto or relative, and nothing of the file the payloads include.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_docs import SECRET_FILE_MARK, hostile_catalog

from errdex.convert import render_doc

URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "xlink:href"}


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRS and value is not None and not _allowed(value):
                self.found.append(f"<{tag} {name}={value!r}>")


def _allowed(url: str) -> bool:
    """What a browser does with an attribute value already decoded once by the parser."""
    probe = re.sub(r"[\x00-\x20\x7f]", "", url)
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", probe)
    return m is None or m.group(1).lower() in ("http", "https", "mailto")


def live_content(html: str) -> list[str]:
    """Scripts, event handlers and non-allowed links in ``html`` (empty when safe)."""
    parser = _Live()
    parser.feed(html)
    return parser.found


@pytest.fixture(scope="module")
def secret(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.txt"
    path.write_text(SECRET_FILE_MARK + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def catalog(secret):
    return hostile_catalog(str(secret))


def test_the_checker_itself_sees_live_content():
    page = '<p><a href="javascript:alert(1)">x</a><script>1</script><img onerror="x"></p>'
    assert len(live_content(page)) == 3


@pytest.mark.parametrize("style", ["table", "sections", "list"])
def test_python_markdown_renders_no_live_content(catalog, style):
    markdown = pytest.importorskip("markdown")
    page = markdown.markdown(
        render_doc(catalog, "markdown", style=style), extensions=["tables", "fenced_code"]
    )
    assert live_content(page) == []


@pytest.mark.parametrize(
    "fmt,style", [("markdown", "table"), ("markdown", "sections"), ("myst", None)]
)
def test_markdown_it_with_html_on_renders_no_live_content(catalog, fmt, style):
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table")
    md.validateLink = lambda url: True  # judge errdex's escaping, not markdown-it's own guard
    page = md.render(render_doc(catalog, fmt, style=style))
    assert live_content(page) == []


def test_docutils_renders_no_live_content_and_reads_no_file(catalog):
    core = pytest.importorskip("docutils.core")
    page = core.publish_string(
        render_doc(catalog, "rst"),
        writer="html5",
        settings_overrides={"report_level": 5, "halt_level": 5, "output_encoding": "unicode"},
    )
    assert isinstance(page, str)
    assert SECRET_FILE_MARK not in page
    assert live_content(page) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the text is still there, as text


@pytest.mark.slow
def test_sphinx_with_myst_renders_no_live_content_and_reads_no_file(catalog, tmp_path):
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["myst_parser"]\nproject = "x"\n')
    (src / "index.md").write_text("# Index\n\n```{toctree}\nmyst\nrst\n```\n")
    (src / "myst.md").write_text(render_doc(catalog, "myst"), encoding="utf-8")
    (src / "rst.rst").write_text(render_doc(catalog, "rst"), encoding="utf-8")
    out = tmp_path / "html"
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert not (out / "_downloads").exists()
    for name in ("myst.html", "rst.html"):
        page = (out / name).read_text(encoding="utf-8")
        assert SECRET_FILE_MARK not in page, name
        body = page.split("<body", 1)[1]
        assert [x for x in live_content(body) if x != "<script>"] == [], name
        assert "alert(1)</script>" not in body, name
        assert "xref download" not in body, name  # a live {download} role, file found or not


def test_csv_cells_never_start_a_formula(catalog):
    rows = list(csv.reader(io.StringIO(render_doc(catalog, "csv"))))
    assert len(rows) == len(catalog.entries) + 1
    for row in rows[1:]:
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                float(cell)  # only a plain number may start like a formula


def test_csv_neutralised_cells_read_back_as_written(catalog):
    from errdex.convert import import_document
    from errdex.io import loads

    back = loads(import_document(render_doc(catalog, "csv"), "csv").to_toml())
    assert [e.message for e in back.entries] == [e.message for e in catalog.entries]


def test_the_html_export_holds_no_live_content(catalog):
    page = render_doc(catalog, "html")
    assert live_content(page) == []
    assert "<script" not in page


def test_a_heading_in_an_entry_text_is_no_section_in_the_myst_table() -> None:
    from pathlib import Path

    import errdex
    from errdex.convert import import_document, render_doc

    catalog = errdex.load(Path(__file__).parent / "fixtures" / "review" / "errdex.toml")
    text = render_doc(catalog, "myst")
    assert "\n# heading" not in text and "&#35; heading" in text
    data = import_document(text, "myst").data
    assert data is not None
    solutions = {str(e["code"]): e.get("solution") for e in data["errors"]}
    original = {str(e.code): e.solution for e in catalog.entries}
    assert solutions == original
