"""Checks every generated language's conformance driver must pass, shared by its tests.

The Go, Rust and TypeScript tests build their drivers their own way (one ``go build``
or ``rustc`` per catalog, one ``tsc`` run for all) and then ask the same questions:
does the driver answer :mod:`wire_cases`' vectors like the Python runtime, and does a
seed catalog's JSON-RPC code render with the right HTTP status and decode back.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from drivers import run
from wire_cases import failures, to_lines, vectors

from errdex.model import Catalog
from retry_agreement import wire_cases

SEED_JSONRPC = [
    ("alchemy", 429, 200),
    ("alchemy", -32000, 200),
    ("zan", -32003, 429),
    ("zan", -32601, 400),
]
"""(catalog, JSON-RPC code, HTTP status): Alchemy always answers 200, ZAN maps codes to HTTP."""


class BuiltDrivers(dict[str, list[str]]):
    """Driver commands by catalog name, each built by ``build(name)`` on first use and kept."""

    def __init__(self, build: Callable[[str], list[str]]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, name: str) -> list[str]:
        self[name] = self._build(name)
        return self[name]


def assert_answers_like_python(driver: list[str], catalog: Catalog) -> None:
    """Run a 40-entry sample's vectors through ``driver``: every answer equals its ``expect``."""
    cases = vectors(catalog, limit=40)
    answers = run(driver, to_lines(catalog, cases))
    bad = failures(cases, answers)
    assert not bad, f"{len(bad)} of {len(cases)} cases differ:\n" + "\n".join(bad[:5])


def assert_retry_advice_read_back(driver: list[str], catalog: Catalog) -> None:
    """Every response errdex sends for each entry (and known variant) of ``catalog`` decodes,
    in ``driver``, to the entry's retry advice (:func:`errdex.model.effective.retry_advice`)."""
    cases = list(wire_cases(catalog))
    lines = [
        {
            "kind": "decode",
            "vector": c.label,
            "status": c.status,
            "headers": [list(h) for h in c.headers],
            "body": c.body.decode("utf-8"),
        }
        for c in cases
    ]
    answers = run(driver, to_lines(catalog, lines))
    assert len(answers) == len(cases)
    bad = [
        f"{c.label}: got {a['got']['retryable']!r}, advice {c.retryable!r}"
        for c, a in zip(cases, answers, strict=True)
        if a["got"]["retryable"] is not c.retryable
    ]
    assert not bad, f"{len(bad)} of {len(cases)} responses differ:\n" + "\n".join(bad[:5])


def assert_jsonrpc_round_trip(driver: list[str], catalog: Catalog, code: int, status: int) -> None:
    """``code`` renders as a JSON-RPC error with HTTP ``status``, and that response decodes back."""
    case = {
        "kind": "render",
        "vector": "rpc",
        "code": code,
        "space": "jsonrpc",
        "params": {},
        "profile": "jsonrpc",
        "id": 1,
    }
    (answer,) = run(driver, to_lines(catalog, [case]))
    assert answer["got"]["status"] == status
    body = answer["got"]["body"]
    assert json.loads(body)["error"]["code"] == code
    back = {"kind": "decode", "vector": "back", "status": status, "headers": [], "body": body}
    (decoded,) = run(driver, to_lines(catalog, [back]))
    assert decoded["got"]["code"] == code and decoded["got"]["space"] == "jsonrpc"
