"""Codes raised by Python source, found with the ``ast`` module (comments and strings never match).

A use is a call whose function (a name or an attribute) is one of the
catalog's ``[scan].calls`` (default ``error``) with a literal first argument,
``cat.error(1051)``, ``errors.error("AUTH-ERR-4")``, ``cat.error("invalidJWT")``;
or a call of such a function or of any ``…Error``/``…Exception`` class with a
literal ``code=`` keyword, ``raise QuotaError(code=1051)``. A literal ``space=``
keyword names the space.
"""

from __future__ import annotations

import ast
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


def _literal(node: ast.expr) -> Code | None:
    if isinstance(node, ast.Constant) and type(node.value) in (int, str):
        return node.value  # type: ignore[no-any-return]
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
        if code is None or code == "" or where is None:
            continue
        yield CodeUse(code, source, where.lineno, where.col_offset + 1, None, space)
