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
:mod:`~errdex.runtime.state` (per-catalog classes and code index),
:mod:`~errdex.runtime.template` (safe message templates),
:mod:`~errdex.runtime.spec` (what is precomputed per entry),
:mod:`~errdex.runtime.locale` (``Accept-Language``),
:mod:`~errdex.runtime.render` and :mod:`~errdex.runtime.profiles` (envelopes),
:mod:`~errdex.runtime.decode` (responses back to errors),
:mod:`~errdex.runtime.retry` and :mod:`~errdex.runtime.status` (retry hints, HTTP mappings).
Imports only :mod:`errdex.model` (plus orjson; Babel on first negotiation that needs it).
"""

from __future__ import annotations

from errdex.runtime.decode import decode, decode_batch
from errdex.runtime.errors import Error
from errdex.runtime.locale import negotiate, parse_accept_language
from errdex.runtime.profiles.jsonrpc import jsonrpc_profile, render_batch
from errdex.runtime.render import BUILTIN, Rendered, _register_builtins, as_error, render
from errdex.runtime.state import ErrorClasses, RemovedCodeError, runtime_of

_register_builtins()

__all__ = [
    "BUILTIN",
    "Error",
    "ErrorClasses",
    "RemovedCodeError",
    "Rendered",
    "as_error",
    "decode",
    "decode_batch",
    "jsonrpc_profile",
    "negotiate",
    "parse_accept_language",
    "render",
    "render_batch",
    "runtime_of",
]
