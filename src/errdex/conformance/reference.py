"""The reference answers: run one vector case through the Python runtime.

``errdex conformance`` fills every case's ``expect`` with :func:`answer`, and
the tests use it to check that a hand-written vectors file agrees with the
runtime. The result shapes are those of ``docs/wire.md`` §1.2 and §1.3.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from errdex.conformance.vectors import body_bytes, body_fields
from errdex.model import Catalog

BOOM = "boom: a failure outside the catalog"
"""The message of the non-catalog exception a ``"code": null`` case stands for."""


def build_error(catalog: Catalog, item: Mapping[str, Any]) -> BaseException:
    """The error a render case (or batch item, or sub-error) describes."""
    code = item.get("code")
    if code is None:
        return RuntimeError(BOOM)
    params = {str(k): v for k, v in (item.get("params") or {}).items() if v is not None}
    options: dict[str, Any] = {"params": params}
    if "data" in item:
        options["data"] = item["data"]
    if item.get("variant") is not None:
        options["variant"] = item["variant"]
    subs = item.get("sub_errors")
    if subs:
        options["sub_errors"] = [build_error(catalog, sub) for sub in subs]
    error: BaseException = raise_error(catalog, code, item.get("space"), options)
    for where in ("pointer", "parameter"):  # a sub-error's field (wire.md §5.5)
        if isinstance(item.get(where), str):
            setattr(error, where, item[where])
    return error


def raise_error(catalog: Catalog, code: Any, space: Any, options: dict[str, Any]) -> Any:
    """``cat.error(code, space=..., **options)`` for a plain model catalog too."""
    import errdex.runtime as rt

    error_of = getattr(rt, "error_of", None)
    if error_of is not None:  # the runtime's join for any model catalog
        return error_of(catalog, code, space=space, **options)
    return getattr(catalog, "error")(code, space=space, **options)  # noqa: B009


def rendered(status: int, headers: Any, body: bytes) -> dict[str, Any]:
    """A render result: status, ordered header pairs, the body."""
    return {"status": status, "headers": [[k, v] for k, v in headers], **body_fields(body)}


def decoded(error: Any) -> dict[str, Any]:
    """A decode result: the ten members of ``docs/wire.md`` §1.3."""
    entry = error.entry
    status = error.status
    return {
        "code": error.code,
        "space": error.space,
        "entry": None if entry is None else (entry.name or str(entry.code)),
        "variant": error.variant.message if error.variant is not None else None,
        "message": error.message,
        "status": status if type(status) is int else None,
        "params": dict(error.params),
        "retryable": error.retryable,
        "retry_after": error.retry_after,
        "sub_errors": [decoded(sub) for sub in error.sub_errors],
    }


def answer(catalog: Catalog, case: Mapping[str, Any], now: float | None = None) -> dict[str, Any]:
    """Run one case (render, render_batch, decode, decode_batch) through the runtime.

    A decode case's ``now`` (else ``now``, the header line's) is the decoder's clock."""
    import errdex.runtime as rt

    kind = case["kind"]
    if kind == "render":
        error = build_error(catalog, case)
        out = rt.render(
            error, case["profile"], locale=case.get("locale"), id=case.get("id"), catalog=catalog
        )
        return rendered(out.status, out.headers, out.body)
    if kind == "render_batch":
        items: list[Any] = []
        for item in case["items"]:
            if "response" in item:
                items.append(item["response"])
            else:
                items.append((build_error(catalog, item), item.get("id")))
        out = rt.render(items, "jsonrpc", locale=case.get("locale"), catalog=catalog)
        return rendered(out.status, out.headers, out.body)
    status, headers, body = case.get("status"), case.get("headers", []), body_bytes(case)
    pairs = [(k, v) for k, v in headers]
    when = case.get("now", now)
    if kind == "decode":
        return decoded(rt.decode(status, pairs, body, catalog=catalog, now=when))
    found = rt.decode_batch(status, pairs, body, catalog=catalog, now=when)
    return {"items": [None if e is None else decoded(e) for e in found]}


__all__ = ["BOOM", "answer", "build_error", "decoded", "rendered"]
