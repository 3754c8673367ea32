"""``errdex.runtime.text``: parameter values made safe for public output, and read back."""

from __future__ import annotations

import pytest

from errdex.runtime.text import ELLIPSIS, PUBLIC_CAP, cap, coerce_back, json_scalar, safe_str


def test_cap_cuts_with_an_ellipsis_only_when_needed() -> None:
    assert cap("abc", 3) == "abc"
    assert cap("abcd", 3) == "ab" + ELLIPSIS
    assert len(cap("x" * 1000)) == PUBLIC_CAP
    assert cap("abc", 0) == ELLIPSIS


def test_safe_str_never_raises() -> None:
    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no")

    class NotText:
        def __str__(self):  # type: ignore[no-untyped-def]
            return 5

    assert safe_str(Broken()) == "<Broken object>"
    assert safe_str(NotText()) == "<NotText object>"
    assert safe_str(12) == "12" and safe_str("y" * 300, 10) == "y" * 9 + ELLIPSIS


@pytest.mark.parametrize(
    ("value", "declared", "public"),
    [
        (None, "int", None),
        ("s", None, "s"),
        (True, None, True),
        (True, "int", "True"),
        (5, None, 5),
        (5, "float", 5.0),
        (5, "str", "5"),
        (2**64, None, str(2**64)),
        (-(2**63), "int", -(2**63)),
        (1.5, None, 1.5),
        (float("nan"), None, None),
        (float("inf"), "float", None),
        (1.5, "int", "1.5"),
        ([1, 2], None, "[1, 2]"),
    ],
)
def test_json_scalar(value: object, declared: str | None, public: object) -> None:
    got = json_scalar(value, declared)
    assert got == public and type(got) is type(public)


@pytest.mark.parametrize(
    ("value", "declared", "back"),
    [
        ("5", "int", 5),
        ("2.5", "float", 2.5),
        ("true", "bool", True),
        ("False", "bool", False),
        ("yes", "bool", "yes"),
        ("five", "int", "five"),
        ("5", "str", "5"),
        ("5", None, "5"),
        (5, "str", 5),
    ],
)
def test_coerce_back(value: object, declared: str | None, back: object) -> None:
    got = coerce_back(value, declared)
    assert got == back and type(got) is type(back)
