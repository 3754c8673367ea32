"""CSV layouts: section rows, no header row, "Error detail" headers; the failure message."""

from __future__ import annotations

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
