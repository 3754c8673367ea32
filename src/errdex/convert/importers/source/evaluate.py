"""Compile-time values of constant expressions in tree-sitter trees (Go, Rust, C, TS, Java).

:func:`evaluate` computes what the compiler would: integer and string
literals in every spelling (hex, octal, binary, ``_`` separators, type
suffixes, escapes), ``-x``, ``(x)``, ``+ - * / % << >> | & ^`` on integers,
``+`` joining strings, and names of constants defined before (``env``) —
``iota`` included, when the caller puts it in ``env``. Anything else (a call,
a name it does not know) gives None: the value is unknown, never guessed.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

from errdex.convert.importers.source.treesit import text

Value = int | str
_INT_TYPES = frozenset(
    {
        "int_literal",
        "integer_literal",
        "number_literal",
        "number",
        "decimal_integer_literal",
        "hex_integer_literal",
        "octal_integer_literal",
        "binary_integer_literal",
    }
)
_STRING_TYPES = frozenset(
    {
        "interpreted_string_literal",
        "raw_string_literal",
        "string_literal",
        "string",
        "template_string",
        "char_literal",
    }
)
_WRAPPERS = frozenset({"parenthesized_expression", "expression_list", "literal_value"})
_IDENTS = frozenset({"identifier", "field_identifier", "scoped_identifier", "qualified_identifier"})
_INT_SUFFIX = re.compile(r"(?:[uU]?[lL]{0,2}|[lL]{1,2}[uU]?|[iu](?:8|16|32|64|128|size)|[nN])\Z")
_OPS: dict[str, Callable[[int, int], int]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.floordiv,
    "%": operator.mod,
    "<<": operator.lshift,
    ">>": operator.rshift,
    "|": operator.or_,
    "&": operator.and_,
    "^": operator.xor,
}


def int_literal(raw: str) -> int | None:
    """The value of an integer literal in C, Go, Rust, Java or JS spelling, or None."""
    body = raw.replace("_", "").replace("'", "")
    lowered = body.lower()
    if not lowered.startswith(("0x", "0b", "0o")) or lowered.startswith(("0b", "0o")):
        body = _INT_SUFFIX.sub("", body)
    else:
        body = re.sub(r"(?:[uU]?[lL]{0,2}|[lL]{1,2}[uU]?|[iu](?:8|16|32|64|128|size))\Z", "", body)
    if re.fullmatch(r"0[0-7]+", body):
        body = "0o" + body[1:]
    try:
        return int(body, 0)
    except ValueError:
        return None


def string_literal(raw: str) -> str | None:
    """The value of a string literal (``"..."``, `` `...` ``, ``'...'``, ``r"..."``), or None."""
    raw = raw.strip()
    if raw[:1] in ("b", "L", "u", "U") and raw[1:2] in ('"', "'"):
        raw = raw[1:]
    if raw.startswith("r") and raw[1:2] in ('"', "#"):  # Rust raw strings
        inner = raw[1:].strip("#")
        return inner[1:-1] if len(inner) >= 2 else None
    if len(raw) < 2 or raw[0] != raw[-1] or raw[0] not in "\"'`":
        return None
    if raw[0] == "`":
        inner = raw[1:-1]
        return None if "${" in inner else inner
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw[1:-1]
    return value if isinstance(value, str) else None


_CONVERSIONS = frozenset(
    {"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64"}
    | {"string", "rune", "byte", "uintptr", "Number", "String"}
)


def evaluate(
    node: Any, env: Mapping[str, Value], conversions: frozenset[str] = _CONVERSIONS
) -> Value | None:
    """The compile-time value of the expression ``node``, or None when it has none errdex knows.

    ``conversions``: names that, called with one constant, convert it (Go's
    ``int32(5)``, a named type ``Code(5)``).
    """
    kind = node.type
    if kind in _INT_TYPES:
        return int_literal(text(node))
    if kind in _STRING_TYPES:
        return string_literal(text(node))
    if kind in _IDENTS or kind == "iota":
        name = text(node)
        if name in env:
            return env[name]
        tail = re.split(r"::|\.", name)[-1]
        return env.get(tail)
    if kind in _WRAPPERS:
        inner = node.named_children
        return evaluate(inner[0], env, conversions) if len(inner) == 1 else None
    if kind in ("unary_expression", "negative_literal"):
        operand = node.named_children[-1] if node.named_children else None
        op = text(node.children[0]) if node.children else ""
        if operand is None:
            return None
        value = evaluate(operand, env, conversions)
        if isinstance(value, int):
            return -value if op == "-" else (value if op == "+" else ~value if op in "~^" else None)
        return None
    if kind == "binary_expression":
        left = node.child_by_field_name("left")
        right = node.child_by_field_name("right")
        op_node = node.child_by_field_name("operator")
        if left is None or right is None:
            return None
        op = text(op_node) if op_node is not None else text(node.children[1])
        a, b = evaluate(left, env, conversions), evaluate(right, env, conversions)
        if isinstance(a, str) and isinstance(b, str) and op == "+":
            return a + b
        if isinstance(a, int) and isinstance(b, int) and op in _OPS:
            if op in ("/", "%") and b == 0:
                return None
            return _OPS[op](a, b)
        return None
    if kind in ("type_cast_expression", "call_expression", "cast_expression"):
        # Go's int32(5) / C's (int)5: a conversion of one constant argument
        function = node.child_by_field_name("function")
        if function is not None and text(function) not in conversions:
            return None
        args = node.child_by_field_name("arguments") or node.child_by_field_name("value")
        if args is not None:
            inner = args.named_children if args.type.endswith("list") else [args]
            if len(inner) == 1:
                return evaluate(inner[0], env, conversions)
        return None
    return None
