"""``errdex import`` and ``errdex export --format F``: files, exit codes and messages."""

from __future__ import annotations

import json

import pytest
from cli_process import errdex as process
from click.testing import CliRunner

import errdex
from catalogs import ROOT
from errdex.cli.main import cli
from seeds import seed_path


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_import_writes_a_loadable_catalog(tmp_path):
    out = tmp_path / "sq.toml"
    result = run(
        "import", str(seed_path("000_57c94140b9a9e1c2.txt")), "-o", str(out), "--id", "subquery"
    )
    assert result.exit_code == 0, result.output
    catalog = errdex.load(out)
    assert catalog.meta.id == "subquery" and len(catalog) == 122
    assert "wrote" in result.stderr


def test_import_reports_unplaced_lines_and_exits_0_for_warnings_only(tmp_path):
    doc = tmp_path / "errors.md"
    doc.write_text(
        "# E\n\n| Code | Message | Owner |\n| --- | --- | --- |\n| 7 | seven | me |\n",
        encoding="utf-8",
    )
    result = run("import", str(doc))
    assert result.exit_code == 0  # only warnings: 0, the rule of every command
    assert "errors.md:3:1: warning[I001 import-unplaced]: column 3 'Owner'" in result.stderr
    assert 'code = 7\nmessage = "seven"' in result.stdout


def test_import_of_nothing_exits_2(tmp_path):
    doc = tmp_path / "prose.md"
    doc.write_text("Nothing here.\n", encoding="utf-8")
    result = run("import", str(doc))
    assert result.exit_code == 2
    assert "no error codes found" in result.stderr


