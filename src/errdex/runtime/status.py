"""HTTP statuses and their mappings: reason phrases, google.rpc codes, retry classes.

``GOOGLE_CODES`` is the HTTP mapping of ``google/rpc/code.proto`` (the table
AIP-193 refers to), read in the HTTP → code direction, plus 422 → ``INVALID_ARGUMENT``. Statuses it
does not list map to ``UNKNOWN`` (4xx) or ``INTERNAL`` (5xx).
"""

from __future__ import annotations

from http import HTTPStatus

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

RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})
"""HTTP statuses a client may retry when nothing more specific is known."""


def google_status(http_status: int) -> str:
    """Return the google.rpc.Code name for an HTTP status."""
    name = GOOGLE_CODES.get(http_status)
    if name is not None:
        return name
    if 200 <= http_status < 300:
        return "OK"
    return "INTERNAL" if http_status >= 500 else "UNKNOWN"


def phrase(http_status: int) -> str:
    """Return the reason phrase of an HTTP status (``"Bad Request"``), or ``"Error"``."""
    try:
        return HTTPStatus(http_status).phrase
    except ValueError:
        return "Error"


def retryable_by_class(http_status: int | None) -> bool | None:
    """The retry hint an HTTP status alone gives: 408/429/502/503/504 yes, other 4xx/5xx no.

    None for statuses that say nothing (2xx, as JSON-RPC errors often use).
    """
    if http_status is None or http_status < 400:
        return None
    return http_status in RETRYABLE_STATUSES
