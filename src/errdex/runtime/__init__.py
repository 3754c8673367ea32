"""The runtime layer: raise, render and decode catalog errors in services and clients.

    import errdex
    cat = errdex.load("examples/csghub")

    try:
        raise cat.error("AUTH-ERR-4")              # or: raise cat.errors.invalidJWT()
    except cat.module_error("auth") as exc:        # every class: see errdex.runtime.errors
        r = errdex.render(exc, "problem", locale="zh-CN,en;q=0.8", id="/v1/repos")
        r.status, r.headers, r.body                # 400, (("Content-Type", ...),), b'{...}'

    err = errdex.decode(r.status, r.headers, r.body, catalog=cat)
    err.entry, err.code, err.retryable, err.retry_after

Modules, one concept each: :mod:`~errdex.runtime.errors` (the exception tree),
:mod:`~errdex.runtime.factory` (the classes of a catalog, registered on creation),
:mod:`~errdex.runtime.index` (``cat.errors``, the code index),
:mod:`~errdex.runtime.raising` (``cat.error``), :mod:`~errdex.runtime.internal_policy`
(what a non-catalog exception renders as), :mod:`~errdex.runtime.negotiation` (the
locale cache), :mod:`~errdex.runtime.pickling` (errors across processes),
:mod:`~errdex.runtime.state` (one holder of these per catalog),
:mod:`~errdex.runtime.template` (safe message templates),
:mod:`~errdex.runtime.spec` (what is precomputed per entry),
:mod:`~errdex.runtime.locale` (``Accept-Language``),
:mod:`~errdex.runtime.render` and :mod:`~errdex.runtime.profiles` (envelopes),
:mod:`~errdex.runtime.decode` (responses back to errors),
:mod:`~errdex.runtime.retry` and :mod:`~errdex.runtime.status` (retry hints, HTTP mappings).
Imports only :mod:`errdex.model` (plus orjson; Babel on first negotiation that needs it).
"""

from __future__ import annotations

from typing import Any

from errdex.model import Catalog
from errdex.model.codes import Code
from errdex.runtime.decode import decode, decode_batch
from errdex.runtime.errors import Error
from errdex.runtime.index import ErrorClasses
from errdex.runtime.internal_policy import as_error
from errdex.runtime.locale import negotiate, parse_accept_language
from errdex.runtime.profiles.jsonrpc import jsonrpc_profile, render_batch
from errdex.runtime.raising import RemovedCodeError, new_error, raisable_class
from errdex.runtime.render import BUILTIN, Rendered, render
from errdex.runtime.state import runtime_of


def errors_of(catalog: Catalog) -> ErrorClasses:
    """The exception classes of any catalog (``cat.errors`` of an :class:`errdex.Catalog`):
    for code that holds a plain :class:`errdex.model.Catalog`."""
    return runtime_of(catalog).errors


def error_of(
    catalog: Catalog, code_or_name: Code, *, space: str | None = None, **params: Any
) -> Error:
    """``cat.error(...)`` for any catalog: the error of a code or name, parameters filled in."""
    return new_error(raisable_class(errors_of(catalog), code_or_name, space), params)


__all__ = [
    "BUILTIN",
    "Error",
    "ErrorClasses",
    "RemovedCodeError",
    "Rendered",
    "as_error",
    "decode",
    "decode_batch",
    "error_of",
    "errors_of",
    "jsonrpc_profile",
    "negotiate",
    "parse_accept_language",
    "render",
    "render_batch",
    "runtime_of",
]
