"""The OpenAPI schemas of a catalog's errors, shared by everything that publishes them.

``errdex export --format openapi`` (convert layer) and the FastAPI integration
describe the same wire, so they build their ``components.schemas`` here:

- ``Problem`` — RFC 9457 problem+json with errdex's members (:data:`PROBLEM_SCHEMA`),
  ``code`` any of the catalog's code types; the one copy every response ``$ref``s;
- per **group** of codes — an entry's module, else its space — ``Code_<group>``
  (the group's codes as an ``enum``) and ``Problem_<group>`` (a ``Problem`` whose
  ``code`` is one of them), so a response that may carry several entries is a
  ``oneOf`` over the groups' problems, and each named example matches one branch;
- ``JsonRpcError``, ``GoogleStatus`` — the other built-in envelopes;
- ``Profile_<id>`` — each plain profile the catalog declares, its full shape read
  from its body template (:func:`profile_schema`), not an opaque object.

Pure data over the model: every layer may import it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from errdex.model.catalog import Catalog
from errdex.model.envelopes import GOOGLE_SCHEMA, JSONRPC_SCHEMA, PROBLEM_SCHEMA
from errdex.model.types import Entry, Profile

SCHEMAS_REF = "#/components/schemas/"
RESPONSES_REF = "#/components/responses/"

_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

REF_TYPES: dict[str, Any] = {
    "$message": {"type": "string"},
    "$title": {"type": "string"},
    "$description": {"type": ["string", "null"]},
    "$solution": {"type": ["string", "null"]},
    "$name": {"type": ["string", "null"]},
    "$status": {"type": "integer"},
    "$jsonrpc_code": {"type": ["integer", "null"]},
    "$retryable": {"type": ["boolean", "null"]},
    "$retry_after": {"type": ["number", "null"]},
    "$docs_url": {"type": ["string", "null"], "format": "uri-reference"},
    "$catalog": {"type": "string"},
    "$module": {"type": ["string", "null"]},
    "$space": {"type": ["string", "null"]},
    "$params": {"type": "object"},
    "$data": {},
    "$context": {},
    "$id": {},
}
"""The JSON Schema of each plain-profile reference's value (docs/wire.md §5.4)."""


def key(text: str) -> str:
    """``text`` as a component key (``[A-Za-z0-9._-]``, other runs become ``_``)."""
    return _KEY_UNSAFE.sub("_", text)


def ref(name: str) -> dict[str, str]:
    """``{"$ref": "#/components/schemas/<name>"}``."""
    return {"$ref": SCHEMAS_REF + name}


def group_of(entry: Entry) -> str:
    """The group an entry's code is listed in: its module, else its space."""
    return entry.module or entry.space


def live(entries: Iterable[Entry]) -> list[Entry]:
    """The entries that can be sent (a removed code is a tombstone)."""
    return [e for e in entries if e.status != "removed"]


def code_type(codes: Iterable[Any]) -> dict[str, Any]:
    """The JSON type of codes: integer, string, or either."""
    kinds = {type(c) for c in codes}
    if kinds == {int}:
        return {"type": "integer"}
    if kinds == {str}:
        return {"type": "string"}
    return {"type": ["integer", "string"]}


def groups(catalog: Catalog) -> dict[str, list[Any]]:
    """The codes of the catalog's live entries by group, in catalog order, each once."""
    found: dict[str, list[Any]] = {}
    for entry in live(catalog.entries):
        codes = found.setdefault(group_of(entry), [])
        if entry.code not in codes:
            codes.append(entry.code)
    return found


def problem_schemas(
    catalog: Catalog, extra: Mapping[str, Sequence[Any]] | None = None
) -> dict[str, Any]:
    """``Problem`` and ``Code_<g>``/``Problem_<g>`` for every group (``extra``: more
    groups, e.g. a framework's built-in problem codes)."""
    by_group = groups(catalog)
    for name, codes in (extra or {}).items():
        by_group.setdefault(name, []).extend(c for c in codes if c not in by_group[name])
    problem = copy.deepcopy(PROBLEM_SCHEMA)
    problem["properties"]["code"] = {
        **code_type(c for codes in by_group.values() for c in codes),
        "description": "The catalog code.",
    }
    schemas: dict[str, Any] = {"Problem": problem}
    for name, codes in by_group.items():
        module = catalog.modules.get(name)
        title = module.title if module is not None and module.title else name
        schemas[code_name(name)] = {
            **code_type(codes),
            "enum": list(codes),
            "description": f"Codes of {title}.",
        }
        schemas[problem_name(name)] = {
            "allOf": [
                ref("Problem"),
                {"properties": {"code": ref(code_name(name))}, "required": ["code"]},
            ],
            "description": f"A problem of {title}.",
        }
    return schemas


def code_name(group: str) -> str:
    """The component name of a group's code enum."""
    return "Code_" + key(group)


def problem_name(group: str) -> str:
    """The component name of a group's problem schema."""
    return "Problem_" + key(group)


def profile_name(profile: Profile) -> str:
    """The component name of a plain profile's schema."""
    return "Profile_" + key(profile.id)


def choice(names: Sequence[str], codes: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """The schema of a body that is one of the ``names`` schemas: a ``$ref`` for one,
    ``oneOf`` when the groups' codes are disjoint (each body matches one branch),
    else ``anyOf`` (a code in two groups — two spaces — matches both)."""
    unique = list(dict.fromkeys(names))
    if len(unique) == 1:
        return ref(unique[0])
    seen: set[Any] = set()
    disjoint = True
    for name in unique:
        mine = {(type(c), c) for c in codes.get(name, ())}
        disjoint = disjoint and not (mine & seen)
        seen |= mine
    return {("oneOf" if disjoint else "anyOf"): [ref(n) for n in unique]}


def profile_schema(body: Any, code: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a plain profile's documents, read from its body template:
    objects with their members required, ``$ref`` strings by :data:`REF_TYPES`
    (``$code`` as ``code``), literals as ``const``."""
    if isinstance(body, dict):
        return {
            "type": "object",
            "properties": {k: profile_schema(v, code) for k, v in body.items()},
            "required": list(body),
        }
    if isinstance(body, list):
        return {
            "type": "array",
            "prefixItems": [profile_schema(v, code) for v in body],
            "items": False,
        }
    if isinstance(body, str) and body.startswith("$") and not body.startswith("$$"):
        return dict(code) if body == "$code" else dict(REF_TYPES.get(body, {}))
    literal = body[1:] if isinstance(body, str) and body.startswith("$$") else body
    return {"const": literal}


def envelope_schemas(catalog: Catalog) -> dict[str, Any]:
    """``JsonRpcError``, ``GoogleStatus`` and ``Profile_<id>`` for each plain profile."""
    code = code_type(e.code for e in catalog.entries)
    schemas: dict[str, Any] = {
        "JsonRpcError": copy.deepcopy(JSONRPC_SCHEMA),
        "GoogleStatus": copy.deepcopy(GOOGLE_SCHEMA),
    }
    for pid, profile in catalog.profiles.items():
        schema = profile_schema(profile.body, code)
        schema["description"] = f"The {pid} error envelope ({profile.content_type})."
        schemas[profile_name(profile)] = schema
    return schemas


__all__ = [
    "REF_TYPES",
    "RESPONSES_REF",
    "SCHEMAS_REF",
    "choice",
    "code_name",
    "code_type",
    "envelope_schemas",
    "group_of",
    "groups",
    "key",
    "live",
    "problem_name",
    "problem_schemas",
    "profile_name",
    "profile_schema",
    "ref",
]
