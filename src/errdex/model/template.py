"""The message template grammar: the one definition of what a placeholder is.

A template is text with ``{name}`` placeholders, ``name`` an identifier
(``[A-Za-z_][A-Za-z0-9_]*``); ``{{`` and ``}}`` are a literal ``{`` and ``}``.
Anything else in braces — an attribute (``{x.y}``), an index (``{x[0]}``), a
conversion or format spec (``{x!r}``, ``{x:>8}``), an empty or positional field
(``{}``, ``{0}``) — and an unmatched ``{`` or ``}`` is *not* a placeholder: it
is kept as written (so an error message never fails to render) and reported
as a :class:`TemplateProblem` (so ``errdex check`` can say how to fix it).

Every layer that reads templates uses :func:`parse_template`: the checker (its
problems), the runtime (its parts, compiled once per entry and locale), the
gettext workflow (its names) and every code generator (its parts, embedded in
the generated code as data, so no generated runtime re-implements the grammar).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
"""A token of the grammar: ``{{``, ``}}``, a braced field (group 1), or a lone brace."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Slot(NamedTuple):
    """A placeholder inside a parsed template: the parameter it is filled from."""

    name: str


Part = str | Slot
"""A piece of a parsed template: literal text, or a :class:`Slot`."""


class TemplateProblem(NamedTuple):
    """One syntax problem in a message template: offset into the text, what, and the fix."""

    offset: int
    message: str
    hint: str


class ParsedTemplate(NamedTuple):
    """A template split into literal text and placeholders, with its syntax problems.

    ``parts`` alternate literal text (``str``, braces already unescaped, never
    empty, never two in a row) and :class:`Slot`; joining the literals with each
    slot's value gives the filled message.
    """

    source: str
    parts: tuple[Part, ...]
    problems: tuple[TemplateProblem, ...]

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The placeholder names in order of appearance, repeats included."""
        return tuple(p.name for p in self.parts if type(p) is Slot)

    @property
    def names(self) -> tuple[str, ...]:
        """The placeholder names in order of first appearance, each once."""
        return tuple(dict.fromkeys(self.placeholders))

    @property
    def static(self) -> str | None:
        """The text when the template has no placeholder, else None."""
        if any(type(p) is Slot for p in self.parts):
            return None
        return "".join(p for p in self.parts if type(p) is str)


def is_name(text: str) -> bool:
    """Whether ``text`` is a valid placeholder name (an identifier)."""
    return _NAME.fullmatch(text) is not None


def parse_template(text: str) -> ParsedTemplate:
    """Parse a message template into literal parts and placeholders, reporting problems.

    Never raises: a field that is not a placeholder stays in the literal text,
    exactly as written, and is listed in ``problems``.
    """
    if "{" not in text and "}" not in text:
        return ParsedTemplate(text, (text,) if text else (), ())
    parts: list[Part] = []
    problems: list[TemplateProblem] = []
    literal: list[str] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        literal.append(text[pos : m.start()])
        pos = m.end()
        token = m.group()
        inner = m.group(1)
        if token == "{{" or token == "}}":
            literal.append(token[0])
        elif inner is not None and _NAME.fullmatch(inner):
            if any(literal):
                parts.append("".join(literal))
            literal = []
            parts.append(Slot(inner))
        else:
            literal.append(token)
            if inner is None:
                what = "an unmatched '{'" if token == "{" else "an unmatched '}'"
                hint = "write {{ or }} for a literal brace"
                problems.append(TemplateProblem(m.start(), f"{what} in the message", hint))
            else:
                problems.append(
                    TemplateProblem(m.start(), _field_problem(inner), _field_hint(inner))
                )
    literal.append(text[pos:])
    if any(literal):
        parts.append("".join(literal))
    return ParsedTemplate(text, tuple(parts), tuple(problems))


parse_cached = lru_cache(maxsize=4096)(parse_template)
""":func:`parse_template` with a bounded cache, for callers that parse the same texts often."""


def placeholders(text: str | None) -> tuple[str, ...]:
    """The placeholder names of a template, in order of first appearance, each once."""
    return parse_cached(text).names if text else ()


def _field_problem(inner: str) -> str:
    stripped = inner.strip()
    if not stripped:
        return "an empty placeholder '{}'"
    if stripped.isdigit():
        return f"a positional placeholder '{{{inner}}}'"
    for mark, what in (
        (".", "an attribute"),
        ("[", "an index"),
        ("!", "a conversion"),
        (":", "a format spec"),
    ):
        if mark in inner:
            return f"{what} in placeholder '{{{inner}}}'"
    return f"'{{{inner}}}' is not a placeholder name"


def _field_hint(inner: str) -> str:
    base = _NAME.match(inner.strip())
    name = base.group() if base else "name"
    return f"placeholders are plain names: write {{{name}}} and pass the value as a parameter"
