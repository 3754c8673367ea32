"""The plan every document generator walks: sections, groups, columns, cells and labels."""

from __future__ import annotations

import pytest

import errdex
from errdex.convert.layout import CodeLabels, Layout, document, text_getter
from errdex.model import Catalog, Entry

GATEWAY = errdex.loads(
    """
[catalog]
id = "gw"
title = "Gateway"
default_locale = "en"

[spaces.http]
kind = "http"

[spaces.rpc]
kind = "jsonrpc"

[spaces.app]
kind = "app"
http_status = 400

[modules.limits]
space = "app"
prefix = "L-"

[[errors]]
code = 429
space = "http"
message = "Too many requests"

[[errors]]
code = -32005
space = "rpc"
name = "limitExceeded"
message = "Limit exceeded"
jsonrpc_code = -32005
http_status = 429

[[errors]]
code = "L-1"
module = "limits"
message = "Slow down"
http_status = 400
fault = "client"

[[errors]]
code = "X-1"
space = "app"
description = "No module, no message"
status = "deprecated"
[errors.translations.zh-CN]
description = "没有模块"
""",
    "toml",
)


def _entry(code: int | str) -> Entry:
    return next(e for e in GATEWAY.entries if e.code == code)


def test_one_section_per_space_and_one_group_per_module_in_order() -> None:
    layout = Layout(GATEWAY)
    assert [(s.space.id, s.heading) for s in layout.sections] == [
        ("http", True),
        ("rpc", True),
        ("app", True),
    ]
    app = layout.sections[2]
    assert [
        (g.module.id if g.module else None, [e.code for e in g.entries]) for g in app.groups
    ] == [
        ("limits", ["L-1"]),
        (None, ["X-1"]),
    ]
    assert layout.title == "Gateway"


def test_a_single_space_catalog_has_no_space_heading(doc_catalog: Catalog) -> None:
    (section,) = Layout(doc_catalog).sections
    assert section.heading is False and section.space.id == "app"


def test_numbers_a_reader_can_infer_are_not_shown() -> None:
    layout = Layout(GATEWAY)
    spaces = GATEWAY.spaces
    assert layout.http_shown(_entry(429), spaces["http"]) is None  # an HTTP entry's own status
    assert layout.jsonrpc_shown(_entry(-32005), spaces["rpc"]) is None  # its own code
    # carried: listed with the HTTP 429 entry, so its status is not repeated
    assert [e.code for e in layout.carried_codes(_entry(429), spaces["http"])] == [-32005]
    assert layout.http_shown(_entry(-32005), spaces["rpc"]) is None
    assert layout.http_shown(_entry("L-1"), spaces["app"]) is None  # the space's default
    assert layout.retry_shown(_entry("L-1"), spaces["app"], "fault") == "client"
    assert layout.carried_codes(_entry("L-1"), spaces["app"]) == []


def test_columns_hold_what_some_entry_of_the_group_has() -> None:
    layout = Layout(GATEWAY)
    http, rpc, app = layout.sections
    assert layout.columns(http.groups[0]) == ["code", "carried", "message"]
    # a name on one entry and a message on it too: separate columns
    assert layout.columns(rpc.groups[0]) == ["code", "name", "message"]
    assert layout.columns(app.groups[0]) == ["code", "message", "fault"]
    assert layout.columns(app.groups[1]) == ["code", "description", "status"]


def test_name_or_message_merges_when_no_entry_has_both() -> None:
    catalog = errdex.loads(
        '[catalog]\nid = "m"\n[[errors]]\ncode = 1\nname = "a"\n'
        '[[errors]]\ncode = 2\nmessage = "two"\n',
        "toml",
    )
    layout = Layout(catalog)
    group = layout.sections[0].groups[0]
    assert layout.columns(group) == ["code", "name_or_message"]
    assert layout.columns(group, merge=False) == ["code", "name", "message"]
    assert [layout.cell(e, "name_or_message", group.space) for e in group.entries] == ["a", "two"]


def test_cells_are_raw_text_or_none() -> None:
    layout = Layout(GATEWAY)
    http = GATEWAY.spaces["http"]
    assert layout.cell(_entry(429), "code", http) == "429"
    assert layout.cell(_entry(429), "carried", http) == "-32005"
    assert layout.cell(_entry("X-1"), "status", GATEWAY.spaces["app"]) == "deprecated"
    assert layout.cell(_entry("L-1"), "status", GATEWAY.spaces["app"]) is None
    assert layout.header("code", http, {"code": "Code", "code_http": "Status Code"}) == (
        "Status Code"
    )
    with pytest.raises(ValueError, match="unknown column role 'colour'"):
        layout.cell(_entry(429), "colour", http)


def test_the_summary_is_the_message_else_title_description_or_name() -> None:
    layout = Layout(GATEWAY)
    assert layout.summary(_entry(429)) == "Too many requests"
    assert layout.summary(_entry("X-1")) == "No module, no message"
    assert Layout(GATEWAY, "zh-CN").summary(_entry("X-1")) == "没有模块"


def test_text_getter_falls_back_to_the_source_text() -> None:
    text = text_getter(GATEWAY, "zh-CN")
    assert text(_entry("X-1"), "description") == "没有模块"
    assert text(_entry(429), "message") == "Too many requests"
    assert text_getter(GATEWAY, None)(_entry("X-1"), "description") == "No module, no message"


def test_document_ends_in_one_newline() -> None:
    assert document(["# T", "", "text", "", ""]) == "# T\n\ntext\n"
    assert document([]) == "\n"


def test_code_labels_are_safe_and_unique_ignoring_case() -> None:
    labels = CodeLabels("my shop")
    assert labels("app", "AUTH/1") == "my_shop--app--code-AUTH_1"
    assert labels("app", "auth/1") == "my_shop--app--code-auth_1-2"
    assert labels("app", "AUTH 1") == "my_shop--app--code-AUTH_1-3"
    assert labels("rpc", -32000) == "my_shop--rpc--code--32000"
