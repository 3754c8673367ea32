"""``errdex scan``: findings with file:line, in text, JSON and GitHub form; exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from errdex.cli.main import cli

FIXTURE = Path(__file__).parents[1] / "check" / "scan" / "fixtures" / "subquery-proxy"


def run(*args: str):
    return CliRunner().invoke(cli, ["scan", *args])


def test_text_report_names_each_finding_and_exits_1():
    result = run(str(FIXTURE / "src"), "--catalog", str(FIXTURE))
    assert result.exit_code == 1
    out = result.stdout
    assert "error.rs:27:76: error[S001 undocumented-code]: code 1099" in out
    assert "errdex.toml:58:1: warning[S002 unused-code]: 1012 is documented" in out
    assert out.count("[S003 swapped-code]") == 2
    assert "scanned 3 files: 9 uses of 9 codes, 4 findings" in result.stderr


def test_json_report_is_machine_readable():
    result = run(str(FIXTURE / "src"), "--catalog", str(FIXTURE), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    got = sorted((d["rule"], Path(d["file"]).name, d["line"]) for d in data["diagnostics"])
    assert [r for r, _, _ in got] == ["S001", "S002", "S003", "S003"]
    assert all(line for _, _, line in got)


def test_github_annotations():
    result = run(str(FIXTURE / "src"), "--catalog", str(FIXTURE), "--format", "github")
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("::error file=") and "error.rs,line=27" in line and "S001" in line
        for line in lines
    )
    assert sum(line.startswith("::warning ") for line in lines) == 1


def test_clean_source_exits_0(tmp_path):
    catalog = tmp_path / "errdex.toml"
    catalog.write_text('[catalog]\nid = "c"\n\n[[errors]]\ncode = 7\n', encoding="utf-8")
    (tmp_path / "app.py").write_text("raise cat.error(7)\n", encoding="utf-8")
    result = run(str(tmp_path / "app.py"), "--catalog", str(catalog))
    assert result.exit_code == 0, result.output
    assert "1 uses of 1 codes, 0 findings" in result.stderr


def test_missing_source_or_catalog_exits_2(tmp_path):
    result = run(str(tmp_path / "nope"), "--catalog", str(FIXTURE))
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr
    result = run(str(FIXTURE / "src"), "--catalog", str(tmp_path / "missing.toml"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
