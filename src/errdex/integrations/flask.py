"""Flask error handlers that answer with catalog errors, on an app or a blueprint.

    from errdex.integrations.flask import install

    app = Flask(__name__)
    install(app, cat, profile="problem")          # or install(blueprint, cat)

Same behaviour as :mod:`errdex.integrations.starlette`: a catalog error is
rendered in the installed profile and the ``Accept-Language`` the request
negotiates, with the catalog's status and ``Retry-After``; any other exception
becomes the catalog's ``internal_error`` (nothing of it in the body) and is
logged with its traceback through ``app.log_exception``, as Flask logs an
unhandled one. A Werkzeug ``HTTPException`` (404, 405…) is answered with the
catalog's ``http`` space entry for its status when there is one
(``http_exceptions=True``), else left to Flask.

On a blueprint the handlers see only errors its own views raise (Flask routes
404s for unknown URLs to the app's handlers).

Import this module only with Flask installed (``pip install 'errdex[flask]'``).
"""

from __future__ import annotations

from types import TracebackType
from typing import Any, cast

from flask import Blueprint, Flask, current_app, request
from werkzeug.exceptions import HTTPException

from errdex.integrations.common import OnError, check_profile, http_entries, respond
from errdex.model import Catalog
from errdex.runtime import Error, Rendered


class ErrorHandlers:
    """The handlers :func:`install` registers on an app or blueprint."""

    def __init__(
        self,
        catalog: Catalog,
        profile: Any = "problem",
        *,
        http_exceptions: bool = True,
        on_error: OnError | None = None,
    ) -> None:
        check_profile(catalog, profile)
        self.catalog = catalog
        self.profile = profile
        self.on_error = on_error
        self.http = http_entries(catalog) if http_exceptions else {}

    def _response(self, rendered: Rendered, extra: Any = ()) -> Any:
        headers = list(rendered.headers)
        have = {name.lower() for name, _ in headers}
        headers += [(k, v) for k, v in extra if k.lower() not in have]
        return current_app.response_class(rendered.body, status=rendered.status, headers=headers)

    def error(self, exc: Exception) -> Any:
        """Answer any exception Flask routes here (catalog errors, HTTP errors, the rest)."""
        if isinstance(exc, HTTPException):
            return self.http_exception(exc)
        if not isinstance(exc, Error):
            info = (type(exc), exc, exc.__traceback__)
            current_app.log_exception(cast("tuple[type, BaseException, TracebackType]", info))
        rendered = respond(
            exc,
            self.catalog,
            self.profile,
            request.headers.get("Accept-Language"),
            on_error=self.on_error,
            log=isinstance(exc, Error),
        )
        return self._response(rendered)

    def http_exception(self, exc: HTTPException) -> Any:
        """Answer a Werkzeug ``HTTPException`` with the catalog's entry for its status."""
        cls = self.http.get(exc.code or 500)
        if cls is None:
            return exc
        error = cls()
        error.__cause__ = exc
        rendered = respond(
            error,
            self.catalog,
            self.profile,
            request.headers.get("Accept-Language"),
            on_error=self.on_error,
        )
        extra = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
        return self._response(rendered, extra)


def install(
    target: Flask | Blueprint,
    catalog: Catalog,
    *,
    profile: Any = "problem",
    http_exceptions: bool = True,
    on_error: OnError | None = None,
) -> ErrorHandlers:
    """Register catalog error handlers on a Flask app or blueprint; return them.

    ``profile`` and ``on_error`` are as in :func:`errdex.integrations.starlette.install`.
    """
    handlers = ErrorHandlers(catalog, profile, http_exceptions=http_exceptions, on_error=on_error)
    target.register_error_handler(Error, handlers.error)
    target.register_error_handler(Exception, handlers.error)
    return handlers


__all__ = ["ErrorHandlers", "install"]
