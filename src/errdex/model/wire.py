"""Wire constants: the numbers other specifications fix, in one place.

JSON-RPC 2.0's reserved and standard error codes, the range of HTTP statuses,
the google.rpc code table (``google/rpc/code.proto`` and its HTTP mapping),
and the integer bounds every language errdex generates code for can hold.
Pure data: every layer may import it, and no layer spells these numbers itself.
"""

from __future__ import annotations

from typing import Final

# -- HTTP ---------------------------------------------------------------------

HTTP_STATUS_MIN: Final = 100
HTTP_STATUS_MAX: Final = 599
"""HTTP statuses are three-digit numbers 100–599 (RFC 9110 §15)."""


def is_http_status(value: object) -> bool:
    """Whether ``value`` is an integer HTTP status (100–599; a bool is not)."""
    return type(value) is int and HTTP_STATUS_MIN <= value <= HTTP_STATUS_MAX


RETRY_BY_STATUS: Final[dict[int, str]] = {
    408: "safe",
    425: "safe",
    429: "safe",
    503: "safe",
    502: "idempotent-only",
    504: "outcome-unknown",
}
"""The retry class an HTTP error status gives (docs/wire.md, "Retry decision"); any other
status ≥ 400 is ``never``."""

RETRYABLE_STATUSES: Final = frozenset(RETRY_BY_STATUS)
"""The HTTP statuses whose retry hint is true (docs/wire.md §6.5): those whose class is not
``never``."""


def status_retry_class(status: int | None) -> str | None:
    """The retry class an HTTP status says (``never`` for other errors ≥ 400), or None when
    it says nothing: no status, or one below 400 (a JSON-RPC error over HTTP 200)."""
    if type(status) is not int or status < 400:
        return None
    return RETRY_BY_STATUS.get(status, "never")


# -- JSON-RPC 2.0 ---------------------------------------------------------------

JSONRPC_PARSE_ERROR: Final = -32700
JSONRPC_INVALID_REQUEST: Final = -32600
JSONRPC_METHOD_NOT_FOUND: Final = -32601
JSONRPC_INVALID_PARAMS: Final = -32602
JSONRPC_INTERNAL_ERROR: Final = -32603
"""JSON-RPC "Internal error": also the code of errors that have no JSON-RPC code of their own."""

JSONRPC_STANDARD: Final = frozenset(
    {
        JSONRPC_PARSE_ERROR,
        JSONRPC_INVALID_REQUEST,
        JSONRPC_METHOD_NOT_FOUND,
        JSONRPC_INVALID_PARAMS,
        JSONRPC_INTERNAL_ERROR,
    }
)
"""The error codes the JSON-RPC 2.0 specification defines."""

JSONRPC_RESERVED: Final = (-32768, -32000)
"""The range JSON-RPC 2.0 reserves for pre-defined errors (inclusive)."""

JSONRPC_SERVER_DEFINED: Final = (-32099, -32000)
"""The specification's range for implementation-defined server errors (inclusive)."""


def jsonrpc_reserved(code: int) -> bool:
    """Whether ``code`` lies in the reserved range -32768..-32000."""
    return JSONRPC_RESERVED[0] <= code <= JSONRPC_RESERVED[1]


def jsonrpc_allowed(code: int, server_defined: tuple[int, int] | None = None) -> bool:
    """Whether a catalog may send ``code``: outside the reserved range, a standard code,
    or inside the server-defined range (the space's declared one, else the default)."""
    if not jsonrpc_reserved(code) or code in JSONRPC_STANDARD:
        return True
    lo, hi = server_defined or JSONRPC_SERVER_DEFINED
    return lo <= code <= hi


# -- integer bounds ---------------------------------------------------------------

SAFE_INTEGER: Final = 2**53 - 1
"""The largest integer every target language holds exactly (a JavaScript number)."""

INT32_MIN: Final = -(2**31)
INT32_MAX: Final = 2**31 - 1
"""JSON-RPC and google.rpc codes are 32-bit signed integers on the wire."""

# -- google.rpc -----------------------------------------------------------------
# ``GOOGLE_CODES`` is the HTTP mapping of ``google/rpc/code.proto`` (the table
# AIP-193 refers to), read in the HTTP → code direction, plus 422 →
# INVALID_ARGUMENT. Statuses it does not list map to UNKNOWN (4xx) or INTERNAL (5xx).

GOOGLE_CODE_NUMBERS: Final[dict[str, int]] = {
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

GOOGLE_CODES: Final[dict[int, str]] = {
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

GOOGLE_HTTP_STATUSES: Final[dict[str, int]] = {
    "OK": 200,
    "CANCELLED": 499,
    "UNKNOWN": 500,
    "INVALID_ARGUMENT": 400,
    "DEADLINE_EXCEEDED": 504,
    "NOT_FOUND": 404,
    "ALREADY_EXISTS": 409,
    "PERMISSION_DENIED": 403,
    "RESOURCE_EXHAUSTED": 429,
    "FAILED_PRECONDITION": 400,
    "ABORTED": 409,
    "OUT_OF_RANGE": 400,
    "UNIMPLEMENTED": 501,
    "INTERNAL": 500,
    "UNAVAILABLE": 503,
    "DATA_LOSS": 500,
    "UNAUTHENTICATED": 401,
}
"""google.rpc.Code name → HTTP status, the mapping ``google/rpc/code.proto`` documents
(the other direction: several codes share a status, 400, 409 and 500)."""


def google_status(http_status: int) -> str:
    """Return the google.rpc.Code name for an HTTP status."""
    name = GOOGLE_CODES.get(http_status)
    if name is not None:
        return name
    if 200 <= http_status < 300:
        return "OK"
    return "INTERNAL" if http_status >= 500 else "UNKNOWN"
