"""Text helpers of the rules: words of a text or an identifier, and message templates.

Every pattern is compiled once at import. The spelling rules tokenise many
texts at once (joined into one string), so these functions take any string.
"""

from __future__ import annotations

import re
from typing import NamedTuple

RUN = re.compile(r"(?<![A-Za-z0-9_./\\])[A-Za-z]+(?:['’][a-z]+)?(?![A-Za-z0-9_]|::)")
"""A run of letters in prose, not part of an identifier (``eip712``, ``rustc_hex``, ``a.b``)."""

PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
"""The words of an identifier: ``gitServiceUnavaliable`` → git, Service, Unavaliable."""

PLAIN_WORD = re.compile(
    r"(?<![A-Za-z0-9_\-./\\])(?:[a-z]+|(?:(?<![^\n])|(?<=[.!?]\s)|(?<=['\"(]))[A-Z][a-z]+)"
    r"(?![A-Za-z0-9_\-'’]|::)"
)
"""A plain word: all lower case, or capitalised at the start of a text or sentence.

Capitalised words elsewhere (``Kovan``) are names and are left to codespell.
"""

TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
"""Any run of letters and digits: what counts as one word of a catalog's vocabulary."""

NOT_PROSE = re.compile(r"`[^`\n]*`|```.*?```|https?://\S+|\]\([^)\s]*\)|\bwww\.\S+", re.S)
"""Code spans, fenced code, URLs and Markdown link targets: not checked for spelling."""

STRING_LITERAL = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"")
"""A quoted string inside an example body (JSON or JavaScript)."""

PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def prose(text: str) -> str:
    """``text`` with code spans, fenced code, URLs and link targets blanked out."""
    if "`" not in text and "http" not in text and "](" not in text and "www." not in text:
        return text
    return NOT_PROSE.sub(" ", text)


def example_strings(body: str) -> str:
    """The quoted strings of an example body, one per line: the only prose an example holds."""
    return "\n".join(a or b for a, b in STRING_LITERAL.findall(body))


def words(text: str) -> list[str]:
    """The words of a text: its letter runs, camelCase runs split into their parts."""
    out: list[str] = []
    for run in RUN.findall(text):
        if run[1:].islower() or "'" in run or "’" in run:
            out.append(run)
        else:
            out += PART.findall(run)
    return out


def identifier_words(name: str) -> list[str]:
    """The words of a camelCase, PascalCase, snake_case or CONSTANT_CASE identifier."""
    return PART.findall(name)


class TemplateProblem(NamedTuple):
    """One syntax problem in a message template: offset into the text, what, and the fix."""

    offset: int
    message: str
    hint: str


class Template(NamedTuple):
    """A parsed message template: its placeholders in order, and its syntax problems."""

    placeholders: tuple[str, ...]
    problems: tuple[TemplateProblem, ...]


_PLAIN = Template((), ())


def parse_template(text: str) -> Template:
    """Parse a message template: ``{name}`` fills a parameter, ``{{``/``}}`` are literal braces.

    Anything else in braces is a problem: an attribute (``{x.y}``), an index
    (``{x[0]}``), a conversion or format spec (``{x!r}``, ``{x:>8}``), an empty
    or positional field (``{}``, ``{0}``), and an unbalanced ``{`` or ``}``.
    """
    if "{" not in text and "}" not in text:
        return _PLAIN
    names: list[str] = []
    problems: list[TemplateProblem] = []
    for m in PLACEHOLDER.finditer(text):
        token = m.group()
        if token in ("{{", "}}"):
            continue
        inner = m.group(1)
        if inner is None:
            what = "an unmatched '{'" if token == "{" else "an unmatched '}'"
            problems.append(
                TemplateProblem(
                    m.start(), f"{what} in the message", "write {{ or }} for a literal brace"
                )
            )
        elif IDENTIFIER.fullmatch(inner):
            names.append(inner)
        else:
            problems.append(TemplateProblem(m.start(), _field_problem(inner), _field_hint(inner)))
    return Template(tuple(names), tuple(problems))


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
    base = IDENTIFIER.match(inner.strip())
    name = base.group() if base else "name"
    return f"placeholders are plain names: write {{{name}}} and pass the value as a parameter"
