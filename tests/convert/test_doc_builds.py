"""The MyST output builds with Sphinx (myst-parser) and the Markdown output with MkDocs,
in the catalogs' own locale and with ``--locale zh-CN`` (every heading translated)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import errdex
from catalogs import ROOT
from errdex.convert import render_doc
from errdex.model import Catalog

EXAMPLES = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")


@pytest.mark.slow
def test_sphinx_builds_the_myst_pages(tmp_path, review_catalog):
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    src = tmp_path / "src"
    src.mkdir()
    # ZAN's texts link to pages of ZAN's own site (./zh-CN/guide/...): not in this build
    conf = (
        'extensions = ["myst_parser"]\nproject = "errdex"\n'
        'suppress_warnings = ["myst.xref_missing"]\n'
    )
    (src / "conf.py").write_text(conf, encoding="utf-8")
    pages = [*EXAMPLES, *(f"{n}-zh" for n in EXAMPLES)]
    toc = "\n".join([*pages, *(f"{n}-rst" for n in pages), "review", "review-rst"])
    refs = (  # a {ref} to one code of MyST pages and of a reST page
        "See {ref}`code 4306 <yuanrong--sdk--code-4306>`, "
        "{ref}`AUTH-ERR-4 <csghub--app--code-AUTH-ERR-4>`, "
        "{ref}`4306 in reST <yuanrong-rst--sdk--code-4306>` and "
        "{ref}`AUTH-3 <evil--app--code-AUTH-3>`.\n"
    )
    (src / "review.md").write_text(render_doc(review_catalog, "myst"), encoding="utf-8")
    review_rst = render_doc(review_catalog, "rst").replace(".. _evil", ".. _evil-rst")
    (src / "review-rst.rst").write_text(review_rst.replace("<evil--", "<evil-rst--"), "utf-8")
    (src / "index.md").write_text(
        f"# Errors\n\n{refs}\n```{{toctree}}\n{toc}\n```\n", encoding="utf-8"
    )
    for name in EXAMPLES:
        catalog = errdex.load(ROOT / "examples" / name)
        for page, locale in ((name, None), (f"{name}-zh", "zh-CN")):
            myst = render_doc(catalog, "myst", locale=locale).replace(f"({name}", f"({page}")
            (src / f"{page}.md").write_text(myst, encoding="utf-8")
            rst = render_doc(catalog, "rst", locale=locale).replace(
                f".. _{name}", f".. _{page}-rst"
            )
            (src / f"{page}-rst.rst").write_text(rst, encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "--keep-going",
            "-q",
            str(src),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "html" / "yuanrong.html").read_text(encoding="utf-8")
    assert "<table" in page and "4306" in page and "subcribe stream failed" in page
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert 'href="yuanrong.html#yuanrong-sdk-code-4306"' in index
    assert 'href="csghub.html#csghub-app-code-auth-err-4"' in index
    assert 'href="yuanrong-rst.html#yuanrong-rst-sdk-code-4306"' in index
    assert 'href="review.html#evil-app-code-auth-3"' in index
    assert '<th class="head"></th>' not in page  # no empty header row under the real one
    html = tmp_path / "html"
    # each {ref} lands on its code: the id opens that code's own row, not the table above
    for name, ident, code in (
        ("yuanrong", "yuanrong-sdk-code-4306", "4306"),
        ("yuanrong-rst", "yuanrong-rst-sdk-code-4306", "4306"),
        ("csghub", "csghub-app-code-auth-err-4", "AUTH-ERR-4"),
        ("review", "evil-app-code-auth-3", "AUTH-3"),
        ("review-rst", "evil-rst-app-code-auth-3", "AUTH-3"),
    ):
        assert_row_anchor((html / f"{name}.html").read_text(encoding="utf-8"), ident, code)
    for name in ("review", "review-rst"):  # the tombstones' replacement links reach AUTH-1
        review = (html / f"{name}.html").read_text(encoding="utf-8")
        ident = "evil-app-code-auth-1" if name == "review" else "evil-rst-app-code-auth-1"
        assert review.count(f'href="#{ident}"') == 2, name
        assert_row_anchor(review, ident, "AUTH-1")


def assert_row_anchor(page: str, ident: str, code: str) -> None:
    """The element carrying ``id`` is the first cell's content of the row showing ``code``."""
    m = re.search(rf'<tr[^>]*>\s*<td[^>]*>\s*<p id="{re.escape(ident)}">([^<]*)</p>', page)
    assert m is not None, (ident, page.count(f'id="{ident}"'))
    assert m.group(1).strip() == code


def every_code_anchor_opens_its_row(page: str, catalog: Catalog) -> None:
    """Every code's target id is on that code's own row (docutils lower-cases ids)."""
    from errdex.convert.layout import CodeLabels, Layout

    labels = CodeLabels.of(Layout(catalog))
    for entry in catalog.entries:
        ident = re.sub(r"[^a-z0-9]+", "-", labels[id(entry)].lower()).strip("-")
        assert_row_anchor(page, ident, str(entry.code))


@pytest.mark.parametrize("locale", [None, "zh-CN"])
def test_docutils_builds_every_rst_page_without_a_warning(locale):
    core = pytest.importorskip("docutils.core")
    for name in EXAMPLES:
        catalog = errdex.load(ROOT / "examples" / name)
        page = core.publish_string(
            render_doc(catalog, "rst", locale=locale),
            writer="html5",
            settings_overrides={"halt_level": 2, "report_level": 2, "output_encoding": "unicode"},
        )
        assert "<table" in page, name
        every_code_anchor_opens_its_row(page, catalog)


@pytest.mark.slow
def test_mkdocs_builds_the_markdown_pages(tmp_path, review_catalog):
    pytest.importorskip("mkdocs")
    docs = tmp_path / "docs"
    docs.mkdir()
    nav = []
    for name in EXAMPLES:
        catalog = errdex.load(ROOT / "examples" / name)
        for style in ("list", "table", "sections"):
            for suffix, locale in (("", None), ("-zh", "zh-CN")):
                page = f"{name}-{style}{suffix}.md"
                text = render_doc(catalog, "markdown", style=style, locale=locale)
                (docs / page).write_text(text, encoding="utf-8")
                nav.append(f"  - {page}")
    for style in ("list", "table", "sections"):
        page = f"review-{style}.md"
        (docs / page).write_text(render_doc(review_catalog, "markdown", style=style), "utf-8")
        nav.append(f"  - {page}")
    (docs / "index.md").write_text("# Errors\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: errdex\nmarkdown_extensions:\n  - tables\n  - fenced_code\nnav:\n  - index.md\n"
        + "\n".join(nav)
        + "\n",
        encoding="utf-8",
    )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            str(tmp_path / "mkdocs.yml"),
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    page = (tmp_path / "site" / "zan-table" / "index.html").read_text(encoding="utf-8")
    assert "<table>" in page and "-32700<br>-32600" in page
    for style in ("list", "table", "sections"):  # the tombstones link to AUTH-1's anchor
        page = (tmp_path / "site" / f"review-{style}" / "index.html").read_text(encoding="utf-8")
        assert page.count('href="#app-AUTH-1"') == 2, style
        assert page.count('id="app-AUTH-1"') == 1, style
