"""Code normalisation: the spellings of one code that users expect to be the same code."""

from __future__ import annotations

import pytest

from errdex.model import code_sort_key, normalize_code, parse_code_query


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (1054, "1054"),
        (1054, " 1054 "),
        (-32000, "-32000"),
        (7, "+7"),
        (7, "007"),
        ("AUTH-ERR-4", "auth-err-4"),
        ("AUTH-ERR-4", " Auth-Err-4 "),
        ("invalidJWT", "INVALIDJWT"),
    ],
)
def test_spellings_of_one_code_normalise_alike(a: int | str, b: int | str) -> None:
    assert normalize_code(a) == normalize_code(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (1054, "0x41E"),  # hex is for queries, not for the catalog's own codes
        (1054, "1054a"),
        ("AUTH-ERR-4", "AUTH-ERR-04"),
        ("AUTH-ERR-4", "AUTH_ERR_4"),
        (429, -429),
    ],
)
def test_different_codes_stay_different(a: int | str, b: int | str) -> None:
    assert normalize_code(a) != normalize_code(b)


def test_integer_strings_become_integers_and_others_upper_case() -> None:
    assert normalize_code("1054") == 1054 and type(normalize_code("1054")) is int
    assert normalize_code("auth-err-4") == "AUTH-ERR-4"


@pytest.mark.parametrize("not_a_code", [True, False, 1.0, None, [1], (1,), b"1"])
def test_bool_float_and_other_types_are_not_codes(not_a_code: object) -> None:
    with pytest.raises(TypeError, match="a code is an integer or a string"):
        normalize_code(not_a_code)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("0x41E", 1054),
        ("0X41e", 1054),
        ("-0x7D00", -32000),
        ("`AUTH-ERR-4`", "AUTH-ERR-4"),
        ("'1054'", 1054),
        ('"auth-err-4"', "AUTH-ERR-4"),
        ("  1054  ", 1054),
    ],
)
def test_queries_accept_hex_backticks_and_quotes(query: str, first: int | str) -> None:
    assert parse_code_query(query)[0] == first


def test_a_hex_query_also_tries_the_string_code() -> None:
    assert parse_code_query("0x41E") == [1054, "0X41E"]


def test_sort_key_puts_integers_first_then_strings_in_natural_order() -> None:
    codes = ["AUTH-ERR-10", 429, "AUTH-ERR-2", -32000, "ZETA", "ACT-ERR-1", 100]
    assert sorted(codes, key=code_sort_key) == [
        -32000,
        100,
        429,
        "ACT-ERR-1",
        "AUTH-ERR-2",
        "AUTH-ERR-10",
        "ZETA",
    ]


def test_a_digit_string_longer_than_int_reads_is_a_string_code() -> None:
    # int() stops at 4,300 digits: such a "number" is compared as the string it is
    long = "9" * 5000
    assert normalize_code(long) == long
    assert normalize_code(" 1054 ") == 1054


def test_sorting_a_code_with_a_long_run_of_digits_is_linear_and_never_raises() -> None:
    for code in ("9" * 5000, "A" + "9" * 200_000, "9" * 200_000 + "A"):
        kind, _, _ = code_sort_key(code)  # a regex search took seconds on these
        assert kind in (1, 2)
    assert code_sort_key("ERR-١٢")[:2] == (1, 12)  # digits of other scripts, as before
    assert sorted(["E10", "E9", "X", 3], key=code_sort_key) == [3, "E9", "E10", "X"]
