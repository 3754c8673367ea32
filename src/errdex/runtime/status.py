"""HTTP statuses and their mappings: reason phrases, google.rpc codes, retry classes.

The google.rpc code tables live in :mod:`errdex.model.wire` (the OpenAPI
generator publishes them too) and are re-exported here.
"""

from __future__ import annotations

from http import HTTPStatus

from errdex.model.wire import GOOGLE_CODE_NUMBERS, GOOGLE_CODES, google_status

RETRYABLE_STATUSES = frozenset({408, 429, 502, 503, 504})
"""HTTP statuses a client may retry when nothing more specific is known."""


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


__all__ = ["GOOGLE_CODES", "GOOGLE_CODE_NUMBERS", "RETRYABLE_STATUSES", "google_status", "phrase"]
