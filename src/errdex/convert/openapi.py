"""OpenAPI 3.1 components: a schema per error profile and a reusable response per code.

``components.schemas`` holds ``Problem`` (RFC 9457 problem+json),
``JsonRpcError`` (a JSON-RPC 2.0 error response), ``GoogleStatus``
(google.rpc.Status as HTTP APIs send it) and ``Profile_<id>`` for each plain
profile the catalog declares. ``components.responses`` holds one response per
entry, keyed ``<space>.<code>``, with an example body in every profile that
applies, so API descriptions can ``$ref`` them. The output is JSON text,
valid under openapi-spec-validator.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from errdex.convert.layout import text_getter
from errdex.model import Catalog, Entry, Profile
from errdex.model.effective import sent_status
from errdex.model.envelopes import GOOGLE_SCHEMA, JSONRPC_SCHEMA, PROBLEM_SCHEMA, google_status

_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_REF_TYPES: dict[str, Any] = {
    "$message": {"type": "string"},
    "$title": {"type": "string"},
    "$description": {"type": ["string", "null"]},
    "$solution": {"type": ["string", "null"]},
    "$name": {"type": ["string", "null"]},
    "$status": {"type": "integer"},
    "$jsonrpc_code": {"type": ["integer", "null"]},
    "$retryable": {"type": ["boolean", "null"]},
    "$retry_after": {"type": ["integer", "null"]},
    "$docs_url": {"type": ["string", "null"], "format": "uri-reference"},
    "$catalog": {"type": "string"},
    "$module": {"type": ["string", "null"]},
    "$space": {"type": "string"},
    "$params": {"type": "object"},
    "$data": {},
    "$context": {},
    "$id": {},
}


def response_key(entry: Entry) -> str:
    """The ``components.responses`` key of an entry: ``<space>.<code>``."""
    return _KEY_UNSAFE.sub("_", f"{entry.space}.{entry.code}")


def _code_schema(catalog: Catalog) -> dict[str, Any]:
    kinds = {type(e.code) for e in catalog.entries}
    if kinds == {int}:
        return {"type": "integer"}
    if kinds == {str}:
        return {"type": "string"}
    return {"type": ["integer", "string"]}


def _profile_schema(body: Any, code: dict[str, Any]) -> dict[str, Any]:
    if isinstance(body, dict):
        return {
            "type": "object",
            "properties": {k: _profile_schema(v, code) for k, v in body.items()},
            "required": list(body),
        }
    if isinstance(body, list):
        return {"type": "array", "prefixItems": [_profile_schema(v, code) for v in body]}
    if isinstance(body, str) and body.startswith("$") and not body.startswith("$$"):
        return dict(code) if body == "$code" else dict(_REF_TYPES.get(body, {}))
    literal = body[1:] if isinstance(body, str) and body.startswith("$$") else body
    return {"const": literal}


def _fill(body: Any, values: dict[str, Any]) -> Any:
    if isinstance(body, dict):
        return {k: _fill(v, values) for k, v in body.items()}
    if isinstance(body, list):
        return [_fill(v, values) for v in body]
    if isinstance(body, str) and body.startswith("$"):
        if body.startswith("$$"):
            return body[1:]
        return values.get(body[1:])
    return body


def _schemas(catalog: Catalog) -> dict[str, Any]:
    code = _code_schema(catalog)
    # The built-in envelopes' shapes (shared with the FastAPI integration), with
    # this catalog's code schema in place of "any code".
    problem = copy.deepcopy(PROBLEM_SCHEMA)
    problem["properties"]["code"] = code
    schemas: dict[str, Any] = {
        "Problem": problem,
        "JsonRpcError": copy.deepcopy(JSONRPC_SCHEMA),
        "GoogleStatus": copy.deepcopy(GOOGLE_SCHEMA),
    }
    for pid, profile in catalog.profiles.items():
        schema = _profile_schema(profile.body, code)
        schema["description"] = f"The {pid} error envelope ({profile.content_type})."
        schemas[_profile_name(profile)] = schema
    return schemas


def _profile_name(profile: Profile) -> str:
    return "Profile_" + _KEY_UNSAFE.sub("_", profile.id)


def _response(catalog: Catalog, entry: Entry, text: Any, kinds: dict[str, str]) -> dict[str, Any]:
    message = text(entry, "message")
    title = text(entry, "title") or entry.name or message or str(entry.code)
    detail = message or text(entry, "description") or title
    status = entry.http_status
    docs = catalog.docs_url(entry)
    # the status the problem is sent with (stated, else 500 for the internal error, else
    # 400): the Problem schema requires it, and an example omitting it would fail it
    problem: dict[str, Any] = {
        "type": docs or "about:blank",
        "title": title,
        "status": sent_status(catalog, entry),
    }
    problem["detail"] = detail
    problem["code"] = entry.code
    content: dict[str, Any] = {
        "application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"},
            "examples": {"problem": {"value": problem}},
        }
    }
    json_refs: list[dict[str, str]] = []
    json_examples: dict[str, Any] = {}
    rpc_code = entry.jsonrpc_code
    if rpc_code is None and kinds.get(entry.space) == "jsonrpc" and type(entry.code) is int:
        rpc_code = entry.code
    if rpc_code is not None:
        json_refs.append({"$ref": "#/components/schemas/JsonRpcError"})
        json_examples["jsonrpc"] = {
            "value": {"jsonrpc": "2.0", "id": 1, "error": {"code": rpc_code, "message": detail}}
        }
    google_code = status or 500
    json_refs.append({"$ref": "#/components/schemas/GoogleStatus"})
    json_examples["google"] = {
        "value": {
            "error": {
                "code": google_code,
                "message": detail,
                "status": google_status(google_code),
            }
        }
    }
    values = {
        "code": entry.code,
        "name": entry.name,
        "message": detail,
        "title": title,
        "description": text(entry, "description"),
        "solution": text(entry, "solution"),
        "status": status,
        "jsonrpc_code": entry.jsonrpc_code,
        "retryable": entry.retryable,
        "retry_after": entry.retry_after,
        "data": None,
        "context": None,
        "params": {},
        "id": None,
        "docs_url": docs,
        "catalog": catalog.meta.id,
        "module": entry.module,
        "space": entry.space,
    }
    for profile in catalog.profiles.values():
        example = {"value": _fill(profile.body, values)}
        if profile.content_type == "application/json":
            json_refs.append({"$ref": f"#/components/schemas/{_profile_name(profile)}"})
            json_examples[profile.id] = example
        else:
            content.setdefault(
                profile.content_type,
                {
                    "schema": {"$ref": f"#/components/schemas/{_profile_name(profile)}"},
                    "examples": {},
                },
            )["examples"][profile.id] = example
    # anyOf, not oneOf: the envelopes' schemas are open (extra members allowed), so a
    # JSON-RPC body also satisfies GoogleStatus's and oneOf would reject every example
    content["application/json"] = {"schema": {"anyOf": json_refs}, "examples": json_examples}
    description = message or title
    if text(entry, "description") and text(entry, "description") != description:
        description = f"{description}\n\n{text(entry, 'description')}"
    out: dict[str, Any] = {"description": description, "content": content}
    ext: dict[str, Any] = {"code": entry.code, "space": entry.space}
    for key in ("module", "name", "retryable", "retry_after", "fault", "retry"):
        value = getattr(entry, key)
        if value is not None:
            ext[key] = value
    if entry.status != "active":
        ext["status"] = entry.status
    out["x-errdex"] = ext
    return out


def openapi_data(catalog: Catalog, *, locale: str | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document as plain data."""
    text = text_getter(catalog, locale)
    kinds = {sid: s.kind for sid, s in catalog.spaces.items()}
    info: dict[str, Any] = {
        "title": catalog.meta.title or catalog.meta.id,
        "version": catalog.meta.version or "0.0.0",
    }
    if catalog.meta.description:
        info["description"] = catalog.meta.description
    responses: dict[str, Any] = {}
    for entry in catalog.entries:
        key = response_key(entry)
        if key in responses:  # a duplicate code (the checker reports it): keep the first
            continue
        responses[key] = _response(catalog, entry, text, kinds)
    return {
        "openapi": "3.1.0",
        "info": info,
        "paths": {},
        "components": {"schemas": _schemas(catalog), "responses": responses},
    }


def render_openapi(catalog: Catalog, *, locale: str | None = None) -> str:
    """Render the OpenAPI 3.1 components of ``catalog`` as indented JSON text."""
    import orjson

    data = openapi_data(catalog, locale=locale)
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode(
        "utf-8"
    )
