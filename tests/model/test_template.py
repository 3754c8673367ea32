"""The template grammar: what a placeholder is, for every layer that reads messages."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from errdex.model.template import Slot, is_name, parse_template, placeholders

# The runtime's grammar before the model owned it: the oracle the parts must agree with.
_OLD_RUNTIME = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _old_parts(text: str) -> list[str | Slot]:
    out: list[str | Slot] = []
    pos = 0
    for m in _OLD_RUNTIME.finditer(text):
        out.append(text[pos : m.start()])
        token = m.group()
        out.append(token[0] if token in ("{{", "}}") else Slot(m.group(1)))
        pos = m.end()
    out.append(text[pos:])
    merged: list[str | Slot] = []
    for part in out:
        if type(part) is str and merged and type(merged[-1]) is str:
            merged[-1] = merged[-1] + part  # type: ignore[operator]
        elif part != "":
            merged.append(part)
    return merged


def test_names_and_literal_braces() -> None:
    parsed = parse_template("User {user} has {{braces}} and {user} again, age {age}")
    assert parsed.parts == (
        "User ",
        Slot("user"),
        " has {braces} and ",
        Slot("user"),
        " again, age ",
        Slot("age"),
    )
    assert parsed.placeholders == ("user", "user", "age")
    assert parsed.names == ("user", "age")
    assert parsed.problems == ()
    assert parsed.static is None


def test_plain_text_is_static() -> None:
    assert parse_template("Token expired.").static == "Token expired."
    assert parse_template("").parts == ()
    assert parse_template("a {{b}}").static == "a {b}"


def test_every_non_placeholder_field_is_a_located_problem_and_kept_as_written() -> None:
    text = "{x.y} {x[0]} {x!r} {x:>8} {} {0} { n } {a"
    parsed = parse_template(text)
    assert parsed.placeholders == ()
    assert parsed.static == text  # kept verbatim: the message still renders
    messages = [p.message for p in parsed.problems]
    assert messages == [
        "an attribute in placeholder '{x.y}'",
        "an index in placeholder '{x[0]}'",
        "a conversion in placeholder '{x!r}'",
        "a format spec in placeholder '{x:>8}'",
        "an empty placeholder '{}'",
        "a positional placeholder '{0}'",
        "'{ n }' is not a placeholder name",
        "an unmatched '{' in the message",
    ]
    assert [p.offset for p in parsed.problems] == [0, 6, 13, 19, 26, 29, 33, 39]
    assert "write {x}" in parsed.problems[0].hint


def test_unmatched_closing_brace() -> None:
    (problem,) = parse_template("done}").problems
    assert problem.offset == 4 and "unmatched '}'" in problem.message


def test_placeholders_helper() -> None:
    assert placeholders("{a} {b} {a}") == ("a", "b")
    assert placeholders(None) == ()
    assert is_name("user_id") and not is_name("0x") and not is_name("a.b")


_TEXT = st.text(alphabet="ab_0 {}.!:[]", max_size=30)


@given(_TEXT)
def test_parts_agree_with_the_runtime_grammar(text: str) -> None:
    """Where a template is well formed the runtime renders it as it always did; a malformed
    one (``{}}``) is now kept exactly as written instead of unescaping a ``}}`` in it."""
    parsed = parse_template(text)
    if not parsed.problems:
        assert list(parsed.parts) == _old_parts(text)


@given(_TEXT)
def test_reescaped_parts_parse_back_to_the_same_parts(text: str) -> None:
    parsed = parse_template(text)
    again = "".join(
        "{" + p.name + "}" if type(p) is Slot else p.replace("{", "{{").replace("}", "}}")
        for p in parsed.parts
    )
    reparsed = parse_template(again)
    assert reparsed.parts == parsed.parts
    assert reparsed.problems == ()
    assert all(is_name(n) for n in parsed.placeholders)
