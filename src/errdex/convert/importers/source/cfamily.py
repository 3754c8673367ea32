"""Read error codes from C and C++ enums (tree-sitter-c / -cpp), and the message tables beside them.

- ``enum`` / ``enum class`` / ``enum ErrorCode : int`` whose name (or, for an
  anonymous C enum, whose constants) say they hold errors: explicit values,
  implicit ones (the previous + 1, from 0) and constant expressions over
  earlier constants;
- the comment above a constant, or after it on its line (``/**< … */``), is
  its description;
- message tables in the same file: ``{ERR_X, "message"}`` pairs in an
  initializer list (arrays, ``std::map``), ``case ERR_X: return "…";``, and
  string constants named after a constant (``ERR_X_MESSAGE = "…"``).
"""

from __future__ import annotations

import re
from typing import Any

from errdex.convert.importers.source.evaluate import Value, evaluate
from errdex.convert.importers.source.found import Findings, Found, Skipped, errorish
from errdex.convert.importers.source.treesit import col, doc_of, line, parse, text, walk

_BRIEF = re.compile(r"^[@\\]brief\s+", re.M)


_MESSAGE_CONST = re.compile(r"(\w+?)_(?:MESSAGE|MSG|TEXT|STR)")


def read_c(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the C file ``source`` (shown as ``path``)."""
    return _read(parse(source, "c"), path, force, "c")


def read_cpp(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the C++ file ``source`` (shown as ``path``)."""
    return _read(parse(source, "cpp"), path, force, "cpp")


def _read(root: Any, path: str, force: bool, language: str) -> Findings:
    out = Findings()
    env: dict[str, Value] = {}
    for enum in walk(root, frozenset({"enum_specifier"})):
        _read_enum(enum, env, path, force, language, out)
    by_name = {f.name: f for f in out.found if f.name is not None}
    if by_name:
        _messages(root, by_name)
    return out


def _read_enum(
    enum: Any, env: dict[str, Value], path: str, force: bool, language: str, out: Findings
) -> None:
    body = enum.child_by_field_name("body")
    if body is None:
        return
    name_node = enum.child_by_field_name("name")
    enum_name = text(name_node) if name_node is not None else _typedef_name(enum)
    members = [m for m in body.named_children if m.type == "enumerator"]
    names = [text(m.child_by_field_name("name")) for m in members]
    if not members:
        return
    hits = sum(1 for n in names if errorish(n))
    if not (force or errorish(enum_name) or hits * 2 > len(names)):
        label = f"enum {enum_name}" if enum_name else f"enum {{{names[0]}, …}}"
        out.skipped.append(
            Skipped(
                path, line(enum), col(enum), label, "its names do not say it holds errors", language
            )
        )
        return
    last: Value | None = None
    for member, name in zip(members, names, strict=True):
        value_node = member.child_by_field_name("value")
        if value_node is not None:
            value = evaluate(value_node, env)
        else:
            value = last + 1 if isinstance(last, int) else (0 if last is None else None)
        if value is None:
            out.skipped.append(
                Skipped(
                    path,
                    line(member),
                    col(member),
                    f"enumerator {name}",
                    "its value is not a constant errdex can compute",
                )
            )
            last = "?"
            continue
        env[name] = value
        if enum_name:
            env[f"{enum_name}::{name}"] = value
        last = value
        doc = _BRIEF.sub("", doc_of(member)).strip()
        group = enum_name or "errors"
        out.found.append(
            Found(value, path, line(member), group, name=name, description=doc or None)
        )


def _typedef_name(enum: Any) -> str:
    parent = enum.parent
    if parent is not None and parent.type == "type_definition":
        declarator = parent.child_by_field_name("declarator")
        if declarator is not None:
            return text(declarator)
    return ""


def _short(name: str) -> str:
    return name.rsplit("::", 1)[-1]


def _messages(root: Any, by_name: dict[str, Found]) -> None:
    """``{ERR_X, "message"}`` initializer pairs and ``case ERR_X: return "message";``."""
    for pair in walk(root, frozenset({"initializer_list"})):
        items = pair.named_children
        if len(items) != 2 or items[0].type not in ("identifier", "qualified_identifier"):
            continue
        target = by_name.get(_short(text(items[0])))
        message = evaluate(items[1], {})
        if target is not None and isinstance(message, str) and target.message is None:
            target.message = message
    for declarator in walk(root, frozenset({"init_declarator"})):
        name, value = (
            declarator.child_by_field_name("declarator"),
            declarator.child_by_field_name("value"),
        )
        if name is None or value is None:
            continue
        match = _MESSAGE_CONST.fullmatch(text(name))
        target = by_name.get(match.group(1)) if match else None
        message = evaluate(value, {})
        if target is not None and isinstance(message, str) and target.message is None:
            target.message = message  # ILLEGAL_ACCESS_MESSAGE = "…" beside ILLEGAL_ACCESS
    for case in walk(root, frozenset({"case_statement"})):
        value = case.child_by_field_name("value")
        if value is None:
            continue
        target = by_name.get(_short(text(value)))
        if target is None or target.message is not None:
            continue
        returns = [n for n in case.named_children if n.type == "return_statement"]
        if returns and returns[0].named_children:
            message = evaluate(returns[0].named_children[0], {})
            if isinstance(message, str):
                target.message = message
