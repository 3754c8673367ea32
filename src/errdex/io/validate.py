"""Validate parsed catalog values against the format (:mod:`errdex.io.spec`), report problems.

The :class:`Builder` never raises for bad input: it records a
:class:`~errdex.io.diagnostic.Diagnostic` and leaves the bad value out, so one
run shows every problem of a catalog. :mod:`errdex.io.build` assembles the
model from what it accepts; :mod:`errdex.io.entries` is the fast path for
entries, which calls back here only for a value that needs more than a type test.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from errdex.io import spec
from errdex.io.diagnostic import (
    INVALID_VALUE,
    MISSING_FIELD,
    UNKNOWN_FIELD,
    WRONG_TYPE,
    Diagnostic,
    Rule,
    rule,
)
from errdex.io.finite import HINT, SAFE_INTEGER, describe, non_finite, out_of_range
from errdex.io.source import SourceFile

INTEGER_RANGE = rule("E114")


def _inner(keys: tuple[Any, ...]) -> str:
    """A key path inside a free-form value as written in messages: ``.x[0].y``."""
    return "".join(f"[{k}]" if type(k) is int else f".{k}" for k in keys)


PY_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "code": (int, str),
}

# Entry keys whose value needs no more than a type test on the fast path.
FAST: dict[str, tuple[type, ...]] = {
    key: PY_TYPES[field.kind] for key, field in spec.ENTRY.items() if field.kind in PY_TYPES
}


# Words people use for a choice that spelling alone does not reveal (status "retired").
_ALIASES = {
    "retired": "removed",
    "deleted": "removed",
    "tombstone": "removed",
    "obsolete": "deprecated",
    "enabled": "active",
    "live": "active",
}


def _suggest(word: str, choices: Any) -> str | None:
    import difflib  # only needed when something is misspelt

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


class Builder:
    """Validates documents against :mod:`errdex.io.spec` and builds a :class:`Catalog`."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    # -- reporting -----------------------------------------------------------

    def report(
        self,
        rule: Rule,
        message: str,
        source: SourceFile,
        path: tuple[Any, ...],
        hint: str | None = None,
    ) -> None:
        """Record one problem."""
        self.diagnostics.append(Diagnostic(rule, message, source=source, path=path, hint=hint))

    def _unknown(
        self,
        key: str,
        table: Mapping[str, spec.Field],
        src: SourceFile,
        path: tuple[Any, ...],
        where: str,
    ) -> None:
        if type(key) is not str:  # YAML keys may be numbers, booleans or null
            hint = 'quote the key ("...") or use one of: ' + ", ".join(table)
            self.report(
                WRONG_TYPE, f"key {key!r} in {where} is not a string", src, (*path, key), hint
            )
            return
        guess = _suggest(key, table)
        hint = f"did you mean {guess!r}?" if guess else "known keys: " + ", ".join(table)
        self.report(UNKNOWN_FIELD, f"unknown field {key!r} in {where}", src, (*path, key), hint)

    # -- generic validation ----------------------------------------------------

    def value(
        self, field: spec.Field, value: Any, src: SourceFile, path: tuple[Any, ...]
    ) -> tuple[bool, Any]:
        """Validate one value against its field; return ``(ok, normalised value)``."""
        kind = field.kind
        name = path[-1] if path else "value"
        allowed = PY_TYPES.get(kind)
        if allowed is not None:
            if type(value) in allowed:
                if kind != "code" or type(value) is int or clean_code(value):
                    return True, value
                message, hint = bad_code(name, value)
                self.report(INVALID_VALUE, message, src, path, hint)
                return False, None
        elif kind == "enum":
            if type(value) is str and value in field.choices:
                return True, value
            if type(value) is str:
                found = _suggest(value, field.choices) or _ALIASES.get(value.lower())
                guess = found if found in field.choices else None
                self.report(
                    INVALID_VALUE,
                    f"{name!r} is {value!r}, expected {spec.type_name(field)}",
                    src,
                    path,
                    f"did you mean {guess!r}?" if guess else f"use {spec.type_name(field)}",
                )
                return False, None
        elif kind == "strs":
            if type(value) is list and all(type(v) is str for v in value):
                return True, tuple(value)
        elif kind == "pair":
            if type(value) is list and len(value) == 2 and all(type(v) is int for v in value):
                if value[0] > value[1]:
                    self.report(
                        INVALID_VALUE,
                        f"{name!r} is [{value[0]}, {value[1]}]: the low end is above the high end",
                        src,
                        path,
                        f"write [{value[1]}, {value[0]}]",
                    )
                    return False, None
                return True, (value[0], value[1])
        elif kind == "table":
            if type(value) is dict:
                return True, self.table(value, field.sub or {}, src, path, f"{name!r}")
        elif kind == "tables":
            if type(value) is list:
                out = []
                for i, item in enumerate(value):
                    if type(item) is dict:
                        out.append(self.table(item, field.sub or {}, src, (*path, i), f"{name!r}"))
                    else:
                        self.report(
                            WRONG_TYPE,
                            f"item {i} of {name!r} is {kind_of(item)}, expected a table",
                            src,
                            (*path, i),
                            "write each item as a table: { key = value, ... }",
                        )
                return True, out
        elif kind == "map":
            if type(value) is dict:
                out_map = {}
                for key, item in value.items():
                    if type(key) is not str:
                        self.report(
                            WRONG_TYPE,
                            f"key {key!r} in {name} is not a string",
                            src,
                            (*path, key),
                            'quote the key ("...")',
                        )
                    elif type(item) is dict:
                        out_map[key] = self.table(
                            item, field.sub or {}, src, (*path, key), f"{name}.{key}"
                        )
                    else:
                        self.report(
                            WRONG_TYPE,
                            f"{name}.{key} is {kind_of(item)}, expected a table",
                            src,
                            (*path, key),
                            f"write [{'.'.join(str(p) for p in path if type(p) is str)}.{key}]"
                            " as a table of keys",
                        )
                return True, out_map
        elif kind == "any":
            if _depth_exceeds(value, _MAX_ANY_DEPTH):
                self.report(
                    INVALID_VALUE,
                    f"{name!r} is nested more than {_MAX_ANY_DEPTH} levels deep",
                    src,
                    path,
                    "flatten it: an envelope template needs a few levels at most",
                )
                return False, None
            odd = non_finite(value)
            if odd is not None:
                inner, number = odd
                self.report(
                    INVALID_VALUE,
                    f"{name}{_inner(inner)} is {describe(number)}: NaN and infinity have no "
                    "JSON form (they would be sent as null)",
                    src,
                    (*path, *inner),
                    HINT,
                )
                return False, None
            big = out_of_range(value)
            if big is not None:
                inner, integer = big
                self.report(
                    INTEGER_RANGE,
                    f"{name}{_inner(inner)} is {integer}, beyond ±(2**53 - 1): not every "
                    "language holds it exactly",
                    src,
                    (*path, *inner),
                    f"write it as a string, or a number from -{SAFE_INTEGER} to {SAFE_INTEGER}",
                )
                return False, None
            return True, value
        self.report(
            WRONG_TYPE,
            f"{name!r} is {kind_of(value)}, expected {spec.type_name(field)}",
            src,
            path,
            f"write {name} as {spec.type_name(field)}",
        )
        return False, None

    def table(
        self,
        raw: Mapping[str, Any],
        fields: Mapping[str, spec.Field],
        src: SourceFile,
        path: tuple[Any, ...],
        where: str,
    ) -> dict[str, Any]:
        """Validate a closed table; return the valid keys with normalised values."""
        out: dict[str, Any] = {}
        for key, value in raw.items():
            if value is None:  # canonical JSON writes unset keys as null
                continue
            field = fields.get(key)
            if field is None:
                self._unknown(key, fields, src, path, where)
                continue
            ok, norm = self.value(field, value, src, (*path, key))
            if ok:
                out[key] = norm
        for key, field in fields.items():
            if field.required and key not in raw:
                self.report(
                    MISSING_FIELD,
                    f"{where} has no {key!r}",
                    src,
                    path,
                    f"add {key} = ... ({field.doc})",
                )
        return out

    def collection(
        self, raw: Any, fields: Mapping[str, spec.Field], src: SourceFile, key: str
    ) -> dict[str, dict[str, Any]]:
        """Validate ``spaces``/``modules``/``profiles``: tables by name, or a list with ``id``s."""
        out: dict[str, dict[str, Any]] = {}
        if type(raw) is list:
            for i, item in enumerate(raw):
                if type(item) is not dict or type(item.get("id")) is not str:
                    self.report(
                        WRONG_TYPE if type(item) is not dict else MISSING_FIELD,
                        f"item {i} of {key!r} needs an 'id' string",
                        src,
                        (key, i),
                        f'write {{"id": "name", ...}} or use a table [{key}.name]',
                    )
                    continue
                if item["id"] in out:
                    self.report(
                        INVALID_VALUE,
                        f"{key} {item['id']!r} is defined twice",
                        src,
                        (key, i, "id"),
                        "keep one of them, or give this one another id",
                    )
                body = {k: v for k, v in item.items() if k != "id"}
                out[item["id"]] = self.table(body, fields, src, (key, i), f"{key}.{item['id']}")
            return out
        ok, value = self.value(spec.Field("map", "", sub=dict(fields)), raw, src, (key,))
        return value if ok else {}


