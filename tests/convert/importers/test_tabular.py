"""Table rows into entries by column role: headers, guessed code columns, cells, bad rows."""

from __future__ import annotations

from typing import Any

from errdex.convert.importers.draft import Draft
from errdex.convert.importers.tabular import add_rows, header_roles, strip_emphasis
from errdex.io import SourceFile


def _draft() -> Draft:
    return Draft(SourceFile(None, "", "toml", display="doc.md"))


def _messages(draft: Draft) -> list[str]:
    return [d.message for d in draft.diagnostics]


def test_strip_emphasis_takes_whole_cell_bold_only() -> None:
    assert strip_emphasis(" **AUTH-1** ") == "AUTH-1"
    assert strip_emphasis("__x__") == "x"
    assert strip_emphasis("**a** and **b**") == "**a** and **b**"


def test_header_roles_by_name_with_unknown_and_repeated_columns_reported() -> None:
    draft = _draft()
    roles = header_roles(draft, ["Error Code", "Message", "Owner", "Msg"], 4)
    assert roles == ["code", "message", None, None]
    assert _messages(draft) == [
        "column 3 'Owner' is not a catalog field; its cells are not imported",
        "column 4 'Msg' repeats the message column; its cells are not imported",
    ]


def test_no_code_column_gives_none() -> None:
    draft = _draft()
    assert header_roles(draft, ["Message", "Description"], 1) is None


def test_a_status_code_beside_an_error_code_is_the_http_status() -> None:
    assert header_roles(_draft(), ["Error Code", "Status Code", "Message"], 1) == [
        "code",
        "http_status",
        "message",
    ]


def test_a_name_column_of_unique_symbols_is_read_as_the_code() -> None:
    draft = _draft()
    rows = [["ABOUT_TOO_LONG", "400", "About is too long"], ["FLOOD_WAIT_X", "420", "Wait"]]
    roles = header_roles(draft, ["name", "codes", "description"], 1, rows)
    assert roles == ["code", "http_status", "description"]
    assert _messages(draft) == [
        "no column is named code: column 1 'name' holds unique symbols and is read as the "
        "code; 'codes' holds HTTP statuses"
    ]


def test_a_symbol_beside_a_number_is_the_name_and_the_number_the_code() -> None:
    rows = [["ACLNN_ERR_PARAM_NULLPTR", "161001", "null"], ["ACLNN_ERR_INNER", "561000", "x"]]
    roles = header_roles(_draft(), ["返回码", "错误码", "描述"], 1, rows)
    assert roles == ["name", "code", "description"]


def test_add_rows_makes_an_entry_per_row_and_reports_bad_rows() -> None:
    draft = _draft()
    roles = ["code", "name", "message", "http_status"]
    rows = [
        (5, ["`1051`", "`invalidJWT`", "Bad \\| token", "401"]),
        (6, ["two codes", "", "", ""]),
        (7, ["1052", "", "ok", "402", "extra"]),
    ]
    placed: list[dict[str, Any]] = []

    def place(entry: dict[str, Any]) -> None:
        entry["module"] = "auth"
        placed.append(entry)

    added = add_rows(draft, roles, rows, lambda t: t.replace("\\|", "|"), place)
    assert added == [0, 1]
    assert draft.entries == [
        {"code": 1051, "module": "auth", "name": "invalidJWT", "message": "Bad | token",
         "http_status": 401},
        {"code": 1052, "module": "auth", "message": "ok", "http_status": 402},
    ]  # fmt: skip
    assert placed == draft.entries
    assert _messages(draft) == [
        "row 'two codes |  |  | ' has no single code in its code column; not imported",
        "the row has 5 cells but the header 4; the extra cells are not imported",
    ]


def test_a_carried_column_records_the_codes_each_status_carries() -> None:
    draft = _draft()
    http = draft.add_space(None, "HTTP")
    app = draft.add_space(None, "App")
    add_rows(
        draft,
        ["code", "carried"],
        [(2, ["429", "1051"])],
        lambda t: t,
        lambda e: e.update(space=http),
    )
    draft.add_entry({"code": 1051, "space": app}, 9)
    data = draft.finish(None, "doc.md")
    assert data is not None
    assert data["errors"][1]["http_status"] == 429
