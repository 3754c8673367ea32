"""Judging an answer: does it decode to the case's entry, as the catalog declares?

Each check that fails gives one :class:`Mismatch` (what, expected, got), in
the order a reader wants them: the entry first (a wrong code explains every
other difference), then the status, the envelope, the headers, the retry
advice and the params.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson

from errdex.model import Catalog
from errdex.reality.shape import body_shape
from errdex.reality.verify.cases import Case
from errdex.reality.verify.expected import Declared, media_type
from errdex.reality.verify.transport import Answer
from errdex.runtime import decode


class Mismatch(NamedTuple):
    """One difference between what the catalog declares and what came back."""

    what: str
    expected: str
    got: str


def _entry_label(catalog: Catalog, err: Any) -> str:
    entry = err.entry
    if entry is not None:
        name = f" ({entry.name})" if entry.name else ""
        return f"{entry.code}{name}"
    if err.code is None:
        return "no error code"
    return f"{err.code!r}, which the catalog does not have"


def _same_value(expected: Any, got: Any) -> bool:
    return expected == got or str(expected) == str(got)


def judge(catalog: Catalog, case: Case, want: Declared, answer: Answer) -> list[Mismatch]:
    """Every way ``answer`` differs from ``want`` for ``case`` (empty: it passes)."""
    out: list[Mismatch] = []
    err = decode(answer.status, answer.headers, answer.body, catalog=catalog)
    entry = case.entry
    got_entry = err.entry
    if got_entry is None or (got_entry.key, got_entry.space) != (entry.key, entry.space):
        out.append(Mismatch("entry", case.label, _entry_label(catalog, err)))
    if answer.status != want.status:
        got = str(answer.status)
        if answer.note:
            got += f" ({answer.note})"
        out.append(Mismatch("status", str(want.status), got))
    headers = {k.lower(): v for k, v in reversed(answer.headers)}
    got_type = media_type(headers.get("content-type"))
    if got_type != want.media_type:
        out.append(Mismatch("content-type", want.media_type, got_type or "none"))
    try:
        parsed = orjson.loads(answer.body)
    except orjson.JSONDecodeError:
        parsed = None
    shape = body_shape(parsed)
    lost = sorted(want.shape - shape)
    if lost:
        extra = sorted(shape - want.shape)
        got = "no JSON object" if parsed is None else "missing " + ", ".join(lost)
        if extra:
            got += "; has " + ", ".join(extra)
        out.append(Mismatch("envelope", "keys " + ", ".join(sorted(want.shape)), got))
    for name, value in want.headers.items():
        if name == "content-type":
            continue
        have = headers.get(name)
        if have is None:
            out.append(Mismatch(f"header {name}", value, "absent"))
        elif have.strip() != value.strip():
            out.append(Mismatch(f"header {name}", value, have))
    if want.retryable is not None and err.retryable != want.retryable:
        out.append(Mismatch("retryable", str(want.retryable), str(err.retryable)))
    if want.retry_after is not None:
        got_after = err.retry_after
        if got_after is None or float(got_after) != want.retry_after:
            out.append(Mismatch("retry_after", f"{want.retry_after:g}", str(got_after)))
    for name, value in case.expect.params.items():
        have = err.params.get(name) if err.params else None
        if have is None or not _same_value(value, have):
            out.append(Mismatch(f"param {name}", repr(value), repr(have)))
    return out
