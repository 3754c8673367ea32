"""Errors of an errdex catalog: raise, render and decode them without errdex installed.

This file is the runtime of the Python module ``errdex gen --lang python`` writes;
the generator copies it and fills the data region at its end. It implements the
wire contract of errdex's ``docs/wire.md`` with the standard library alone, and
renders the same bytes and decodes to the same decisions as ``errdex.render`` and
``errdex.decode``.
"""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections.abc import Mapping, Sequence
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any, ClassVar, NamedTuple

from .py_locale import negotiate
from .py_safe import PUBLIC_CAP, cap, coerce_back, json_scalar, safe_str
from .py_text import MESSAGE_CAP, dumps, fill

RAW_CAP = 4096
"""Longest raw text an undecodable body keeps."""
_SUB_LIMIT = 256
_GOOGLE = "type.googleapis.com/google.rpc."
_MESSAGE_KEYS = (
    "message",
    "msg",
    "error",
    "detail",
    "error_message",
    "errorMessage",
    "description",
)
_RETRYABLE_STATUSES = frozenset({408, 425, 429, 502, 503, 504})
_DURATION = re.compile(r"\s*([0-9]{1,12})(?:\.([0-9]{1,9}))?s\s*")
GOOGLE_CODES = {
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


# -- the catalog's entries ---------------------------------------------------------------


class Entry(NamedTuple):
    """One catalog entry as the wire sees it (precomputed by errdex gen)."""

    ident: str
    code: int | str
    key: int | str
    space: str
    module: str | None
    name: str | None
    status: int
    """HTTP status for problem, google and plain profiles."""
    stated_status: int | None
    """The HTTP status the catalog states for the entry itself (decode scoring)."""
    rpc_status: int
    rpc_code: int | None
    """The entry's JSON-RPC code, None when it has none (then -32603 is sent)."""
    rpc_bare: bool
    ambiguous: bool
    type_url: str
    title: str
    reason: str
    retryable: bool | None
    retry_after: int | float | None
    removed: bool
    params: tuple[tuple[str, str | None, bool], ...]
    """(name, declared type, public) per declared parameter."""
    carried: tuple[str, ...]
    own_locale: str
    texts: dict[str, tuple[str, tuple[str, ...], str, str | None, str | None]]
    """Locale → (locale the message is really in, message template parts (see
    :func:`fill`), title, description, solution)."""
    variants: tuple[tuple[str, bool | None], ...]
    match: tuple[str, ...]
    """Texts a decoded message is compared with: message, title, name, description, translations."""
    message: str | None
    """The entry's own message template."""
    replaced_by: int | str | None = None
    """For a removed code: the code that replaces it."""
    removed_reason: str | None = None

    @property
    def private(self) -> frozenset[str]:
        return frozenset(name for name, _, public in self.params if not public)


_lock = threading.RLock()
_registry: dict[tuple[str | None, int | str], type[Error]] = {}
"""(space, code key) -> entry class; filled by ``Error.__init_subclass__``."""
_index_cache: list[Any] = []


def _key(code: Any) -> Any:
    """The comparison key of a code: an int, or an upper-cased string; None if not a code."""
    if type(code) is bool or code is None:
        return None
    if type(code) is int:
        return code
    if type(code) is not str:
        return None
    text = code.strip()
    if text.lstrip("+-").isdigit() and text[:1] != "+":
        return int(text)
    return text.upper()


_FIELD = {name: i for i, name in enumerate(Entry._fields)}
"""Entry field → its position in a data row (the generator writes rows in this order)."""


class _Rows:
    """The entries, each made from its JSON data row on first access.

    Importing the module unmarshals one tuple of strings; the columns lookups
    need (``_COLUMNS``) are parsed on first use, a whole row only when its
    entry is used."""

    def __init__(self, rows: tuple[str, ...], columns: str) -> None:
        self._raw = rows
        self._columns: dict[str, list[Any]] = json.loads(columns) if columns else {}
        self._made: list[Entry | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._raw)

    def __getitem__(self, i: int) -> Entry:
        found = self._made[i]
        if found is None:
            raw = [_tuples(value) for value in json.loads(self._raw[i])]
            at = _FIELD["texts"]
            raw[at] = dict(raw[at])  # (locale, texts) pairs
            found = self._made[i] = Entry._make(raw)
        return found

    def column(self, field: str) -> list[Any]:
        """One field of every row (from ``_COLUMNS`` when it holds it)."""
        found = self._columns.get(field)
        if found is None:
            found = self._columns[field] = [getattr(self[i], field) for i in range(len(self))]
        return found


def _tuples(value: Any) -> Any:
    """JSON arrays back to the tuples the entry's fields are."""
    if type(value) is list:
        return tuple(_tuples(v) for v in value)
    return value


def _rows() -> _Rows:
    if not _index_cache:
        with _lock:
            if not _index_cache:
                rows = _Rows(_ROWS, _COLUMNS)
                by_code: dict[Any, list[int]] = {}
                for i, key in enumerate(rows.column("key")):
                    by_code.setdefault(key, []).append(i)
                by_ident = {ident: i for i, ident in enumerate(rows.column("ident"))}
                _index_cache.extend((rows, by_code, by_ident, {}, {}))
    return _index_cache[0]  # type: ignore[no-any-return]


def _by_code() -> dict[Any, list[int]]:
    _rows()
    return _index_cache[1]  # type: ignore[no-any-return]


# -- errors ------------------------------------------------------------------------------


_OPTIONS = frozenset(
    {"data", "context", "sub_errors", "retryable", "retry_after", "variant", "params"}
)


class Error(Exception):
    """Base of every error of this catalog; ``except Error`` catches them all.

    Class attributes describe the catalog entry; an instance holds its ``params``
    and what the service set (``data``, ``context``, ``sub_errors``, a retry
    override). Keyword arguments are the message parameters (checked against the
    entry's declared parameters), except the options ``data``, ``context``,
    ``sub_errors``, ``retryable``, ``retry_after``, ``variant`` and ``params``
    (a dict of parameters, unchecked). Decoded errors keep what the body said.
    """

    entry: ClassVar[Entry | None] = None
    code: Any = None
    name: str | None = None
    space: str | None = None
    module: str | None = None
    status: int = 500
    retryable: bool | None = None
    retry_after: int | float | None = None
    data: Any = None
    context: Any = None
    sub_errors: tuple[Error, ...] = ()
    variant: str | None = None
    """The message of the known variant this error is (set or decoded), else None."""
    pointer: str
    """Set on a sub-error: the JSON Pointer (``"#/items/0/qty"``) of the request body
    member it is about, sent as its ``pointer`` (unset: none)."""
    parameter: str
    """Set on a sub-error about a query, path, header or cookie parameter: its name,
    sent as its ``parameter`` when no ``pointer`` is set."""
    raw: Any = None
    params: Mapping[str, Any] = {}
    _message: str | None = None
    _log_message: str | None = None

    def __init_subclass__(cls, code: Any = None, space: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if space is not None:
            cls.space = space
        if code is not None:
            _registry[(cls.space, _key(code))] = cls

    def __init__(self, message: str | None = None, /, **params: Any) -> None:
        extra: Mapping[str, Any] | None = None
        if params and not _OPTIONS.isdisjoint(params):
            extra = self._options(params)
        entry = self.entry
        if entry is not None and params:
            _check_params(type(self), entry, params)
        self.params = {**params, **extra} if extra else params
        super().__init__(*(() if message is None else (message,)))
        if message is not None:
            text = safe_str(message, MESSAGE_CAP)
            if self.status >= 500:
                self._log_message = text
            else:
                self._message = text

    def _options(self, params: dict[str, Any]) -> Mapping[str, Any] | None:
        """Take the options out of ``params``; return the ``params=`` dict, if any."""
        extra = params.pop("params", None)
        for option in ("data", "context", "retryable", "retry_after"):
            if option in params:
                setattr(self, option, params.pop(option))
        subs = params.pop("sub_errors", None)
        if subs:
            self.sub_errors = tuple(s for s in subs if isinstance(s, Error))
        variant = params.pop("variant", None)
        if variant is not None:
            self._use_variant(safe_str(variant))
        return extra if isinstance(extra, Mapping) else None

    def _use_variant(self, text: str) -> None:
        entry = self.entry
        wanted = text.strip().casefold()
        for message, retryable in entry.variants if entry is not None else ():
            if message.strip().casefold() == wanted:
                self.variant = self._message = message
                if retryable is not None and "retryable" not in vars(self):
                    self.retryable = retryable
                return
        self._message = text

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), dict(vars(self))))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self), _key(self.code)))

    @property
    def message(self) -> str:
        """The public message in the catalog's language (template filled, values capped)."""
        if self._message is not None:
            return self._message
        entry = self.entry
        if entry is None:
            return "Internal error"
        own = entry.texts[entry.own_locale]
        return fill(own[1], self.params, entry.private)

    @property
    def public_params(self) -> dict[str, Any]:
        """The parameters that may leave the service: public ones, as capped JSON values."""
        entry = self.entry
        private = entry.private if entry is not None else frozenset()
        types = {n: t for n, t, _ in entry.params} if entry is not None else {}
        found: dict[str, Any] = {}
        for key, value in self.params.items():
            if key in private or type(key) is not str:
                continue
            found[key] = (
                value
                if type(value) is str and len(value) <= PUBLIC_CAP
                else (json_scalar(value, types.get(key)))
            )
        return found

    def __str__(self) -> str:
        if self._message is not None or self._log_message is not None:
            text = self._log_message or self._message or ""
        elif self.entry is not None:
            own = self.entry.texts[self.entry.own_locale]
            text = fill(own[1], self.params)
        else:
            text = safe_str(self.args[0]) if self.args else "Internal error"
        return text if self.code is None else f"[{self.code}] {text}"

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(code={self.code!r}, message={str(self)!r})"


