"""Effective values of an entry: what it sends, with every default applied.

The one place that answers "what HTTP status does this entry send", "which
JSON-RPC code", "is it retryable" and "what does a module or space give an
entry that says nothing". The io layer applies the defaults when it builds
entries (:func:`inherit`), so an :class:`~errdex.model.types.Entry`'s own
``http_status``, ``jsonrpc_code``, ``retryable`` and ``retry_after`` already
hold them; the functions here add what follows from the space a code lives in
(a code of an ``http`` space *is* its HTTP status; a code of a ``jsonrpc``
space *is* its JSON-RPC code) and the wire fallbacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from errdex.model.codes import normalize_code
from errdex.model.types import RETRY_CLASSES, Entry
from errdex.model.wire import JSONRPC_INTERNAL_ERROR, is_http_status, status_retry_class

if TYPE_CHECKING:
    from errdex.model.catalog import Catalog

DEFAULT_FIELDS: Final = (
    "http_status",
    "jsonrpc_code",
    "retryable",
    "retry_after",
    "fault",
    "retry",
)
"""The entry fields a module or a space gives its entries when they set none, in this order."""

NO_DEFAULTS: Final[tuple[Any, ...]] = (None,) * len(DEFAULT_FIELDS)

FALLBACK_STATUS: Final = 400
"""The HTTP status of an entry that states none (problem, google and plain profiles)."""
INTERNAL_STATUS: Final = 500
"""The HTTP status of the catalog's internal error when it states none."""
JSONRPC_HTTP_STATUS: Final = 200
"""The HTTP status of a JSON-RPC error response that states none (JSON-RPC over HTTP)."""


def inherit(own: Mapping[str, Any], fallback: tuple[Any, ...] = NO_DEFAULTS) -> tuple[Any, ...]:
    """The default values (:data:`DEFAULT_FIELDS` order) a table passes on to its entries:
    its own value where it sets one, else the ``fallback`` it inherits (a space's, for a module)."""
    found = [
        fb if own.get(k) is None else own[k] for k, fb in zip(DEFAULT_FIELDS, fallback, strict=True)
    ]
    settle_retry(found, 2, own.get("retryable"), own.get("retry"))
    return tuple(found)


def settle_retry(values: list[Any], at: int, flag: Any, retry: Any) -> None:
    """Keep ``retryable`` (``values[at]``) and ``retry`` (``values[at + 3]``) in step: the
    most specific table that sets either decides both (``retry = "never"`` is
    ``retryable = false``, any other class ``true``; a lone ``retryable`` drops an
    inherited ``retry``, whose class then follows from the shorthand)."""
    if retry is not None:
        values[at] = retry != "never"
    elif flag is not None:
        values[at + 3] = None


def space_kind(catalog: Catalog | None, entry: Entry) -> str:
    """The kind (``app``, ``http``, ``jsonrpc``) of the space an entry lives in."""
    space = catalog.spaces.get(entry.space) if catalog is not None else None
    return space.kind if space is not None else "app"


def stated_http_status(entry: Entry, kind: str) -> int | None:
    """The HTTP status the catalog states for an entry in a space of ``kind``: its
    ``http_status`` (defaults applied), else its own code in an ``http`` space, else None."""
    status = entry.http_status
    if status is None and kind == "http" and is_http_status(entry.key):
        status = entry.key  # type: ignore[assignment]
    return status


def http_status(catalog: Catalog | None, entry: Entry) -> int | None:
    """What HTTP status the catalog states for ``entry`` (None: it states none)."""
    return stated_http_status(entry, space_kind(catalog, entry))


def is_internal(catalog: Catalog | None, entry: Entry) -> bool:
    """Whether ``entry`` is the catalog's ``internal_error`` (what unexpected exceptions send)."""
    internal = catalog.meta.internal_error if catalog is not None else None
    return internal is not None and normalize_code(internal) == entry.key


def sent_status(catalog: Catalog | None, entry: Entry, *, jsonrpc: bool = False) -> int:
    """The HTTP status a response for ``entry`` goes out with: the stated one, else
    200 for JSON-RPC, 500 for the internal error, 400 for anything else."""
    status = http_status(catalog, entry)
    if status is not None:
        return status
    if jsonrpc:
        return JSONRPC_HTTP_STATUS
    return INTERNAL_STATUS if is_internal(catalog, entry) else FALLBACK_STATUS


