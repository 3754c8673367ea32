"""Read error codes from TypeScript and JavaScript (tree-sitter-typescript / -javascript).

- ``enum`` declarations (TypeScript): explicit values, implicit numbers (the
  previous + 1, from 0), constant expressions over earlier members;
- objects of codes bound to a name that says it holds errors, or shaped as an
  error listing (values that are objects with a message beside a status or a
  code): ``as const`` objects, ``Object.freeze({...})``, plain ``const``
  objects, CommonJS ``module.exports = {...}`` / ``exports.X = {...}`` and
  ``export default {...}`` (named after the file). A value may
  be the code (``NOT_FOUND: 404``, ``NOT_FOUND: "E404"``), a nested object of
  fields (``{ code, message, status, description }``), or the message when the
  keys are the codes (``{ 1001: "Invalid token" }``).

JSDoc and ``//`` comments above a member (or after it on its line) are descriptions.
"""

from __future__ import annotations

import re
from typing import Any

from errdex.convert.importers.source.evaluate import Value, evaluate
from errdex.convert.importers.source.found import (
    Findings,
    Found,
    Skipped,
    errorish,
    http_of,
    stem,
)
from errdex.convert.importers.source.treesit import col, doc_of, line, parse, text, walk

_CODE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
"""A key that can stand for the code itself: ``E001``, ``NOT_FOUND``, ``auth.expired``."""
_CODE_KEYS = frozenset({"code", "errorCode", "error_code", "errcode", "errCode", "id"})
_MESSAGE_KEYS = frozenset({"message", "msg", "text", "title", "defaultMessage"})
_DESCRIPTION_KEYS = frozenset({"description", "detail", "details"})
_STATUS_KEYS = frozenset({"status", "httpStatus", "statusCode", "http", "http_status", "httpCode"})


