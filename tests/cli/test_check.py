"""``errdex check``: formats, options and the 0 / 1 / 2 exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_process import EXAMPLES, errdex
from click.testing import CliRunner

from errdex.cli.main import cli

CLEAN = '[catalog]\nid = "ok"\n\n[[errors]]\ncode = 1\nmessage = "Token expired."\n'
WARNS = CLEAN + '\n[[errors]]\ncode = 2\nmessage = "Failed to operate rockdb."\n'
ERRORS = CLEAN + '\n[[errors]]\ncode = 1\nmessage = "Twice."\n'


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    out = {}
    for name, text in {"clean": CLEAN, "warns": WARNS, "errors": ERRORS}.items():
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        out[name] = str(path)
    return out


def test_clean_catalog_exits_0(files):
    code, out, _ = invoke(files["clean"])
    assert code == 0
    assert out.strip() == "checked 1 catalog: 0 errors, 0 warnings, 0 notes"


def test_warnings_exit_0_unless_strict(files):
    assert invoke(files["warns"])[0] == 0
    code, out, _ = invoke("--strict", files["warns"])
    assert code == 1
    assert "warning[W203 unknown-word]" in out


def test_errors_exit_1(files):
    code, out, _ = invoke(files["errors"])
    assert code == 1
    assert "error[E101 duplicate-code]: code 1 is defined twice in space 'app'" in out
    assert "= help: the first definition is at" in out


def test_missing_path_exits_2(tmp_path):
    code, _, err = invoke(str(tmp_path / "nope.toml"))
    assert code == 2
    assert "no such file or folder" in err


def test_folder_without_catalog_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = invoke(str(tmp_path / "empty"))
    assert code == 2
    assert "holds no errdex.toml" in out and "no catalog at" in err


def test_syntax_error_is_a_finding_with_position(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[catalog]\nid = "x\n', encoding="utf-8")
    code, out, _ = invoke(str(bad))
    assert code == 1
    assert "bad.toml:2:" in out and "E001 syntax" in out


def test_select_and_ignore(files):
    code, out, _ = invoke("--strict", "--ignore", "W203", files["warns"])
    assert code == 0 and "W203" not in out
    code, out, _ = invoke("--select", "E1", files["warns"], files["errors"])
    assert code == 1 and "W203" not in out and "E101" in out
    code, out, _ = invoke("--select", "unknown-word", files["warns"], files["errors"])
    assert code == 0 and "W203" in out and "E101" not in out


def test_unknown_rule_is_a_usage_error(files):
    code, _, err = invoke("--select", "Z9", files["clean"])
    assert code == 2 and "unknown rule 'Z9'" in err


def test_json_format(files):
    code, out, _ = invoke("--format", "json", files["clean"], files["errors"])
    assert code == 1
    data = json.loads(out)
    assert data["summary"]["errors"] == 1 and data["summary"]["catalogs"] == 2
    assert data["diagnostics"][0]["rule"] == "E101"


def test_github_format(files):
    code, out, _ = invoke("--format", "github", files["errors"])
    assert code == 1
    assert out.startswith("::error file=") and ",line=9,col=1,title=E101 duplicate-code::" in out


def test_sarif_format(files):
    code, out, _ = invoke("--format", "sarif", files["errors"])
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"][0]["ruleId"] == "E101"


def test_examples_report_known_defects_and_fail():
    examples = Path(__file__).resolve().parents[2] / "examples"
    code, out, _ = invoke(str(examples))
    assert code == 1
    assert "checked 5 catalogs: 3 errors" in out


def test_colour_follows_the_one_rule_in_a_pipe_too():
    """FORCE_COLOR and --color always colour the report on a pipe; NO_COLOR and never do not."""
    alchemy = str(EXAMPLES / "alchemy")
    for env, args in (({"FORCE_COLOR": "1"}, ()), ({}, ("--color", "always"))):
        done = errdex("check", alchemy, *args, env=env)
        assert "\x1b[" in done.stdout, (env, args)
    plain = (({}, ()), ({"NO_COLOR": "1"}, ()), ({"FORCE_COLOR": "1"}, ("--color", "never")))
    for env, args in plain:
        done = errdex("check", alchemy, *args, env=env)
        assert "\x1b[" not in done.stdout, (env, args)
