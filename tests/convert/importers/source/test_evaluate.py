"""Compile-time values of constant expressions: literals in every spelling, operators, names."""

from __future__ import annotations

import pytest

from errdex.convert.importers.source.evaluate import evaluate, int_literal, string_literal
from errdex.convert.importers.source.treesit import parse, text, walk


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("0x1F", 31),
        ("1_000", 1000),
        ("10u32", 10),
        ("0o17", 15),
        ("017", 15),  # C and Go octal
        ("0b101", 5),
        ("10L", 10),
        ("123n", 123),  # a JavaScript BigInt
        ("0xFFu", 255),
        ("1e3", None),
        ("abc", None),
    ],
)
def test_int_literals(raw: str, value: int | None) -> None:
    assert int_literal(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ('"a\\tb"', "a\tb"),
        ("`raw`", "raw"),
        ("`raw ${x}`", None),  # a template with a substitution has no constant value
        ("'c'", "c"),
        ('r#"raw"#', "raw"),
        ('b"bytes"', "bytes"),
        ("x", None),
        ('"unterminated', None),
    ],
)
def test_string_literals(raw: str, value: str | None) -> None:
    assert string_literal(raw) == value


GO = """package e

const (
	A = 1 << 3
	B = A + 0x_10
	C = "x" + "y"
	D = int32(-(7 % 4))
	E = f(1)
	F = Unknown + 1
	G = iota
)
"""


def test_constants_evaluate_in_order_and_unknown_values_stay_unknown() -> None:
    pytest.importorskip("tree_sitter_go", reason="the import-source extra is not installed")
    env: dict[str, int | str] = {"iota": 6}
    values = {}
    for spec in walk(parse(GO, "go"), {"const_spec"}):
        name = text(spec.child_by_field_name("name"))
        node = spec.child_by_field_name("value")
        if node.type == "expression_list":
            node = node.named_children[0]
        values[name] = evaluate(node, env)
        if values[name] is not None:
            env[name] = values[name]
    assert values == {"A": 8, "B": 24, "C": "xy", "D": -3, "E": None, "F": None, "G": 6}
