"""``errdex.conformance.compare``: a driver's answers judged against the vectors."""

from __future__ import annotations

from errdex.conformance.compare import Failure, diff, judge, same
from errdex.conformance.vectors import Case


def test_same_is_json_equality() -> None:
    assert same(1, 1.0) and same({"a": [1, 2]}, {"a": [1.0, 2]})
    assert not same(True, 1) and not same(1, True) and not same(0, False)
    assert not same([1, 2], [2, 1]) and not same({"a": 1}, {"a": 1, "b": 2})
    assert not same("1", 1) and same(None, None)


def test_diff_names_only_the_members_that_differ() -> None:
    assert diff({"status": 401}, {"status": 401, "extra": 1}) is None
    text = diff({"status": 401, "retryable": False}, {"status": 401, "retryable": True})
    assert text is not None
    assert "-retryable: false" in text and "+retryable: true" in text and "status" not in text
    missing = diff({"status": 401}, {})
    assert missing is not None and '+status: "<missing>"' in missing


def test_a_json_body_is_compared_by_value_and_shown_by_member() -> None:
    assert diff({"body": '{"a": 1, "b": 2}'}, {"body": '{"a":1,"b":2}'}) is not None  # text differs
    text = diff({"body": '{"a": 1}'}, {"body": '{"a": 2}'})
    assert text is not None and '-    "a": 1' in text and '+    "a": 2' in text


def case(vector: str, line: int, expect: dict) -> Case:
    return Case("render", vector, {"vector": vector, "expect": expect}, line)


def test_judge_counts_passes_and_lists_every_failure_in_file_order() -> None:
    cases = [
        case("a", 2, {"s": 1}),
        case("b", 3, {"s": 1}),
        case("c", 4, {"s": 1}),
        case("d", 5, {"s": 1}),
    ]
    answers = [
        {"vector": "a", "got": {"s": 1}},
        {"vector": "b", "got": {"s": 2}},
        {"vector": "c", "error": "panic: boom"},
        "not an answer",
    ]
    outcome = judge(cases, answers)
    assert outcome.passed == 1
    assert [(f.vector, f.line) for f in outcome.failures] == [("b", 3), ("c", 4), ("d", 5)]
    assert outcome.failures[1] == Failure("c", 4, "driver error: panic: boom")
    assert outcome.failures[2].diff == "the driver gave no answer"
