"""OpenAPI 3.1 components: a schema per error profile and a reusable response per code.

``components.schemas`` (built by :mod:`errdex.model.openapi`, shared with the
FastAPI integration) holds ``Problem`` (RFC 9457 problem+json, the one copy),
``Code_<group>`` (the codes of each module — else space — as an ``enum``) and
``Problem_<group>`` (a problem with one of them), ``JsonRpcError`` (a JSON-RPC 2.0
error response), ``GoogleStatus`` (google.rpc.Status as HTTP APIs send it) and
``Profile_<id>`` for each plain profile the catalog declares, its full shape.
``components.responses`` holds one response per entry, keyed ``<space>.<code>``,
with an example body in every profile that applies, and ``4XX`` / ``5XX``: every
code sent with a status of that class, a ``oneOf`` over the groups' problems with
one named example per code — a route's default error responses
(``"4XX": {"$ref": "#/components/responses/4XX"}``). Every example validates
against the schema it sits under; the output is JSON text, valid under
openapi-spec-validator.
"""

from __future__ import annotations

from typing import Any

from errdex.convert.layout import text_getter
from errdex.model import Catalog, Entry
from errdex.model.effective import sent_status
from errdex.model.envelopes import google_status
from errdex.model.openapi import (
    choice,
    envelope_schemas,
    group_of,
    groups,
    key,
    problem_name,
    problem_schemas,
    profile_name,
    ref,
)


def response_key(entry: Entry) -> str:
    """The ``components.responses`` key of an entry: ``<space>.<code>``."""
    return key(f"{entry.space}.{entry.code}")


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
    return {**problem_schemas(catalog), **envelope_schemas(catalog)}


def _problem(catalog: Catalog, entry: Entry, text: Any) -> dict[str, Any]:
    """The problem+json example of an entry (parameters left as ``{placeholders}``)."""
    message = text(entry, "message")
    title = text(entry, "title") or entry.name or message or str(entry.code)
    detail = message or text(entry, "description") or title
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
    if len(catalog.find(entry.code)) > 1:
        problem["space"] = entry.space
    return problem


def _response(catalog: Catalog, entry: Entry, text: Any, kinds: dict[str, str]) -> dict[str, Any]:
    message = text(entry, "message")
    title = text(entry, "title") or entry.name or message or str(entry.code)
    detail = message or text(entry, "description") or title
    status = entry.http_status
    docs = catalog.docs_url(entry)
    live = entry.status != "removed"  # a tombstone's code is in no group's enum
    content: dict[str, Any] = {
        "application/problem+json": {
            "schema": ref(problem_name(group_of(entry)) if live else "Problem"),
            "examples": {"problem": {"value": _problem(catalog, entry, text)}},
        }
    }
    json_refs: list[dict[str, str]] = []
    json_examples: dict[str, Any] = {}
    rpc_code = entry.jsonrpc_code
    if rpc_code is None and kinds.get(entry.space) == "jsonrpc" and type(entry.code) is int:
        rpc_code = entry.code
    if rpc_code is not None:
        json_refs.append(ref("JsonRpcError"))
        json_examples["jsonrpc"] = {
            "value": {"jsonrpc": "2.0", "id": 1, "error": {"code": rpc_code, "message": detail}}
        }
    google_code = sent_status(catalog, entry)
    json_refs.append(ref("GoogleStatus"))
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
            json_refs.append(ref(profile_name(profile)))
            json_examples[profile.id] = example
        else:
            content.setdefault(
                profile.content_type,
                {
                    "schema": ref(profile_name(profile)),
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
    for member in ("module", "name", "retryable", "retry_after", "fault", "retry"):
        value = getattr(entry, member)
        if value is not None:
            ext[member] = value
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
    for status_class, label in (("4XX", "client"), ("5XX", "server")):
        responses[status_class] = _default_response(catalog, text, status_class, label)
    return {
        "openapi": "3.1.0",
        "info": info,
        "paths": {},
        "components": {"schemas": _schemas(catalog), "responses": responses},
    }


def _default_response(catalog: Catalog, text: Any, status_class: str, label: str) -> dict[str, Any]:
    """``components.responses["4XX"]`` / ``["5XX"]``: every live entry sent with a status of
    that class, for a route's default error responses — a ``oneOf`` over the groups'
    problems, one named example per code."""
    first = int(status_class[0])
    names: list[str] = []
    examples: dict[str, Any] = {}
    for entry in catalog.entries:
        if entry.status == "removed" or sent_status(catalog, entry) // 100 != first:
            continue
        names.append(problem_name(group_of(entry)))
        ambiguous = len(catalog.find(entry.code)) > 1
        label_key = f"{entry.space}:{entry.code}" if ambiguous else str(entry.code)
        problem = _problem(catalog, entry, text)
        examples.setdefault(key(label_key), {"summary": problem["title"], "value": problem})
    codes = {problem_name(g): c for g, c in groups(catalog).items()}
    media: dict[str, Any] = {"schema": choice(names, codes) if names else ref("Problem")}
    if examples:
        media["examples"] = examples
    return {
        "description": f"A {label} error of catalog {catalog.meta.id} (problem+json).",
        "content": {"application/problem+json": media},
    }


def render_openapi(catalog: Catalog, *, locale: str | None = None) -> str:
    """Render the OpenAPI 3.1 components of ``catalog`` as indented JSON text."""
    import orjson

    data = openapi_data(catalog, locale=locale)
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode(
        "utf-8"
    )
