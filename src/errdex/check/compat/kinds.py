"""The kinds of change ``errdex diff`` reports, with their stable ids and severities.

A kind's ``id`` is what ``[[compat.allow]]`` names in ``change = "..."``; ids
never change meaning once released. Severities, from worst to mildest:

* ``breaking`` — a client written against the old catalog can misbehave;
  ``errdex diff`` exits 1 unless the new catalog allows it with a reason.
* ``notice`` — nothing breaks yet, but someone should read it (a deprecation).
* ``compatible`` — safe for every client (a new code, an edited text).
"""

from __future__ import annotations

from typing import NamedTuple

SEVERITIES = ("breaking", "notice", "compatible")
"""Severities, worst first: the order reports are sorted and printed in."""


class Kind(NamedTuple):
    """One kind of change: stable id, severity, a one-line summary, and how to avoid it."""

    id: str
    severity: str
    summary: str
    hint: str = ""


KINDS: dict[str, Kind] = {}
"""Every kind of change, by id, in the order the docs list them."""


def _kind(id: str, severity: str, summary: str, hint: str = "") -> Kind:
    kind = Kind(id, severity, summary, hint)
    KINDS[id] = kind
    return kind


REMOVED = _kind(
    "removed",
    "breaking",
    "a code was deleted instead of tombstoned",
    'keep the entry as a tombstone: status = "removed" with a reason (and replaced_by)',
)
TOMBSTONE_DELETED = _kind(
    "tombstone-deleted",
    "breaking",
    "a tombstone was deleted, so its code may be reused",
    "put the tombstone back: a removed code stays reserved for ever",
)
REVIVED = _kind(
    "revived",
    "breaking",
    "a removed (tombstoned) code is active or deprecated again",
    "give the error a new code; clients were told this one is obsolete",
)
RENUMBERED = _kind(
    "renumbered",
    "breaking",
    "an entry kept its name but moved to another code",
    "keep the old code; write codes explicitly instead of counting them (iota)",
)
REUSED = _kind(
    "reused",
    "breaking",
    "a code now means another error (another name and text)",
    "give the new error a new code and keep the old entry (or its tombstone)",
)
RENAMED = _kind(
    "renamed",
    "breaking",
    "a code's name changed or was dropped, its texts did not",
    "keep the name: generated constants and clients use it",
)
CODE_RESPELLED = _kind(
    "code-respelled",
    "breaking",
    'a code is written differently on the wire (1054 → "1054", "E-1" → "e-1")',
    "keep the code's spelling and type as clients receive it",
)
SPACE_CHANGED = _kind(
    "space-changed",
    "breaking",
    "an entry moved to another code space",
    "keep the entry in its space; add a new entry in the other one",
)
HTTP_STATUS_CHANGED = _kind(
    "http-status-changed",
    "breaking",
    "the HTTP status changed or was dropped",
    "keep the status; clients branch on it",
)
JSONRPC_CODE_CHANGED = _kind(
    "jsonrpc-code-changed",
    "breaking",
    "the JSON-RPC error code changed or was dropped",
    "keep the JSON-RPC code; clients branch on it",
)
RETRY_DROPPED = _kind(
    "retry-dropped",
    "breaking",
    "a retryable error is no longer retryable",
    "clients that retried will now give up: add a new code for the non-retryable case",
)
PLACEHOLDER_REMOVED = _kind(
    "placeholder-removed",
    "breaking",
    "a message placeholder or declared parameter is gone",
    "keep the placeholder: callers still pass it and clients may read it",
)
PARAM_RENAMED = _kind(
    "param-renamed",
    "breaking",
    "a message parameter was renamed",
    "keep the parameter's name: callers pass it by name",
)
PARAM_TYPE_CHANGED = _kind(
    "param-type-changed",
    "breaking",
    "a message parameter's declared type changed",
    "keep the type: typed clients and generated code read the parameter as declared",
)
VARIANT_CHANGED = _kind(
    "variant-changed",
    "breaking",
    "a known message (variant) was edited or dropped",
    "keep the known message as sent: clients recognise the variant by its exact text",
)
DOCS_URL_CHANGED = _kind(
    "docs-url-changed",
    "breaking",
    "the docs URL changed: the problem+json type URI clients match on",
    "keep the URL template; redirect old URLs instead of changing them",
)
CATALOG_ID_CHANGED = _kind(
    "catalog-id-changed",
    "breaking",
    "the catalog id changed: the google ErrorInfo domain and generated names change",
    "keep the id; it identifies the catalog on the wire",
)
ENVELOPE_CHANGED = _kind(
    "envelope-changed",
    "breaking",
    "a plain envelope ([profiles.NAME]) lost, renamed or refilled a key, or was dropped",
    "keep the envelope's keys and what they hold; add keys instead of renaming them",
)
INTERNAL_ERROR_CHANGED = _kind(
    "internal-error-changed",
    "breaking",
    "the code sent for unexpected internal errors changed",
    "keep [catalog] internal_error: clients branch on it",
)

DEPRECATED = _kind("deprecated", "notice", "a code was deprecated")
PLACEHOLDER_ADDED = _kind(
    "placeholder-added", "notice", "a message gained a placeholder callers must now pass"
)
TRANSLATION_REMOVED = _kind(
    "translation-removed", "notice", "a translation was dropped (clients fall back to the source)"
)

ADDED = _kind("added", "compatible", "a new code")
TOMBSTONED = _kind("tombstoned", "compatible", "a code was retired the right way: status removed")
UNDEPRECATED = _kind("undeprecated", "compatible", "a deprecated code is active again")
NAME_ADDED = _kind("name-added", "compatible", "an entry without a name got one")
MAPPING_ADDED = _kind(
    "mapping-added", "compatible", "an HTTP status or JSON-RPC code was set where there was none"
)
RETRY_ADDED = _kind("retry-added", "compatible", "an error became retryable")
TEXT_EDITED = _kind(
    "text-edited", "compatible", "a title, message, description or solution changed"
)
TRANSLATION_ADDED = _kind("translation-added", "compatible", "a translation was added")
TRANSLATION_EDITED = _kind("translation-edited", "compatible", "a translation changed")
FIELD_CHANGED = _kind(
    "field-changed",
    "compatible",
    "another field changed (module, since, tags, variants, examples, retry_after …)",
)


def severity_rank(severity: str) -> int:
    """Sort key of a severity: 0 for ``breaking``, 1 for ``notice``, 2 for ``compatible``."""
    return SEVERITIES.index(severity)
