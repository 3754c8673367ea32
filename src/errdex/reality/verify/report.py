"""Printing a verify run like a test runner: text, JSON, GitHub annotations, JUnit XML.

Every format ends with the same count, ``N passed, M failed``. Anything a
service sent is shown escaped for where it goes (terminal controls made
visible, XML escaped), and response bodies are cut to :data:`BODY_SHOWN`.
"""

from __future__ import annotations

import time
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import orjson

from errdex.io.diagnostic import Place
from errdex.io.terminal import safe_line
from errdex.reality.verify.cases import Case, Missing
from errdex.reality.verify.run import Outcome, VerifyRun

BODY_SHOWN = 600
"""Characters of a response body a report shows."""
FORMATS = ("text", "json", "github", "junit")


def place(run: VerifyRun, case: Case | Missing, example: int | None = None) -> Place:
    """Where an example (or an entry without one) is written in the catalog."""
    origin = run.catalog.origin(case.position)
    if origin is None:
        return Place()
    source, path = origin
    if example is not None:
        path = (*path, "examples", example)
    return Place(source, path)


def _body(answer_body: bytes) -> str:
    text = answer_body[: BODY_SHOWN * 4].decode("utf-8", "replace")
    return text if len(text) <= BODY_SHOWN else text[:BODY_SHOWN] + "…"


def summary(run: VerifyRun) -> str:
    """``N passed, M failed`` (and the entries without an example, when any)."""
    line = f"{run.passed} passed, {run.failed} failed"
    if run.missing:
        line += f", {len(run.missing)} without an example"
    return line


def _request_line(outcome: Outcome) -> str:
    if outcome.sent is not None:
        return f"{outcome.sent.method} {outcome.sent.url}"
    request = outcome.case.request
    return f"{request.method} {request.path}"


def text(run: VerifyRun, *, verbose: bool = False) -> str:
    """The terminal report: one line per case, a diff under each failure."""
    lines = [f"errdex verify: {len(run.outcomes)} examples against {run.target} ({run.profile})"]
    for outcome in run.outcomes:
        case = outcome.case
        title = f" — {case.title}" if case.title else ""
        head = "PASS" if outcome.passed else "FAIL"
        lines.append(safe_line(f"{head} {case.label}{title}: {_request_line(outcome)}"))
        if outcome.passed:
            continue
        lines.append(f"     at {place(run, case, case.example).location}")
        if outcome.error is not None:
            lines.append(safe_line(f"     could not judge: {outcome.error}"))
            continue
        width = max(len(m.what) for m in outcome.mismatches)
        for m in outcome.mismatches:
            lines.append(safe_line(f"     {m.what:<{width}}  expected {m.expected}"))
            lines.append(safe_line(f"     {'':<{width}}  got      {m.got}"))
        if outcome.answer is not None:
            lines.append(safe_line(f"     body: {_body(outcome.answer.body)}"))
    if run.missing and (verbose or len(run.missing) <= 20):
        lines.append("without a request example:")
        for missing in run.missing:
            why = f" ({missing.reason})" if missing.reason else ""
            lines.append(safe_line(f"  {missing.entry.code}{why}"))
    lines.append(summary(run))
    return "\n".join(lines) + "\n"


def as_dict(run: VerifyRun) -> dict[str, Any]:
    """The JSON report (``--format json``)."""
    cases = []
    for outcome in run.outcomes:
        case = outcome.case
        where = place(run, case, case.example)
        item: dict[str, Any] = {
            "code": case.entry.code,
            "space": case.entry.space,
            "name": case.entry.name,
            "example": case.example,
            "title": case.title,
            "file": where.file,
            "line": where.line,
            "col": where.col,
            "request": _request_line(outcome),
            "outcome": "pass" if outcome.passed else "fail",
            "error": outcome.error,
            "mismatches": [m._asdict() for m in outcome.mismatches],
        }
        if outcome.answer is not None:
            item["response"] = {
                "status": outcome.answer.status,
                "headers": [list(h) for h in outcome.answer.headers],
                "body": _body(outcome.answer.body),
            }
        cases.append(item)
    return {
        "target": run.target,
        "profile": run.profile,
        "passed": run.passed,
        "failed": run.failed,
        "cases": cases,
        "without_example": [
            {"code": m.entry.code, "space": m.entry.space, "reason": m.reason} for m in run.missing
        ],
    }


