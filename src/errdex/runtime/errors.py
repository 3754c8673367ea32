"""The exception type of catalog errors and the tree of classes built from a catalog.

Every error errdex raises, renders or decodes is an :class:`Error`. Classes
below it are made from a loaded catalog on first use and cached, so
``except`` works at every level of the catalog::

    Exception
     └── errdex.Error                    every catalog error (and bare internal errors)
          └── cat.errors.Error           one root per catalog (``CsghubError``)
               ├── cat.errors.space(id)  one per code space (``AppSpaceError``)
               │    └── cat.errors.module(id) == cat.module_error(id)
               │         │                 one per module (``AuthError``)
               │         └── cat.errors.invalidJWT == cat.errors["AUTH-ERR-4"]
               │                           one per entry; raised by cat.error(...)
               ├── cat.errors.ClientError  decoded 4xx whose code the catalog lacks
               └── cat.errors.ServerError  decoded 5xx whose code the catalog lacks

An entry outside any module hangs directly under its space class. An entry
whose space differs from its module's space inherits from both classes.
:func:`errdex.decode` returns an instance of the entry class for a known code,
and for an unknown code an instance of the module class (by prefix or range),
the space class, or the client/server class, keeping the raw code, message
and data.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from errdex.model import Entry, Variant
from errdex.runtime.options import check_retry_after, check_retryable, check_sub_errors
from errdex.runtime.text import PUBLIC_CAP, json_scalar, safe_str

if TYPE_CHECKING:
    from errdex.model import Catalog
    from errdex.runtime.spec import EntrySpec

_EMPTY: Mapping[str, Any] = MappingProxyType({})

PLAIN_STATE = frozenset({"params", "_public", "_public_params"})
"""Instance attributes of an error that leave every other fact to its class (render fast path)."""

OPTIONS = frozenset(
    {"internal", "data", "context", "sub_errors", "retryable", "retry_after", "variant", "params"}
)
"""Keyword arguments of :class:`Error` that are options, not message parameters."""


class Error(Exception):
    """An error of an errdex catalog; the base class of every class errdex makes.

    Raised by services (``raise cat.error("AUTH-ERR-4", age=5)``), rendered by
    :func:`errdex.render`, and returned by :func:`errdex.decode`. Keyword
    arguments are the message parameters (``age=5``), except the options:

    - ``internal``: a dict kept for logs and never rendered;
    - ``data`` / ``context``: public payloads (JSON-RPC ``error.data``, the
      ``$data``/``$context`` of plain profiles);
    - ``sub_errors``: errors this one carries (Alchemy's code 3, per-field
      validation errors);
    - ``retryable`` / ``retry_after``: override the entry's retry hint;
    - ``variant``: the message of one of the entry's known variants;
    - ``params``: a dict of parameters, for names that clash with an option.

    A positional ``message`` replaces the entry's message template — on a 4xx.
    On a 5xx it is kept for logs (``str(err)``) and the public message stays the
    catalog's: a 5xx never carries internal details.
    """

    catalog: ClassVar[Catalog | None] = None
    entry: Entry | None = None
    code: Any = None
    name: str | None = None
    space: str | None = None
    module: str | None = None
    status: int = 500
    """HTTP status the error is rendered with (decoded errors: the status received)."""
    retryable: bool | None = None
    retry_after: int | float | None = None
    internal: Mapping[str, Any] = _EMPTY
    data: Any = None
    context: Any = None
    sub_errors: tuple[Error, ...] = ()
    variant: Variant | None = None
    raw: Any = None
    """For decoded errors: the parsed body (or the capped text of an unparseable one)."""
    envelope: str | None = None
    """For decoded errors: the envelope recognised — ``"problem"``, ``"jsonrpc"``,
    ``"google"``, a plain profile's name, ``"generic"`` (``{"code", "message"}``) —
    or None (the body was not JSON)."""
    params: Mapping[str, Any] = _EMPTY
    _spec: ClassVar[EntrySpec | None] = None
    _removed: ClassVar[bool] = False
    _profiles: ClassVar[dict[str, Any]] = {}
    """Profile functions by name; each catalog's classes share their catalog's table."""
    _locales: ClassVar[Any] = None
    """The catalog's :class:`~errdex.runtime.negotiation.LocaleCache` (None outside a catalog)."""
    _negotiated: ClassVar[Mapping[str, str]] = _EMPTY
    """The catalog's negotiated locales by ``Accept-Language`` value (``LocaleCache.answers``)."""
    _fast: ClassVar[dict[Any, Any]] = {}
    """This class's fast renderers by profile name (see :func:`errdex.render`); every
    class has its own table, so a subclass never uses bytes made for its parent."""
    _registry: ClassVar[dict[Any, type[Error]]] = {}
    """The classes of one catalog: ``(space, code)`` and ``name`` → entry class. Each
    catalog's root class has its own dict, filled by the class factory and, for classes
    declared with ``code=``, by :meth:`__init_subclass__`."""
    _decoded: bool = False
    """Whether :func:`errdex.decode` made this error (its texts came from outside)."""
    _message: str | None = None
    _log_message: str | None = None
    _public: str | None = None
    _public_params: dict[str, Any] | None = None

    def __init_subclass__(cls, *, code: Any = None, name: str | None = None, **kwargs: Any) -> None:
        """Register an entry class in its catalog's registry (psycopg's pattern):
        ``class X(AuthError, code="AUTH-ERR-4", name="invalidJWT")``."""
        super().__init_subclass__(**kwargs)
        if "_fast" not in cls.__dict__:
            cls._fast = {}
        if code is not None:
            registry = cls._registry
            registry[cls.space, code] = cls
            if name is not None:
                registry.setdefault(name, cls)

    def __init__(self, message: str | None = None, /, **params: Any) -> None:
        if params and not OPTIONS.isdisjoint(params):
            params = self._options(params)
        self.params = params
        if message is not None:
            text = safe_str(message, 4 * PUBLIC_CAP)
            if self.status >= 500:  # free text on a 5xx is for logs only (str(err))
                self._log_message = text
            else:
                self._message = text

    def _options(self, params: dict[str, Any]) -> dict[str, Any]:
        extra = params.pop("params", None)
        internal = params.pop("internal", None)
        if isinstance(internal, Mapping):
            self.internal = internal
        for option in ("data", "context"):
            if option in params:
                setattr(self, option, params.pop(option))
        if "retryable" in params:
            self.retryable = check_retryable(params.pop("retryable"))
        if "retry_after" in params:
            self.retry_after = check_retry_after(params.pop("retry_after"))
        subs = params.pop("sub_errors", None)
        if subs is not None:
            self.sub_errors = check_sub_errors(subs, Error)
        variant = params.pop("variant", None)
        if variant is not None:
            self._use_variant(variant)
        if isinstance(extra, Mapping):
            params = {**params, **extra}
        return params

    def _use_variant(self, variant: str | Variant) -> None:
        entry = self.entry
        text = variant.message if isinstance(variant, Variant) else safe_str(variant)
        found = None
        if entry is not None:
            wanted = text.strip().casefold()
            for known in entry.variants:
                if known.message.strip().casefold() == wanted:
                    found = known
                    break
        self.variant = found or (variant if isinstance(variant, Variant) else None)
        if found is None and self.status >= 500:  # free text on a 5xx is for logs only
            self._log_message = text
        else:
            self._message = found.message if found is not None else text
        if found is not None and found.retryable is not None and "retryable" not in vars(self):
            self.retryable = found.retryable

    # -- what the caller sees ---------------------------------------------------

    @property
    def message(self) -> str:
        """The public message in the catalog's language: template filled, values capped,
        non-public parameters left as ``{name}``; or the explicit/variant/decoded message."""
        if self._message is not None:
            return self._message
        spec = self._spec
        if spec is None:
            return "Internal error"
        static = spec.static_message
        if static is not None:
            return static
        public = self._public
        if public is None:
            public = self._public = spec.public.fill(self.params)
        return public

    @property
    def public_params(self) -> dict[str, Any]:
        """The parameters that may leave the service: public ones, as capped JSON values."""
        found = self._public_params
        if found is None:
            spec = self._spec
            private = spec.private if spec is not None else ()
            types = spec.param_types if spec is not None else _EMPTY
            found = {}
            for key, value in self.params.items():
                if key in private or type(key) is not str:
                    continue
                if type(value) is str and len(value) <= PUBLIC_CAP:
                    found[key] = value
                else:
                    found[key] = json_scalar(value, types.get(key))
            self._public_params = found
        return found

    @property
    def title(self) -> str:
        """The stable short title of the error's code."""
        spec = self._spec
        return spec.title if spec is not None else "Internal Server Error"

    def __str__(self) -> str:
        spec = self._spec
        try:
            if self._message is not None or self._log_message is not None:
                text = self._log_message or self._message or ""
            elif spec is not None:
                text = spec.template(None).render(self.params)
            else:
                text = safe_str(self.args[0]) if self.args else "Internal error"
        except Exception:  # pragma: no cover - render never raises; belt and braces
            text = "<unrenderable message>"
        return text if self.code is None else f"[{self.code}] {text}"

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(code={self.code!r}, message={str(self)!r})"

    # -- identity: equal errors say the same thing ---------------------------------

    def _identity(self) -> tuple[Any, ...]:
        """What two errors must share to be equal: catalog, space, code, message,
        parameters, status, retry hint, public payloads and sub-errors."""
        catalog = self.catalog
        catalog_id = catalog.meta.id if catalog is not None else vars(self).get("_catalog_id")
        return (
            catalog_id,
            self.space,
            self.code,
            self.message,
            dict(self.params),
            self.status,
            self.retryable,
            self.retry_after,
            self.data,
            self.context,
            self.sub_errors,
        )

    def __eq__(self, other: object) -> bool:
        """Two errors are equal when they would render alike: same catalog id, space,
        code, public message, parameters, status, retry hint, payloads and sub-errors
        (so an error equals its unpickled copy, in this process or another)."""
        if not isinstance(other, Error):
            return NotImplemented
        if self is other:
            return True
        try:
            return bool(self._identity() == other._identity())
        except Exception:  # a hostile parameter's __eq__: not provably equal
            return False

    def __hash__(self) -> int:
        catalog = self.catalog
        catalog_id = catalog.meta.id if catalog is not None else vars(self).get("_catalog_id")
        try:
            return hash((catalog_id, self.space, self.code))
        except TypeError:  # a decoded code that is not hashable cannot occur; be safe
            return id(self)
