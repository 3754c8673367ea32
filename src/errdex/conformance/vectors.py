"""The test-vector file format of ``docs/wire.md`` §1: JSON Lines, one case a line.

:func:`read_vectors` parses a file (written by errdex or by hand) into its header
and cases, with ``file:line:col`` errors for anything malformed;
:func:`dump_lines` writes them back. Body bytes travel as ``body`` (UTF-8 text)
or ``body_b64`` (base64, for bytes that are not UTF-8): :func:`body_fields` and
:func:`body_bytes` convert.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

FORMAT = "errdex-wire-vectors"
VERSION = 1
KINDS = ("render", "render_batch", "decode", "decode_batch")
"""Case kinds (besides the ``header`` line)."""


class VectorError(ValueError):
    """A vectors file that does not follow the format; ``str()`` is ``file:line:col: what``."""

    def __init__(self, where: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{where}:{line}:{col}: {message}")
        self.line = line


class Case(NamedTuple):
    """One case of a vectors file: its kind, its id, the whole object, and its line."""

    kind: str
    vector: str
    data: dict[str, Any]
    line: int


class Vectors(NamedTuple):
    """A parsed vectors file: the header object and the cases in file order."""

    header: dict[str, Any]
    cases: tuple[Case, ...]


def body_fields(body: bytes) -> dict[str, str]:
    """``{"body": text}`` for UTF-8 bytes, else ``{"body_b64": base64}``."""
    try:
        return {"body": body.decode("utf-8")}
    except UnicodeDecodeError:
        return {"body_b64": base64.b64encode(body).decode("ascii")}


def body_bytes(obj: Mapping[str, Any]) -> bytes:
    """The body bytes an object carries in ``body`` or ``body_b64`` (empty when neither)."""
    if "body_b64" in obj:
        return base64.b64decode(obj["body_b64"], validate=True)
    text = obj.get("body", "")
    return text.encode("utf-8", "surrogatepass") if isinstance(text, str) else b""


def dump_line(obj: Mapping[str, Any]) -> str:
    """One JSON line: non-ASCII kept as is, lone surrogates escaped, and so are the
    characters ``str.splitlines`` and some editors take for line ends."""
    text = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    return text.translate(_LINE_ENDS).encode("utf-8", "backslashreplace").decode("utf-8")


_LINE_ENDS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def dump_lines(header: Mapping[str, Any], cases: Iterable[Mapping[str, Any]]) -> str:
    """The text of a vectors file: the header line, then one line per case."""
    return "".join(dump_line(obj) + "\n" for obj in (header, *cases))


def header(catalog_id: str, generator: str) -> dict[str, Any]:
    """A header line for a file of vectors made for ``catalog_id``."""
    return {
        "kind": "header",
        "format": FORMAT,
        "version": VERSION,
        "catalog": catalog_id,
        "generator": generator,
    }


def _check_now(obj: dict[str, Any], fail: Any) -> None:
    """``now`` (header line or decode case), when present, is a finite number."""
    now = obj.get("now")
    if "now" in obj and (
        isinstance(now, bool) or not isinstance(now, (int, float)) or not math.isfinite(now)
    ):
        fail('"now" must be a number: the current time in Unix seconds (e.g. 1767225600)')


def _check_case(obj: dict[str, Any], fail: Any) -> None:
    kind = obj["kind"]
    if not isinstance(obj.get("vector"), str) or not obj["vector"]:
        fail('a case needs "vector", a non-empty string id')
    if not isinstance(obj.get("expect"), dict):
        fail('a case needs "expect", an object')
    if kind == "render":
        if not isinstance(obj.get("profile"), str):
            fail('a render case needs "profile", a string')
        if "code" not in obj:
            fail('a render case needs "code" (null for a non-catalog exception)')
    elif kind == "render_batch":
        if not isinstance(obj.get("items"), list):
            fail('a render_batch case needs "items", an array')
    else:
        if "body" in obj and "body_b64" in obj:
            fail('give "body" or "body_b64", not both')
        if "body_b64" in obj:
            try:
                base64.b64decode(obj["body_b64"], validate=True)
            except (binascii.Error, TypeError, ValueError):
                fail('"body_b64" is not base64')
        elif not isinstance(obj.get("body", ""), str):
            fail('"body" must be a string (use "body_b64" for bytes that are not UTF-8)')
        headers = obj.get("headers", [])
        if not isinstance(headers, list) or not all(
            isinstance(h, list) and len(h) == 2 and all(isinstance(x, str) for x in h)
            for h in headers
        ):
            fail('"headers" must be an array of [name, value] string pairs')
        _check_now(obj, fail)


def parse_vectors(text: str, where: str = "<vectors>") -> Vectors:
    """Parse the text of a vectors file; raises :class:`VectorError` naming line and column."""
    head: dict[str, Any] | None = None
    cases: list[Case] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), 1):  # "\n" only: see dump_line
        line = line.removesuffix("\r")
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        col = len(line) - len(line.lstrip()) + 1

        def fail(message: str, number: int = number, col: int = col) -> None:
            raise VectorError(where, number, col, message)

        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise VectorError(where, number, exc.colno, f"not JSON: {exc.msg}") from None
        if not isinstance(obj, dict):
            fail("each line must be a JSON object")
        kind = obj.get("kind")
        if head is None:
            if kind != "header":
                fail('the first line must be the header: {"kind": "header", "format": ...}')
            if obj.get("format") != FORMAT:
                fail(f'the header needs "format": "{FORMAT}"')
            version = obj.get("version")
            if not isinstance(version, int) or not 1 <= version <= VERSION:
                fail(f"unsupported version {version!r}; this errdex reads version {VERSION}")
            if not isinstance(obj.get("catalog"), str):
                fail('the header needs "catalog", the catalog id')
            _check_now(obj, fail)
            head = obj
            continue
        if kind not in KINDS:
            fail(f"unknown kind {kind!r}; kinds: {', '.join(KINDS)}")
        _check_case(obj, fail)
        if obj["vector"] in seen:
            fail(f"vector id {obj['vector']!r} is used twice")
        seen.add(obj["vector"])
        cases.append(Case(kind, obj["vector"], obj, number))
    if head is None:
        raise VectorError(where, 1, 1, "empty file: a vectors file starts with a header line")
    return Vectors(head, tuple(cases))


def read_vectors(path: str | Path) -> Vectors:
    """Read and parse a vectors file (UTF-8)."""
    file = Path(path)
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        data = exc.object[: exc.start]
        line = data.count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n") + 1) + 1
        raise VectorError(str(file), line, col, "not UTF-8 text") from None
    except OSError as exc:
        raise VectorError(str(file), 1, 1, f"cannot read: {exc.strerror}") from None
    return parse_vectors(text, str(file))


__all__ = [
    "FORMAT",
    "KINDS",
    "VERSION",
    "Case",
    "VectorError",
    "Vectors",
    "body_bytes",
    "body_fields",
    "dump_lines",
    "header",
    "parse_vectors",
    "read_vectors",
]