def read_typescript(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the TypeScript file ``source`` (shown as ``path``)."""
    language = "tsx" if path.lower().endswith(".tsx") else "typescript"
    return _read(parse(source, language), path, force, "typescript")


def read_javascript(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the JavaScript file ``source`` (shown as ``path``)."""
    return _read(parse(source, "javascript"), path, force, "javascript")


def _read(root: Any, path: str, force: bool, language: str) -> Findings:
    out = Findings()
    for enum in walk(root, frozenset({"enum_declaration"})):
        _read_enum(enum, path, force, language, out)
    for declarator in walk(root, frozenset({"variable_declarator"})):
        name, value = (
            declarator.child_by_field_name("name"),
            declarator.child_by_field_name("value"),
        )
        if name is None or value is None:
            continue
        obj = _object_of(value)
        if obj is None:
            continue
        _read_object(text(name), obj, declarator, path, force, language, out)
    for namespace in walk(root, frozenset({"internal_module"})):
        _read_namespace(namespace, path, force, language, out)
    for assignment in walk(root, frozenset({"assignment_expression"})):
        target = assignment.child_by_field_name("left")
        obj = _object_of(assignment.child_by_field_name("right"))
        if target is not None and obj is not None and _exported(text(target)):
            _read_object(
                _export_name(text(target), path), obj, assignment, path, force, language, out
            )
    for export in walk(root, frozenset({"export_statement"})):
        obj = _object_of(export.child_by_field_name("value"))
        if obj is not None and any(c.type == "default" for c in export.children):
            _read_object(stem(path), obj, export, path, force, language, out)
    return out


_SENTINEL = re.compile(r"(?:Start|End|Begin|Min|Max|First|Last|Count|Range)$|^(?:min|max)[A-Z_]")
"""A constant that bounds a range of codes rather than naming one: ``serverErrorStart``."""


def _read_namespace(namespace: Any, path: str, force: bool, language: str, out: Findings) -> None:
    """``namespace ErrorCodes { export const ParseError: -32700 = -32700; … }``.

    Constants that bound a range (``jsonrpcReservedErrorRangeStart``) are reported,
    not imported: they share a number with a real code and name none.
    """
    name_node, body = namespace.child_by_field_name("name"), namespace.child_by_field_name("body")
    if name_node is None or body is None:
        return
    group = text(name_node)
    declarators = [
        d
        for d in walk(body, frozenset({"variable_declarator"}))
        if d.parent is not None and d.parent.type == "lexical_declaration"
    ]
    values = [
        (d, text(d.child_by_field_name("name")), evaluate(d.child_by_field_name("value"), {}))
        for d in declarators
        if d.child_by_field_name("name") is not None and d.child_by_field_name("value") is not None
    ]
    constants: list[tuple[Any, str, int | str]] = [
        (d, n, v) for d, n, v in values if isinstance(v, int | str)
    ]
    if not constants:
        return
    if not (force or errorish(group)):
        out.skipped.append(
            Skipped(
                path,
                line(namespace),
                col(namespace),
                f"namespace {group}",
                "its name does not say it holds errors",
                language,
            )
        )
        return
    for declarator, name, value in constants:
        if _SENTINEL.search(name):
            out.dropped.append(
                Skipped(
                    path,
                    line(declarator),
                    col(declarator),
                    f"constant {group}.{name}",
                    "it bounds a range of codes rather than naming one",
                )
            )
            continue
        statement = declarator.parent.parent if declarator.parent is not None else declarator
        doc = doc_of(statement) if statement is not None else ""
        out.found.append(
            Found(value, path, line(declarator), group, name=name, description=doc or None)
        )


def _exported(target: str) -> bool:
    """``module.exports = {…}`` or ``exports.ERRORS = {…}`` (CommonJS exports)."""
    return target == "module.exports" or target.startswith(("module.exports.", "exports."))


def _export_name(target: str, path: str) -> str:
    """The name of a CommonJS export: its property, or the file's stem for the module."""
    return stem(path) if target == "module.exports" else target.rsplit(".", 1)[-1]


def _field_objects(pairs: list[Any]) -> bool:
    """Most values are objects naming error fields: a message beside a status or a code.

    ``{ 'E001': { statusCode: 401, message: "Unauthorized" } }`` is an error listing
    by its shape, whatever its variable (or file) is called.
    """
    hits = 0
    for pair in pairs:
        nested = _object_of(pair.child_by_field_name("value"))
        if nested is None:
            continue
        keys = {
            _key(p.child_by_field_name("key")) for p in nested.named_children if p.type == "pair"
        }
        if keys & _MESSAGE_KEYS and keys & (_STATUS_KEYS | _CODE_KEYS):
            hits += 1
    return hits * 2 > len(pairs)


def _object_of(node: Any) -> Any:
    """The object literal of ``{…} as const``, ``Object.freeze({…})`` or ``{…}``."""
    while node is not None and node.type in (
        "as_expression",
        "satisfies_expression",
        "parenthesized_expression",
    ):
        node = node.named_children[0] if node.named_children else None
    if node is not None and node.type == "call_expression":
        function = node.child_by_field_name("function")
        args = node.child_by_field_name("arguments")
        if (
            function is not None
            and text(function) == "Object.freeze"
            and args is not None
            and args.named_children
        ):
            return _object_of(args.named_children[0])
        return None
    return node if node is not None and node.type == "object" else None


def _key(node: Any) -> str:
    value = evaluate(node, {})
    return str(value) if value is not None else text(node)


def _read_enum(enum: Any, path: str, force: bool, language: str, out: Findings) -> None:
    name_node, body = enum.child_by_field_name("name"), enum.child_by_field_name("body")
    if name_node is None or body is None:
        return
    enum_name = text(name_node)
    if not (force or errorish(enum_name)):
        out.skipped.append(
            Skipped(
                path,
                line(enum),
                col(enum),
                f"enum {enum_name}",
                "its name does not say it holds errors",
                language,
            )
        )
        return
    env: dict[str, Value] = {}
    last: Value | None = None
    for member in body.named_children:
        if member.type == "comment":
            continue
        if member.type == "enum_assignment":
            key_node, value_node = (
                member.child_by_field_name("name"),
                member.child_by_field_name("value"),
            )
            key = _key(key_node) if key_node is not None else text(member)
            value = evaluate(value_node, env) if value_node is not None else None
        else:
            key = _key(member)
            value = last + 1 if isinstance(last, int) else (0 if last is None else None)
        if value is None:
            out.skipped.append(
                Skipped(
                    path,
                    line(member),
                    col(member),
                    f"member {enum_name}.{key}",
                    "its value is not a constant",
                )
            )
            last = "?"
            continue
        env[key] = value
        env[f"{enum_name}.{key}"] = value
        last = value
        out.found.append(
            Found(
                value, path, line(member), enum_name, name=key, description=doc_of(member) or None
            )
        )


def _read_object(
    name: str, obj: Any, declarator: Any, path: str, force: bool, language: str, out: Findings
) -> None:
    pairs = [p for p in obj.named_children if p.type == "pair"]
    if not pairs:
        return
    if not (force or errorish(name) or _field_objects(pairs)):
        if len(pairs) > 2:
            out.skipped.append(
                Skipped(
                    path,
                    line(declarator),
                    col(declarator),
                    f"object {name}",
                    "its name does not say it holds errors",
                    language,
                )
            )
        return
    values = [
        (p, _key(p.child_by_field_name("key")), p.child_by_field_name("value")) for p in pairs
    ]
    numeric_keys = all(_is_int(k) for _, k, _ in values)
    for pair, key, value_node in values:
        found = Found(0, path, line(pair), name, description=doc_of(pair) or None)
        nested = _object_of(value_node) if value_node is not None else None
        if nested is not None and _is_group(nested):
            # errorCodes = { rpc: { parse: -32700, … }, provider: { … } }: a group per key
            _read_object(f"{name}.{key}", nested, pair, path, True, language, out)
            continue
        if nested is not None:
            fields = {
                _key(p.child_by_field_name("key")): evaluate(p.child_by_field_name("value"), {})
                for p in nested.named_children
                if p.type == "pair"
            }
            code = next(
                (fields[k] for k in fields if k in _CODE_KEYS and fields[k] is not None), None
            )
            if code is None:
                # { 'E001': { statusCode, message } }: the key is the code
                code = int(key) if _is_int(key) else (key if _CODE_KEY.fullmatch(key) else None)
            if code is None:
                out.skipped.append(
                    Skipped(
                        path,
                        line(pair),
                        col(pair),
                        f"member {name}.{key}",
                        "it holds no code field",
                    )
                )
                continue
            found.code = code
            found.name = None if _is_int(key) or key == code else key
            found.message = _string(fields, _MESSAGE_KEYS)
            known = _CODE_KEYS | _MESSAGE_KEYS | _DESCRIPTION_KEYS | _STATUS_KEYS
            for extra in fields:
                if extra not in known and not any(
                    d.what == f"field {extra!r}" for d in out.dropped
                ):
                    why = "no catalog field holds it"
                    out.dropped.append(
                        Skipped(path, line(pair), col(pair), f"field {extra!r}", why)
                    )
            found.description = _string(fields, _DESCRIPTION_KEYS) or found.description
            status = next(
                (fields[k] for k in fields if k in _STATUS_KEYS and isinstance(fields[k], int)),
                None,
            )
            found.http_status = http_of(status) if isinstance(status, int) else None
        else:
            value = evaluate(value_node, {}) if value_node is not None else None
            if value is None:
                out.skipped.append(
                    Skipped(
                        path,
                        line(pair),
                        col(pair),
                        f"member {name}.{key}",
                        "its value is not a constant",
                    )
                )
                continue
            if numeric_keys and isinstance(value, str):
                found.code, found.message = int(key), value
            else:
                found.code, found.name = value, key
        out.found.append(found)


def _is_group(obj: Any) -> bool:
    """An object whose values are all plain codes (numbers), keyed by names."""
    pairs = [p for p in obj.named_children if p.type == "pair"]
    if not pairs:
        return False
    for pair in pairs:
        key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if key is None or value is None or _is_int(_key(key)):
            return False
        if _object_of(value) is not None:
            return False
        if not isinstance(evaluate(value, {}), int):
            return False
    return True


def _is_int(key: str) -> bool:
    return key.lstrip("-").isdigit()


def _string(fields: dict[str, Value | None], keys: frozenset[str]) -> str | None:
    value = next((fields[k] for k in fields if k in keys and isinstance(fields[k], str)), None)
    return value if isinstance(value, str) else None
