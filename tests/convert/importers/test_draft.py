"""The importers' draft catalog: cell values converted or reported, guesses, repeats merged."""

from __future__ import annotations

import pytest

from errdex.convert.importers.draft import Draft, parse_code, slug
from errdex.io import SourceFile


def _draft(text: str = "") -> Draft:
    return Draft(SourceFile(None, text, "toml", display="doc.md"))


def _messages(draft: Draft) -> list[str]:
    return [d.message for d in draft.diagnostics]


def test_slug_and_parse_code() -> None:
    assert slug("  Auth Errors! ") == "auth-errors"
    assert slug("v1.2_beta") == "v1.2_beta"
    assert slug("错误") == ""
    assert (parse_code(" 1054 "), parse_code("-32000"), parse_code("AUTH-4")) == (
        1054,
        -32000,
        "AUTH-4",
    )
    assert parse_code("two words") is None and parse_code("  ") is None


@pytest.mark.parametrize(
    ("role", "raw", "stored"),
    [
        ("http_status", "404", {"http_status": 404}),
        ("jsonrpc_code", "-32000", {"jsonrpc_code": -32000}),
        ("retry_after", "30", {"retry_after": 30}),
        ("retryable", "是", {"retryable": True}),
        ("retryable", "No", {"retryable": False}),
        ("retry", "yes", {"retryable": True}),  # a yes/no Retry column is the shorthand
        ("retry", "Idempotent-Only", {"retry": "idempotent-only"}),
        ("fault", "Client", {"fault": "client"}),
        ("status", "Deprecated", {"status": "deprecated"}),
        ("name_or_message", "invalidJWT", {"name": "invalidJWT"}),
        ("name_or_message", "Token is bad", {"message": "Token is bad"}),
        ("message", "", {}),
    ],
)
def test_set_value_converts_a_cell(role: str, raw: str, stored: dict[str, object]) -> None:
    draft = _draft()
    entry: dict[str, object] = {}
    draft.set_value(entry, role, raw, 3)
    assert entry == stored and draft.diagnostics == []


@pytest.mark.parametrize(
    ("role", "raw", "message"),
    [
        ("http_status", "abc", "http_status 'abc' is not an integer; not imported"),
        ("http_status", "700", "HTTP status 700 is outside 100-599; not imported"),
        ("retry_after", "-1", "retry_after -1 is negative; not imported"),
        ("retryable", "maybe", "retryable 'maybe' is not yes/no or true/false; not imported"),
        ("status", "gone", "status 'gone' is not active, deprecated or removed; not imported"),
    ],
)
def test_set_value_reports_a_cell_it_cannot_convert(role: str, raw: str, message: str) -> None:
    draft = _draft()
    entry: dict[str, object] = {}
    draft.set_value(entry, role, raw, 7, col=4)
    assert entry == {}
    assert _messages(draft) == [message]
    assert draft.diagnostics[0].rule.id == "I001"
    assert "doc.md:7:4" in draft.diagnostics[0].location


def test_a_fault_outside_the_list_names_the_allowed_values() -> None:
    draft = _draft()
    draft.set_value({}, "fault", "someone", 2)
    assert _messages(draft)[0].startswith("fault 'someone' is not one of ")


def test_several_statuses_in_one_cell_keep_the_first_and_say_so() -> None:
    draft = _draft()
    entry: dict[str, object] = {}
    draft.set_value(entry, "http_status", "400, 403", 5)
    assert entry == {"http_status": 400}
    assert _messages(draft) == ["HTTP statuses '400, 403' listed; the first, 400, is imported"]


def test_nothing_found_is_reported_with_what_was_seen() -> None:
    draft = _draft()
    draft.unplaced(4, "a table without a code column")
    assert draft.finish(None, "doc.md") is None
    assert _messages(draft)[-1] == (
        "no error codes found in the document: 1 structures seen, none an error listing "
        "(each is named below)"
    )


def test_finish_guesses_space_kinds_ids_and_the_language() -> None:
    draft = _draft()
    draft.title = "错误码 文档"
    http = draft.add_space(None, "HTTP Status Codes")
    rpc = draft.add_space(None, "JSON-RPC")
    draft.add_entry({"code": 404, "_space": http, "space": http}, 3)
    draft.add_entry({"code": -32000, "space": rpc}, 5)
    data = draft.finish(None, "doc.md", http_codes=True)
    assert data is not None
    assert data["catalog"] == {
        "id": "doc",  # the title has no ASCII letter: the file name
        "title": "错误码 文档",
        "default_locale": "zh-CN",
        "default_space": "http-status-codes",
    }
    assert data["spaces"] == {
        "http-status-codes": {"kind": "http", "title": "HTTP Status Codes"},
        "json-rpc": {"kind": "jsonrpc", "title": "JSON-RPC"},
    }
    # an HTTP space's code is its status; keys starting with "_" are left out
    assert data["errors"][0] == {"code": 404, "space": "http-status-codes", "http_status": 404}


