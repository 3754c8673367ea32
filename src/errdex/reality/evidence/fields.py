"""Field paths: where a JSON log record keeps the status, the code, the message, the body,
the headers, the code space and the time.

Logs differ: ``status``, ``http.response.status_code`` (OpenTelemetry's
names), ``res.statusCode`` (pino), ``response.body``. A path is dotted; each
step is looked up as a nested key, and a record that flattened its keys
(``{"http.response.status_code": 500}``) is found too. Each role has
defaults that cover the common loggers; ``--field ROLE=PATH`` replaces them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

ROLES = ("status", "code", "message", "body", "headers", "space", "time")

DEFAULTS: Mapping[str, tuple[str, ...]] = {
    "status": (
        "status",
        "status_code",
        "statusCode",
        "http.response.status_code",
        "http.status_code",
        "response.status",
        "res.statusCode",
    ),
    "code": ("error.code", "error_code", "errorCode", "err.code", "error.type", "errdex.code"),
    "message": ("error.message", "error_message", "errorMessage", "err.message"),
    "body": ("response.body", "response_body", "resp_body", "res.body", "body"),
    "headers": ("response.headers", "response_headers", "res.headers"),
    "space": ("errdex.space",),
    "time": ("@timestamp", "timestamp", "time", "ts", "datetime", "date"),
}


class FieldError(ValueError):
    """Raised for a ``--field`` option that is not ``ROLE=PATH`` with a known role."""


class Fields(NamedTuple):
    """The paths of each role, in the order they are tried."""

    paths: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]
    """role → ((dotted path, its steps), ...)."""
    heads: Mapping[str, frozenset[str]]
    """role → the top-level keys its paths can start with (a dotted path as one key too)."""

    def get(self, record: Any, role: str) -> Any:
        """The first value a role's paths find in ``record`` (None: none)."""
        if type(record) is not dict or self.heads[role].isdisjoint(record):
            return None
        return pick(record, self.paths[role])

    def keys(self, role: str) -> tuple[str, ...]:
        """The last step of each path of a role: the key names a line must hold."""
        return tuple(dict.fromkeys(steps[-1] for _, steps in self.paths[role]))


Paths = tuple[tuple[str, tuple[str, ...]], ...]


def pick(record: dict[str, Any], paths: Paths) -> Any:
    """The first value one of ``paths`` finds in ``record`` (None: none)."""
    for dotted, steps in paths:
        value = record.get(dotted)
        if value is None and len(steps) > 1:
            node: Any = record
            for step in steps:
                if type(node) is not dict:
                    node = None
                    break
                node = node.get(step)
            value = node
        if value is not None:
            return value
    return None


Step = tuple[int, str | None, str | None, tuple[str, ...]]
"""One path of a plan: its role's index, its dotted name when the record has it as a
key, its first key when the record has it (else None), and the keys after the first."""


class Picker:
    """Every role's value of many records, the paths worth trying worked out once per
    set of top-level keys (a log's records mostly share a few): a path whose first
    key, and whose dotted name, a record lacks cannot find anything in it."""

    CACHE = 1024
    """Key sets whose plan is kept."""

    def __init__(self, fields: Fields) -> None:
        self.fields = fields
        self._plans: dict[tuple[str, ...], tuple[Step, ...]] = {}

    def _plan(self, keys: tuple[str, ...]) -> tuple[Step, ...]:
        present = set(keys)
        plan = tuple(
            (
                index,
                dotted if dotted in present else None,
                steps[0] if len(steps) > 1 and steps[0] in present else None,
                steps[1:],
            )
            for index, role in enumerate(ROLES)
            for dotted, steps in self.fields.paths[role]
            if dotted in present or steps[0] in present
        )
        if len(self._plans) >= self.CACHE:
            self._plans.clear()
        self._plans[keys] = plan
        return plan

    def values(self, record: Any) -> list[Any]:
        """The value of each role of :data:`ROLES`, in order, as :meth:`Fields.get` finds it:
        per role, the first path (in order) that finds a value other than None."""
        out: list[Any] = [None] * len(ROLES)
        if type(record) is not dict:
            return out
        keys = tuple(record)
        plan = self._plans.get(keys)
        if plan is None:
            plan = self._plan(keys)
        get = record.get
        for index, dotted, first, rest in plan:
            if out[index] is not None:
                continue
            value = get(dotted) if dotted is not None else None
            if value is None and first is not None:
                value = get(first)
                for step in rest:
                    if type(value) is not dict:
                        value = None
                        break
                    value = value.get(step)
            out[index] = value
        return out


def fields(overrides: Iterable[str] = ()) -> Fields:
    """The field paths: the defaults, with each ``ROLE=PATH[,PATH…]`` override
    replacing that role's paths."""
    chosen: dict[str, tuple[str, ...]] = dict(DEFAULTS)
    for item in overrides:
        role, sep, value = item.partition("=")
        role = role.strip()
        given = tuple(p.strip() for p in value.split(",") if p.strip())
        if not sep or role not in ROLES or not given:
            raise FieldError(
                f"--field {item!r} is not ROLE=PATH with ROLE one of {', '.join(ROLES)} "
                "(e.g. --field status=http.response.status_code)"
            )
        chosen[role] = given
    paths = {role: tuple((p, tuple(p.split("."))) for p in chosen[role]) for role in ROLES}
    heads = {
        role: frozenset(h for dotted, steps in paths[role] for h in (dotted, steps[0]))
        for role in ROLES
    }
    return Fields(paths, heads)
