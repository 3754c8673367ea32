"""Codes raised by Python source, found with the ``ast`` module (comments and strings never match).

A use is a call whose function (a name or an attribute) is one of the
catalog's ``[scan].calls`` (default ``error``) with a literal first argument,
``cat.error(1051)``, ``errors.error("AUTH-ERR-4")``, ``cat.error("invalidJWT")``;
or a call of such a function or of any ``…Error``/``…Exception`` class with a
literal ``code=`` keyword, ``raise QuotaError(code=1051)``. A literal ``space=``
keyword names the space.

Not a use: a call on a logger (``log.error("…")``, ``logging.error(…)``,
``self.logger.error(…)``: a receiver named ``log``, ``logger``, ``logging`` or
``…_logger``), and a string that cannot be a code or a name because it holds
blanks or formatting (``"could not connect to %s"``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from errdex.check.scan.uses import CodeUse
from errdex.io.source import SourceFile
from errdex.model.codes import Code


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


_TOKEN = re.compile(r"[\w.:/-]+")
"""What a string code or an entry name looks like: one token, no blanks or formatting."""
_LOGGER = re.compile(r"_*(?:\w+_)?(?:log|logger|logging)", re.IGNORECASE)
"""A receiver that is a logger: ``log``, ``logger``, ``logging``, ``_log``, ``audit_logger``."""


def _receiver(func: ast.expr) -> str:
    """The name of what a method is called on (``log`` in ``log.error``), else ``""``."""
    if isinstance(func, ast.Attribute):
        value = func.value
        if isinstance(value, ast.Name):
            return value.id
        if isinstance(value, ast.Attribute):
            return value.attr
    return ""


def _literal(node: ast.expr) -> Code | None:
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, (int, str)) and not isinstance(value, bool):
            return value
    if (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub)
        and isinstance(node.operand, ast.Constant)
        and type(node.operand.value) is int
    ):
        return -node.operand.value
    return None


def python_uses(source: SourceFile, calls: tuple[str, ...]) -> Iterator[CodeUse]:
    """Yield the code uses of one Python file; raise ``SyntaxError`` when it does not parse."""
    tree = ast.parse(source.text, filename=source.display)
    wanted = set(calls)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name is None:
            continue
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        space_node = keywords.get("space")
        space = _literal(space_node) if space_node is not None else None
        space = space if isinstance(space, str) else None
        code: Code | None = None
        where: ast.expr | None = None
        if name in wanted and node.args:
            code, where = _literal(node.args[0]), node.args[0]
        if (
            code is None
            and "code" in keywords
            and (name in wanted or name.endswith(("Error", "Exception")))
        ):
            code, where = _literal(keywords["code"]), keywords["code"]
        if code is None or where is None:
            continue
        if type(code) is str and (
            not _TOKEN.fullmatch(code) or _LOGGER.fullmatch(_receiver(node.func))
        ):
            continue
        yield CodeUse(code, source, where.lineno, where.col_offset + 1, None, space)
