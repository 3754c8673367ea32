"""Request examples and the ``[verify]`` table: from validated tables to model values.

The spec (:mod:`errdex.io.spec`) checks the shape of ``[[errors.examples]]``,
``request``, ``expect`` and ``[verify]``; the free-form parts (header and query
tables, capture pointers, expected params) are checked here, each problem
reported at its key path. Called by the builder once per entry example and
once per catalog.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from errdex.io.diagnostic import INVALID_VALUE, MISSING_FIELD, WRONG_TYPE, Rule
from errdex.io.source import SourceFile
from errdex.model.types import EMPTY, Example, Expect, Request, SetupStep, Verify

Report = Callable[[Rule, str, SourceFile, tuple[Any, ...], "str | None"], None]
"""The builder's ``report(rule, message, source, path, hint)``."""

_SCALARS = (str, int, float, bool)


def _strings(
    report: Report, value: Any, src: SourceFile, path: tuple[Any, ...], what: str
) -> Mapping[str, str]:
    """A table of strings (headers, query): numbers and booleans are written as text."""
    if value is None:
        return EMPTY
    if type(value) is not dict:
        report(
            WRONG_TYPE, f"{what} is not a table", src, path, f'write {what} = {{ Name = "value" }}'
        )
        return EMPTY
    out: dict[str, str] = {}
    for key, item in value.items():
        if type(key) is not str or not key:
            report(WRONG_TYPE, f"{what} has a key that is not a name", src, (*path, key), None)
        elif type(item) is bool:
            out[key] = "true" if item else "false"
        elif type(item) in _SCALARS:
            out[key] = str(item)
        else:
            hint = f'write {key} = "..." (a string)'
            report(WRONG_TYPE, f"{what} value {key!r} is not a string", src, (*path, key), hint)
    return MappingProxyType(out) if out else EMPTY


def _within(
    report: Report,
    raw: Mapping[str, Any],
    key: str,
    low: int,
    high: int,
    src: SourceFile,
    path: tuple[Any, ...],
) -> bool:
    """Whether an integer key of ``raw`` (if present) lies in ``[low, high]``; reports it if not."""
    value = raw.get(key)
    if type(value) is not int or low <= value <= high:
        return True
    report(INVALID_VALUE, f"{key!r} is {value}, outside {low}–{high}", src, (*path, key), None)
    return False


def _request(
    report: Report, raw: Mapping[str, Any], src: SourceFile, path: tuple[Any, ...]
) -> Request:
    values: dict[str, Any] = {
        k: raw[k] for k in ("method", "path", "body", "json", "jsonrpc") if k in raw
    }
    target = raw.get("path")
    if type(target) is str and (not target.startswith("/") or any(c.isspace() for c in target)):
        hint = f'write the path below the base URL: path = "/{target.lstrip("/").strip()}"'
        report(INVALID_VALUE, f"path {target!r} does not start with /", src, (*path, "path"), hint)
        values.pop("path")
    values["query"] = _strings(report, raw.get("query"), src, (*path, "query"), "query")
    values["headers"] = _strings(report, raw.get("headers"), src, (*path, "headers"), "headers")
    if "params" in raw:
        if "jsonrpc" not in raw:
            hint = 'name the method: jsonrpc = "eth_call" (or send the body as json = ...)'
            report(WRONG_TYPE, "params without a jsonrpc method", src, (*path, "params"), hint)
        elif type(raw["params"]) not in (list, dict):
            hint = "JSON-RPC params are a list or a table"
            report(
                WRONG_TYPE,
                "JSON-RPC params are not a list or a table",
                src,
                (*path, "params"),
                hint,
            )
        else:
            values["params"] = raw["params"]
    bodies = [k for k in ("body", "json", "jsonrpc") if k in raw]
    if len(bodies) > 1:
        hint = "keep one of body, json and jsonrpc"
        report(WRONG_TYPE, "the request has several bodies: " + ", ".join(bodies), src, path, hint)
    if "method" not in raw and bodies:
        values["method"] = "POST"
    return Request(**values)


def _expect(
    report: Report, raw: Mapping[str, Any], src: SourceFile, path: tuple[Any, ...]
) -> Expect:
    values: dict[str, Any] = {
        k: raw[k] for k in ("status", "profile", "retryable", "retry_after") if k in raw
    }
    if not _within(report, raw, "status", 100, 599, src, path):
        values.pop("status")
    if not _within(report, raw, "retry_after", 0, 2**53, src, path):
        values.pop("retry_after")
    values["headers"] = _strings(report, raw.get("headers"), src, (*path, "headers"), "headers")
    params = raw.get("params")
    if params is not None:
        if type(params) is dict and all(type(k) is str for k in params):
            values["params"] = MappingProxyType(dict(params))
        else:
            hint = "write params = { name = value }"
            report(WRONG_TYPE, "expected params are not a table", src, (*path, "params"), hint)
    return Expect(**values)


def build_example(
    report: Report, raw: Mapping[str, Any], src: SourceFile, path: tuple[Any, ...]
) -> Example | None:
    """One validated ``[[errors.examples]]`` table as an :class:`Example`, or None
    (reported) when it has neither a body nor a request."""
    request = raw.get("request")
    if "body" not in raw and request is None:
        hint = 'add body = """...""" (a response shown in the docs) or a request table'
        report(MISSING_FIELD, "example has neither a body nor a request", src, path, hint)
        return None
    values: dict[str, Any] = {k: raw[k] for k in ("body", "title", "lang") if k in raw}
    if request is not None:
        values["request"] = _request(report, request, src, (*path, "request"))
    expect = raw.get("expect")
    if expect is not None:
        if request is None:
            hint = "give the request that must produce it: request = { path = ... }"
            report(MISSING_FIELD, "expect without a request", src, (*path, "expect"), hint)
        values["expect"] = _expect(report, expect, src, (*path, "expect"))
    return Example(**values)


def _capture(
    report: Report, value: Any, src: SourceFile, path: tuple[Any, ...]
) -> Mapping[str, str]:
    if value is None:
        return EMPTY
    good = type(value) is dict and all(
        type(k) is str and type(v) is str and (v == "" or v.startswith("/"))
        for k, v in value.items()
    )
    if not good:
        hint = 'write capture = { token = "/data/token" } (JSON pointers)'
        report(WRONG_TYPE, "capture is not a table of JSON pointers", src, path, hint)
        return EMPTY
    return MappingProxyType(dict(value))


def build_verify(report: Report, raw: Mapping[str, Any], src: SourceFile) -> Verify:
    """The validated ``[verify]`` table as a :class:`Verify`."""
    path: tuple[Any, ...] = ("verify",)
    values: dict[str, Any] = {
        k: raw[k] for k in ("profile", "base_url", "timeout", "concurrency") if k in raw
    }
    if not _within(report, raw, "timeout", 1, 3600, src, path):
        values.pop("timeout")
    if not _within(report, raw, "concurrency", 1, 64, src, path):
        values.pop("concurrency")
    values["headers"] = _strings(report, raw.get("headers"), src, (*path, "headers"), "headers")
    values["hosts"] = tuple(raw.get("hosts", ()))
    steps = []
    for i, step in enumerate(raw.get("setup", ())):
        where = (*path, "setup", i)
        request = _request(report, {k: v for k, v in step.items() if k != "capture"}, src, where)
        capture = _capture(report, step.get("capture"), src, (*where, "capture"))
        steps.append(SetupStep(request, capture))
    values["setup"] = tuple(steps)
    return Verify(**values)