def test_import_missing_file_is_a_clean_error(tmp_path):
    result = run("import", str(tmp_path / "missing.md"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert "Traceback" not in result.output


def test_import_rejects_a_bad_id(tmp_path):
    result = run("import", str(seed_path("000_57c94140b9a9e1c2.txt")), "--id", "Bad Id")
    assert result.exit_code == 2
    assert "--id" in result.output


def test_import_from_forces_the_format(tmp_path):
    doc = tmp_path / "codes.txt"
    doc.write_text("code,message\n1,one\n", encoding="utf-8")
    result = run("import", str(doc), "--from", "csv")
    assert result.exit_code == 0, result.output
    assert 'message = "one"' in result.stdout


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [
        ("markdown", "| Error Code |"),
        ("myst", "{csv-table}"),
        ("rst", ".. csv-table::"),
        ("csv", "code,space,module"),
        ("html", "<!DOCTYPE html>"),
        ("openapi", '"openapi": "3.1.0"'),
        ("json", '"catalog"'),
    ],
)
def test_export_formats(tmp_path, fmt, marker):
    out = tmp_path / "out"
    result = run("export", str(ROOT / "examples" / "yuanrong"), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert marker in out.read_text(encoding="utf-8")


def test_export_style_and_locale():
    result = run(
        "export",
        str(ROOT / "examples" / "zan"),
        "--format",
        "markdown",
        "--style",
        "list",
        "--locale",
        "en",
    )
    assert result.exit_code == 0, result.output
    assert '- <a id="http-400"></a>`400` - Bad Request' in result.stdout


def test_export_style_needs_markdown():
    result = run("export", str(ROOT / "examples" / "zan"), "--format", "html", "--style", "list")
    assert result.exit_code == 2


def test_export_json_still_loads_back(tmp_path):
    out = tmp_path / "c.json"
    assert run("export", str(ROOT / "examples" / "csghub"), "-o", str(out)).exit_code == 0
    assert errdex.load(out) == errdex.load(ROOT / "examples" / "csghub")
    assert json.loads(out.read_text())["catalog"]["id"] == "csghub"


def test_import_to_an_unwritable_output_exits_2_without_a_traceback(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = blocker / "catalog.toml"
    result = run("import", str(seed_path("000_57c94140b9a9e1c2.txt")), "-o", str(out))
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert f"errdex import: cannot write {out}" in result.stderr


def test_an_empty_file_is_not_taken_for_json(tmp_path):
    empty = tmp_path / "errors"
    empty.write_text("")
    result = run("import", str(empty))
    assert result.exit_code == 2
    assert "JSON" not in result.stderr and "no error codes found" in result.stderr


def test_import_format_json_reports_the_catalog_and_its_findings(tmp_path):
    doc = tmp_path / "errors.md"
    doc.write_text(
        "# E\n\n| Code | Message | Owner |\n| --- | --- | --- |\n| 7 | seven | me |\n",
        encoding="utf-8",
    )
    result = run("import", str(doc), "--format", "json", "--id", "shop")
    assert result.exit_code == 0  # an I001 warning only
    report = json.loads(result.stdout)
    assert set(report) == {"inputs", "from", "output", "catalog", "codes", "diagnostics", "toml"}
    assert report["catalog"] == "shop" and report["codes"] == 1
    assert 'code = 7\nmessage = "seven"' in report["toml"]
    assert report["diagnostics"][0]["rule"] == "I001"
    assert result.stderr == ""
    out = tmp_path / "shop.toml"
    written = run("import", str(doc), "--json", "-o", str(out))
    again = json.loads(written.stdout)
    assert again["output"] == str(out) and again["toml"] is None and out.is_file()


def test_import_format_json_of_nothing_exits_2_with_a_report(tmp_path):
    doc = tmp_path / "prose.md"
    doc.write_text("Nothing here.\n", encoding="utf-8")
    result = run("import", str(doc), "--json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["codes"] == 0 and report["catalog"] is None and report["diagnostics"]


HUGE = (
    "| Code | Name | Message |\n| --- | --- | --- |\n"
    "| 99999999999999999999 | huge | Huge |\n| 7 | seven | Seven |\n"
)


def test_a_code_no_wire_holds_is_reported_as_check_would_and_left_out(tmp_path):
    doc = tmp_path / "errors.md"
    doc.write_text(HUGE, encoding="utf-8")
    out = tmp_path / "errdex.toml"
    done = process("import", str(doc), "-o", str(out))
    assert done.returncode == 1  # an error was reported
    assert (
        f"{doc}:3:1: error[E114 integer-out-of-range]: code 99999999999999999999 in space 'app'"
        in done.stderr
    )
    assert "not imported" in done.stderr and "Traceback" not in done.stderr
    written = out.read_text(encoding="utf-8")
    assert "99999999999999999999" not in written and "code = 7" in written
    checked = process("check", str(out))
    assert checked.returncode == 0, checked.stdout
    as_json = json.loads(process("import", str(doc), "--json").stdout)
    assert [d["rule"] for d in as_json["diagnostics"]] == ["E114"]


def test_a_jsonrpc_code_beyond_32_bits_is_left_out_with_e114(tmp_path):
    doc = tmp_path / "errors.md"
    doc.write_text(
        "| Code | Message | JSON-RPC code |\n| --- | --- | --- |\n| 7 | Seven | 4294967296 |\n",
        encoding="utf-8",
    )
    done = process("import", str(doc))
    assert done.returncode == 1
    assert "error[E114 integer-out-of-range]: jsonrpc_code 4294967296 is out of range" in (
        done.stderr
    )
    assert "code = 7" in done.stdout and "4294967296" not in done.stdout
    checked = process("check", "-", stdin=done.stdout.encode())
    assert checked.returncode == 0, checked.stdout


def test_only_a_warning_exits_0(tmp_path):
    doc = tmp_path / "errors.md"
    doc.write_text(
        "# E\n\n| Code | Message | Owner |\n| --- | --- | --- |\n| 7 | seven | me |\n",
        encoding="utf-8",
    )
    done = process("import", str(doc))
    assert done.returncode == 0 and "warning[I001 import-unplaced]" in done.stderr


def test_a_code_beyond_pythons_digit_limit_is_reported_not_a_traceback(tmp_path):
    doc = tmp_path / "errors.md"
    doc.write_text(HUGE.replace("99999999999999999999", "9" * 5000), encoding="utf-8")
    done = process("import", str(doc))
    assert "Traceback" not in done.stderr
    assert f"{doc}:3:1: warning[I001 import-unplaced]" in done.stderr
    assert "code = 7" in done.stdout and "9" * 50 not in done.stdout


def test_import_on_a_terminal_shows_a_bidi_override_as_a_visible_escape(tmp_path):
    from cli_process import errdex_on_a_terminal

    doc = tmp_path / "hostile.md"
    doc.write_text(
        "# Errors\n\n| Code | Message |\n| --- | --- |\n| 1 | bad \x1b]0;pwned\x07 x \u202e y |\n",
        encoding="utf-8",
    )
    code, out, err = errdex_on_a_terminal("import", str(doc))
    assert code == 0, err
    text = out.decode("utf-8")
    assert "\u202e" not in text and "\x1b" not in text and "\\u202e y" in text
    piped = process("import", str(doc))  # into a pipe: the TOML as written, exact
    assert piped.returncode == 0 and "\u202e y" in piped.stdout


def test_import_leaves_out_a_row_whose_code_a_catalog_refuses_and_locates_it(tmp_path):
    doc = tmp_path / "hostile.md"
    doc.write_text(
        "# Errors\n\n| Code | Message | Status |\n| --- | --- | --- |\n"
        "| 1 | one | active |\n"
        "| \x1b[31m2 | two | active |\n"
        "| 3 | three | deprecated: gone (use \x1b4 instead) |\n"
        "| 5 | five | active |\n",
        encoding="utf-8",
    )
    out = tmp_path / "imported.toml"
    done = process("import", str(doc), "-o", str(out))
    assert done.returncode == 1, done.stderr  # an error reported: something was left out
    assert "does not load" not in done.stderr and "report this as a bug" not in done.stderr
    assert f"{doc}:6:1: error[E005 invalid-value]: 'code' '\\x1b[31m2' holds the character " in (
        done.stderr
    )
    assert f"{doc}:7:1: error[E005 invalid-value]: 'replaced_by' '\\x1b4'" in done.stderr
    catalog = errdex.load(out)
    assert [e.code for e in catalog] == [1, 3, 5]
    assert catalog.entry(3).replaced_by is None
    checked = process("check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr
