"""The safe Markdown subset: escape first, then code spans, strong and http(s) links only."""

from __future__ import annotations

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


@given(st.text(max_size=300))
def test_rich_never_lets_markup_through(text: str) -> None:
    html = str(rich(text))
    stripped = html
    for tag in ("<p>", "</p>", "<code>", "</code>", "<strong>", "</strong>", "</a>"):
        stripped = stripped.replace(tag, "")
    stripped = __import__("re").sub(
        r'<a href="https?://[^"<>]*" rel="nofollow noopener noreferrer">', "", stripped
    )
    assert "<" not in stripped and ">" not in stripped.replace("&gt;", "")
