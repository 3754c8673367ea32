"""``errdex import -``: an error document read from standard input, through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib

from cli_process import ROOT, errdex

TABLE = b"| Code | Message |\n|---|---|\n| 1001 | Bad token |\n| 1002 | Rate limited |\n"


def test_a_markdown_table_on_stdin_becomes_a_catalog_on_stdout():
    done = errdex("import", "-", stdin=TABLE)
    assert done.returncode == 0, done.stderr
    data = tomllib.loads(done.stdout)
    assert [(e["code"], e["message"]) for e in data["errors"]] == [
        (1001, "Bad token"),
        (1002, "Rate limited"),
    ]
    assert "Traceback" not in done.stderr


def test_stdin_with_output_writes_the_file(tmp_path):
    out = tmp_path / "errdex.toml"
    done = errdex("import", "-", "-o", str(out), stdin=TABLE)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert len(tomllib.loads(out.read_text())["errors"]) == 2


def test_forced_format_and_json_report_from_stdin():
    csv = b"code,message\n7,Quota exceeded\n"
    done = errdex("import", "--from", "csv", "-", "--format", "json", stdin=csv)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["inputs"] == ["-"]
    assert report["codes"] == 1
    assert tomllib.loads(report["toml"])["errors"][0]["message"] == "Quota exceeded"


def test_a_json_document_on_stdin_is_detected_without_a_file_name():
    doc = json.dumps({"errors": [{"code": 40001, "message": "Invalid params"}]}).encode()
    done = errdex("import", "-", stdin=doc)
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(done.stdout)["errors"][0]["code"] == 40001


def test_a_bom_on_stdin_is_dropped():
    done = errdex("import", "-", stdin="\ufeff".encode() + TABLE)
    assert done.returncode == 0, done.stderr
    assert len(tomllib.loads(done.stdout)["errors"]) == 2


def test_nothing_importable_on_stdin_names_stdin_and_exits_2():
    done = errdex("import", "-", stdin=b"just prose\n")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "<stdin>" in done.stderr and "nothing imported" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_source_language_from_stdin_is_a_usage_error_saying_why():
    done = errdex("import", "--from", "go", "-", stdin=b"package x\n")
    assert done.returncode == 2
    assert "source files or folders" in done.stderr
    assert done.stdout == ""


def test_stdin_with_another_path_is_a_usage_error(tmp_path):
    other = tmp_path / "x.md"
    other.write_bytes(TABLE)
    done = errdex("import", "-", str(other), stdin=TABLE)
    assert done.returncode == 2
    assert "standard input" in done.stderr


def test_bytes_that_are_not_utf8_are_reported_with_their_offset():
    done = subprocess.run(
        [sys.executable, "-m", "errdex", "import", "-"],
        input=TABLE + b"\xff\xfe",
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    stderr = done.stderr.decode()
    assert stderr.splitlines() == [
        f"errdex import: <stdin>: byte {len(TABLE)} is not UTF-8",
        "  = help: convert the document to UTF-8",
    ]
    assert "Traceback" not in stderr
    assert done.stdout == b""