def _restore(cls: type[Error], state: dict[str, Any]) -> Error:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    return error


_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
}


def _check_params(cls: type[Error], entry: Entry, params: Mapping[str, Any]) -> None:
    """TypeError for a parameter the entry does not have, or a value of the wrong type."""
    declared = {name: kind for name, kind, _ in entry.params}
    known = set(declared) | set(entry.texts[entry.own_locale][1][1::2])
    for name, value in params.items():
        if name not in known:
            hint = f"; parameters: {', '.join(sorted(known))}" if known else ""
            raise TypeError(f"{cls.__qualname__}() got an unexpected parameter {name!r}{hint}")
        kind = declared.get(name)
        types = _TYPES.get(kind or "")
        if value is None or types is None:
            continue
        if not isinstance(value, types) or (kind != "bool" and type(value) is bool):
            raise TypeError(
                f"{cls.__qualname__}() parameter {name!r} must be {kind}, "
                f"not {type(value).__name__}"
            )


class RemovedCodeError(LookupError):
    """Raised by :func:`error_for` for a removed code: a tombstone is never raised again."""

    def __init__(self, entry: Entry) -> None:
        hint = f"; use {entry.replaced_by!r} instead" if entry.replaced_by is not None else ""
        why = f" ({entry.removed_reason})" if entry.removed_reason else ""
        super().__init__(
            f"error {entry.code!r} of catalog {CATALOG['id']!r} was removed{why}{hint}"
        )
        self.entry = entry


class ClientError(Error):
    """A decoded 4xx whose code the catalog lacks."""

    status = 400


class ServerError(Error):
    """A decoded 5xx whose code the catalog lacks (and a non-catalog failure rendered)."""


