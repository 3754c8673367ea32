"""Text helpers of the rules: words of a text or an identifier.

Every pattern is compiled once at import. The spelling rules tokenise many
texts at once (joined into one string), so these functions take any string.
"""

from __future__ import annotations

import re

from errdex.model.template import ParsedTemplate as Template
from errdex.model.template import TemplateProblem, parse_template

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

NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|https?://\S+|\]\([^)\s]*\)|\bwww\.\S+", re.S)
"""Fenced code, code spans, URLs and Markdown link targets: not checked for spelling (a
fence is tried first: read as two code spans, its lines would stay prose)."""

STRING_LITERAL = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"")
"""A quoted string inside an example body (JSON or JavaScript)."""


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


__all__ = [
    "NOT_PROSE",
    "PART",
    "PLAIN_WORD",
    "RUN",
    "STRING_LITERAL",
    "TOKEN",
    "Template",
    "TemplateProblem",
    "example_strings",
    "identifier_words",
    "parse_template",
    "prose",
    "words",
]
