"""Django and Django REST framework: every error response in the catalog's envelope.

    # settings.py
    ERRDEX = {"catalog": "shop.errors.catalog", "profile": "problem"}  # dotted path or Catalog
    MIDDLEWARE = ["errdex.integrations.django.ErrorMiddleware", ...]   # first: outermost
    REST_FRAMEWORK = {"EXCEPTION_HANDLER": "errdex.integrations.django.exception_handler"}

:class:`ErrorMiddleware` answers, for plain Django views:

- an :class:`errdex.Error` a view raises: its envelope, status and headers, in
  the language ``Accept-Language`` negotiates;
- ``Http404``, ``PermissionDenied`` (403), ``BadRequest``/``SuspiciousOperation``
  (400), ``RequestDataTooBig`` (413) and a pydantic ``ValidationError`` (422, one
  sub-error per field): the entry ``ERRDEX["errors"]`` names, else the catalog's
  ``http``-space entry, else a built-in problem type
  (:mod:`errdex.integrations.framework`);
- any other exception: the catalog's internal error, nothing of it in the
  body, logged on ``django.request`` with its traceback as Django logs a 500;
- Django's own HTML error responses — an unknown URL's 404, the 405 of
  ``require_http_methods`` and class-based views, ``handler400/403/500``
  pages — replaced by the envelope of their status (``Allow`` kept).

:func:`exception_handler` is the same for Django REST framework views: a DRF
``ValidationError`` becomes one sub-error per field with a JSON ``pointer``
(``non_field_errors`` point at the whole body, ``#``), ``Throttled`` keeps its
``Retry-After``. ``ERRDEX`` keys: ``catalog`` (required), ``profile``
(default ``"problem"``), ``errors`` and ``on_error`` (a callable or a dotted path).

Import this module only with Django installed (``pip install 'errdex[django]'``).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

from django.conf import settings  # type: ignore[import-untyped]
from django.core.exceptions import (  # type: ignore[import-untyped]
    BadRequest,
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
)
from django.http import Http404, HttpRequest, HttpResponse  # type: ignore[import-untyped]
from django.utils.module_loading import import_string  # type: ignore[import-untyped]

from errdex.integrations.common import OnError, check_profile, negotiates, respond
from errdex.integrations.framework import FieldError, FrameworkErrors
from errdex.model import Catalog
from errdex.runtime import Error, Rendered, as_error

_request_logger = logging.getLogger("django.request")


class DjangoErrors:
    """The catalog, profile and framework-error table the middleware and DRF handler share."""

    def __init__(
        self,
        catalog: Catalog,
        profile: Any = "problem",
        *,
        errors: Mapping[int | str, Any] | None = None,
        on_error: OnError | None = None,
    ) -> None:
        check_profile(catalog, profile)
        self.catalog = catalog
        self.profile = profile
        self.on_error = on_error
        self.framework = FrameworkErrors(catalog, errors)
        self.vary = negotiates(catalog)

    def response(self, exc: BaseException, request: HttpRequest, extra: Any = ()) -> HttpResponse:
        """The Django response for ``exc`` (a catalog error or anything else)."""
        error = as_error(exc, self.catalog)
        rendered = respond(
            exc,
            self.catalog,
            self.profile,
            request.META.get("HTTP_ACCEPT_LANGUAGE"),
            on_error=self.on_error,
            vary=self.vary,
        )
        response = to_response(rendered, extra)
        code = error.code
        response.errdex_error_type = str(code) if code is not None else type(error).__qualname__
        return response

    def error_for(self, exc: BaseException) -> BaseException:
        """The catalog error a Django exception stands for (``exc`` itself when it is none)."""
        if isinstance(exc, Error):
            return exc
        fields = _pydantic_fields(exc)
        if fields is not None:
            return self.framework.validation(fields, exc)
        for kind, status in _STATUSES:
            if isinstance(exc, kind):
                return self.framework.for_status(status, exc)
        return exc


_STATUSES: tuple[tuple[type[BaseException], int], ...] = (
    (Http404, 404),
    (PermissionDenied, 403),
    (RequestDataTooBig, 413),
    (BadRequest, 400),
    (SuspiciousOperation, 400),
)


def to_response(rendered: Rendered, extra: Iterable[tuple[str, str]] = ()) -> HttpResponse:
    """A Django ``HttpResponse`` of a rendered error (``extra``: headers it lacks)."""
    response = HttpResponse(rendered.body, status=rendered.status)
    for name, value in rendered.headers:
        response[name] = value
    for name, value in extra:
        if name not in response:
            response[name] = value
    response.errdex = True
    return response


def _pydantic_fields(exc: BaseException) -> list[FieldError] | None:
    pydantic = sys.modules.get("pydantic")
    if pydantic is None or not isinstance(exc, pydantic.ValidationError):
        return None
    return [
        FieldError(tuple(item.get("loc", ())), item.get("msg", ""), item.get("type", ""))
        for item in exc.errors()
    ]


@lru_cache(maxsize=8)
def _configured(key: int) -> DjangoErrors:
    del key  # the settings object's identity: a test's override_settings gets its own
    config = getattr(settings, "ERRDEX", None)
    if not isinstance(config, Mapping) or "catalog" not in config:
        raise RuntimeError(
            'errdex: settings.ERRDEX = {"catalog": ...} is missing '
            "(a loaded errdex Catalog or the dotted path of one)"
        )
    catalog = config["catalog"]
    if isinstance(catalog, str):
        catalog = import_string(catalog)
    if not isinstance(catalog, Catalog):
        raise RuntimeError(
            f"errdex: settings.ERRDEX['catalog'] is {type(catalog).__name__}, expected a loaded "
            "errdex Catalog or the dotted path of one ('shop.errors.catalog')"
        )
    hook = config.get("on_error")
    if isinstance(hook, str):
        hook = import_string(hook)
    return DjangoErrors(
        catalog, config.get("profile", "problem"), errors=config.get("errors"), on_error=hook
    )


def configured() -> DjangoErrors:
    """The :class:`DjangoErrors` of ``settings.ERRDEX`` (loaded once per settings)."""
    return _configured(id(getattr(settings, "ERRDEX", None)))


class ErrorMiddleware:
    """Django middleware: every error response in the catalog's envelope (module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code < 400 or getattr(response, "errdex", False):
            return response
        kind = response.get("Content-Type", "")
        if kind and not kind.startswith("text/html"):
            return response  # the app's own body (JSON a view built): left as it is
        errors = configured()
        error = errors.framework.for_status(response.status_code)
        extra = [(k, v) for k, v in response.items() if k.lower() in ("allow", "retry-after")]
        return errors.response(error, request, extra)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse:
        """Answer an exception a view raised."""
        errors = configured()
        error = errors.error_for(exception)
        if not isinstance(error, Error):
            _request_logger.error(
                "Internal Server Error: %s",
                request.path,
                exc_info=exception,
                extra={"status_code": 500, "request": request},
            )
        return errors.response(error, request)