def _make(i: int) -> type[Error]:
    """Create (once) the class of row ``i`` under its module's (or space's) base."""
    row = _rows()[i]
    cls = globals().get(row.ident)
    if isinstance(cls, type) and issubclass(cls, Error) and cls.entry is row:
        return cls
    with _lock:
        cls = globals().get(row.ident)
        if isinstance(cls, type) and issubclass(cls, Error) and cls.entry is row:
            return cls
        base = _BASES.get(row.module or "") or _SPACE_BASES.get(row.space) or Error
        bases: tuple[type[Error], ...] = (base,)
        space_base = _SPACE_BASES.get(row.space)
        if space_base is not None and base.space != row.space:
            bases = (base, space_base)
        described = row.texts[row.own_locale][3]
        doc = f"``{row.code}``" + (f" {row.name}" if row.name else "")
        doc += f": {described}" if described else f": {row.title}"
        attrs = {
            "__module__": __name__,
            "__qualname__": row.ident,
            "__doc__": doc,
            "entry": row,
            "code": row.code,
            "name": row.name,
            "space": row.space,
            "module": row.module,
            "status": row.status,
            "retryable": row.retryable,
            "retry_after": row.retry_after if row.retryable is not False else None,
        }
        made: type[Error] = type(row.ident, bases, attrs, code=row.code, space=row.space)
        globals()[row.ident] = made
        return made


def __getattr__(attr: str) -> type[Error]:
    _rows()
    i = _index_cache[2].get(attr)
    if i is None:
        raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
    return _make(i)


def lookup(code: int | str, space: str | None = None) -> type[Error]:
    """The class of ``code`` (in ``space``); KeyError for an unknown code, LookupError
    for a code in several spaces without ``space``."""
    rows = _rows()
    found = [i for i in _by_code().get(_key(code), ()) if space is None or rows[i].space == space]
    if not found:
        raise KeyError(code)
    if len(found) > 1:
        spaces = ", ".join(rows[i].space for i in found)
        raise LookupError(f"code {code!r} exists in several spaces ({spaces}); pass space=...")
    return _make(found[0])


def error_for(
    code: int | str, message: str | None = None, /, *, space: str | None = None, **params: Any
) -> Error:
    """An instance for ``code``; a code the catalog lacks gives its module's base
    (by prefix or range), else ``Error``, keeping the raw code. A removed code raises
    :class:`RemovedCodeError`."""
    try:
        cls = lookup(code, space)
    except KeyError:
        error = _fallback(code, space, None, False)(message, **params)
        error.code = code
        return error
    if cls.entry is not None and cls.entry.removed:
        raise RemovedCodeError(cls.entry)
    return cls(message, **params)


# -- rendering ---------------------------------------------------------------------------


