"""Read error codes from Java enums (tree-sitter-java): ``NAME(code, "message")`` with Javadoc.

The constructor's parameter names say what each argument is (``code``,
``errCode`` → code; ``status``, ``httpStatus`` → HTTP status; ``message``,
``msg`` → message; ``desc``, ``description`` → description);
``HttpStatus.NOT_FOUND`` arguments are statuses. Without a constructor the
first number or string is the code and the next string the message; an enum
whose constants take no arguments has its constant names as codes. The
Javadoc above a constant is its description.
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
from errdex.convert.importers.source.treesit import clean_comment, col, line, parse, text, walk

_ROLES = {
    "code": "code",
    "errcode": "code",
    "errorcode": "code",
    "value": "code",
    "id": "code",
    "number": "code",
    "status": "http_status",
    "httpstatus": "http_status",
    "statuscode": "http_status",
    "httpcode": "http_status",
    "http": "http_status",
    "message": "message",
    "msg": "message",
    "errmsg": "message",
    "errormessage": "message",
    "errormsg": "message",
    "reason": "message",
    "desc": "description",
    "description": "description",
    "detail": "description",
    "details": "description",
}


def read_java(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the Java file ``source`` (shown as ``path``)."""
    root = parse(source, "java")
    out = Findings()
    for enum in walk(root, frozenset({"enum_declaration"})):
        _read_enum(enum, path, force, out)
    return out


def _parameters(body: Any) -> list[str] | None:
    for decl in walk(body, frozenset({"constructor_declaration"})):
        params = decl.child_by_field_name("parameters")
        if params is None:
            continue
        names = []
        for param in params.named_children:
            name = param.child_by_field_name("name")
            names.append(text(name) if name is not None else "")
        return names
    return None


def _enclosing(node: Any) -> list[str]:
    """The names of the classes and interfaces around ``node`` (``Status`` of ``Status.Code``)."""
    names = []
    current = node.parent
    while current is not None:
        if current.type in ("class_declaration", "interface_declaration", "enum_declaration"):
            name = current.child_by_field_name("name")
            if name is not None:
                names.append(text(name))
        current = current.parent
    return names


def _javadoc(node: Any) -> str:
    current = node.prev_named_sibling
    comment = current is not None and current.type in ("block_comment", "line_comment")
    if comment and int(current.end_point[0]) >= int(node.start_point[0]) - 1:
        return clean_comment(text(current))
    return ""


def _argument(node: Any) -> Value | None:
    if node.type == "field_access":
        name = text(node).rsplit(".", 1)[-1]
        if name in HTTPStatus.__members__:
            return int(HTTPStatus[name])
        return None
    return evaluate(node, {})


def _read_enum(enum: Any, path: str, force: bool, out: Findings) -> None:
    name_node, body = enum.child_by_field_name("name"), enum.child_by_field_name("body")
    if name_node is None or body is None:
        return
    enum_name = text(name_node)
    constants = [c for c in body.named_children if c.type == "enum_constant"]
    if not constants:
        return
    if not (force or errorish(enum_name) or code_enum(enum_name, *_enclosing(enum), stem(path))):
        out.skipped.append(
            Skipped(
                path,
                line(enum),
                col(enum),
                f"enum {enum_name}",
                "its name does not say it holds errors",
                "java",
            )
        )
        return
    params = _parameters(body)
    roles = [_ROLES.get(re.sub(r"[^a-z]", "", p.lower())) for p in params] if params else None
    dropped = [p for p, r in zip(params or [], roles or [], strict=False) if r is None]
    for name in dropped:
        out.dropped.append(
            Skipped(
                path,
                line(enum),
                col(enum),
                f"constructor argument {name!r} of {enum_name}",
                "no catalog field holds it",
            )
        )
    for constant in constants:
        cname = text(constant.child_by_field_name("name"))
        args_node = constant.child_by_field_name("arguments")
        args = [_argument(a) for a in args_node.named_children] if args_node is not None else []
        fields: dict[str, Any] = {}
        if roles is not None and len(roles) == len(args):
            for role, value in zip(roles, args, strict=True):
                if role is not None and value is not None and role not in fields:
                    fields[role] = value
        else:
            positional = [a for a in args if a is not None]
            if positional:
                fields["code"] = positional[0]
                fields["message"] = next((a for a in positional[1:] if isinstance(a, str)), None)
        if "code" not in fields and not args:
            fields["code"] = cname
        if (
            "code" not in fields
            and "http_status" in fields
            and len([r for r in roles or [] if r]) == 1
        ):
            fields["code"] = fields["http_status"]  # ErrorCode(404): the status is the code
        if "code" not in fields:
            out.skipped.append(
                Skipped(
                    path,
                    line(constant),
                    col(constant),
                    f"constant {enum_name}.{cname}",
                    "no argument is its code",
                )
            )
            continue
        status = fields.get("http_status")
        out.found.append(
            Found(
                fields["code"],
                path,
                line(constant),
                enum_name,
                name=cname,
                message=fields.get("message") if isinstance(fields.get("message"), str) else None,
                description=fields.get("description")
                if isinstance(fields.get("description"), str)
                else (_javadoc(constant) or None),
                http_status=http_of(status) if isinstance(status, int) else None,
            )
        )
