"""The HTML export is ready to publish: rendered Markdown, light and dark, 390 px, clean TOC.

Every example's page is checked as HTML (ids unique, the table of contents
without repeats, catalog Markdown rendered, tombstones explained) and in real
headless Chromium (Debian's ``chromium`` driven by Playwright): light, dark and
390 px wide, with screenshots in ``test-artifacts/``. Chromium tests skip with
the reason shown when the browser or Playwright is missing.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

import errdex
from catalogs import ROOT
from errdex.convert import render_doc
from errdex.io import loads

ARTIFACTS = ROOT / "test-artifacts"
EXAMPLES = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {n: render_doc(errdex.load(ROOT / "examples" / n), "html") for n in EXAMPLES}


@pytest.mark.parametrize("name", EXAMPLES)
def test_ids_are_unique_and_the_toc_lists_each_heading_once(pages, name):
    page = pages[name]
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    nav = re.search(r"<nav>(.*?)</nav>", page, re.S)
    if nav:
        links = re.findall(r'href="#([^"]+)"', nav.group(1))
        texts = re.findall(r">([^<]+)</a>", nav.group(1))
        assert len(links) == len(set(links)) and len(texts) == len(set(texts)), texts
        assert all(link in ids for link in links)


def test_catalog_markdown_is_rendered_not_shown_raw(pages):
    zan = pages["zan"]
    assert "<a href=" in zan  # ZAN's texts link to its guide
    assert "](" not in zan
    assert "**" not in pages["csghub"]


def test_code_spans_are_not_double_escaped_and_html_stays_off():
    cat = loads(
        '[catalog]\nid = "t"\n\n[[errors]]\ncode = 1\nname = "a"\n'
        'message = "Use `<b>` or `a & b`"\ndescription = "<script>x</script> [l](javascript:x)"\n'
    )
    page = render_doc(cat, "html")
    assert "<code>&lt;b&gt;</code>" in page and "<code>a &amp; b</code>" in page
    assert "&amp;lt;" not in page
    assert "<script>x" not in page and 'href="javascript' not in page


def test_a_tombstone_shows_its_reason_and_replacement():
    cat = loads(
        '[catalog]\nid = "t"\n\n[[errors]]\ncode = 1\nname = "a"\nmessage = "A."\n'
        'status = "removed"\nreason = "merged into 2"\nreplaced_by = 2\n\n'
        '[[errors]]\ncode = 2\nname = "b"\nmessage = "B."\n'
    )
    page = render_doc(cat, "html")
    row = re.search(r'<tr id="app-1".*?</tr>', page, re.S)
    assert row is not None
    assert "removed: merged into 2" in row.group()
    assert '(use <a href="#app-2"><code>2</code></a> instead)' in row.group()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        yield b
        b.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    "scheme,width", [("light", 1200), ("dark", 1200), ("light", 390), ("dark", 390)]
)
def test_the_page_in_chromium_light_dark_and_390px(browser, pages, tmp_path, scheme, width):
    ARTIFACTS.mkdir(exist_ok=True)
    file = tmp_path / "zan.html"
    file.write_text(pages["zan"], encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(file.as_uri())
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert (background == "rgb(13, 17, 23)") == (scheme == "dark"), background
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow} px wide at a {width} px viewport"
    page.screenshot(path=str(ARTIFACTS / f"html-export-zan-{scheme}-{width}.png"), full_page=False)
    context.close()
    assert errors == []


def test_an_entry_text_is_rendered_as_the_directory_renders_it(review_catalog) -> None:
    """One Markdown subset (errdex.io.richtext): a heading in a solution is a strong
    paragraph, not an <h1> inside a cell, and a Markdown table is text, not a table in a
    table."""
    page = render_doc(review_catalog, "html")
    assert page.count("<h1") == 1  # the page's title only
    assert page.count("<table") == 1  # the module's table, nothing nested in its cells
    assert "<p><strong>heading</strong></p>" in page
    assert "<p>| a | b |\n|---|---|\n| x | y |</p>" in page
