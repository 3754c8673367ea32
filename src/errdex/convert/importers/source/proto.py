"""Read error codes from Protocol Buffers files (proto-schema-parser).

An enum is an error listing when its name says so (``ErrorReason``,
``ErrorCode``, ``Error``) or it carries go-kratos ``errors`` options. Two
kinds:

- reason enums (go-kratos ``errors.proto`` options, or a ``…Reason`` enum as
  google.rpc ``ErrorInfo.reason`` uses): the code is the value's *name*, the
  string that goes over the wire; ``(errors.code)`` of the value, else the
  enum's ``(errors.default_code)``, is its HTTP status;
- other enums: the code is the number and the name the value's name.

The comment lines above a value (and one after it on its line) are its
description. Enums nested in messages are read too.
"""

from __future__ import annotations

import re
from typing import Any

from errdex.convert.importers.source.found import (
    Findings,
    Found,
    Skipped,
    code_enum,
    errorish,
    http_of,
    stem,
)

_KRATOS_CODE = ("(errors.code)", "errors.code")
_KRATOS_DEFAULT = ("(errors.default_code)", "errors.default_code")


def read_proto(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the ``.proto`` file ``source`` (shown as ``path``)."""
    from proto_schema_parser.parser import Parser

    out = Findings()
    errors = _Errors()

    def quiet(recognizer: Any) -> None:
        recognizer.removeErrorListeners()
        recognizer.addErrorListener(errors)

    try:
        tree = Parser(setup_lexer=quiet, setup_parser=quiet).parse(source)
    except Exception as exc:  # the parser raises its own and ANTLR's errors
        errors.message = errors.message or str(exc) or type(exc).__name__
    if errors.message is not None:
        out.skipped.append(
            Skipped(
                path, *errors.where, "the file", f"it does not parse as protobuf: {errors.message}"
            )
        )
        return out
    locator = _Locator(source)
    for enum in _enums(tree.file_elements):
        _read_enum(enum, path, force, locator, out)
    return out


class _Errors:
    """An ANTLR error listener that keeps the first syntax error instead of printing it."""

    def __init__(self) -> None:
        self.message: str | None = None
        self.where = (1, 1)

    def syntaxError(
        self, recognizer: Any, symbol: Any, line: int, column: int, msg: str, e: Any
    ) -> None:
        if self.message is None:
            self.message, self.where = msg, (line, column + 1)

    def reportAmbiguity(self, *args: Any) -> None:
        """Not a problem of the input."""

    def reportAttemptingFullContext(self, *args: Any) -> None:
        """Not a problem of the input."""

    def reportContextSensitivity(self, *args: Any) -> None:
        """Not a problem of the input."""


def _enums(elements: list[Any]) -> list[Any]:
    from proto_schema_parser import ast

    found: list[Any] = []
    for element in elements:
        if isinstance(element, ast.Enum):
            found.append(element)
        elif isinstance(element, ast.Message):
            found += _enums(element.elements)
    return found


def _option(options: list[Any], names: tuple[str, ...]) -> Any:
    for option in options:
        if getattr(option, "name", None) in names:
            return option.value
    return None


class _Locator:
    """Lines of enum values, found in file order."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.pos = 0
        package = re.search(r"^\s*package\s+([\w.]+)\s*;", source, re.M)
        self.package = package.group(1) if package else ""

    def line_of(self, name: str, keyword: str = "") -> tuple[int, int]:
        pattern = re.compile(
            (re.escape(keyword) + r"\s+" if keyword else r"(?<![\w.])") + re.escape(name) + r"\b"
        )
        match = pattern.search(self.source, self.pos)
        if match is None:
            return 1, 1
        self.pos = match.end()
        line = self.source.count("\n", 0, match.start()) + 1
        col = match.start() - (self.source.rfind("\n", 0, match.start()) + 1) + 1
        return line, col


def _comment_above(source: str, line: int) -> str:
    """The ``//`` comment lines right above line ``line`` of ``source``."""
    lines = source.split("\n")[: max(line - 1, 0)]
    taken: list[str] = []
    for raw in reversed(lines):
        stripped = raw.strip()
        if not stripped.startswith("//"):
            break
        taken.append(stripped.lstrip("/").strip())
    return " ".join(reversed(taken))


def _read_enum(enum: Any, path: str, force: bool, locator: _Locator, out: Findings) -> None:
    from proto_schema_parser import ast

    enum_line, enum_col = locator.line_of(enum.name, "enum")
    options = [e for e in enum.elements if isinstance(e, ast.Option)]
    values = [e for e in enum.elements if isinstance(e, ast.EnumValue)]
    default = _option(options, _KRATOS_DEFAULT)
    kratos = default is not None or any(
        _option(v.options, _KRATOS_CODE) is not None for v in values
    )
    reasons = kratos or enum.name.lower().endswith("reason")
    context = (stem(path), locator.package, _comment_above(locator.source, enum_line))
    if not (force or kratos or errorish(enum.name) or code_enum(enum.name, *context)):
        out.skipped.append(
            Skipped(
                path,
                enum_line,
                enum_col,
                f"enum {enum.name}",
                "its name does not say it holds errors",
                "proto",
            )
        )
        return
    if reasons and values:
        out.dropped.append(
            Skipped(
                path,
                enum_line,
                enum_col,
                f"the numbers of enum {enum.name}",
                "a reason enum's code is the value's name; its number has no catalog field",
            )
        )
    pending: list[str] = []
    last: Found | None = None
    for element in enum.elements:
        if isinstance(element, ast.Comment):
            body = element.text
            if element.inline:
                if last is not None and not pending and not last.description:
                    last.description = _comment(body) or None
            else:
                pending.append(body)
            continue
        if not isinstance(element, ast.EnumValue):
            if not isinstance(element, ast.Comment):
                pending = []
            continue
        line, _ = locator.line_of(element.name)
        status = _option(element.options, _KRATOS_CODE)
        if status is None:
            status = default
        mapped = _HTTP_MAPPING.search("\n".join(pending))
        if status is None and mapped is not None:
            status = int(mapped.group(1))  # googleapis: "HTTP Mapping: 404 Not Found"
        item = Found(
            element.name if reasons else int(element.number),
            path,
            line,
            enum.name,
            name=None if reasons else element.name,
            description=_comment("\n".join(pending)) or None,
            http_status=http_of(status) if isinstance(status, int) else None,
        )
        pending = []
        out.found.append(item)
        last = item


_HTTP_MAPPING = re.compile(r"HTTP Mapping:\s*([1-5][0-9][0-9])\b")
"""google/rpc/code.proto states each code's HTTP status in its comment."""


def _comment(raw: str) -> str:
    from errdex.convert.importers.source.treesit import clean_comment

    return clean_comment(raw)
