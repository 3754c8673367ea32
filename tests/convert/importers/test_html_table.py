"""Raw HTML tables inside Markdown error pages: status and code columns, rowspans, Chinese specs."""

from __future__ import annotations

from importer_cases import FIXTURES, HELDOUT

from errdex.convert import import_document
from errdex.io import loads


def _import(path):
    result = import_document(path.read_text(encoding="utf-8"), name=path.name)
    assert result.data is not None, [d.message for d in result.diagnostics]
    return result, loads(result.to_toml())


def test_html_tables_in_markdown_with_status_and_error_code_columns():
    _, catalog = _import(FIXTURES / "html" / "otc_dcs_error_codes.md")
    first = catalog.entries[0]
    assert (first.code, first.http_status, first.description) == (
        111400002,
        400,
        "Invalid project ID format.",
    )
    assert len(catalog.entries) == 112
    assert catalog.meta.title == "DCS Error Codes"  # the <a name=…></a> anchor is dropped


def test_html_table_category_column_and_rowspans_give_modules():
    result, catalog = _import(FIXTURES / "html" / "otc_dns_error_codes.md")
    entries = {e.code: e for e in catalog.entries}
    assert len(entries) == 95
    assert (entries["DNS.0001"].module, entries["DNS.0001"].message) == (
        "general",
        "Internal error.",
    )
    assert catalog.modules["general"].title == "General"
    assert entries["DNS.0001"].solution.startswith("Retry the operation.")
    # "404/500" is two statuses in one cell: the first kept, both named in a report
    two = [d.message for d in result.diagnostics if "'404/500'" in d.message]
    assert two == ["HTTP statuses '404/500' listed; the first, 404, is imported"]


def test_heldout_html_pages_keep_every_row():
    for path in sorted((HELDOUT / "html").glob("*.md")):
        rows = path.read_text(encoding="utf-8").count("<tr")
        _, catalog = _import(path)
        tables = path.read_text(encoding="utf-8").count("<table")
        kept = len(catalog.entries) / (rows - tables)
        print(f"held-out {path.name}: {kept:.1%} of {rows - tables} rows")
        assert kept >= 0.95


def test_cann_long_operator_spec_reads_its_chinese_html_error_tables_only():
    # hicann/ops-nn's aclnnElu doc: a 24 KB operator spec (Chinese), parameter tables,
    # a C++ program, and two HTML error tables 返回码 | 错误码 | 描述 with rowspans,
    # inside list items. The numeric 错误码 is the code, the 返回码 symbol its name.
    result, catalog = _import(FIXTURES / "html_zh" / "cann_aclnnElu.md")
    assert [(e.code, e.name) for e in catalog.entries] == [
        (161001, "ACLNN_ERR_PARAM_NULLPTR"),
        (161002, "ACLNN_ERR_PARAM_INVALID"),
    ]
    invalid = catalog.entries[1]
    conditions = invalid.description.split("\n\n")
    assert conditions[:2] == [
        "参数self的数据类型不在支持的范围之内。",
        "参数alpha、scale、inputScale的数据类型不可转换为FLOAT。",
    ]
    assert len(conditions) == 7  # five rows of the first table, two new ones of the second
    assert not invalid.examples  # the C++ call example belongs to no error code
    messages = [d.message for d in result.diagnostics]
    assert (
        "code 161002 is listed 8 times (lines 210, 215, 218, 221, 224, 388, 393, 396); "
        "merged into one entry"
    ) in messages
    assert any("outside the section of code 161002" in m for m in messages)
    assert any("'参数名 | 输入/输出 | 描述' has no code column" in m for m in messages)


def test_cann_second_operator_spec_gives_the_same_codes_with_its_own_conditions():
    _, catalog = _import(FIXTURES / "html_zh" / "cann_aclnnClippedSwiglu.md")
    assert [(e.code, e.name, e.description) for e in catalog.entries] == [
        (161001, "ACLNN_ERR_PARAM_NULLPTR", "传入的x、out是空指针。"),
        (
            161002,
            "ACLNN_ERR_PARAM_INVALID",
            "输入或输出的数据类型不在支持的范围内。\n\n输入或输出的参数维度不在支持的范围内。"
            "\n\ndim不在指定的取值范围内。",
        ),
    ]
    assert catalog.meta.default_locale == "zh-CN"


def test_a_code_repeated_in_one_table_is_one_entry_its_other_messages_variants():
    text = (
        "# Errors\n\n| Code | Message | HTTP Status |\n| --- | --- | --- |\n"
        "| E1 | Token expired | 401 |\n| E1 | Token revoked | 403 |\n| E2 | Busy | 503 |\n"
    )
    result = import_document(text, "markdown", name="errors.md")
    assert result.data["errors"] == [
        {
            "code": "E1",
            "message": "Token expired",
            "http_status": 401,
            "variants": [{"message": "Token revoked"}],
        },
        {"code": "E2", "message": "Busy", "http_status": 503},
    ]
    messages = [d.message for d in result.diagnostics]
    assert "http_status 403 of code E1 differs from 401 at line 5; the first is kept" in messages
