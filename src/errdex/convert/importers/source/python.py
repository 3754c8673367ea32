"""Read error codes from Python source (the ``ast`` module).

- ``Enum`` / ``IntEnum`` / ``StrEnum`` / ``IntFlag`` subclasses (and any class
  whose bases end in ``Enum``) whose names say they hold errors: one entry
  per member; a tuple value ``(code, "message")`` or ``(code, status,
  "message")`` is split; ``auto()`` is computed as the enum module does
  (last + 1 from 1, or the lower-case name for ``StrEnum``);
- exception classes (bases ending in ``Error``/``Exception``) with class
  attributes naming a code (``code``, ``error_code``, ``default_code``), a
  status (``status_code``, ``http_status``, ``status``) and a message
  (``message``, ``msg``, ``default_detail``, ``detail``); ``_("…")``
  translation calls are read as their text; a subclass inherits what it does
  not set from a class of the same file.

The comment above a member, or a string right under it, is its description;
a class docstring is the description of an exception class.
"""

from __future__ import annotations

import ast
import re
from http import HTTPStatus
from typing import Any

from errdex.convert.importers.source.found import Findings, Found, Skipped, errorish, http_of

_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "IntFlag", "Flag", "ReprEnum"})
_CODE_ATTRS = ("code", "error_code", "errcode", "err_code", "default_code")
_STATUS_ATTRS = ("status_code", "http_status", "status", "http_code")
_MESSAGE_ATTRS = ("message", "msg", "default_detail", "detail", "default_message", "error")
_I18N = frozenset({"_", "gettext", "gettext_lazy", "ugettext_lazy", "lazy_gettext", "N_"})


def read_python(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the Python file ``source`` (shown as ``path``)."""
    out = Findings()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        col = getattr(exc, "offset", None) or 1
        out.skipped.append(
            Skipped(path, line, col, "the file", f"it does not parse as Python: {exc}")
        )
        return out
    lines = source.split("\n")
    classes: dict[str, dict[str, Any]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [_base_name(b) for b in node.bases] + _decorated_bases(node)
        if any(b in _ENUM_BASES or b.endswith("Enum") for b in bases):
            _read_enum(node, bases, path, force, lines, out)
        else:
            _read_exception(node, bases, path, force, classes, out)
    return out


def _decorated_bases(node: ast.ClassDef) -> list[str]:
    """Enum bases a class decorator passes (CPython's ``@_simple_enum(IntEnum) HTTPStatus``)."""
    names = []
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call):
            names += [_base_name(a) for a in decorator.args]
    return [n for n in names if n in _ENUM_BASES or n.endswith("Enum")]


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _constant(node: ast.expr | None) -> Any:
    """A literal value: int, str, negative int, ``_("text")``, a tuple of those; else None."""
    if node is None:
        return None
    if (
        isinstance(node, ast.Constant)
        and isinstance(node.value, (int, str))
        and not isinstance(node.value, bool)
    ):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _constant(node.operand)
        return -inner if isinstance(inner, int) else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _I18N:
        return _constant(node.args[0]) if len(node.args) == 1 else None
    if isinstance(node, (ast.Attribute, ast.Name)):
        return _status_name(node)
    if isinstance(node, ast.Tuple):
        values = [_constant(e) for e in node.elts]
        return tuple(values) if all(v is not None for v in values) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _constant(node.left), _constant(node.right)
        if type(a) is type(b) and isinstance(a, (int, str)):
            return a + b
    return None


def _status_name(node: ast.Attribute | ast.Name) -> int | None:
    """``status.HTTP_404_NOT_FOUND`` (DRF, Starlette) and ``HTTPStatus.NOT_FOUND``: the number."""
    name = node.attr if isinstance(node, ast.Attribute) else node.id
    match = re.fullmatch(r"HTTP_([1-5][0-9][0-9])(?:_[A-Z0-9_]+)?", name)
    if match:
        return int(match.group(1))
    owner = node.value if isinstance(node, ast.Attribute) else None
    if owner is not None and _base_name(owner) == "HTTPStatus" and name in HTTPStatus.__members__:
        return int(HTTPStatus[name])
    return None


def _comment_above(lines: list[str], lineno: int) -> str:
    out: list[str] = []
    i = lineno - 2
    while i >= 0 and lines[i].strip().startswith("#"):
        out.insert(0, lines[i].strip()[1:].strip())
        i -= 1
    return "\n".join(out).strip()


def _docstring_after(body: list[ast.stmt], index: int) -> str | None:
    if index + 1 < len(body):
        nxt = body[index + 1]
        if (
            isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
            and isinstance(nxt.value.value, str)
        ):
            return str(nxt.value.value).strip()
    return None


def _read_enum(
    node: ast.ClassDef, bases: list[str], path: str, force: bool, lines: list[str], out: Findings
) -> None:
    members: list[tuple[ast.stmt, str, Any, int]] = []
    last: int | None = None
    for index, stmt in enumerate(node.body):
        if not (
            isinstance(stmt, ast.Assign)
            and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name)
        ):
            continue
        name = stmt.targets[0].id
        if name.startswith("_"):
            continue
        value: Any
        if isinstance(stmt.value, ast.Call) and _base_name(stmt.value.func) == "auto":
            value = name.lower() if "StrEnum" in bases else (1 if last is None else last + 1)
        else:
            value = _constant(stmt.value)
        if value is None:
            continue
        code = value[0] if isinstance(value, tuple) and value else value
        if isinstance(code, int):
            last = code
        members.append((stmt, name, value, index))
    if not members:
        return
    if not (force or errorish(node.name)):
        out.skipped.append(
            Skipped(
                path,
                node.lineno,
                node.col_offset + 1,
                f"enum {node.name}",
                "its name does not say it holds errors",
                "python",
            )
        )
        return
    for stmt, name, value, index in members:
        fields = _split(value)
        if fields is None:
            out.skipped.append(
                Skipped(
                    path,
                    stmt.lineno,
                    stmt.col_offset + 1,
                    f"member {node.name}.{name}",
                    "its value holds no code",
                )
            )
            continue
        code, status, message, stated = fields
        description = (
            stated
            or _docstring_after(node.body, index)
            or _comment_above(lines, stmt.lineno)
            or None
        )
        out.found.append(
            Found(
                code,
                path,
                stmt.lineno,
                node.name,
                name=name,
                message=message,
                description=description,
                http_status=status,
            )
        )


