"""The MyST output builds with Sphinx (myst-parser) and the Markdown output with MkDocs,
in the catalogs' own locale and with ``--locale zh-CN`` (every heading translated)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import errdex
from catalogs import ROOT
from errdex.convert import render_doc

EXAMPLES = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")


@pytest.mark.slow
def test_sphinx_builds_the_myst_pages(tmp_path):
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
    toc = "\n".join([*pages, *(f"{n}-rst" for n in pages)])
    refs = (  # a {ref} to one code of a MyST page and of a reST page
        "See {ref}`code 4306 <yuanrong--sdk--code-4306>` and "
        "{ref}`AUTH-ERR-4 <csghub--app--code-AUTH-ERR-4>`.\n"
    )
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
    assert '<th class="head"></th>' not in page  # no empty header row under the real one


@pytest.mark.parametrize("locale", [None, "zh-CN"])
def test_docutils_builds_every_rst_page_without_a_warning(locale):
    core = pytest.importorskip("docutils.core")
    for name in EXAMPLES:
        page = core.publish_string(
            render_doc(errdex.load(ROOT / "examples" / name), "rst", locale=locale),
            writer="html5",
            settings_overrides={"halt_level": 2, "report_level": 2, "output_encoding": "unicode"},
        )
        assert "<table" in page, name


@pytest.mark.slow
def test_mkdocs_builds_the_markdown_pages(tmp_path):
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
