"""Judge a driver's answers against the vectors (``docs/wire.md`` §1.3 and §2).

Only the members a case's ``expect`` states are compared, each for JSON
equality (``5`` equals ``5.0``; object member order is free, array order is
not). A failure is shown as a unified diff of the expected and the received
member values, bodies pretty-printed when both are JSON.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from errdex.conformance.vectors import Case


class Failure(NamedTuple):
    """One case that did not pass, and how its answer differs."""

    vector: str
    line: int
    diff: str


class Outcome(NamedTuple):
    """The result of one run: how many passed, and the failures in file order."""

    passed: int
    failures: tuple[Failure, ...]


def same(expected: Any, got: Any) -> bool:
    """JSON equality: numbers by value (but booleans are not numbers), lists in order."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return type(expected) is type(got) and expected == got
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return expected == got
    if isinstance(expected, Mapping) and isinstance(got, Mapping):
        return expected.keys() == got.keys() and all(same(v, got[k]) for k, v in expected.items())
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(
            same(a, b) for a, b in zip(expected, got, strict=True)
        )
    return type(expected) is type(got) and expected == got


def _lines(name: str, value: Any) -> list[str]:
    if name == "body" and isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [f"body: {line}" for line in value.split("\n")]
        value = parsed
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False)
    return [f"{name}: {line}" if i == 0 else f"  {line}" for i, line in enumerate(text.split("\n"))]


def diff(expected: Mapping[str, Any], got: Mapping[str, Any]) -> str | None:
    """The unified diff of the stated members that differ, or None when all agree."""
    left: list[str] = []
    right: list[str] = []
    for name, want in expected.items():
        have = got.get(name, "<missing>") if name in got else "<missing>"
        if name in ("body", "body_b64") and name not in got:
            have = got.get("body", got.get("body_b64", "<missing>"))
        if not same(want, have):
            left += _lines(name, want)
            right += _lines(name, have)
    if not left:
        return None
    return "\n".join(difflib.unified_diff(left, right, "expected", "got", lineterm="", n=2))


def judge(cases: Sequence[Case], answers: Sequence[Mapping[str, Any]]) -> Outcome:
    """Pair each case with the answer for its vector id and compare them."""
    by_vector = {a.get("vector"): a for a in answers if isinstance(a, Mapping)}
    passed = 0
    failures: list[Failure] = []
    for case in cases:
        answer = by_vector.get(case.vector)
        if answer is None:
            failures.append(Failure(case.vector, case.line, "the driver gave no answer"))
            continue
        if "got" not in answer:
            message = answer.get("error", "the driver's answer has neither got nor error")
            failures.append(Failure(case.vector, case.line, f"driver error: {message}"))
            continue
        found = diff(case.data["expect"], answer["got"])
        if found is None:
            passed += 1
        else:
            failures.append(Failure(case.vector, case.line, found))
    return Outcome(passed, tuple(failures))


__all__ = ["Failure", "Outcome", "diff", "judge", "same"]
