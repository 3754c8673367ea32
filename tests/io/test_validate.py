"""``errdex.io.validate``: values against the format, with messages that say how to fix them."""

from __future__ import annotations

import pytest

from catalogs import HEAD
from errdex.io import reads
from errdex.io.validate import bad_code, choice_hint, clean_code, kind_of, retry_conflict


def test_clean_codes() -> None:
    assert clean_code("A-1") and clean_code("认证-1")
    assert not any(clean_code(c) for c in ("", " A", "A ", "A\u202eB", "A\nB", "A\0"))


def test_bad_code_says_what_is_wrong() -> None:
    assert bad_code("code", "") == ("'code' is empty", "write the code, e.g. 1234")
    assert bad_code("code", " ")[0] == "'code' is blank"
    assert bad_code("code", " A ") == (
        "'code' ' A ' has blanks around it",
        'write code = "A": clients compare codes as they are sent',
    )
    assert bad_code("code", "A\u202eB")[0] == (
        "'code' 'A\\u202eB' holds the character U+202E, which is not printable"
    )


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (True, "a boolean"),
        (1, "an integer"),
        (1.0, "a float"),
        ("s", "a string"),
        ([], "a list"),
        ({}, "a table"),
        (None, "null"),
        (b"", "a bytes"),
    ],
)
def test_kind_of(value: object, kind: str) -> None:
    assert kind_of(value) == kind


def test_retry_conflict() -> None:
    assert retry_conflict({"retryable": True, "retry": "never"}) == (
        "retryable = true contradicts retry = 'never'"
    )
    assert retry_conflict({"retryable": False, "retry": "safe"}) == (
        "retryable = false contradicts retry = 'safe'"
    )
    assert retry_conflict({"retryable": False, "retry": "never"}) is None
    assert retry_conflict({"retry": "never"}) is None


def test_choice_hint_suggests_or_lists() -> None:
    assert choice_hint("ap", {"app": 1, "rpc": 2}) == "did you mean 'app'?"
    assert choice_hint("zzz", {"app": 1}) == "declared: app"
    assert choice_hint("x", {}) == "declared: none"


def test_the_builder_reports_every_problem_with_its_place() -> None:
    text = HEAD + 'titel = "T"\n[[errors]]\ncode = " 1"\nretryable = "no"\n'
    _, problems = reads(text, name="c.toml")
    assert [(d.rule.id, d.line, d.col, d.message, d.hint) for d in problems] == [
        ("E002", 3, 1, "unknown field 'titel' in 'catalog'", "did you mean 'title'?"),
        (
            "E003",
            6,
            1,
            "'retryable' is a string, expected true or false",
            "write retryable as true or false",
        ),
        (
            "E005",
            5,
            1,
            "'code' ' 1' has blanks around it",
            'write code = "1": clients compare codes as they are sent',
        ),
    ]


def test_an_unknown_space_is_a_bad_reference_with_a_suggestion() -> None:
    _, problems = reads(HEAD + '[spaces.app]\n[[errors]]\ncode = 1\nspace = "ap"\n', name="c.toml")
    assert [(d.rule.id, d.hint) for d in problems] == [("E007", "did you mean 'app'?")]
