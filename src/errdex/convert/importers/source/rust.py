"""Read error codes from Rust source (tree-sitter-rust).

For each ``enum`` whose name says it holds errors:

- explicit discriminants (``NotFound = 404``) and implicit ones (the
  previous + 1, from 0), computed as rustc does, when every variant is a unit
  variant (the enum converts ``as u32``);
- ``fn code(&self)`` (or ``error_code``, ``as_code``, ``to_code``…) in an
  ``impl`` of the enum: its ``match`` arms give each variant's code, ``const``
  names resolved; ``fn message`` arms and ``#[error("…")]`` attributes
  (thiserror) give messages; ``fn status_code`` / ``http_status`` arms give
  HTTP statuses (``StatusCode::NOT_FOUND`` is 404);
- ``///`` doc comments are descriptions.

A variant whose code is not a constant (``ServerError(code) => code``) is
reported, not guessed.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import Any

from errdex.convert.importers.source.evaluate import Value, evaluate
from errdex.convert.importers.source.found import (
    Findings,
    Found,
    Skipped,
    code_enum,
    errorish,
    http_of,
    stem,
)
from errdex.convert.importers.source.treesit import (
    clean_comment,
    col,
    comments_above,
    line,
    parse,
    text,
    walk,
)

_CODE_FNS = frozenset(
    {"code", "error_code", "as_code", "to_code", "get_code", "get_error_code", "errno"}
)
_MESSAGE_FNS = frozenset({"message", "msg", "as_str", "description", "error_message", "reason"})
_STATUS_FNS = frozenset({"status", "status_code", "http_status", "http_code", "to_status"})
_COMMENTS = frozenset({"line_comment", "block_comment"})


def read_rust(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the Rust file ``source`` (shown as ``path``)."""
    root = parse(source, "rust")
    out = Findings()
    env: dict[str, Value] = {}
    for item in walk(root, frozenset({"const_item", "static_item"})):
        name, value = item.child_by_field_name("name"), item.child_by_field_name("value")
        if name is not None and value is not None:
            result = evaluate(value, env)
            if result is not None:
                env[text(name)] = result
    impls = _impl_functions(root)
    for enum in walk(root, frozenset({"enum_item"})):
        _read_enum(enum, env, impls, path, force, out)
    return out


def _impl_functions(root: Any) -> dict[str, dict[str, Any]]:
    """For each type: its methods by name (from every ``impl`` block of the file)."""
    out: dict[str, dict[str, Any]] = {}
    for impl in walk(root, frozenset({"impl_item"})):
        type_node = impl.child_by_field_name("type")
        body = impl.child_by_field_name("body")
        if type_node is None or body is None:
            continue
        name = text(type_node).split("<", 1)[0]
        for fn in body.named_children:
            if fn.type == "function_item" and fn.child_by_field_name("name") is not None:
                out.setdefault(name, {})[text(fn.child_by_field_name("name"))] = fn
    return out


def _variant_docs(variant: Any) -> tuple[str, str | None]:
    """The ``///`` doc comment and the ``#[error("…")]`` message right above a variant."""
    docs: list[str] = []
    message: str | None = None
    current = variant.prev_named_sibling
    while current is not None and (current.type in _COMMENTS or current.type == "attribute_item"):
        if current.type == "attribute_item":
            message = _error_attribute(current) if message is None else message
        elif "doc_comment" in {c.type for c in current.children} or text(current).startswith("///"):
            docs.insert(0, text(current))
        else:
            break
        current = current.prev_named_sibling
    return clean_comment("\n".join(d.rstrip("\n") for d in docs)), message


def _error_attribute(node: Any) -> str | None:
    attribute = node.named_children[0] if node.named_children else None
    if attribute is None or not attribute.named_children:
        return None
    if text(attribute.named_children[0]) != "error":
        return None
    for literal in walk(attribute, frozenset({"string_literal", "raw_string_literal"})):
        value = evaluate(literal, {})
        return value if isinstance(value, str) else None
    return None


def _arms(
    fn: Any, env: dict[str, Value], status: bool = False
) -> tuple[dict[str, Value], list[tuple[str, Any]]]:
    """``Variant => value`` of the first ``match`` in ``fn``; arms without a constant value."""
    values: dict[str, Value] = {}
    unknown: list[tuple[str, Any]] = []
    matches = walk(fn, frozenset({"match_expression"}))
    if not matches:
        return values, unknown
    block = matches[0].child_by_field_name("body")
    for arm in block.named_children if block is not None else ():
        if arm.type != "match_arm":
            continue
        pattern, value = arm.child_by_field_name("pattern"), arm.child_by_field_name("value")
        if pattern is None or value is None:
            continue
        result: Value | None = _status_value(value) if status else None
        if result is None:
            result = evaluate(_tail(value), env)
        for variant in _pattern_variants(pattern):
            if result is None:
                unknown.append((variant, arm))
            else:
                values[variant] = result
    return values, unknown