class Rendered(NamedTuple):
    """An error ready to send: HTTP ``status``, ordered ``headers``, ``body`` bytes."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    media_type: str


_GENERIC = Entry(
    "Error",
    "",
    "",
    "",
    None,
    None,
    500,
    500,
    500,
    None,
    True,
    False,
    "about:blank",
    "Internal Server Error",
    "CODE_NONE",
    None,
    None,
    False,
    (),
    (),
    "en",
    {"en": ("en", ("Internal error",), "Internal Server Error", None, None)},
    (),
    (),
    "Internal error",
)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _as_error(exc: BaseException) -> tuple[Error, Entry]:
    if isinstance(exc, Error) and (exc.entry is not None or "_generic" in vars(exc)):
        return exc, exc.entry or _GENERIC
    if isinstance(exc, Error) and type(exc) is not Error and exc.code is not None:
        return exc, _synthetic(exc)
    if _INTERNAL is not None:
        error = _make(_INTERNAL)()
        entry = error.entry
        assert entry is not None
    else:
        error = ServerError()
        error.__dict__["_generic"] = True
        entry = _GENERIC
    error.__cause__ = exc
    return error, entry


def _synthetic(error: Error) -> Entry:
    """The entry of an error whose code the catalog lacks (a decoded unknown code)."""
    found = vars(error).get("_synthetic")
    if isinstance(found, Entry):
        return found
    code = error.code
    message = error._message or ""
    status = error.status
    rpc = vars(error).get("_rpc")
    rpc_code = rpc if type(rpc) is int else None
    locale = CATALOG["default_locale"]
    entry = Entry(
        "Error",
        code,
        _key(code),
        error.space or "",
        error.module,
        error.name,
        status,
        status,
        status,
        rpc_code,
        (rpc_code is not None and rpc_code == _key(code)) or code is None,
        False,
        "about:blank",
        _phrase(status),
        _reason(error.name, code),
        None,
        None,
        False,
        (),
        (),
        locale,
        {locale: (locale, (message,), _phrase(status), None, None)},
        (),
        (),
        message or None,
    )
    error.__dict__["_synthetic"] = entry
    return entry


_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _reason(name: str | None, code: Any) -> str:
    """An AIP-193 ``reason``: UPPER_SNAKE_CASE of the name, else of the code."""
    if name:
        text = _CAMEL.sub("_", name)
    else:
        text = f"CODE_MINUS_{-code}" if type(code) is int and code < 0 else f"CODE_{code}"
    text = _NOT_WORD.sub("_", text).strip("_").upper() or "UNKNOWN"
    if not text[0].isalpha():
        text = "E_" + text
    return text[:63].rstrip("_")


class _Texts(NamedTuple):
    locale: str
    message: tuple[str, ...]
    title: str
    description: str | None
    solution: str | None


def _texts(error: Error, entry: Entry, locale: str | None) -> tuple[str, _Texts | None]:
    """The public message and, when a locale was asked for, the negotiated texts."""
    if locale is None:
        return error.message, None
    chosen = negotiate(locale, CATALOG["locales"], CATALOG["default_locale"])
    texts = entry.texts.get(chosen) or entry.texts[entry.own_locale]
    found = _Texts(*texts)
    if error._message is not None:  # explicit, variant or decoded: the catalog's language
        return error._message, found._replace(locale=entry.own_locale)
    return fill(found.message, error.params, entry.private), found


def _headers(error: Error, texts: _Texts | None, media_type: str) -> tuple[tuple[str, str], ...]:
    out = [("Content-Type", media_type)]
    seconds = _retry_seconds(_retry_after_sent(error))
    if seconds is not None:
        out.append(("Retry-After", str(seconds)))
    if texts is not None:
        out.append(("Content-Language", texts.locale))
    return tuple(out)


def _retry_after_sent(error: Error) -> int | float | None:
    """The delay an error is sent with: none when it is not retryable (docs/wire.md §5)."""
    return None if error.retryable is False else error.retry_after


def _retry_seconds(value: Any) -> int | None:
    if value is None or type(value) is bool:
        return None
    try:
        seconds = math.ceil(float(value))
    except (TypeError, ValueError, OverflowError):
        return None
    return seconds if 0 <= seconds < 10**9 else None


def _sub_dicts(error: Error, entry: Entry, message_key: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for sub in error.sub_errors:
        item: dict[str, Any] = {"code": sub.code, message_key: sub.message}
        if sub.entry is not None and sub.entry.ambiguous and sub.space not in entry.carried:
            item["space"] = sub.space
        params = sub.public_params
        if params:
            item["params"] = params
        where = vars(sub)
        if "pointer" in where:  # RFC 9457 §3: the request member a field error is about
            item["pointer"] = where["pointer"]
        elif "parameter" in where:
            item["parameter"] = where["parameter"]
        out.append(item)
    return out


def _problem(error: Error, entry: Entry, message: str, texts: _Texts | None, id: Any) -> Rendered:
    body: dict[str, Any] = {
        "type": entry.type_url,
        "title": entry.title if texts is None or entry.type_url == "about:blank" else texts.title,
        "status": error.status,
        "detail": message,
    }
    if id is not None:
        body["instance"] = id if type(id) is str else safe_str(id, 4 * PUBLIC_CAP)
    if error.code is not None:
        body["code"] = error.code
    if error.name is not None:
        body["name"] = error.name
    if entry.ambiguous:
        body["space"] = error.space
    if error.retryable is not None:
        body["retryable"] = error.retryable
    if _retry_after_sent(error) is not None:
        body["retry_after"] = _retry_after_sent(error)
    params = error.public_params if error.params else None
    if params:
        body["params"] = params
    if error.sub_errors:
        body["errors"] = _sub_dicts(error, entry, "detail")
    if error.data is not None:
        body["data"] = error.data
    media = "application/problem+json"
    return Rendered(error.status, _headers(error, texts, media), dumps(body), media)


def _rpc_object(error: Error, entry: Entry, message: str) -> dict[str, Any]:
    rpc = entry.rpc_code if entry.rpc_code is not None else -32603
    obj: dict[str, Any] = {"code": rpc, "message": message}
    data = error.data
    if data is None:
        params = error.public_params if error.params else None
        subs = _sub_dicts(error, entry, "message") if error.sub_errors else None
        if entry.rpc_bare and not params:
            data = subs
        else:
            data = {"code": error.code}
            if entry.ambiguous:
                data["space"] = error.space
            if error.name is not None:
                data["name"] = error.name
            if params:
                data["params"] = params
            if subs:
                data["errors"] = subs
    if data is not None:
        obj["data"] = data
    return obj


def _jsonrpc(error: Error, entry: Entry, message: str, texts: _Texts | None, id: Any) -> Rendered:
    body = {"jsonrpc": "2.0", "error": _rpc_object(error, entry, message), "id": id}
    own = vars(error).get("status")
    status = own if type(own) is int else entry.rpc_status
    media = "application/json"
    return Rendered(status, _headers(error, texts, media), dumps(body), media)


def _duration(seconds: int | float) -> str:
    if float(seconds).is_integer():
        return f"{int(seconds)}s"
    return f"{seconds:.9f}".rstrip("0") + "s"


def _text(value: Any) -> str:
    if type(value) is bool:
        return "true" if value else "false"
    return safe_str(value)


def _google(error: Error, entry: Entry, message: str, texts: _Texts | None, id: Any) -> Rendered:
    status = error.status
    metadata: dict[str, str] = {}
    if error.code is not None:
        metadata["code"] = str(error.code)
    if entry.ambiguous and error.space:
        metadata["space"] = error.space
    if error.params:
        for key, value in error.public_params.items():
            if key not in ("code", "space") and value is not None:
                metadata[key] = _text(value)
    details: list[dict[str, Any]] = [
        {
            "@type": _GOOGLE + "ErrorInfo",
            "reason": entry.reason,
            "domain": CATALOG["id"],
            "metadata": metadata,
        },
    ]
    if texts is not None:
        details.append(
            {"@type": _GOOGLE + "LocalizedMessage", "locale": texts.locale, "message": message}
        )
    seconds = _retry_seconds(_retry_after_sent(error))
    if seconds is not None:
        details.append({"@type": _GOOGLE + "RetryInfo", "retryDelay": _duration(seconds)})
    if entry.type_url != "about:blank":
        details.append(
            {
                "@type": _GOOGLE + "Help",
                "links": [{"description": entry.title, "url": entry.type_url}],
            }
        )
    if error.sub_errors:
        violations = []
        for sub in error.sub_errors:
            field = sub.public_params.get("field")
            violations.append(
                {
                    "field": safe_str(field) if field is not None else "",
                    "description": sub.message,
                    "reason": sub.entry.reason if sub.entry is not None else "UNKNOWN",
                }
            )
        details.append({"@type": _GOOGLE + "BadRequest", "fieldViolations": violations})
    name = GOOGLE_CODES.get(status) or (
        "OK" if 200 <= status < 300 else "INTERNAL" if status >= 500 else "UNKNOWN"
    )
    body = {"error": {"code": status, "message": error.message, "status": name, "details": details}}
    media = "application/json"
    return Rendered(status, _headers(error, texts, media), dumps(body), media)


def _reference(
    ref: str, error: Error, entry: Entry, message: str, texts: _Texts | None, id: Any
) -> Any:
    own = _Texts(*entry.texts[entry.own_locale])
    if ref == "code":
        return error.code
    if ref == "name":
        return error.name
    if ref == "message":
        return message
    if ref == "title":
        return entry.title if texts is None else texts.title
    if ref == "description":
        return (texts or own).description
    if ref == "solution":
        return (texts or own).solution
    if ref == "status":
        return error.status
    if ref == "jsonrpc_code":
        return entry.rpc_code if entry.rpc_code is not None else -32603
    if ref == "retryable":
        return error.retryable
    if ref == "retry_after":
        return _retry_after_sent(error)
    if ref == "data":
        if error.data is not None:
            return error.data
        return _sub_dicts(error, entry, "message") if error.sub_errors else None
    if ref == "context":
        return error.context
    if ref == "params":
        return error.public_params
    if ref == "id":
        return id
    if ref == "docs_url":
        return None if entry.type_url == "about:blank" else entry.type_url
    if ref == "catalog":
        return CATALOG["id"]
    if ref == "module":
        return error.module
    if ref == "space":
        return error.space
    return "$" + ref


REFERENCES = frozenset(
    {
        "code",
        "name",
        "message",
        "title",
        "description",
        "solution",
        "status",
        "jsonrpc_code",
        "retryable",
        "retry_after",
        "data",
        "context",
        "params",
        "id",
        "docs_url",
        "catalog",
        "module",
        "space",
    }
)
"""The ``$references`` a plain profile body may hold."""


def _build_body(
    node: Any, error: Error, entry: Entry, message: str, texts: _Texts | None, id: Any
) -> Any:
    if type(node) is str:
        if node.startswith("$$"):
            return node[1:]
        if node.startswith("$") and node[1:] in REFERENCES:
            return _reference(node[1:], error, entry, message, texts, id)
        return node
    if isinstance(node, dict):
        return {str(k): _build_body(v, error, entry, message, texts, id) for k, v in node.items()}
    if isinstance(node, (list, tuple)):
        return [_build_body(v, error, entry, message, texts, id) for v in node]
    return node


def _plain(
    name: str, error: Error, entry: Entry, message: str, texts: _Texts | None, id: Any
) -> Rendered:
    body, media, fixed = _PROFILES[name]
    status = fixed if fixed is not None else error.status
    built = _build_body(body, error, entry, message, texts, id)
    return Rendered(status, _headers(error, texts, media), dumps(built), media)


PROFILES = ("problem", "jsonrpc", "google")
"""The built-in profiles; the catalog's own are in ``CATALOG["profiles"]``."""


