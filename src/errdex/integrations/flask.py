"""Flask error handlers that answer with catalog errors, on an app or a blueprint.

    from errdex.integrations.flask import install

    app = Flask(__name__)
    install(app, cat, profile="problem")          # or install(blueprint, cat)

Same behaviour as :mod:`errdex.integrations.starlette`: a catalog error is
rendered in the installed profile and the ``Accept-Language`` the request
negotiates, with the catalog's status and ``Retry-After``; any other exception
becomes the catalog's ``internal_error`` (nothing of it in the body) and is
logged with its traceback through ``app.log_exception``, as Flask logs an
unhandled one. A Werkzeug ``HTTPException`` (404, 405, 413, a malformed JSON
body's 400) is answered with the entry ``errors=`` names, else the catalog's
``http`` space entry for its status, else a built-in problem type
(:mod:`errdex.integrations.framework`), never Flask's HTML page. A pydantic
``ValidationError`` a view raises is a 422 with one sub-error per field.
Responses of the error handlers pass through ``after_request`` (flask-cors
adds its headers to them, 500s included). The ``on_error`` hook's finisher runs
at teardown (with OpenTelemetry, call :func:`install` after ``instrument_app``).

On a blueprint the handlers see only errors its own views raise (Flask routes
404s for unknown URLs to the app's handlers).

Import this module only with Flask installed (``pip install 'errdex[flask]'``).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from types import TracebackType
from typing import Any, cast

from flask import Blueprint, Flask, current_app, g, request
from werkzeug.exceptions import HTTPException

from errdex.integrations.common import (
    OnError,
    check_profile,
    finish,
    logger,
    negotiates,
    respond,
    vary_language,
)
from errdex.integrations.framework import FieldError, FrameworkErrors
from errdex.model import Catalog
from errdex.runtime import Error, Rendered, render


class ErrorHandlers:
    """The handlers :func:`install` registers on an app or blueprint."""

    def __init__(
        self,
        catalog: Catalog,
        profile: Any = "problem",
        *,
        http_exceptions: bool = True,
        on_error: OnError | None = None,
        errors: Mapping[int | str, Any] | None = None,
    ) -> None:
        check_profile(catalog, profile)
        self.catalog = catalog
        self.profile = profile
        self.on_error = on_error
        self.http_exceptions = http_exceptions
        self.framework = FrameworkErrors(catalog, errors)
        self.http = self.framework.http
        self.vary = negotiates(catalog)

    def _plain(self, rendered: Rendered) -> Any:
        """The response for a rendered error: ``Content-Type`` given as Flask's own
        responses give it, the other headers (and ``Vary``) added to it."""
        headers = rendered.headers
        if not headers or headers[0][0] != "Content-Type":
            return self._response(vary_language(rendered) if self.vary else rendered)
        response = current_app.response_class(
            rendered.body, status=rendered.status, content_type=headers[0][1]
        )
        if len(headers) > 1 or self.vary:
            add = response.headers.add
            for name, value in headers[1:]:
                add(name, value)
            if self.vary:
                add("Vary", "Accept-Language")
        return response

    def _response(self, rendered: Rendered, extra: Any = ()) -> Any:
        headers = list(rendered.headers)
        have = {name.lower() for name, _ in headers}
        headers += [(k, v) for k, v in extra if k.lower() not in have]
        return current_app.response_class(rendered.body, status=rendered.status, headers=headers)

    def response(self, exc: BaseException, extra: Any = ()) -> Any:
        """Return the Flask response for an error (a view may return it instead of raising)."""
        if self.on_error is None and not extra and isinstance(exc, Error):
            # the common case, in few steps: a catalog error, no hook, no extra headers
            lang = request.environ.get("HTTP_ACCEPT_LANGUAGE")
            rendered = render(exc, self.profile, locale=lang or None)
            if rendered.status >= 500:
                logger.error("%s: %s", type(exc).__qualname__, exc, exc_info=exc)
            return self._plain(rendered)
        finishers = g.setdefault("_errdex_finishers", []) if self.on_error else None
        rendered = respond(
            exc,
            self.catalog,
            self.profile,
            request.headers.get("Accept-Language"),
            on_error=self.on_error,
            log=isinstance(exc, Error),
            finishers=finishers,
            vary=self.vary,
        )
        return self._response(rendered, extra)

    def teardown(self, exc: BaseException | None) -> None:
        """Run the ``on_error`` finishers once the response has started (teardown)."""
        finish(g.pop("_errdex_finishers", None) or [])

    def error(self, exc: Exception) -> Any:
        """Answer any exception Flask routes here (catalog errors, HTTP errors, the rest)."""
        if isinstance(exc, HTTPException):
            return self.http_exception(exc)
        validation = _validation_fields(exc)
        if validation is not None:
            return self.response(self.framework.validation(validation, exc))
        if not isinstance(exc, Error):
            info = (type(exc), exc, exc.__traceback__)
            current_app.log_exception(cast("tuple[type, BaseException, TracebackType]", info))
        return self.response(exc)

    def http_exception(self, exc: HTTPException) -> Any:
        """Answer a Werkzeug ``HTTPException`` (404, 405, 413, 400 for a malformed body…)."""
        status = exc.code or 500
        if status < 400 or (
            not self.http_exceptions and self.framework.entry_class(status) is None
        ):
            return exc
        error = self.framework.for_status(status, exc, message=exc.description)
        extra = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
        return self.response(error, extra)


def _validation_fields(exc: BaseException) -> list[FieldError] | None:
    """The fields of a pydantic ``ValidationError`` a view raised, else None."""
    pydantic = sys.modules.get("pydantic")
    if pydantic is None or not isinstance(exc, pydantic.ValidationError):
        return None
    return [
        FieldError(tuple(item.get("loc", ())), item.get("msg", ""), item.get("type", ""))
        for item in exc.errors()
    ]


def install(
    target: Flask | Blueprint,
    catalog: Catalog,
    *,
    profile: Any = "problem",
    http_exceptions: bool = True,
    on_error: OnError | None = None,
    errors: Mapping[int | str, Any] | None = None,
) -> ErrorHandlers:
    """Register catalog error handlers on a Flask app or blueprint; return them.

    ``profile``, ``on_error`` and ``errors`` are as in
    :func:`errdex.integrations.starlette.install`.
    """
    handlers = ErrorHandlers(
        catalog, profile, http_exceptions=http_exceptions, on_error=on_error, errors=errors
    )
    target.register_error_handler(Error, handlers.error)
    target.register_error_handler(Exception, handlers.error)
    if on_error is not None:  # finishers come from the hook only
        target.teardown_request(handlers.teardown)
    return handlers


__all__ = ["ErrorHandlers", "install"]
