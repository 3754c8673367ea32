"""Verify reports: like a test runner in text, JSON, GitHub annotations and JUnit XML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import orjson
from shop_service import ENV, catalog, starlette_app

from errdex.reality.verify import verify
from errdex.reality.verify.report import render


def _run(drift: str | None = "swap") -> Any:
    return verify(catalog(), app=starlette_app(drift=drift), environ=ENV)


def test_text_shows_each_case_the_diff_and_the_count() -> None:
    report = render(_run(), "text")
    lines = report.splitlines()
    assert (
        lines[0] == "errdex verify: 4 examples against starlette.applications:Starlette (problem)"
    )
    assert lines[-1] == "1 passed, 3 failed, 1 without an example"
    assert "FAIL AUTH-ERR-4 invalidJWT — an expired token: GET http://testserver/v1/repos" in lines
    at = lines[
        lines.index("FAIL AUTH-ERR-4 invalidJWT — an expired token: GET http://testserver/v1/repos")
        + 1
    ]
    assert at == "     at shop.toml:27:1"
    assert "     entry  expected AUTH-ERR-4 invalidJWT" in lines
    assert "            got      AUTH-ERR-5 (noToken)" in lines
    assert "  AUTH-ERR-9 (only the v0 API sends it)" in lines


def test_json_holds_every_case_with_its_place_and_response() -> None:
    doc = orjson.loads(render(_run(), "json"))
    assert (doc["passed"], doc["failed"]) == (1, 3)
    first = doc["cases"][0]
    assert (first["code"], first["file"], first["line"], first["outcome"]) == (
        "AUTH-ERR-4",
        "shop.toml",
        27,
        "fail",
    )
    assert first["mismatches"][0] == {
        "what": "entry",
        "expected": "AUTH-ERR-4 invalidJWT",
        "got": "AUTH-ERR-5 (noToken)",
    }
    assert first["response"]["status"] == 401
    assert doc["without_example"] == [
        {"code": "AUTH-ERR-9", "space": "app", "reason": "only the v0 API sends it"}
    ]


def test_github_annotates_each_failure_at_its_example() -> None:
    lines = render(_run(), "github").splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(
        "::error file=shop.toml,line=27,col=1,title=errdex verify AUTH-ERR-4 invalidJWT::GET "
    )
    assert lines[-1] == "1 passed, 3 failed, 1 without an example"


def test_junit_parses_and_counts() -> None:
    root = ET.fromstring(render(_run(), "junit", elapsed=0.5))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("5", "3", "1")
    failed = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == [
        "AUTH-ERR-4 invalidJWT: an expired token",
        "AUTH-ERR-4 invalidJWT: in Chinese",
        "AUTH-ERR-5 noToken",
    ]
    assert failed[0].get("classname") == "shop.auth"


def test_whatever_a_service_sends_is_shown_escaped() -> None:
    def hostile(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("500 X", [("Content-Type", "text/html")])
        return [b"\x1b]0;owned\x07<b>\x1b[2J\x00</b>" + b"x" * 5000]

    run = verify(catalog(), app=hostile, environ=ENV, select=["noToken"])
    text = render(run, "text")
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b]0;owned\\x07" in text
    body = next(line for line in text.splitlines() if line.startswith("     body: "))
    assert len(body) < 700 and body.endswith("…")
    junit = render(run, "junit")
    ET.fromstring(junit)  # controls a service sent never break the XML