def json_report(run: VerifyRun) -> str:
    """``--format json``."""
    return orjson.dumps(as_dict(run), option=orjson.OPT_INDENT_2).decode() + "\n"


def _gh(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github(run: VerifyRun) -> str:
    """``--format github``: one ``::error`` annotation per failed case, at its example."""
    lines = []
    for outcome in run.outcomes:
        if outcome.passed:
            continue
        case = outcome.case
        where = place(run, case, case.example)
        detail = outcome.error or "; ".join(
            f"{m.what}: expected {m.expected}, got {m.got}" for m in outcome.mismatches
        )
        props = f"file={_gh(where.file or '', prop=True)},line={where.line},col={where.col}"
        title = _gh(f"errdex verify {case.label}", prop=True)
        lines.append(
            f"::error {props},title={title}::{_gh(_request_line(outcome) + ': ' + detail)}"
        )
    lines.append(summary(run))
    return "\n".join(lines) + "\n"


def junit(run: VerifyRun, *, elapsed: float | None = None) -> str:
    """``--format junit``: one ``testcase`` per example (entries without one are skipped cases)."""
    catalog = run.catalog.meta.id
    parts = []
    for outcome in run.outcomes:
        case = outcome.case
        name = case.label + (f": {case.title}" if case.title else "")
        module = case.entry.module or case.entry.space
        attrs = f"classname={quoteattr(f'{catalog}.{module}')} name={quoteattr(name)}"
        if outcome.passed:
            parts.append(f"    <testcase {attrs}/>")
            continue
        if outcome.error is not None:
            message, body = outcome.error, outcome.error
        else:
            message = "; ".join(m.what for m in outcome.mismatches) + " differ"
            body = "\n".join(
                f"{m.what}: expected {m.expected}, got {m.got}" for m in outcome.mismatches
            )
        body = f"{_request_line(outcome)}\n{body}"
        parts.append(
            f"    <testcase {attrs}><failure message={quoteattr(_xml(message))}>"
            f"{escape(_xml(body))}</failure></testcase>"
        )
    for missing in run.missing:
        module = missing.entry.module or missing.entry.space
        code = quoteattr(str(missing.entry.code))
        attrs = f"classname={quoteattr(f'{catalog}.{module}')} name={code}"
        reason = missing.reason or "no request example"
        parts.append(
            f"    <testcase {attrs}><skipped message={quoteattr(_xml(reason))}/></testcase>"
        )
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
    took = f' time="{elapsed:.3f}"' if elapsed is not None else ""
    head = (
        f'  <testsuite name={quoteattr("errdex verify " + catalog)} tests="{len(parts)}" '
        f'failures="{run.failed}" errors="0" skipped="{len(run.missing)}" '
        f'timestamp="{stamp}"{took}>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'
        + head
        + "\n"
        + "\n".join(parts)
        + "\n  </testsuite>\n</testsuites>\n"
    )


def _xml(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold (controls a service may send)."""
    return "".join(
        ch
        if ch in "\t\n\r"
        or (" " <= ch <= "\ud7ff")
        or ("\ue000" <= ch <= "\ufffd")
        or ch > "\uffff"
        else "\ufffd"
        for ch in text
    )


def render(run: VerifyRun, format: str, *, elapsed: float | None = None) -> str:
    """The report of ``run`` in one of :data:`FORMATS`."""
    if format == "json":
        return json_report(run)
    if format == "github":
        return github(run)
    if format == "junit":
        return junit(run, elapsed=elapsed)
    return text(run)
