"""The safe Markdown subset (errdex.io.richtext, shared with the HTML export): paragraphs,
lists, emphasis, strong, code, safe links, headings as strong paragraphs; the rest is text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from errdex.directory.web.markup import MAX_TEXT, clip, highlight, rich, short


def test_code_strong_and_links() -> None:
    html = rich("Use `sql.ErrNoRows` and **always** see [docs](https://x.dev/a?b=1&c=2).")
    assert html == (
        "<p>Use <code>sql.ErrNoRows</code> and <strong>always</strong> see "
        '<a href="https://x.dev/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">docs</a>.</p>'
    )


def test_other_schemes_stay_text() -> None:
    for url in (
        "javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example",
        "ftp://x",
    ):
        assert "<a" not in rich(f"[x]({url})")


def test_paragraphs_and_escaping() -> None:
    assert rich("a <b>\n\nc & d") == "<p>a &lt;b&gt;</p><p>c &amp; d</p>"
    assert rich("") == "" and rich(None) == ""


def test_clip_and_short_bound_texts() -> None:
    assert len(clip("x" * 10 * MAX_TEXT)) == MAX_TEXT
    assert clip("abc", 2) == "a…"
    assert short("a\n  b " + "c" * 1000).startswith("a b c") and len(short("c" * 10_000)) == 300


def test_highlight_marks_spans_escaped() -> None:
    assert highlight("a<b>c", [(1, 4)]) == "a<mark>&lt;b&gt;</mark>c"
    assert highlight("abc", [(2, 99), (0, 1)]) == "<mark>a</mark>b<mark>c</mark>"


SAFE = ("http", "https", "mailto")


@given(st.text(max_size=300) | st.text(alphabet="ab*_`[]()<>:/#-+1. \n", max_size=80))
def test_rich_never_lets_markup_through(text: str) -> None:
    html = str(rich(text))
    stripped = html
    for tag in ("p", "code", "strong", "em", "ul", "li", "pre"):
        stripped = stripped.replace(f"<{tag}>", "").replace(f"</{tag}>", "")
    stripped = stripped.replace("</ol>", "").replace("</a>", "").replace("<br />", "")
    stripped = re.sub(r'<ol(?: start="\d+")?>', "", stripped)
    for href in re.findall(r'<a href="([^"<>]*)" rel="nofollow noopener noreferrer">', stripped):
        scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", href)
        assert not href.startswith("//") and (scheme is None or scheme[1] in SAFE), href
    stripped = re.sub(r'<a href="[^"<>]*" rel="nofollow noopener noreferrer">', "", stripped)
    assert "<" not in stripped and ">" not in stripped.replace("&gt;", "")


def test_the_subset_is_the_html_exports() -> None:
    """One renderer: the directory shows a text as the HTML export shows it."""
    from errdex.convert.html import md_block

    text = "| a | b |\n|---|---|\n| x | y |\n\n# heading\n\n*em* and <b>x</b>\n\n- one\n- two"
    assert str(rich(text)) == md_block(text)
    assert "<table" not in md_block(text) and "<h1" not in md_block(text)
    assert "<p><strong>heading</strong></p>" in md_block(text)
    assert "<em>em</em> and &lt;b&gt;x&lt;/b&gt;" in md_block(text)
    assert "<ul><li>one</li><li>two</li></ul>" in md_block(text)
