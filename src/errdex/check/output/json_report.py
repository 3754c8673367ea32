"""The JSON report: ``{"diagnostics": [...], "summary": {...}}``."""

from __future__ import annotations

import orjson

from errdex.check.engine import CheckResult


def json_report(result: CheckResult, **_: object) -> str:
    """Every diagnostic as a dict (rule, slug, severity, message, hint, file, line, col,
    source), then counts by severity, catalogs checked and paths that could not be read."""
    from errdex.check.output import ordered

    data = {
        "diagnostics": [d.to_dict() for d in ordered(result.diagnostics)],
        "summary": {
            "catalogs": result.catalogs,
            "errors": result.count("error"),
            "warnings": result.count("warning"),
            "notes": result.count("note"),
            "unreadable": list(result.unreadable),
        },
    }
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
