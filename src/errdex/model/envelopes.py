"""JSON Schemas of the built-in envelopes: problem+json, JSON-RPC 2.0 errors, google.rpc.Status.

The wire shapes errdex renders, as data: the OpenAPI generator (convert layer)
and the FastAPI integration publish them, and tests validate rendered bodies
against them. Pure data, so every layer may import it. The google.rpc code table lives in
:mod:`errdex.model.wire` (re-exported here for old imports).
"""

from __future__ import annotations

from typing import Any

from errdex.model.wire import GOOGLE_CODE_NUMBERS, GOOGLE_CODES, google_status

PROBLEM_SCHEMA: dict[str, Any] = {
    "title": "Problem",
    "description": "RFC 9457 problem details, with errdex's extension members.",
    "type": "object",
    "properties": {
        "type": {
            "type": "string",
            "format": "uri-reference",
            "description": "URL of the error's documentation.",
        },
        "title": {"type": "string", "description": "Stable short title of the code."},
        "status": {"type": "integer", "minimum": 100, "maximum": 599},
        "detail": {"type": "string", "description": "The message, parameters filled in."},
        "instance": {"type": "string", "format": "uri-reference"},
        "code": {"type": ["integer", "string"], "description": "The catalog code."},
        "name": {"type": "string"},
        "space": {"type": "string"},
        "retryable": {"type": "boolean"},
        "retry_after": {"type": "number"},
        "params": {"type": "object"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "code": {"type": ["integer", "string"]},
                    "detail": {"type": "string"},
                    "space": {"type": "string"},
                    "params": {"type": "object"},
                },
                "required": ["code", "detail"],
            },
        },
        "data": {},
    },
    "required": ["type", "title", "status"],
}
"""JSON Schema of the ``problem`` profile's documents."""

JSONRPC_SCHEMA: dict[str, Any] = {
    "title": "JSON-RPC error response",
    "type": "object",
    "properties": {
        "jsonrpc": {"type": "string", "enum": ["2.0"]},
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "integer"},
                "message": {"type": "string"},
                "data": {},
            },
            "required": ["code", "message"],
        },
        "id": {"type": ["string", "integer", "null"]},
    },
    "required": ["jsonrpc", "error", "id"],
}
"""JSON Schema of the ``jsonrpc`` profile's responses."""

GOOGLE_SCHEMA: dict[str, Any] = {
    "title": "google.rpc.Status",
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {"type": "integer"},
                "message": {"type": "string"},
                "status": {"type": "string"},
                "details": {"type": "array", "items": {"type": "object"}},
            },
            "required": ["code", "message"],
        }
    },
    "required": ["error"],
}
"""JSON Schema of the ``google`` profile's responses."""

SCHEMAS: dict[str, dict[str, Any]] = {
    "problem": PROBLEM_SCHEMA,
    "jsonrpc": JSONRPC_SCHEMA,
    "google": GOOGLE_SCHEMA,
}
"""The schema of each built-in profile, by profile name."""

__all__ = [
    "GOOGLE_CODES",
    "GOOGLE_CODE_NUMBERS",
    "GOOGLE_SCHEMA",
    "JSONRPC_SCHEMA",
    "PROBLEM_SCHEMA",
    "SCHEMAS",
    "google_status",
]
