"""errdex's TOML parser reads exactly what tomllib reads, whichever implementation it uses."""

from __future__ import annotations

import tomllib

import pytest

from errdex.io import toml_parse

# TOML 1.1 only: tomllib (TOML 1.0) rejects each; a catalog must read the same everywhere.
TOML_1_1 = ["a = {b = 1,\n c = 2}", 'a = "\\e"', "a = 1979-05-27T07:32", 'a = "\\x41"']

ERRORS = ["a = 1\na = 2", "[a]\n[a]", 'a = "x\n"', "a=[1,2", "a = 1 b", "a = {b=1}\na.c=2"]


@pytest.mark.parametrize("text", TOML_1_1)
def test_toml_1_1_syntax_is_refused_as_tomllib_refuses_it(text: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        tomllib.loads(text)
    with pytest.raises(toml_parse.errors()):
        toml_parse.loads(text)


@pytest.mark.parametrize("text", ERRORS)
def test_syntax_errors_read_as_tomllib_words_them(text: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as expected:
        tomllib.loads(text)
    with pytest.raises(toml_parse.errors()) as got:
        toml_parse.loads(text)
    assert str(got.value) == str(expected.value)


def test_values_are_tomllib_values() -> None:
    text = 'a = 1\nb = "x\\u00e9"\nc = [1.5, true]\n[d]\ne = 1979-05-27T07:32:00Z\n'
    assert toml_parse.loads(text) == tomllib.loads(text)
