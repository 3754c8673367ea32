"""Read error codes from OpenAPI 2.0 and 3.x documents (YAML or JSON).

For every error response (status 4xx, 5xx or ``default``) of every
operation, and for every schema whose name says it holds errors:

- a ``code`` property (``error_code``, ``errorCode``, ``errcode``…) with an
  ``enum``: one entry per value, the response's status as its HTTP status;
- examples (``example``, ``examples``, ``x-examples``) holding a code and a
  message: one entry each;
- code lists in a response description, one per line:
  ``- `1001`: message``, ``* 1001 - message``, ``| 1001 | message |``;
- a schema named for codes (``ErrorCode``, ``StorageErrorCode``, ``ErrorReason``)
  that is itself an ``enum``: one entry per value, with no HTTP status (the
  schema says which codes exist, not which response carries each one).

The same code met under several responses is one entry (the first status
wins; a different one is reported). ``$ref`` is followed inside the document.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from errdex.convert.importers.source.found import Findings, Found, Skipped, http_of

_CODE_KEYS = ("code", "error_code", "errorCode", "errcode", "errCode", "err_code", "reason")
_MESSAGE_KEYS = ("message", "msg", "error_description", "errorMessage", "errmsg", "detail", "title")
_LIST_LINE = re.compile(
    r"^\s*(?:[-*+]\s+|\|\s*)?(?:`(?P<c1>[^`\s]+)`|(?P<c2>[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]+\d[\w.-]*|\d{3,}))"
    r"\s*(?:[:|–—]|\s-)\s*(?P<text>[^|]+?)\s*\|?\s*$"
)
_CODE_SCHEMA = re.compile(r"code|reason", re.I)
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def read_openapi(source: str, path: str, force: bool = False) -> Findings:
    """The error codes an OpenAPI document ``source`` (shown as ``path``) states."""
    out = Findings()
    doc = _load(source, path, out)
    if not isinstance(doc, dict):
        return out
    lines = source.split("\n")
    reader = _Reader(doc, path, lines, out)
    paths = doc.get("paths")
    for route, item in (paths or {}).items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            operation = item.get(method)
            if isinstance(operation, dict) and isinstance(operation.get("responses"), dict):
                for status, response in operation["responses"].items():
                    reader.response(f"{method.upper()} {route}", str(status), response)
    schemas = doc.get("definitions") or (doc.get("components") or {}).get("schemas") or {}
    for name, schema in schemas.items() if isinstance(schemas, dict) else ():
        if re.search(r"err|fault|problem", str(name), re.I):
            reader.schema(str(name), schema, None, str(name))
            if _CODE_SCHEMA.search(str(name)):
                reader.enum(str(name), schema)
    return out


def _load(source: str, path: str, out: Findings) -> Any:
    try:
        if source.lstrip()[:1] in ("{", "["):
            return json.loads(source)
        import yaml

        return yaml.safe_load(source)
    except Exception as exc:  # YAML and JSON raise many kinds
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1) if mark is not None else getattr(exc, "lineno", 1)
        column = (mark.column + 1) if mark is not None else getattr(exc, "colno", 1)
        out.skipped.append(
            Skipped(path, line, column, "the file", f"it does not parse as OpenAPI: {exc}")
        )
        return None


class _Reader:
    def __init__(self, doc: dict[str, Any], path: str, lines: list[str], out: Findings) -> None:
        self.doc, self.path, self.lines, self.out = doc, path, lines, out
        self.seen: dict[int | str, Found] = {}
        self._text = "\n".join(lines)
        self._starts: list[int] | None = None  # offset of each line, built on first use
        self._items: dict[str, int] | None = None  # stripped line -> its first line number

    def line_of(self, needle: str) -> int:
        """The first line holding ``needle`` (1 when none does): one search of the text,
        not a walk over its lines, so a document of many codes is not read once per code."""
        at = self._text.find(needle) if needle and "\n" not in needle else -1
        if at < 0:
            return 1
        if self._starts is None:
            self._starts = [0]
            self._starts += [m.end() for m in re.finditer("\n", self._text)]
        return bisect.bisect_right(self._starts, at)

    def line_of_value(self, value: Any) -> int:
        """The line of an enum item ``value`` (``"X",`` or ``- X``), not of prose naming it."""
        if self._items is None:
            self._items = {}
            for i, text in enumerate(self.lines, 1):
                self._items.setdefault(text.strip().rstrip(","), i)
        forms = (f'"{value}"', f"'{value}'", f"- {value}", f'- "{value}"', f"- '{value}'")
        found = [self._items[f] for f in forms if f in self._items]
        return min(found) if found else self.line_of(str(value))

    def resolve(self, node: Any, depth: int = 0) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and depth < 20:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                return node
            target: Any = self.doc
            for part in ref[2:].split("/"):
                target = (
                    target.get(part.replace("~1", "/").replace("~0", "~"))
                    if isinstance(target, dict)
                    else None
                )
            node, depth = target, depth + 1
        return node

    def add(
        self, code: Any, status: int | None, message: Any, group: str, where: str | None
    ) -> None:
        """Record ``code`` once; ``where`` is text on its line (None: an enum item)."""
        if isinstance(code, bool) or not isinstance(code, (int, str)) or code == "":
            return
        if code in self.seen:
            found = self.seen[code]
            if status is not None and found.http_status not in (None, status):
                self.out.dropped.append(
                    Skipped(
                        self.path,
                        self.line_of(str(code)),
                        1,
                        f"status {status} of code {code}",
                        f"the code is already imported with status {found.http_status}",
                    )
                )
            if found.message is None and isinstance(message, str):
                found.message = message
            return
        found = Found(
            code,
            self.path,
            self.line_of(where) if where is not None else self.line_of_value(code),
            group,
            message=message if isinstance(message, str) else None,
            http_status=status,
        )
        self.seen[code] = found
        self.out.found.append(found)

    def response(self, operation: str, status_key: str, response: Any) -> None:
        status = int(status_key) if status_key.isdigit() else None
        if status is not None and status < 400:
            return
        if status is None and status_key != "default":
            return
        response = self.resolve(response)
        if not isinstance(response, dict):
            return
        http = http_of(status)
        group = f"{status_key} responses"
        description = response.get("description")
        if isinstance(description, str):
            for raw in description.split("\n"):
                match = _LIST_LINE.match(raw)
                if match:
                    code = match["c1"] or match["c2"]
                    self.add(_number(code), http, match["text"], group, raw.strip())
        schemas: list[Any] = []
        if "schema" in response:  # OpenAPI 2.0
            schemas.append(response["schema"])
        if "content" not in response:
            examples = response.get("examples")
            for example in examples.values() if isinstance(examples, dict) else ():
                self.example(example, http, group)
        content = response.get("content")
        for media in content.values() if isinstance(content, dict) else ():
            if not isinstance(media, dict):
                continue
            schemas.append(media.get("schema"))
            if "example" in media:
                self.example(media["example"], http, group)
            examples = media.get("examples")
            for example in examples.values() if isinstance(examples, dict) else ():
                example = self.resolve(example)
                self.example(
                    example.get("value") if isinstance(example, dict) else None, http, group
                )
        for schema in schemas:
            self.schema(operation, schema, http, group)

    def schema(
        self, where: str, schema: Any, status: int | None, group: str, depth: int = 0
    ) -> None:
        schema = self.resolve(schema)
        if not isinstance(schema, dict) or depth > 6:
            return
        for key in ("allOf", "oneOf", "anyOf"):
            for part in schema.get(key) or ():
                self.schema(where, part, status, group, depth + 1)
        properties = schema.get("properties")
        if not isinstance(properties, dict):
            return
        raw_props = properties
        for name, prop in properties.items():
            prop = self.resolve(prop)
            if not isinstance(prop, dict):
                continue
            if name in _CODE_KEYS and isinstance(prop.get("enum"), list):
                for value in prop["enum"]:
                    self.add(value, status, None, group, None)
            elif name in _CODE_KEYS and "example" in prop and "example" not in schema:
                message = next(
                    (
                        self.resolve(properties[m]).get("example")
                        for m in _MESSAGE_KEYS
                        if isinstance(self.resolve(properties.get(m)), dict)
                    ),
                    None,
                )
                self.add(prop["example"], status, message, group, f"{prop['example']}")
            elif _holds_errors(name, raw_props.get(name)) and (
                prop.get("type") in ("object", "array")
                or "properties" in prop
                or "items" in prop
                or "$ref" in prop
            ):
                # {"error": {"code": …}}: the error object nested in an envelope; other
                # nested objects (the event, the charge a request was about) hold no codes
                self.schema(where, prop.get("items", prop), status, group, depth + 1)
        if isinstance(schema.get("example"), dict):
            self.example(schema["example"], status, group)

    def enum(self, name: str, schema: Any) -> None:
        """The values of a code schema that is an enum itself (Azure's ``ErrorCode``)."""
        schema = self.resolve(schema)
        values = schema.get("enum") if isinstance(schema, dict) else None
        for value in values if isinstance(values, list) else ():
            self.add(value, None, None, name, None)

    def example(self, value: Any, status: int | None, group: str) -> None:
        if isinstance(value, list):
            for item in value:
                self.example(item, status, group)
            return
        if not isinstance(value, dict):
            return
        code = next((value[k] for k in _CODE_KEYS if k in value), None)
        if code is None:
            for nested in ("error", "errors"):
                if nested in value:
                    self.example(value[nested], status, group)
            return
        if isinstance(code, int) and code == status:
            return  # {"code": 404} repeats the status: no code of its own
        message = next((value[k] for k in _MESSAGE_KEYS if isinstance(value.get(k), str)), None)
        self.add(code, status, message, group, f"{code}")


_ERROR_WORDS = re.compile(r"err|fault|problem|violation|detail|issue|cause", re.I)


def _holds_errors(name: str, raw: Any) -> bool:
    """A nested property that is an error object: named so, or referring to an error schema."""
    if _ERROR_WORDS.search(name):
        return True
    ref = raw.get("$ref") if isinstance(raw, dict) else None
    if ref is None and isinstance(raw, dict) and isinstance(raw.get("items"), dict):
        ref = raw["items"].get("$ref")
    return isinstance(ref, str) and bool(_ERROR_WORDS.search(ref.rsplit("/", 1)[-1]))


def _number(raw: str) -> int | str:
    return int(raw) if raw.lstrip("-").isdigit() else raw
