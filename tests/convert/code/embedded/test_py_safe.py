"""The embedded copy of errdex's safe text: capped strings and JSON scalars that never raise."""

from __future__ import annotations

import math

from errdex.convert.code.embedded.py_safe import (
    ELLIPSIS,
    PUBLIC_CAP,
    cap,
    coerce_back,
    json_scalar,
    safe_str,
)


class _BadStr:
    def __str__(self) -> str:
        raise RuntimeError("no text")


class _NotAString:
    def __str__(self) -> str:
        return 42  # type: ignore[return-value]


def test_cap_keeps_short_text_and_ends_cut_text_in_an_ellipsis() -> None:
    assert cap("abc", 3) == "abc"
    assert cap("abcd", 3) == "ab" + ELLIPSIS
    assert len(cap("x" * 1000)) == PUBLIC_CAP
    assert cap("abc", 0) == ELLIPSIS


def test_safe_str_never_raises_and_names_the_type_it_could_not_print() -> None:
    assert safe_str(12) == "12"
    assert safe_str(None) == "None"
    assert safe_str(_BadStr()) == "<_BadStr object>"
    assert safe_str(_NotAString()) == "<_NotAString object>"
    assert safe_str("y" * 10, 4) == "yyy" + ELLIPSIS


def test_json_scalar_keeps_values_of_the_declared_type() -> None:
    assert json_scalar(None, "int") is None
    assert json_scalar(True) is True
    assert json_scalar(7, "int") == 7
    assert json_scalar(7, "float") == 7.0 and isinstance(json_scalar(7, "float"), float)
    assert json_scalar(1.5, "float") == 1.5
    assert json_scalar("s" * 300) == "s" * (PUBLIC_CAP - 1) + ELLIPSIS


def test_json_scalar_turns_everything_else_into_a_capped_string() -> None:
    assert json_scalar(True, "int") == "True"
    assert json_scalar(2**64, "int") == str(2**64)  # outside 64 bits
    assert json_scalar(-(2**63) - 1) == str(-(2**63) - 1)
    assert json_scalar(2.5, "int") == "2.5"
    assert json_scalar([1, 2]) == "[1, 2]"
    assert json_scalar(_BadStr()) == "<_BadStr object>"


def test_json_scalar_has_no_nan_or_infinity() -> None:
    assert json_scalar(math.nan) is None
    assert json_scalar(math.inf, "float") is None
    assert json_scalar(-math.inf) is None


def test_coerce_back_converts_strings_to_the_declared_type_when_they_parse() -> None:
    assert coerce_back("5", "int") == 5
    assert coerce_back("0.5", "float") == 0.5
    assert coerce_back("true", "bool") is True
    assert coerce_back("False", "bool") is False


def test_coerce_back_leaves_what_does_not_convert() -> None:
    assert coerce_back("five", "int") == "five"
    assert coerce_back("yes", "bool") == "yes"
    assert coerce_back("5", None) == "5"
    assert coerce_back("5", "str") == "5"
    assert coerce_back(5, "str") == 5