def _tail(node: Any) -> Any:
    """The value of a block arm ``{ … x }`` or a ``.into()``/``as i32`` of a constant."""
    if node.type == "block" and node.named_children:
        return _tail(node.named_children[-1])
    if node.type == "expression_statement" and node.named_children:
        return _tail(node.named_children[0])
    if node.type == "type_cast_expression" and node.named_children:
        return node.named_children[0]
    return node


def _status_value(node: Any) -> int | None:
    """``StatusCode::NOT_FOUND``, ``StatusCode::from_u16(404)``-free forms: the number."""
    raw = text(_tail(node))
    name = re.split(r"::", raw)[-1]
    if "::" in raw and name in HTTPStatus.__members__:
        return int(HTTPStatus[name])
    return None


def _pattern_variants(pattern: Any) -> list[str]:
    """Variant names a match pattern names (``A``, ``Self::A``, ``E::A { .. } | E::B(_)``)."""
    names: list[str] = []
    for node in walk(
        pattern,
        frozenset({"identifier", "scoped_identifier", "scoped_type_identifier", "type_identifier"}),
    ):
        parent = node.parent
        if parent is not None and parent.type in ("scoped_identifier", "scoped_type_identifier"):
            continue  # the parts of a path: the path itself is taken
        if (
            parent is not None
            and parent.type == "tuple_struct_pattern"
            and parent.named_children[0] != node
        ):
            continue  # a binding inside ServerError(code)
        if parent is not None and parent.type == "field_pattern":
            continue
        names.append(re.split(r"::", text(node))[-1])
    return names


def _read_enum(
    enum: Any,
    env: dict[str, Value],
    impls: dict[str, dict[str, Any]],
    path: str,
    force: bool,
    out: Findings,
) -> None:
    name_node, body = enum.child_by_field_name("name"), enum.child_by_field_name("body")
    if name_node is None or body is None:
        return
    enum_name = text(name_node)
    variants = [v for v in body.named_children if v.type == "enum_variant"]
    if not variants:
        return
    doc = comments_above(enum, frozenset({"line_comment", "block_comment", "attribute_item"}))
    if not (force or errorish(enum_name) or code_enum(enum_name, stem(path), doc)):
        out.skipped.append(
            Skipped(
                path,
                line(enum),
                col(enum),
                f"enum {enum_name}",
                "its name does not say it holds errors",
                "rust",
            )
        )
        return
    methods = impls.get(enum_name, {})
    code_fn = next((methods[n] for n in methods if n in _CODE_FNS), None)
    codes, _unknown = _arms(code_fn, env) if code_fn is not None else ({}, [])
    message_fn = next((methods[n] for n in methods if n in _MESSAGE_FNS), None)
    messages, _ = _arms(message_fn, env) if message_fn is not None else ({}, [])
    status_fn = next((methods[n] for n in methods if n in _STATUS_FNS), None)
    statuses, _ = _arms(status_fn, env, status=True) if status_fn is not None else ({}, [])
    unit = all(v.child_by_field_name("body") is None for v in variants)
    discriminant = -1
    for variant in variants:
        vname = text(variant.child_by_field_name("name"))
        value_node = variant.child_by_field_name("value")
        if value_node is not None:
            computed = evaluate(value_node, env)
            discriminant = computed if isinstance(computed, int) else discriminant + 1
        else:
            discriminant += 1
        code: Value | None = codes.get(vname)
        if code is None and code_fn is None and (unit or value_node is not None):
            code = discriminant
        if code is None:
            why = (
                f"its code in `fn {text(code_fn.child_by_field_name('name'))}` is not a constant"
                if code_fn is not None
                else "the enum has data variants and no `fn code`, so it has no number"
            )
            out.skipped.append(
                Skipped(path, line(variant), col(variant), f"variant {enum_name}::{vname}", why)
            )
            continue
        doc, attribute = _variant_docs(variant)
        message = messages.get(vname)
        status = statuses.get(vname)
        out.found.append(
            Found(
                code,
                path,
                line(variant),
                enum_name,
                name=vname,
                message=attribute
                if attribute is not None
                else (message if isinstance(message, str) else None),
                description=doc or None,
                http_status=http_of(status) if isinstance(status, int) else None,
            )
        )
