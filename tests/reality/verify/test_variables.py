"""${NAME} templates in request examples."""

from __future__ import annotations

import pytest

from errdex.reality.verify.variables import MissingVariable, fill, fill_any


def test_names_are_filled_and_dollar_dollar_is_literal() -> None:
    assert fill("Bearer ${TOKEN}", {"TOKEN": "t1"}) == "Bearer t1"
    assert fill("cost $5 and $${TOKEN}", {}) == "cost $5 and ${TOKEN}"
    assert fill("{not_a_template} ${A}${B}", {"A": "1", "B": "2"}) == "{not_a_template} 12"


def test_a_name_without_value_is_an_error_that_names_it() -> None:
    with pytest.raises(MissingVariable) as caught:
        fill("${NOPE}", {})
    assert caught.value.name == "NOPE"
    assert "set the environment variable NOPE" in str(caught.value)


def test_json_values_are_filled_inside_but_keys_are_not() -> None:
    doc = {"${K}": ["${V}", 1, None, {"x": "${V}"}]}
    assert fill_any(doc, {"V": "v", "K": "k"}) == {"${K}": ["v", 1, None, {"x": "v"}]}
