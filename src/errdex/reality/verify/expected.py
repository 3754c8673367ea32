"""What the catalog declares for a case: the entry rendered by the runtime.

The reference answer is ``errdex.render`` of the entry (with the example's
expected params) in the verified profile and the request's language. Its
status, media type, headers and body shape are what the service must send,
and decoding it gives the retry advice a client must reach. An example's
``expect`` overrides any of these. Nothing here re-derives a catalog fact:
the runtime is the reference implementation of the wire contract.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import orjson

from errdex.model import Catalog
from errdex.reality.shape import body_shape
from errdex.reality.verify.cases import Case
from errdex.runtime import decode, error_of, render


class Declared(NamedTuple):
    """The answer a case must get."""

    status: int
    media_type: str
    headers: Mapping[str, str]
    """Headers the answer must carry, names lower-cased."""
    shape: frozenset[str]
    """Key paths of the reference body (``error``, ``error.code``): an answer
    missing one is in another envelope, or has a renamed key."""
    retryable: bool | None
    retry_after: float | None
    reference: bytes


def media_type(value: str | None) -> str:
    """``application/problem+json; charset=utf-8`` → ``application/problem+json``."""
    return (value or "").split(";", 1)[0].strip().lower()


def declared(catalog: Catalog, case: Case, profile: str, locale: str | None) -> Declared:
    """The reference answer of ``case`` in ``profile`` for a request in ``locale``
    (an ``Accept-Language`` value or None)."""
    entry = case.entry
    params = dict(case.expect.params)
    error = error_of(catalog, entry.key, space=entry.space, params=params)
    rendered = render(error, profile, locale=locale)
    headers = {name.lower(): value for name, value in rendered.headers}
    decoded = decode(rendered.status, rendered.headers, rendered.body, catalog=catalog)
    try:
        shape = body_shape(orjson.loads(rendered.body))
    except orjson.JSONDecodeError:
        shape = frozenset()
    must = {"content-type": headers.get("content-type", "")}
    if "retry-after" in headers:
        must["retry-after"] = headers["retry-after"]
    if "content-language" in headers and locale:
        must["content-language"] = headers["content-language"]
    must.update((k.lower(), v) for k, v in case.expect.headers.items())
    expect = case.expect
    return Declared(
        status=expect.status if expect.status is not None else rendered.status,
        media_type=media_type(rendered.media_type),
        headers=must,
        shape=shape,
        retryable=expect.retryable if expect.retryable is not None else decoded.retryable,
        retry_after=(
            float(expect.retry_after)
            if expect.retry_after is not None
            else (float(decoded.retry_after) if decoded.retry_after is not None else None)
        ),
        reference=rendered.body,
    )
