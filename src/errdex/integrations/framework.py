"""The errors a web framework sends by itself, as catalog errors: 404, 405, 413, 422 and the rest.

A framework answers some requests before any handler runs: an unknown route
(404), a wrong method (405), a body too large (413), a body or query that fails
validation (422, FastAPI; 400, Django REST framework), an ``HTTPException`` a
handler raises. :class:`FrameworkErrors` turns each into an :class:`errdex.Error`
of the app's catalog, so it goes out in the catalog's envelope like every
other error:

1. the entry the integration was told to use (``errors={404: "ZAN-404",
   "validation": "REQ-ERR-1"}``: a status or the key ``"validation"`` to a code);
2. else the catalog's ``http``-space entry for the status (ZAN, Alchemy);
3. else a built-in problem type (:data:`BUILTIN`): ``type`` ``about:blank``,
   ``title`` the HTTP reason phrase (as RFC 9457 asks for ``about:blank``), a
   stable string ``code`` (``not-found``, ``method-not-allowed``,
   ``payload-too-large``, ``validation-failed``, ``http-<status>``).

A validation error carries one sub-error per field: ``code`` (the validator's
error type, ``missing``, ``int_parsing``), ``detail`` (its message) and
``pointer`` — a JSON Pointer into the body (``"#/items/0/qty"``, RFC 9457's
extension-member style) — or ``parameter`` for a query, path, header or cookie
parameter. Pure Python: no framework is imported here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from errdex.model import Catalog, Entry
from errdex.model.wire import status_retry_class
from errdex.runtime import Error, errors_of, runtime_of
from errdex.runtime.spec import EntrySpec
from errdex.runtime.status import phrase
from errdex.runtime.text import PUBLIC_CAP, safe_str

VALIDATION = "validation"
"""The ``errors=`` key naming the entry for a request that fails validation."""

BUILTIN: dict[int, str] = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-failed",
    429: "too-many-requests",
    500: "internal-error",
    503: "service-unavailable",
}
"""Codes of the built-in problem types by HTTP status; any other status is ``http-<status>``."""

_MESSAGES = {
    404: "No resource at this URL.",
    405: "This URL does not accept the request's method.",
    413: "The request body is larger than the server accepts.",
    422: "The request failed validation: see errors.",
}


class FieldError(NamedTuple):
    """One field that failed validation: where (``loc``), what (``message``), which check."""

    loc: tuple[str | int, ...]
    """Where: ``("body", "items", 0, "qty")``, ``("query", "page")``; a body path may
    also start without ``"body"`` (Django REST framework, Flask forms)."""
    message: str
    code: str = "invalid"


def json_pointer(path: Iterable[str | int]) -> str:
    """The RFC 6901 pointer, in URI-fragment form, of a path: ``("a/b", 0)`` → ``"#/a~1b/0"``."""
    from urllib.parse import quote

    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "#" + "".join("/" + quote(p, safe="~!$&'()*+,;=:@") for p in parts)


_PLACES = ("query", "path", "header", "cookie")


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


class FrameworkErrors:
    """The catalog errors for a framework's own responses (see the module docstring).

    ``errors`` maps an HTTP status (or :data:`VALIDATION`) to a code or an entry
    class of ``catalog``; a code the catalog lacks fails here, at install time.
    """

    def __init__(self, catalog: Catalog, errors: Mapping[int | str, Any] | None = None) -> None:
        self.catalog = catalog
        state = runtime_of(catalog)
        self._state = state
        self.named: dict[int | str, type[Error]] = {}
        for key, code in (errors or {}).items():
            if isinstance(code, type) and issubclass(code, Error):
                self.named[key] = code
                continue
            try:
                self.named[key] = errors_of(catalog)[code]
            except LookupError as exc:
                raise LookupError(f"errors={{{key!r}: {code!r}}}: {exc}") from None
        from errdex.integrations.common import http_entries

        self.http = http_entries(catalog)
        self._specs: dict[tuple[int, str], EntrySpec] = {}

    def _builtin(self, status: int, code: str, message: str | None) -> Error:
        """A built-in type's error; ``message`` its text for this error only (the type,
        made once per status and code, keeps the default text)."""
        spec = self._specs.get((status, code))
        if spec is None:
            title = phrase(status)
            # the status's retry class (the table decoders read it by); a finer class than
            # safe/never sends no retryable member, which a client would read as "safe"
            kind = status_retry_class(status) or "never"
            entry = Entry(
                code=code,
                key=code,
                space="",
                title=title,
                message=_literal(_MESSAGES.get(status) or title),
                http_status=status,
                retryable={"safe": True, "never": False}.get(kind),
                retry=kind,
            )
            spec = self._specs[status, code] = EntrySpec(self.catalog, entry, synthetic=True)
        classes = errors_of(self.catalog)
        cls: type[Error] = classes.ClientError if status < 500 else classes.ServerError
        err = cls()
        err._spec = spec  # type: ignore[misc]
        err.code = code
        err.status = status
        err.retryable = spec.entry.retryable
        if message:  # a literal, never a template: the type is shared by every such error
            err._message = safe_str(message, 4 * PUBLIC_CAP)
        return err

    def entry_class(self, status: int, *, validation: bool = False) -> type[Error] | None:
        """The catalog's class for a framework error, or None when it is a built-in type."""
        if validation and VALIDATION in self.named:
            return self.named[VALIDATION]
        return self.named.get(status) or self.http.get(status)

    def for_status(
        self, status: int, cause: BaseException | None = None, *, message: str | None = None
    ) -> Error:
        """The error for a framework response of ``status`` (``message``: a built-in
        type's detail; the framework's own text is never used for a 5xx)."""
        cls = self.entry_class(status)
        if cls is not None:
            err = cls()
        else:
            code = BUILTIN.get(status, f"http-{status}")
            err = self._builtin(status, code, message if status < 500 else None)
        if cause is not None:
            err.__cause__ = cause
        return err

    def validation(
        self, fields: Sequence[FieldError], cause: BaseException | None = None, *, status: int = 422
    ) -> Error:
        """The error for a request that failed validation, one sub-error per field."""
        cls = self.entry_class(status, validation=True)
        err = (
            cls() if cls is not None else self._builtin(status, "validation-failed", _MESSAGES[422])
        )
        err.sub_errors = tuple(self.field_error(f) for f in fields)
        if cause is not None:
            err.__cause__ = cause
        return err

    def field_error(self, field: FieldError) -> Error:
        """One field's sub-error: its check as ``code``, its message, its pointer or parameter."""
        sub = self._builtin(422, str(field.code or "invalid"), None)
        sub._message = str(field.message)
        loc = field.loc
        if loc and loc[0] in _PLACES and len(loc) > 1:
            sub.parameter = str(loc[1])  # type: ignore[attr-defined]
        else:
            path = loc[1:] if loc and loc[0] == "body" else loc
            sub.pointer = json_pointer(path)  # type: ignore[attr-defined]
        return sub


__all__ = ["BUILTIN", "VALIDATION", "FieldError", "FrameworkErrors", "json_pointer"]
