"""The Markdown export in its three layouts: ``list``, ``table`` and ``sections``."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import errdex
from errdex.convert import import_document
from errdex.convert.html import anchor, render_html
from errdex.convert.markdown import render_markdown
from errdex.model import Catalog


def test_list_is_one_bullet_per_code_with_its_message(doc_catalog: Catalog) -> None:
    text = render_markdown(doc_catalog, style="list")
    assert text.startswith("# Shop API\n\nErrors of the shop.\n\n")
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert bullets == [
        '- <a id="app-AUTH-1"></a>`AUTH-1` - The token expired {age} seconds ago.',
        "- <a id=\"app-AUTH-2\"></a>`AUTH-2` - =cmd|' /C calc'!A0",
        '- <a id="app-AUTH-3"></a>`AUTH-3` - Gone.',
    ]
    assert "## Auth Errors" not in text  # the list layout shows no modules


def test_table_has_a_heading_per_module_and_escapes_pipes(doc_catalog: Catalog) -> None:
    lines = render_markdown(doc_catalog).splitlines()  # table is the default
    assert "## Auth Errors" in lines
    header = lines[lines.index("## Auth Errors") + 2]
    assert header.split(" | ") == [
        "| Error Code",
        "Error Name",
        "Error Message",
        "Description",
        "Solution",
        "HTTP Status",
        "Status |",
    ]
    assert "| <a id=\"app-AUTH-2\"></a>AUTH-2 |  | =cmd\\|' /C calc'!A0 |  |  | 403 |  |" in lines
    assert '| <a id="app-AUTH-3"></a>AUTH-3 |  | Gone. |  |  | 401 | removed: merged |' in lines


def test_sections_give_each_code_a_heading_and_labelled_bullets(doc_catalog: Catalog) -> None:
    text = render_markdown(doc_catalog, style="sections")
    block = text.split('### <a id="app-AUTH-1"></a>`AUTH-1`\n\n', 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == [
        "- **Error Code:** `AUTH-1`",
        "- **Error Name:** `invalidJWT`",
        "- **Error Message:** The token expired {age} seconds ago.",
        "- **Description:** The token is *bad*.",
        "- **Solution:** Log in again.",
        "- **HTTP Status:** 401",
    ]
    assert (
        "- **Status:** removed: merged" in text.split('### <a id="app-AUTH-3"></a>`AUTH-3`', 1)[1]
    )


def test_a_chinese_locale_gives_chinese_labels_and_the_translation(doc_catalog: Catalog) -> None:
    text = render_markdown(doc_catalog, locale="zh-CN")
    assert "| 错误码 | 错误名称 | 消息描述 |" in text
    assert "令牌已于 {age} 秒前过期。" in text


def test_several_spaces_get_a_heading_each() -> None:
    catalog = errdex.loads(
        '[catalog]\nid = "two"\n[spaces.http]\nkind = "http"\ntitle = "HTTP Status Codes"\n'
        '[spaces.rpc]\nkind = "jsonrpc"\n'
        '[[errors]]\ncode = 404\nspace = "http"\nmessage = "Not found"\n'
        '[[errors]]\ncode = -32000\nspace = "rpc"\nmessage = "Server error"\n',
        "toml",
    )
    lines = render_markdown(catalog, style="list").splitlines()
    assert "## HTTP Status Codes" in lines and "## rpc" in lines
    assert lines.index('- <a id="http-404"></a>`404` - Not found') < lines.index("## rpc")


def test_an_unknown_style_is_refused_with_the_choices(doc_catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="unknown Markdown style 'grid'; choose list, table or"):
        render_markdown(doc_catalog, style="grid")


HOSTILE = """\
[catalog]
id = "odd"
title = "Odd errors"
[[errors]]
code = 'a"b <c>&d onmouseover=alert(1)'
message = "quotes and tags"
[[errors]]
code = -32000
message = "negative"
[[errors]]
code = "x y|z"
message = "blanks"
"""

ROUND_TRIP = """\
[catalog]
id = "odd"
title = "Odd errors"
[[errors]]
code = -32000
message = "negative"
[[errors]]
code = "E<1>"
message = "a tag-like code"
[[errors]]
code = "E.1-x_y"
message = "punctuation"
"""

_ANCHOR = re.compile(r'<a id="([^"]*)"></a>')


class _Anchors(HTMLParser):
    """The attributes of every ``<a>`` without an ``href`` in an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[list[tuple[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and not any(k == "href" for k, _ in attrs):
            self.found.append(attrs)


@pytest.mark.parametrize("style", ["table", "list", "sections"])
def test_every_layout_gives_each_code_the_html_exports_id(doc_catalog: Catalog, style: str) -> None:
    text = render_markdown(doc_catalog, style=style)
    ids = _ANCHOR.findall(text)
    assert ids == [anchor(e.space, e.code) for e in doc_catalog.entries]
    assert ids == ["app-AUTH-1", "app-AUTH-2", "app-AUTH-3"]
    html_ids = re.findall(r'<tr id="([^"]*)"', render_html(doc_catalog))
    assert ids == html_ids  # page.md#app-AUTH-1 and page.html#app-AUTH-1 reach the same code


@pytest.mark.parametrize("renderer", ["python-markdown", "markdown-it"])
@pytest.mark.parametrize("style", ["table", "list", "sections"])
def test_a_link_to_a_code_resolves_in_the_rendered_page(
    doc_catalog: Catalog, style: str, renderer: str
) -> None:
    text = render_markdown(doc_catalog, style=style) + "\nSee [AUTH-2](#app-AUTH-2).\n"
    if renderer == "python-markdown":
        page = pytest.importorskip("markdown").markdown(text, extensions=["tables"])
    else:
        md = pytest.importorskip("markdown_it").MarkdownIt("commonmark").enable("table")
        page = md.render(text)
    assert '<a href="#app-AUTH-2">AUTH-2</a>' in page
    # the link's target is an element with its id, right before the code it names
    assert re.search(r'<a id="app-AUTH-2"></a>(?:<code>)?AUTH-2', page), page
    parser = _Anchors()
    parser.feed(page)
    assert parser.found == [[("id", i)] for i in ("app-AUTH-1", "app-AUTH-2", "app-AUTH-3")]


@pytest.mark.parametrize("renderer", ["python-markdown", "markdown-it"])
@pytest.mark.parametrize("style", ["table", "list", "sections"])
def test_hostile_codes_give_attribute_safe_ids(style: str, renderer: str) -> None:
    catalog = errdex.loads(HOSTILE, "toml")
    text = render_markdown(catalog, style=style)
    ids = ["app-a_b_c_d_onmouseover_alert_1_", "app--32000", "app-x_y_z"]
    assert _ANCHOR.findall(text) == ids
    if renderer == "python-markdown":
        page = pytest.importorskip("markdown").markdown(text, extensions=["tables"])
    else:
        md = pytest.importorskip("markdown_it").MarkdownIt("commonmark").enable("table")
        page = md.render(text)
    parser = _Anchors()
    parser.feed(page)
    # each anchor is one element with one id attribute: no quote or tag of a code broke out
    assert parser.found == [[("id", i)] for i in ids]


@pytest.mark.parametrize("style", ["table", "list", "sections"])
def test_the_importer_reads_the_anchored_export_back(style: str) -> None:
    catalog = errdex.loads(ROUND_TRIP, "toml")
    result = import_document(render_markdown(catalog, style=style), "markdown")
    assert result.diagnostics == []
    back = errdex.loads(result.to_toml())
    assert [e.code for e in back.entries] == [e.code for e in catalog.entries]
    assert [e.message for e in back.entries] == [e.message for e in catalog.entries]
    assert "<a" not in result.to_toml() and "app-" not in result.to_toml()


def test_a_hand_written_anchor_before_a_prose_bullet_is_kept_as_prose() -> None:
    text = '# Errors\n\nIntro:\n\n- <a id="x"></a>see below\n\n## Codes\n\n- `E100` - Broken\n'
    result = import_document(text, "markdown")
    back = errdex.loads(result.to_toml())
    assert [e.code for e in back.entries] == ["E100"]
    assert back.meta.description is not None and '<a id="x"></a>see below' in back.meta.description