def render(
    error: BaseException, profile: str = "problem", *, locale: str | None = None, id: Any = None
) -> Rendered:
    """Render an error as a response: ``profile`` is ``"problem"``, ``"jsonrpc"``,
    ``"google"`` or one of the catalog's profiles; ``locale`` a tag or an
    ``Accept-Language`` value; ``id`` the request id. Any exception renders:
    one not of this catalog as the catalog's internal error, nothing of it shown."""
    err, entry = _as_error(error)
    if profile not in _PROFILES and profile not in PROFILES:
        names = ", ".join((*PROFILES, *_PROFILES))
        raise LookupError(f"no render profile {profile!r}; profiles: {names}")
    message, texts = _texts(err, entry, locale)
    if profile in _PROFILES:
        return _plain(profile, err, entry, message, texts, id)
    if profile == "problem":
        return _problem(err, entry, message, texts, id)
    if profile == "jsonrpc":
        return _jsonrpc(err, entry, message, texts, id)
    return _google(err, entry, message, texts, id)


def render_batch(items: Sequence[Any], *, locale: str | None = None) -> Rendered:
    """A JSON-RPC batch response: one member per item — an exception (id null), an
    ``(exception, id)`` pair, or an already built response (a mapping, copied)."""
    out: list[Any] = []
    for item in items:
        if isinstance(item, Mapping):
            out.append(item)
            continue
        request_id = None
        if type(item) is tuple and len(item) == 2:
            item, request_id = item
        if not isinstance(item, BaseException):
            item = TypeError(f"not an exception: {type(item).__name__}")
        err, entry = _as_error(item)
        message, _ = _texts(err, entry, locale)
        out.append({"jsonrpc": "2.0", "error": _rpc_object(err, entry, message), "id": request_id})
    if not out:
        return Rendered(204, (), b"", "application/json")
    return Rendered(200, (("Content-Type", "application/json"),), dumps(out), "application/json")


# -- decoding ----------------------------------------------------------------------------


