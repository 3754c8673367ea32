"""NaN and infinity in parsed data: found at their key path, reported where a value is free-form."""

from __future__ import annotations

import math

import pytest

import errdex
from errdex.io import CatalogError, reads
from errdex.io.finite import describe, non_finite


def test_the_first_non_finite_number_is_found_with_its_path() -> None:
    data = {"a": [1.5, {"b": 2}], "c": {"d": [0, float("-inf")]}, "e": float("nan")}
    path, number = non_finite(data)
    assert path == ("c", "d", 1) and describe(number) == "-inf"
    assert non_finite({"a": [1.5, "nan", {"inf": 1}]}) is None
    assert describe(math.nan) == "nan" and describe(math.inf) == "inf"


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    value: object = float("nan")
    for _ in range(5000):
        value = [value]
    found = non_finite(value)
    assert found is not None and len(found[0]) == 5000


@pytest.mark.parametrize("number", ["nan", "inf", "-inf"])
def test_a_profile_body_holding_nan_or_inf_is_invalid_at_its_key(number: str) -> None:
    text = f'[catalog]\nid = "x"\n\n[profiles.p]\nbody = {{ code = "$code", x = {number} }}\n'
    _, problems = reads(text + '[[errors]]\ncode = 1\nmessage = "m"\n')
    (diag,) = problems
    assert diag.rule.id == "E005" and diag.line == 5
    assert f"body.x is {number}" in diag.message and "null" in diag.message
    with pytest.raises(CatalogError):
        errdex.loads(text + '[[errors]]\ncode = 1\nmessage = "m"\n')


@pytest.mark.parametrize(
    "number", ["18446744073709551616", "-9007199254740992", "9007199254740992"]
)
def test_a_profile_body_holding_an_integer_no_language_holds_is_invalid_at_its_key(
    number: str,
) -> None:
    # found by the attack suite's hypothesis test: orjson could not send 2**64 at all
    text = f'[catalog]\nid = "x"\n\n[profiles.p]\nbody = {{ code = "$code", x = {number} }}\n'
    _, problems = reads(text + '[[errors]]\ncode = 1\nmessage = "m"\n')
    (diag,) = problems
    assert diag.rule.id == "E114" and diag.line == 5
    assert f"body.x is {number}, beyond" in diag.message
    with pytest.raises(CatalogError):
        errdex.loads(text + '[[errors]]\ncode = 1\nmessage = "m"\n')
    edge = text.replace(number, "9007199254740991")
    assert reads(edge + '[[errors]]\ncode = 1\nmessage = "m"\n')[1] == []
