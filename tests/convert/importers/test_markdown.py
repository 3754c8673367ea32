"""Markdown error pages: a heading per code with name and message bullets, and error sections."""

from __future__ import annotations

from importer_cases import FIXTURES

from errdex.convert import import_document
from errdex.io import loads


def _import(path):
    result = import_document(path.read_text(encoding="utf-8"), name=path.name)
    assert result.data is not None, [d.message for d in result.diagnostics]
    return result, loads(result.to_toml())


def test_binance_code_headings_with_name_and_message_bullets_become_variants():
    result, catalog = _import(FIXTURES / "markdown" / "binance_spot_errors.md")
    entries = {e.code: e for e in catalog.entries}
    assert len(entries) == 104
    unknown = entries[-1000]
    assert (unknown.name, unknown.message, unknown.module) == (
        "UNKNOWN",
        "An unknown error occurred while processing the request.",
        "10xx---general-server-or-network-issues",
    )
    assert catalog.modules[unknown.module].title == "10xx - General Server or Network issues"
    busy = entries[-1003]
    assert busy.name == "TOO_MANY_REQUESTS" and busy.message == "Too many requests queued."
    assert [v.message for v in busy.variants] == [
        "Too much request weight used; current limit is %s request weight per %s. Please use "
        "WebSocket Streams for live updates to avoid polling the API.",
        "Way too much request weight used; IP banned until %s. Please use WebSocket Streams "
        "for live updates to avoid bans.",
    ]
    # a heading whose text is no identifier is the entry's title
    assert entries[-2021].title == "Order cancel-replace partially failed"
    # the tables of messages that belong to several codes are reported, not guessed
    assert any("has no code column" in d.message for d in result.diagnostics)


def test_binance_chinese_page_keeps_the_chinese_titles_and_messages():
    _, catalog = _import(FIXTURES / "markdown" / "binance_spot_errors_CN.md")
    entries = {e.code: e for e in catalog.entries}
    assert len(entries) == 104
    assert (entries[-1000].title, entries[-1000].message) == ("未知错误", "未知错误")
    assert entries[-1008].name == "SERVER_BUSY"
    assert catalog.meta.default_locale == "zh-CN"


def test_code_span_bullets_outside_an_error_section_are_not_invented_entries():
    text = (
        "# Node API\n\n## Supported methods\n\n- `eth_call` - executes a call\n"
        "- `eth_chainId` - the chain id\n\n## Error codes\n\n- `-32000` - server error\n"
    )
    result = import_document(text, name="spec.md")
    assert [e["code"] for e in result.data["errors"]] == [-32000]
    assert any("is not an error listing" in d.message for d in result.diagnostics)
