"""JSON Schemas of the built-in envelopes: problem+json, JSON-RPC 2.0 errors, google.rpc.Status.

The wire shapes errdex renders, as data: the OpenAPI generator (convert layer)
and the FastAPI integration publish them, and tests validate rendered bodies
against them. Pure data, so every layer may import it.
"""

from __future__ import annotations

from typing import Any

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

# google.rpc.Code: ``GOOGLE_CODES`` is the HTTP mapping of ``google/rpc/code.proto``
# (the table AIP-193 refers to), read in the HTTP → code direction, plus 422 →
# INVALID_ARGUMENT. Statuses it does not list map to UNKNOWN (4xx) or INTERNAL (5xx).

GOOGLE_CODE_NUMBERS: dict[str, int] = {
    "OK": 0,
    "CANCELLED": 1,
    "UNKNOWN": 2,
    "INVALID_ARGUMENT": 3,
    "DEADLINE_EXCEEDED": 4,
    "NOT_FOUND": 5,
    "ALREADY_EXISTS": 6,
    "PERMISSION_DENIED": 7,
    "RESOURCE_EXHAUSTED": 8,
    "FAILED_PRECONDITION": 9,
    "ABORTED": 10,
    "OUT_OF_RANGE": 11,
    "UNIMPLEMENTED": 12,
    "INTERNAL": 13,
    "UNAVAILABLE": 14,
    "DATA_LOSS": 15,
    "UNAUTHENTICATED": 16,
}
"""google.rpc.Code names and numbers."""

GOOGLE_CODES: dict[int, str] = {
    200: "OK",
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    412: "FAILED_PRECONDITION",
    416: "OUT_OF_RANGE",
    422: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
"""HTTP status → google.rpc.Code name (code.proto's HTTP mapping)."""


def google_status(http_status: int) -> str:
    """Return the google.rpc.Code name for an HTTP status."""
    name = GOOGLE_CODES.get(http_status)
    if name is not None:
        return name
    if 200 <= http_status < 300:
        return "OK"
    return "INTERNAL" if http_status >= 500 else "UNKNOWN"