def stated_jsonrpc_code(entry: Entry, kind: str) -> int | None:
    """The JSON-RPC code the catalog gives an entry in a space of ``kind``:
    ``jsonrpc_code`` (defaults applied), else its own integer code in a ``jsonrpc`` space."""
    code = entry.jsonrpc_code
    if code is None and kind == "jsonrpc" and type(entry.key) is int:
        code = entry.key
    return code


def jsonrpc_code(catalog: Catalog | None, entry: Entry) -> int | None:
    """The JSON-RPC code the catalog states for ``entry`` (None: it states none)."""
    return stated_jsonrpc_code(entry, space_kind(catalog, entry))


def sent_jsonrpc_code(catalog: Catalog | None, entry: Entry) -> int:
    """The JSON-RPC code an error for ``entry`` goes out with: the stated one, else -32603."""
    code = jsonrpc_code(catalog, entry)
    return code if code is not None else JSONRPC_INTERNAL_ERROR


def retryable(entry: Entry) -> bool | None:
    """Whether the catalog itself says a client may retry ``entry`` (defaults applied); None:
    it does not say. What clients do with an entry is :func:`retry_advice`."""
    return entry.retryable


class RetryAdvice(NamedTuple):
    """The one retry answer for an entry, which every page, command, API and decoder gives.

    ``retry`` is the retry class (docs/wire.md, "Retry decision"); ``retryable`` the hint
    a decoder of the entry's response reports (docs/wire.md §6.5), None when nothing says;
    ``source`` where it comes from: ``"catalog"`` (the entry's ``retry`` or ``retryable``,
    inherited from module and space), ``"http-status"`` (the HTTP status the entry is sent
    with, ``status``), or None (nothing says: a JSON-RPC error over HTTP 200).
    """

    retry: str
    retryable: bool | None
    source: str | None
    status: int | None


def retry_advice(catalog: Catalog | None, entry: Entry) -> RetryAdvice:
    """The retry advice for ``entry``, first that applies: its effective ``retry``; its
    ``retryable`` (true: ``safe``, false: ``never``); its ``retry_after`` (sent as
    ``Retry-After``: ``safe``); the HTTP status it is sent with
    (:func:`sent_status`; 200 for a code of a ``jsonrpc`` space that states none) when ≥ 400
    (408, 425, 429, 503 ``safe``; 502 ``idempotent-only``; 504 ``outcome-unknown``; any
    other ``never``); else nothing says (``retryable`` None; clients do not retry,
    class ``never``). A status below 400 — JSON-RPC over HTTP 200 — says nothing."""
    status = sent_status(catalog, entry, jsonrpc=space_kind(catalog, entry) == "jsonrpc")
    if entry.retry in RETRY_CLASSES:
        return RetryAdvice(str(entry.retry), entry.retry != "never", "catalog", status)
    if entry.retryable is not None:
        kind = "safe" if entry.retryable else "never"
        return RetryAdvice(kind, entry.retryable, "catalog", status)
    if entry.retry_after is not None:  # sent as Retry-After: the server says when
        return RetryAdvice("safe", True, "catalog", status)
    by_status = status_retry_class(status)
    if by_status is None:
        return RetryAdvice("never", None, None, status)
    return RetryAdvice(by_status, by_status != "never", "http-status", status)


def message_retry_answers(catalog: Catalog | None, entry: Entry) -> tuple[bool, ...]:
    """The retry answers some of the entry's messages give that differ from its own
    (:func:`retry_advice`): each message variant that states ``retryable`` answers for
    that message (docs/wire.md §6.2), so Alchemy's -32000, which says nothing, is
    retryable for "Request timed out. Client should retry." — ``(True,)``. Sorted, each
    once; empty when every variant agrees or states nothing. ``errdex search --retryable``
    matches an entry retryable for some message."""
    stated = {v.retryable for v in entry.variants if v.retryable is not None}
    if not stated:  # most entries: no variant says (and no advice to derive)
        return ()
    own = retry_advice(catalog, entry).retryable
    return tuple(sorted(stated - {own}))


def inherited(catalog: Catalog, entry: Entry, field: str) -> Any:
    """The value of ``field`` (one of :data:`DEFAULT_FIELDS`) that ``entry`` gets from its
    module (when the module is in the entry's space) or its space when it sets none."""
    mod = catalog.modules.get(entry.module) if entry.module is not None else None
    if mod is not None and mod.space == entry.space and getattr(mod, field) is not None:
        return getattr(mod, field)
    space = catalog.spaces.get(entry.space)
    return getattr(space, field) if space is not None else None