def parse_retry_after(value: str | None, now: float | None = None) -> int | None:
    """Seconds a ``Retry-After`` value asks to wait: delay-seconds or an HTTP-date (any
    RFC 9110 form, GMT); a past date gives 0; anything else None."""
    if not value or type(value) is not str:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) <= 12:
        return int(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        from datetime import UTC

        when = when.replace(tzinfo=UTC)
    current = time.time() if now is None else now
    return max(0, math.ceil(when.timestamp() - current))


def _parse_duration(value: object) -> int | float | None:
    if type(value) is not str:
        return None
    match = _DURATION.fullmatch(value)
    if match is None:
        return None
    whole, frac = match.groups()
    return int(whole) if not frac or not frac.strip("0") else float(f"{whole}.{frac}")


def _reject(name: str) -> Any:
    raise ValueError(name)


def _loads(data: bytes | str) -> Any:
    text = data if isinstance(data, str) else data.decode("utf-8")
    return json.loads(text, parse_constant=_reject)


_UNPARSED = object()


def _parse(body: Any) -> tuple[Any, str]:
    if isinstance(body, (dict, list)):
        return body, ""
    if body is None:
        return _UNPARSED, ""
    if isinstance(body, (bytes, bytearray, memoryview)):
        raw = bytes(body)
        try:
            return _loads(raw), ""
        except (ValueError, UnicodeDecodeError, RecursionError):
            return _UNPARSED, cap(raw[: RAW_CAP * 4].decode("utf-8", "replace"), RAW_CAP)
    if type(body) is str:
        try:
            return _loads(body), ""
        except (ValueError, RecursionError):
            return _UNPARSED, cap(body, RAW_CAP)
    return _UNPARSED, safe_str(body, RAW_CAP)


def _header_map(headers: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if headers is None:
        return out
    try:
        items = headers.items() if isinstance(headers, Mapping) else headers
        for item in items:
            try:
                name, value = item
            except (TypeError, ValueError):
                continue
            if isinstance(name, bytes):
                name = name.decode("latin-1")
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            if type(name) is str and type(value) is str:
                out.setdefault(name.lower(), value)
    except Exception:
        return out
    return out


def _read_google(body: Any) -> dict[str, Any] | None:
    if type(body) is not dict:
        return None
    err = body.get("error")
    if type(err) is not dict or "jsonrpc" in body or not ("status" in err or "details" in err):
        return None
    fields: dict[str, Any] = {
        "code": None,
        "space": None,
        "reason": None,
        "message": err.get("message"),
        "status": err.get("code") if type(err.get("code")) is int else None,
        "params": None,
        "subs": None,
        "retry_delay": None,
        "data": None,
    }
    details = err.get("details")
    for detail in details if type(details) is list else ():
        if type(detail) is not dict:
            continue
        kind = str(detail.get("@type", "")).rpartition(".")[2]
        if kind == "ErrorInfo":
            fields["reason"] = detail.get("reason")
            metadata = detail.get("metadata")
            if type(metadata) is dict:
                metadata = dict(metadata)
                fields["code"] = metadata.pop("code", None)
                fields["space"] = metadata.pop("space", None)
                fields["params"] = metadata or None
        elif kind == "RetryInfo":
            fields["retry_delay"] = detail.get("retryDelay")
        elif kind == "BadRequest":
            violations = detail.get("fieldViolations")
            if type(violations) is list:
                fields["subs"] = [
                    {
                        "reason": v.get("reason"),
                        "message": v.get("description"),
                        "params": {"field": v["field"]} if v.get("field") else None,
                    }
                    for v in violations
                    if type(v) is dict
                ]
    return fields


def _read_jsonrpc(body: Any) -> dict[str, Any] | None:
    if type(body) is not dict:
        return None
    err = body.get("error")
    if type(err) is not dict or "code" not in err:
        return None
    if "status" in err and "jsonrpc" not in body:
        return None
    data = err.get("data")
    fields: dict[str, Any] = {
        "jsonrpc_code": err.get("code"),
        "code": None,
        "space": None,
        "name": None,
        "message": err.get("message"),
        "params": None,
        "subs": None,
        "sub_message_key": "message",
        "data": data,
        "id": body.get("id"),
    }
    if type(data) is list:
        fields["subs"] = data
    elif type(data) is dict and "code" in data:
        fields.update(
            code=data.get("code"),
            space=data.get("space"),
            name=data.get("name"),
            params=data.get("params"),
            subs=data.get("errors"),
        )
    return fields


def _read_problem(body: Any, content_type: str) -> dict[str, Any] | None:
    if type(body) is not dict:
        return None
    is_problem = content_type.startswith("application/problem+json") or (
        "detail" in body or ("type" in body and "title" in body)
    )
    if not is_problem or "error" in body:
        return None
    return {
        "code": body.get("code"),
        "space": body.get("space"),
        "name": body.get("name"),
        "message": body.get("detail") if body.get("detail") is not None else body.get("title"),
        "status": body.get("status"),
        "params": body.get("params"),
        "retryable": body.get("retryable"),
        "retry_after": body.get("retry_after"),
        "subs": body.get("errors"),
        "sub_message_key": "detail",
        "data": body.get("data"),
        "instance": body.get("instance"),
    }


def _field_map(node: Any, path: tuple[str | int, ...] = ()) -> dict[str, tuple[str | int, ...]]:
    found: dict[str, tuple[str | int, ...]] = {}
    if type(node) is str and node.startswith("$") and not node.startswith("$$"):
        found.setdefault(node[1:], path)
    elif isinstance(node, dict):
        for key, value in node.items():
            for ref, where in _field_map(value, (*path, str(key))).items():
                found.setdefault(ref, where)
    elif isinstance(node, (list, tuple)):
        for index, value in enumerate(node):
            for ref, where in _field_map(value, (*path, index)).items():
                found.setdefault(ref, where)
    return found


def _at(body: Any, path: tuple[str | int, ...]) -> tuple[bool, Any]:
    for step in path:
        if type(step) is int:
            if type(body) is not list or step >= len(body):
                return False, None
        elif type(body) is not dict or step not in body:
            return False, None
        body = body[step]
    return True, body


def _read_plain(body: Any) -> dict[str, Any] | None:
    best: tuple[tuple[int, int], dict[str, Any]] | None = None
    for template, _, _ in _PROFILES.values():
        where = _field_map(template)
        if "code" not in where:
            continue
        values: dict[str, Any] = {}
        for ref, path in where.items():
            ok, value = _at(body, path)
            if ok:
                values[ref] = value
        if "code" not in values:
            continue
        extra = (
            len(body) - len(template)
            if isinstance(body, dict) and isinstance(template, dict)
            else 0
        )
        score = (len(values), -abs(extra))
        if best is None or score > best[0]:
            best = (score, values)
    if best is None:
        return None
    values = best[1]
    data = values.get("data")
    status = values.get("status")
    return {
        "code": values.get("code"),
        "space": values.get("space"),
        "name": values.get("name"),
        "message": values.get("message"),
        "status": status if type(status) is int else None,
        "params": values.get("params"),
        "retryable": values.get("retryable"),
        "retry_after": values.get("retry_after"),
        "subs": data if type(data) is list else None,
        "sub_message_key": "message",
        "data": data,
        "context": values.get("context"),
        "id": values.get("id"),
    }


def _generic(body: Any) -> dict[str, Any] | None:
    if type(body) is not dict or "code" not in body:
        return None
    message = next((body[k] for k in _MESSAGE_KEYS if type(body.get(k)) is str), None)
    return {"code": body.get("code"), "message": message, "data": body.get("data")}


def _normalize(text: Any) -> str:
    return text.strip().rstrip(".").casefold() if type(text) is str else ""


def _variant(entry: Entry, message: Any) -> tuple[str, bool | None] | None:
    wanted = _normalize(message)
    if not wanted:
        return None
    for variant in entry.variants:
        if _normalize(variant[0]) == wanted:
            return variant
    for variant in entry.variants:
        known = _normalize(variant[0])
        if known and wanted.startswith(known):
            return variant
    return None


def _score(entry: Entry, message: Any, status: Any, name: Any) -> int:
    score = 0
    if name and entry.name == name:
        score += 8
    wanted = _normalize(message)
    if wanted:
        if _variant(entry, message) is not None:
            score += 4
        elif wanted in {_normalize(t) for t in entry.match if t}:
            score += 3
        elif entry.message and "{" in entry.message:
            head = _normalize(entry.message.split("{", 1)[0])
            if head and wanted.startswith(head):
                score += 2
    if type(status) is int and entry.stated_status == status:
        score += 1
    return score


def _choose(candidates: Sequence[int], message: Any, status: Any, name: Any) -> int | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    rows = _rows()
    ranked = sorted(
        enumerate(candidates), key=lambda ic: (-_score(rows[ic[1]], message, status, name), ic[0])
    )
    return ranked[0][1]


def _index_by(kind: str) -> dict[Any, list[int]]:
    table: dict[Any, list[int]] = _index_cache[3 if kind == "rpc" else 4]
    if not table:
        with _lock:
            for i, key in enumerate(_rows().column("rpc_code" if kind == "rpc" else "reason")):
                if key is not None:
                    table.setdefault(key, []).append(i)
    return table


def _find(fields: Mapping[str, Any], status: Any, prefer: Sequence[str] = ()) -> int | None:
    rows = _rows()
    message, name = fields.get("message"), fields.get("name")
    key = _key(fields.get("code"))
    if key is not None:
        candidates = _by_code().get(key, [])
        space = fields.get("space")
        if type(space) is str and space in _SPACES:
            for i in candidates:
                if rows[i].space == space:
                    return i
        for wanted in prefer:
            for i in candidates:
                if rows[i].space == wanted:
                    return i
        found = _choose(candidates, message, status, name)
        if found is not None:
            return found
        return None
    rpc = fields.get("jsonrpc_code")
    if type(rpc) is int:
        found = _choose(_index_by("rpc").get(rpc, []), message, status, name)
        if found is not None:
            return found
    reason = fields.get("reason")
    if type(reason) is str:
        found = _choose(_index_by("reason").get(reason, []), message, status, name)
        if found is not None:
            return found
    if type(name) is str:
        names = rows.column("name")
        if name in names:
            return names.index(name)
        folded = name.casefold()
        for i, known in enumerate(names):
            if known is not None and known.casefold() == folded:
                return i
    return None


def _fallback(code: Any, space: Any, status: Any, jsonrpc: bool) -> type[Error]:
    key = _key(code)
    if type(key) is str:
        for module, (_, prefix, _, _) in _MODULES.items():
            if prefix and key.startswith(prefix.upper()):
                return _BASES[module]
    elif type(key) is int:
        matches = [
            m
            for m, (_, _, lo, hi) in _MODULES.items()
            if lo is not None and hi is not None and lo <= key <= hi
        ]
        if jsonrpc:
            matches.sort(key=lambda m: _SPACES.get(_MODULES[m][0], ("app",))[0] != "jsonrpc")
        if matches:
            return _BASES[matches[0]]
    if type(space) is str and space in _SPACE_BASES:
        return _SPACE_BASES[space]
    if jsonrpc:
        for sid, (kind, *_) in _SPACES.items():
            if kind == "jsonrpc":
                return _SPACE_BASES[sid]
    if type(status) is int and status >= 500:
        return ServerError
    if type(status) is int and status >= 400:
        return ClientError
    return Error


def _build(
    fields: dict[str, Any],
    status: int | None,
    *,
    prefer: Sequence[str] = (),
    jsonrpc: bool = False,
    raw: Any = None,
) -> Error:
    index = _find(fields, status, prefer)
    entry = _rows()[index] if index is not None else None
    message = fields.get("message")
    if message is not None:
        message = safe_str(message, MESSAGE_CAP)
    err: Error
    if entry is not None and index is not None:
        cls = _make(index)
        err = cls.__new__(cls)
        variant = _variant(entry, message) if message else None
        if variant is not None:
            err.variant = variant[0]
            if variant[1] is not None:
                err.retryable = variant[1]
    else:
        if message is None:
            message = _phrase(status) if type(status) is int else "Unknown error"
        code = fields.get("code")
        if code is None and jsonrpc:
            code = fields.get("jsonrpc_code")
        if code is not None and type(code) not in (int, str):
            code = safe_str(code)
        elif type(code) is str:
            code = cap(code)
        fallback = _fallback(code, fields.get("space"), status, jsonrpc)
        err = fallback.__new__(fallback)
        err.code = code
        name = fields.get("name")
        err.name = cap(name) if type(name) is str else None
        if type(fields.get("jsonrpc_code")) is int:
            err.__dict__["_rpc"] = fields["jsonrpc_code"]
        err.status = status if type(status) is int else 400
        err.data = fields.get("data")
    if type(status) is int:
        err.status = status
    if message is not None:
        err._message = message
    types = {n: t for n, t, _ in entry.params} if entry is not None else {}
    raw_params = fields.get("params")
    err.params = (
        {
            str(k): coerce_back(v, types.get(str(k)))
            for k, v in list(raw_params.items())[:_SUB_LIMIT]
        }
        if isinstance(raw_params, dict)
        else {}
    )
    if fields.get("context") is not None:
        err.context = fields["context"]
    err.raw = raw
    subs = fields.get("subs")
    data = fields.get("data")
    if type(subs) is list and subs:
        carried = entry.carried if entry is not None else ()
        decoded = []
        for item in subs[:_SUB_LIMIT]:
            if type(item) is not dict:
                continue
            key = fields.get("sub_message_key") or "message"
            sub_fields = {
                "code": item.get("code"),
                "space": item.get("space"),
                "name": item.get("name"),
                "reason": item.get("reason"),
                "message": item.get(key, item.get("message")),
                "params": item.get("params"),
            }
            decoded.append(_build(sub_fields, None, prefer=carried, raw=item))
        err.sub_errors = tuple(decoded)
    elif (
        entry is not None
        and data is not None
        and (type(data) is not dict or fields.get("code") is None)
    ):
        err.data = data
    _decide_retry(err, fields)
    return err


def _decide_retry(err: Error, fields: Mapping[str, Any]) -> None:
    server = fields.get("header_retry")
    if server is None:
        server = _parse_duration(fields.get("retry_delay"))
    if server is not None:
        err.retry_after = server
        err.retryable = True
        return
    body_after = fields.get("retry_after")
    if type(body_after) in (int, float):
        err.retry_after = body_after
    flag = fields.get("retryable")
    if type(flag) is bool:
        err.retryable = flag
    elif type(body_after) in (int, float):
        err.retryable = True
    elif err.retryable is None:
        status = err.status if type(err.status) is int else None
        err.retryable = None if status is None or status < 400 else status in _RETRYABLE_STATUSES


def _decode_one(
    status: int | None, hdrs: dict[str, str], body: Any, text: str, now: float | None
) -> Error:
    content_type = hdrs.get("content-type", "").lower()
    fields: dict[str, Any] | None = None
    jsonrpc = False
    if body is not _UNPARSED:
        fields = _read_google(body)
        if fields is None:
            fields = _read_jsonrpc(body)
            jsonrpc = fields is not None
        if fields is None:
            fields = _read_problem(body, content_type)
        if fields is None and _PROFILES:
            fields = _read_plain(body)
        if fields is None:
            fields = _generic(body)
    if fields is None:
        fields = {"code": None, "message": text.strip() or (_phrase(status) if status else None)}
        for sid, (kind, *_) in _SPACES.items():
            rows = _by_code().get(status, ()) if kind == "http" and type(status) is int else ()
            if any(_rows()[i].space == sid for i in rows):
                fields.update(code=status, space=sid, message=text.strip() or None)
                break
    fields["header_retry"] = parse_retry_after(hdrs.get("retry-after"), now)
    body_status = fields.get("status")
    if status is None and type(body_status) is int and 100 <= body_status <= 599:
        status = body_status
    raw = (text or body) if body is not _UNPARSED else text
    return _build(fields, status, jsonrpc=jsonrpc, raw=raw)


def decode(status: int | None, headers: Any, body: Any, *, now: float | None = None) -> Error:
    """Decode an error response (status, headers, body bytes/text/parsed JSON) into an
    error of this catalog; never raises. A JSON-RPC batch gives its first error.
    ``now`` (Unix seconds) is the clock a ``Retry-After`` date is read against."""
    hdrs = _header_map(headers)
    if type(status) is not int or not 100 <= status <= 599:
        status = None
    parsed, text = _parse(body)
    if type(parsed) is list:
        for item in parsed:
            if type(item) is dict and "error" in item:
                return _decode_one(status, hdrs, item, "", now)
        parsed, text = _UNPARSED, ""
    return _decode_one(status, hdrs, parsed, text, now)


def decode_batch(
    status: int | None, headers: Any, body: Any, *, now: float | None = None
) -> list[Error | None]:
    """Decode a JSON-RPC batch response: one item per member, None for a success."""
    hdrs = _header_map(headers)
    parsed, _ = _parse(body)
    if type(parsed) is not list:
        return [decode(status, headers, body, now=now)]
    ok = type(status) is int and 100 <= status <= 599
    return [
        _decode_one(status if ok else None, hdrs, item, "", now)
        if type(item) is dict and "error" in item
        else None
        for item in parsed
    ]


# autogenerated: start
CATALOG: dict[str, Any] = {"id": "", "default_locale": "en", "locales": ["en"]}
_SPACES: dict[str, tuple[str, str | None]] = {}
_MODULES: dict[str, tuple[str, str | None, int | None, int | None]] = {}
_SPACE_BASES: dict[str, type[Error]] = {}
_BASES: dict[str, type[Error]] = {}
_PROFILES: dict[str, tuple[Any, str, int | None]] = {}
_INTERNAL: int | None = None
_COLUMNS: str = ""
_ROWS: tuple[str, ...] = ()
# autogenerated: end