def test_ids_are_unique_and_the_file_name_names_an_untitled_catalog() -> None:
    draft = _draft()
    space = draft.add_space(None, "Errors")
    assert draft.add_module(None, "Auth", space) == "auth"
    assert draft.add_module(None, "Auth", space) == "auth-2"
    assert draft.add_module(None, None, space) == "module-3"
    draft.add_entry({"code": 1, "module": "auth"}, 1)
    data = draft.finish(None, "my-errors.md")
    assert data is not None and data["catalog"]["id"] == "my-errors"
    assert data["catalog"]["default_locale"] == "en"


def test_a_code_listed_twice_in_one_section_is_merged_with_a_note() -> None:
    draft = _draft()
    module = draft.add_module(None, "Auth", draft.add_space(None, "Errors"))
    draft.add_entry({"code": 1, "module": module, "message": "a", "description": "d1"}, 3)
    draft.add_entry({"code": 1, "module": module, "message": "b", "description": "d2"}, 4)
    draft.add_entry({"code": 1, "module": module, "http_status": 400}, 5)
    data = draft.finish(None, "doc.md")
    assert data is not None
    assert data["errors"] == [
        {
            "code": 1,
            "module": "auth",
            "message": "a",
            "description": "d1\n\nd2",
            "variants": [{"message": "b"}],
            "http_status": 400,
        }
    ]
    assert _messages(draft) == ["code 1 is listed 3 times (lines 3, 4, 5); merged into one entry"]


def test_a_carried_code_gets_the_status_of_the_http_entry_listing_it() -> None:
    draft = _draft()
    http = draft.add_space(None, "HTTP")
    app = draft.add_space(None, "App")
    draft.add_entry({"code": 429, "space": http}, 2)
    draft.add_entry({"code": 1051, "space": app}, 8)
    draft.carried(0, [("1051", 2), ("9999", 2)])
    data = draft.finish(None, "doc.md")
    assert data is not None
    assert data["errors"][1] == {"code": 1051, "space": "app", "http_status": 429}
    assert _messages(draft) == [
        "code 9999 listed under 429 is not in the document; the mapping was not imported"
    ]


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_a_lifecycle_cell_of_the_html_export_reads_back_state_reason_and_replacement(
    locale: str,
) -> None:
    # render_html writes "deprecated: merged (use E2 instead)" (已弃用: merged (请改用 E2))
    import errdex
    from errdex.convert import import_document, render_doc

    catalog = errdex.loads(
        '[catalog]\nid = "life"\n\n[[errors]]\ncode = "E1"\nmessage = "Old."\n'
        'status = "deprecated"\nreason = "merged: see E2"\nreplaced_by = 7\n\n'
        '[[errors]]\ncode = 7\nmessage = "New."\n\n'
        '[[errors]]\ncode = "E3"\nmessage = "Gone."\nstatus = "removed"\n',
        "toml",
    )
    result = import_document(render_doc(catalog, "html", locale=locale), "markdown")
    assert result.data is not None and result.diagnostics == []
    assert [
        (e["code"], e.get("status"), e.get("reason"), e.get("replaced_by"))
        for e in result.data["errors"]
    ] == [
        ("E1", "deprecated", "merged: see E2", 7),
        (7, None, None, None),
        ("E3", "removed", None, None),
    ]


@pytest.mark.parametrize(
    "cell", ["deprecated (see the docs)", "retired", "已弃用 (请看文档)", "removed: x (use)"]
)
def test_a_status_cell_errdex_did_not_write_is_reported_not_guessed(cell: str) -> None:
    draft = _draft()
    entry: dict[str, object] = {}
    draft.set_value(entry, "status", cell, 3)
    assert entry == {}
    assert _messages(draft) == [
        f"status {cell!r} is not active, deprecated or removed; not imported"
    ]


def test_a_huge_status_cell_is_read_in_linear_time() -> None:
    # a cell is split on ':' and the last bracket, never matched by a backtracking pattern
    for cell in ("a" + " " * 200_000 + "(", "deprecated: " + "a " * 100_000 + "((", ":" * 200_000):
        draft = _draft()
        entry: dict[str, object] = {}
        draft.set_value(entry, "status", cell, 1)
        assert "status" not in entry or entry["status"] == "deprecated"
