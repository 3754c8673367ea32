"""The one Markdown subset of catalog texts (shared by the HTML export, the reST export and
the web directory): what it renders, what stays text, which links it allows."""

from __future__ import annotations

import pytest

from errdex.io.richtext import parse, safe_url, to_html, to_html_inline


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "javascript&#58;alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "ftp://x",
        "//evil.example/x",
        "\\\\\\\\evil.example",  # Markdown source: two backslashes, a browser reads //
        "/\\\\evil.example",
    ],
)
def test_unsafe_urls_are_refused(url: str) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    "url", ["https://x.dev/a?b=1", "http://x", "mailto:a@b.c", "./guide#x", "/docs", "#app-E1"]
)
def test_safe_urls_are_kept(url: str) -> None:
    assert safe_url(url) == url


def test_the_subset_renders_paragraphs_lists_emphasis_code_and_links() -> None:
    html = to_html("*em* **strong** `code` [docs](https://x.dev)\n\n- a\n- b\n\n1. c")
    assert html == (
        "<p><em>em</em> <strong>strong</strong> <code>code</code> "
        '<a href="https://x.dev" rel="nofollow noopener noreferrer">docs</a></p>'
        "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>"
    )


def test_headings_are_strong_paragraphs_and_the_rest_stays_text() -> None:
    html = to_html("# Title\n\n| a |\n|---|\n\n<b>x</b>\n\n> quote\n\n![i](https://x/i.png)")
    assert html.startswith("<p><strong>Title</strong></p>")
    assert "<h1" not in html and "<table" not in html and "<blockquote" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<img" not in html and "&gt; quote" in html
    assert to_html("~~gone~~ [x](javascript:alert(1))") == (
        "<p>~~gone~~ [x](javascript:alert(1))</p>"
    )


def test_controls_are_shown_before_parsing() -> None:
    assert to_html_inline("a\x1b[31m b\u202e") == "a␛[31m b⟨U+202E⟩"
    text = "".join(t.content for t in parse("x\x07") if t.type == "inline")
    assert text == "x␇"
