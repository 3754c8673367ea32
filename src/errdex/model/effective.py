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
from typing import TYPE_CHECKING, Any, Final

from errdex.model.codes import normalize_code
from errdex.model.types import Entry
from errdex.model.wire import JSONRPC_INTERNAL_ERROR, is_http_status

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
    """Whether a client may retry ``entry`` (defaults applied); None: the catalog does not say."""
    return entry.retryable


def inherited(catalog: Catalog, entry: Entry, field: str) -> Any:
    """The value of ``field`` (one of :data:`DEFAULT_FIELDS`) that ``entry`` gets from its
    module (when the module is in the entry's space) or its space when it sets none."""
    mod = catalog.modules.get(entry.module) if entry.module is not None else None
    if mod is not None and mod.space == entry.space and getattr(mod, field) is not None:
        return getattr(mod, field)
    space = catalog.spaces.get(entry.space)
    return getattr(space, field) if space is not None else None
