"""The JSON report: a summary and every diagnostic with its place and source line."""

from __future__ import annotations

import json

from errdex.check.output import json_report


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
