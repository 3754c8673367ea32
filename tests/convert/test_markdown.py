"""The Markdown export in its three layouts: ``list``, ``table`` and ``sections``."""

from __future__ import annotations

import pytest

import errdex
from errdex.convert.markdown import render_markdown
from errdex.model import Catalog


def test_list_is_one_bullet_per_code_with_its_message(doc_catalog: Catalog) -> None:
    text = render_markdown(doc_catalog, style="list")
    assert text.startswith("# Shop API\n\nErrors of the shop.\n\n")
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert bullets == [
        "- `AUTH-1` - The token expired {age} seconds ago.",
        "- `AUTH-2` - =cmd|' /C calc'!A0",
        "- `AUTH-3` - Gone.",
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
    assert "| AUTH-2 |  | =cmd\\|' /C calc'!A0 |  |  | 403 |  |" in lines
    assert "| AUTH-3 |  | Gone. |  |  | 401 | removed |" in lines


def test_sections_give_each_code_a_heading_and_labelled_bullets(doc_catalog: Catalog) -> None:
    text = render_markdown(doc_catalog, style="sections")
    block = text.split("### `AUTH-1`\n\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == [
        "- **Error Code:** `AUTH-1`",
        "- **Error Name:** `invalidJWT`",
        "- **Error Message:** The token expired {age} seconds ago.",
        "- **Description:** The token is *bad*.",
        "- **Solution:** Log in again.",
        "- **HTTP Status:** 401",
    ]
    assert "- **Status:** removed" in text.split("### `AUTH-3`", 1)[1]


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
    assert lines.index("- `404` - Not found") < lines.index("## rpc")


def test_an_unknown_style_is_refused_with_the_choices(doc_catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="unknown Markdown style 'grid'; choose list, table or"):
        render_markdown(doc_catalog, style="grid")
