"""CSV layouts: section rows, no header row, "Error detail" headers; the failure message."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from errdex.cli.main import cli
from errdex.convert import import_document


def test_section_rows_open_modules_and_a_missing_header_is_read_by_position():
    text = "**AUTH**,,\n1001,Bad token,The token is bad\n1002,Expired,\n**DB**,,\n2001,Down,\n"
    result = import_document(text, "csv", name="codes.csv")
    assert result.data["modules"] == {
        "auth": {"title": "AUTH", "space": "app"},
        "db": {"title": "DB", "space": "app"},
    }
    assert [(e["code"], e["module"], e.get("message")) for e in result.data["errors"]] == [
        (1001, "auth", "Bad token"),
        (1002, "auth", "Expired"),
        (2001, "db", "Down"),
    ]
    assert result.data["errors"][0]["description"] == "The token is bad"
    # reading by position is a guess, and says so (empty cells make no notes)
    assert [d.message for d in result.diagnostics] == [
        "the file has no header row; columns read by position: code, message, description"
    ]


def test_error_detail_and_error_description_headers():
    text = "Code,Error detail\n**AUTH**,\nE1,The token is bad\n"
    result = import_document(text, "csv", name="codes.csv")
    assert result.data["errors"] == [
        {"code": "E1", "description": "The token is bad", "module": "auth"}
    ]
    assert result.diagnostics == []


def test_a_failed_import_names_what_it_saw_and_the_from_that_would_work(tmp_path):
    path = tmp_path / "codes.md"
    path.write_text("code,message\n1,a\n2,b\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path)])
    assert result.exit_code == 2
    assert "no error codes found in the document" in result.output
    assert "read as markdown" in result.output
    assert "`--from csv` would take 2 codes from it" in result.output


FIXTURES = Path(__file__).parent / "fixtures"


def _import(name: str) -> tuple[list[dict[str, Any]], list[str]]:
    path = FIXTURES / name
    result = import_document(path.read_text(encoding="utf-8"), "csv", name=name)
    assert result.data is not None
    return result.data["errors"], [d.message for d in result.diagnostics]


def test_telegram_name_codes_description_reads_the_name_as_code_and_codes_as_status():
    # Telethon's telethon_generator/data/errors.csv: "name,codes,description"
    entries, messages = _import("csv/telethon_errors.csv")
    rows = list(csv.reader((FIXTURES / "csv/telethon_errors.csv").open(encoding="utf-8")))[1:]
    assert [e["code"] for e in entries] == [r[0] for r in rows]  # every row, in order
    assert len(entries) == 526
    by_code = {e["code"]: e for e in entries}
    assert by_code["FLOOD_WAIT_X"] == {
        "code": "FLOOD_WAIT_X",
        "http_status": 420,
        "description": "A wait of {seconds} seconds is required",
    }
    assert by_code["Timeout"]["description"] == "Timeout while fetching data"
    assert by_code["CHAT_ADMIN_REQUIRED"]["http_status"] == 400  # "400 403": the first
    assert messages[0].startswith("no column is named code: column 1 'name'")
    several = [m for m in messages if m.startswith("HTTP statuses ")]
    assert "HTTP statuses '400 403' listed; the first, 400, is imported" in several
    assert len(several) == sum(1 for r in rows if " " in r[1].strip())
    # -503 is Telegram's own, not an HTTP status: reported, not imported, not lost silently
    odd = [r[0] for r in rows if r[1].strip().startswith("-")]
    assert odd and all("http_status" not in by_code[c] for c in odd)
    assert messages.count("HTTP status -503 is outside 100-599; not imported") == len(odd)


def test_pyrogram_status_files_take_status_and_module_from_the_file_name():
    # Pyrogram's compiler/errors/source/NNN_TITLE.tsv: "id\tmessage", one file per status
    entries, messages = _import("csv/401_UNAUTHORIZED.tsv")
    assert [e["code"] for e in entries] == [
        "ACTIVE_USER_REQUIRED", "AUTH_KEY_INVALID", "AUTH_KEY_PERM_EMPTY",
        "AUTH_KEY_UNREGISTERED", "SESSION_EXPIRED", "SESSION_PASSWORD_NEEDED",
        "SESSION_REVOKED", "USER_DEACTIVATED", "USER_DEACTIVATED_BAN",
    ]  # fmt: skip
    assert {(e["http_status"], e["module"]) for e in entries} == {(401, "unauthorized")}
    assert entries[1]["message"] == "The key is invalid"
    see_other, _ = _import("csv/303_SEE_OTHER.tsv")
    assert see_other[0] == {
        "code": "FILE_MIGRATE_X",
        "module": "see_other",
        "message": "The file to be accessed is currently stored in DC{value}",
        "http_status": 303,
    }
    assert messages == [
        "no column is named code: column 1 'id' holds unique symbols and is read as the code",
        "the file's name gives every row HTTP status 401 and module 'UNAUTHORIZED'",
    ]


def test_a_name_column_of_people_is_not_taken_for_codes():
    text = "name,age\nAlice Smith,30\nBob Jones,41\n"
    result = import_document(text, "csv", name="people.csv")
    assert result.data is None