def _split(value: Any) -> tuple[int | str, int | None, str | None, str | None] | None:
    """``code``, ``(code, "message")``, ``(code, status, "message")``, ``("CODE", "message")``,
    ``(code, "phrase", "description")`` (CPython's ``HTTPStatus``): code, status, message,
    description."""
    if not isinstance(value, tuple):
        return value, None, None, None
    if not value:
        return None
    code, rest = value[0], value[1:]
    status = next((v for v in rest if isinstance(v, int) and http_of(v) is not None), None)
    texts = [v for v in rest if isinstance(v, str)]
    return code, status, texts[0] if texts else None, texts[1] if len(texts) > 1 else None


def _read_exception(
    node: ast.ClassDef,
    bases: list[str],
    path: str,
    force: bool,
    classes: dict[str, dict[str, Any]],
    out: Findings,
) -> None:
    attrs: dict[str, Any] = {}
    for base in bases:
        attrs.update({k: v for k, v in classes.get(base, {}).items() if k != "_docstring"})
    own: dict[str, Any] = {}
    for stmt in node.body:
        targets: list[ast.expr] = []
        if isinstance(stmt, ast.Assign):
            targets, value = stmt.targets, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            targets, value = [stmt.target], stmt.value
        for target in targets:
            if isinstance(target, ast.Name):
                constant = _constant(value)
                if constant is not None:
                    own[target.id] = constant
    attrs.update(own)
    classes[node.name] = attrs
    if not (force or any(b.endswith(("Error", "Exception")) for b in bases) or errorish(node.name)):
        return
    code = next((own[a] for a in _CODE_ATTRS if a in own), None)
    if code is None or isinstance(code, tuple):
        stated = any(a in own for a in _STATUS_ATTRS + _MESSAGE_ATTRS)
        if stated and code is None and not any(a in attrs for a in _CODE_ATTRS):
            why = "it sets a status or message but no code attribute"
            out.skipped.append(
                Skipped(path, node.lineno, node.col_offset + 1, f"class {node.name}", why)
            )
        return
    status = next((attrs[a] for a in _STATUS_ATTRS if isinstance(attrs.get(a), int)), None)
    message = next((attrs[a] for a in _MESSAGE_ATTRS if isinstance(attrs.get(a), str)), None)
    docstring = ast.get_docstring(node)
    out.found.append(
        Found(
            code,
            path,
            node.lineno,
            "exceptions",
            name=node.name,
            message=message,
            description=docstring or None,
            http_status=http_of(status),
        )
    )
