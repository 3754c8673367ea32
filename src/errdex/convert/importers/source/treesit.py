"""Tree-sitter grammars behind the ``import-source`` extra, and helpers over their trees.

:func:`parse` returns the syntax tree of a source file in one of the
languages errdex reads, or raises :class:`MissingGrammar` (with the install
hint) when the grammar package is not installed. The helpers read what the
readers need from a node: its text, its position, the comments above it.
"""

from __future__ import annotations

import importlib
import textwrap
from functools import cache
from typing import Any

_GRAMMARS = {
    "go": ("tree_sitter_go", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "javascript": ("tree_sitter_javascript", "language"),
    "java": ("tree_sitter_java", "language"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
}


class MissingGrammar(Exception):
    """The tree-sitter grammar of a language is not installed."""


@cache
def _parser(language: str) -> Any:
    module_name, attr = _GRAMMARS[language]
    try:
        import tree_sitter

        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise MissingGrammar(
            f"reading {language} needs the tree-sitter grammar {module_name.replace('_', '-')}; "
            "install errdex[import-source]"
        ) from exc
    return tree_sitter.Parser(tree_sitter.Language(getattr(module, attr)()))


def parse(text: str, language: str) -> Any:
    """The root node of ``text`` parsed as ``language``."""
    return _parser(language).parse(text.encode("utf-8")).root_node


def text(node: Any) -> str:
    """The source text of ``node``."""
    return bytes(node.text).decode("utf-8", "replace")


def line(node: Any) -> int:
    """The 1-based line ``node`` starts on."""
    return int(node.start_point[0]) + 1


def col(node: Any) -> int:
    """The 1-based column ``node`` starts at (in bytes, as tree-sitter counts)."""
    return int(node.start_point[1]) + 1


def walk(node: Any, types: frozenset[str] | set[str]) -> list[Any]:
    """Every node below ``node`` (itself included) whose type is in ``types``, in order."""
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        if current.type in types:
            out.append(current)
        stack.extend(reversed(current.children))
    return out


def clean_comment(raw: str) -> str:
    """The words of a comment without its markers (``//``, ``///``, ``/* */``, ``*``, ``#``).

    Indentation inside the comment (an indented example) is kept, relative to its
    least indented line; blank comment lines separate paragraphs.
    """
    body = raw.strip()
    if body.startswith("/*"):
        body = body[2:]
        body = body[:-2] if body.endswith("*/") else body
        body = body.removeprefix("*").removeprefix("!").removeprefix("<")  # /** */, /*!< */
        lines = [ln.strip() for ln in body.split("\n")]
        lines = [ln[1:] if ln.startswith("*") else ln for ln in lines]
    else:
        lines = []
        for ln in body.split("\n"):
            ln = ln.strip()
            for marker in ("//!<", "///<", "//!", "///", "//", "#"):
                if ln.startswith(marker):
                    ln = ln[len(marker) :]
                    break
            lines.append(ln)
    lines = [ln.rstrip() for ln in lines]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return textwrap.dedent("\n".join(lines))


def comments_above(node: Any, comment_types: frozenset[str] = frozenset({"comment"})) -> str:
    """The comment lines right above ``node`` (no blank line between), joined."""
    parts: list[str] = []
    current = node.prev_sibling
    top = int(node.start_point[0])
    while current is not None and current.type in comment_types:
        if int(current.end_point[0]) < top - 1:
            break
        if (
            current.prev_sibling is not None
            and current.prev_sibling.end_point[0] == current.start_point[0]
            and current.prev_sibling.type not in comment_types
        ):
            break  # a trailing comment of the line above
        parts.insert(0, text(current))
        top = int(current.start_point[0])
        current = current.prev_sibling
    return clean_comment("\n".join(parts))


def comment_after(node: Any, comment_types: frozenset[str] = frozenset({"comment"})) -> str:
    """The comment on the same line right after ``node`` (or after its trailing comma)."""
    current = node.next_sibling
    if current is not None and current.type in (",", ";"):
        current = current.next_sibling
    if (
        current is not None
        and current.type in comment_types
        and current.start_point[0] == node.end_point[0]
    ):
        return clean_comment(text(current))
    return ""


def doc_of(node: Any) -> str:
    """The comment above ``node``, else the one after it on its line."""
    return comments_above(node) or comment_after(node)