def clean_code(code: str) -> bool:
    """Whether a string code is usable: not empty, no blanks around it, no control or
    invisible character (line breaks, NUL, bidi controls): codes travel in headers, URLs,
    log lines and generated source as they are."""
    return code != "" and not code[0].isspace() and not code[-1].isspace() and code.isprintable()


def bad_code(name: str, code: str) -> tuple[str, str]:
    """The message and hint for a string code that is empty, blank, has blanks around it,
    or holds a character that is not printable."""
    if not code.strip():
        return f"{name!r} is {'empty' if code == '' else 'blank'}", "write the code, e.g. 1234"
    odd = next((c for c in code if not c.isprintable() and c != " "), None)
    if odd is not None and not (code[0].isspace() or code[-1].isspace()):
        return (
            f"{name!r} {code!r} holds the character U+{ord(odd):04X}, which is not printable",
            "write the code with letters, digits and punctuation only: it is sent in headers, "
            "URLs and generated source as it is",
        )
    return (
        f"{name!r} {code!r} has blanks around it",
        f'write {name} = "{code.strip()}": clients compare codes as they are sent',
    )


_MAX_ANY_DEPTH = 32
"""Deepest nesting a free-form value (a profile body) may have: JSON export and
rendering walk it recursively, and no real envelope comes near this."""


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether lists/tables in ``value`` nest deeper than ``limit`` (iterative, no recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[Any]
        if type(item) is dict:
            children = item.values()
        elif type(item) is list:
            children = item
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"  # YAML dates, timestamps, binary, sets


def retry_conflict(vals: Mapping[str, Any]) -> str | None:
    """The message when one table sets ``retryable`` and a ``retry`` that contradict."""
    flag, retry = vals.get("retryable"), vals.get("retry")
    if type(flag) is not bool or retry not in spec.ENTRY["retry"].choices:
        return None
    if flag == (retry != "never"):
        return None
    return f"retryable = {str(flag).lower()} contradicts retry = {retry!r}"


def choice_hint(value: str, choices: Mapping[str, Any]) -> str:
    guess = _suggest(value, choices)
    if guess:
        return f"did you mean {guess!r}?"
    return "declared: " + (", ".join(choices) or "none")