# -- Django REST framework -------------------------------------------------------------


def _drf_fields(detail: Any, path: tuple[str | int, ...] = ()) -> list[FieldError]:
    """Flatten a DRF ``ValidationError.detail`` (dicts, lists, ``ErrorDetail``) into fields."""
    found: list[FieldError] = []
    if isinstance(detail, Mapping):
        for key, value in detail.items():
            here = path if key == "non_field_errors" else (*path, str(key))
            found += _drf_fields(value, here)
    elif isinstance(detail, list):
        leaves = all(not isinstance(v, (list, Mapping)) for v in detail)
        for i, value in enumerate(detail):
            found += _drf_fields(value, path if leaves else (*path, i))
    else:
        found.append(FieldError(("body", *path), str(detail), str(getattr(detail, "code", ""))))
    return found


def exception_handler(exc: Exception, context: Mapping[str, Any]) -> HttpResponse | None:
    """Django REST framework's ``EXCEPTION_HANDLER``: every API error in the envelope.

    Returns a response for every exception (an unexpected one is the catalog's
    internal error, logged on ``django.request``), so DRF never re-raises it.
    """
    from rest_framework import exceptions as drf  # type: ignore[import-untyped]

    errors = configured()
    request = context.get("request")
    django_request: HttpRequest = getattr(request, "_request", request)
    error: BaseException
    extra: list[tuple[str, str]] = []
    if isinstance(exc, drf.ValidationError):
        fields = _drf_fields(exc.detail)
        error = errors.framework.validation(fields, exc, status=exc.status_code)
    elif isinstance(exc, drf.APIException):
        detail = exc.detail if isinstance(exc.detail, str) else None
        error = errors.framework.for_status(exc.status_code, exc, message=detail)
        wait = getattr(exc, "wait", None)
        if wait is not None:
            import math

            extra.append(("Retry-After", str(math.ceil(wait))))
        if isinstance(exc, drf.MethodNotAllowed) and request is not None:
            view = context.get("view")
            allowed = getattr(view, "allowed_methods", None)
            if allowed:
                extra.append(("Allow", ", ".join(allowed)))
    else:
        error = errors.error_for(exc)
        if not isinstance(error, Error):
            _request_logger.error(
                "Internal Server Error: %s",
                getattr(django_request, "path", "?"),
                exc_info=exc,
                extra={"status_code": 500, "request": django_request},
            )
    return errors.response(error, django_request, extra)


__all__ = ["DjangoErrors", "ErrorMiddleware", "configured", "exception_handler", "to_response"]
