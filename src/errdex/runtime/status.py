"""HTTP statuses and their mappings: reason phrases, google.rpc codes, retry classes.

The google.rpc code tables live in :mod:`errdex.model.wire` (the OpenAPI
generator publishes them too) and are re-exported here.
"""

from __future__ import annotations

from http import HTTPStatus

from errdex.model.wire import (
    GOOGLE_CODE_NUMBERS,
    GOOGLE_CODES,
    RETRYABLE_STATUSES,
    google_status,
    status_retry_class,
)


def phrase(http_status: int) -> str:
    """Return the reason phrase of an HTTP status (``"Bad Request"``), or ``"Error"``."""
    try:
        return HTTPStatus(http_status).phrase
    except ValueError:
        return "Error"


def retryable_by_class(http_status: int | None) -> bool | None:
    """The retry hint an HTTP status alone gives: 408/425/429/502/503/504 yes (their retry
    class is not ``never``), other 4xx/5xx no.

    None for statuses that say nothing (2xx, as JSON-RPC errors often use).
    """
    kind = status_retry_class(http_status)
    return None if kind is None else kind != "never"


__all__ = ["GOOGLE_CODES", "GOOGLE_CODE_NUMBERS", "RETRYABLE_STATUSES", "google_status", "phrase"]
