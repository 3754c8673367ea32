"""Safe message templates: placeholders fill, everything else stays literal."""

from __future__ import annotations

import pytest

from errdex.runtime.template import compile_template
from errdex.runtime.text import cap, json_scalar, safe_str


@pytest.mark.parametrize(
    "source",
    [
        "{x.__class__}",
        "{x[0]}",
        "{x!r}",
        "{x:>10}",
        "{}",
        "{ x }",
        "{0}",
        "{x",
        "x}",
        "{x.__init__.__globals__}",
    ],
)
def test_anything_but_a_plain_name_renders_literally(source):
    assert compile_template(source).render({"x": "VALUE", "0": "ZERO"}) == source


def test_placeholders_and_escaped_braces():
    template = compile_template("{{literal}} {name} and {name} {{{name}}}")
    assert template.names == ("name",)
    assert template.render({"name": "Ann"}) == "{literal} Ann and Ann {Ann}"
    assert template.static is None
    assert compile_template("no slots {{here}}").static == "no slots {here}"


def test_missing_none_and_hidden_values_keep_the_placeholder():
    template = compile_template("a={a} b={b} c={c}")
    assert template.render({"a": None, "c": 3}, hidden=("c",)) == "a={a} b={b} c={c}"


def test_values_are_capped():
    assert compile_template("{v}").render({"v": "y" * 1000}) == "y" * 255 + "…"
    assert cap("abc", 2) == "a…"


def test_safe_str_never_raises():
    class Bad:
        def __str__(self):
            raise ValueError

    class NotStr:
        def __str__(self):
            return 42

    assert safe_str(Bad()) == "<Bad object>"
    assert safe_str(NotStr()) == "<NotStr object>"
    assert safe_str(10**10000) == "<int object>"


def test_json_scalar_keeps_declared_types_and_caps_the_rest():
    assert json_scalar(5, "int") == 5
    assert json_scalar(5, "float") == 5.0
    assert json_scalar(True, "int") == "True"
    assert json_scalar(2**70, "int") == str(2**70)
    assert json_scalar(float("nan"), "float") is None
    assert json_scalar("s" * 300, "str") == "s" * 255 + "…"
    assert json_scalar(object(), None).startswith("<object object at")
