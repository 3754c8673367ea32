"""SARIF 2.1.0, the static-analysis interchange format code-scanning services read."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import orjson

from errdex._version import __version__
from errdex.check.engine import CheckResult
from errdex.io import RULES, Diagnostic, Rule

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
DOCS = "https://errdex.dev/rules/"
_LEVELS = {"error": "error", "warning": "warning", "note": "note"}


def help_uri(rule: Rule) -> str:
    """Where ``docs/rules.md`` explains ``rule`` (its section anchor)."""
    return f"{DOCS}#{rule.id.lower()}-{rule.slug}"


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "helpUri": help_uri(rule),
        "defaultConfiguration": {"level": _LEVELS.get(rule.severity, "warning")},
    }


def _uri(file: str) -> tuple[str, bool]:
    """A file's URI reference and whether it is relative to the working directory."""
    path = Path(file)
    if path.is_absolute():
        return path.as_uri(), False
    return quote(path.as_posix()), True


def _result(d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    text = d.message + (f" (help: {d.hint})" if d.hint else "")
    out: dict[str, Any] = {
        "ruleId": d.rule.id,
        "ruleIndex": index[d.rule.id],
        "level": _LEVELS.get(d.severity, "warning"),
        "message": {"text": text},
    }
    if d.file is not None:
        uri, relative = _uri(d.file)
        artifact: dict[str, Any] = {"uri": uri}
        if relative:
            artifact["uriBaseId"] = "%SRCROOT%"
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if d.line:
            region: dict[str, Any] = {"startLine": d.line, "startColumn": max(d.col, 1)}
            source = d.source_line
            if source is not None:
                region["snippet"] = {"text": source}
            physical["region"] = region
        out["locations"] = [{"physicalLocation": physical}]
    return out


def sarif(result: CheckResult, **_: object) -> str:
    """The SARIF log: one run of the ``errdex`` tool with every known rule and every result."""
    from errdex.check.engine import _load_rules
    from errdex.check.output import ordered

    _load_rules()
    rules = sorted(RULES.values(), key=lambda r: r.id)
    index = {r.id: n for n, r in enumerate(rules)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "errdex",
                        "version": __version__,
                        "informationUri": DOCS,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}},
                "results": [_result(d, index) for d in ordered(result.diagnostics)],
            }
        ],
    }
    return orjson.dumps(log, option=orjson.OPT_INDENT_2).decode() + "\n"
