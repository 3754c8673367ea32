"""What every consumer must answer about retrying an entry, and the responses to check it on.

:func:`errdex.model.effective.retry_advice` is the one answer. The code page, ``explain``,
search, the lookup API and the Python decoder are checked against it in
``tests/directory/web/test_retry_agreement.py``; the generated Go, Rust and TypeScript
decoders in ``tests/convert/code`` (through :mod:`driver_checks`), on the same responses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

import errdex
from errdex.directory.web.responses import profiles_of
from errdex.model import Catalog, Entry
from errdex.model.effective import retry_advice
from errdex.runtime.raising import raisable_class as raisable
from errdex.runtime.state import runtime_of


class WireCase(NamedTuple):
    """One response errdex sends for an entry (or one of its variants), the error raised
    to send it, the ``retryable`` every decoder must read back from it and the retry
    class (``retry``) a client decides with."""

    label: str
    entry: Entry
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    retryable: bool | None
    retry: str
    raised: BaseException


def wire_cases(catalog: Catalog) -> Iterator[WireCase]:
    """Every response a client may receive for each entry of ``catalog`` (removed ones
    excepted): each profile the code page shows (``profiles_of``), the entry itself and
    each known message variant. The expected hint is the entry's advice, or the variant's
    own ``retryable`` when it states one."""
    for entry in catalog.entries:
        if entry.status == "removed":
            continue
        advice = retry_advice(catalog, entry)
        params = {name: f"<{name}>" for name in entry.params}
        options = [(None, advice.retryable, advice.retry)]
        for v in entry.variants:
            if v.retryable is None or v.retryable == (advice.retry != "never"):
                options.append((v.message, advice.retryable, advice.retry))
            else:  # the variant's own word, more specific than the entry's
                options.append((v.message, v.retryable, "safe" if v.retryable else "never"))
        for profile in profiles_of(catalog, entry):
            for variant, expected, kind in options:
                extra: dict[str, Any] = {} if variant is None else {"variant": variant}
                error = raisable(runtime_of(catalog).errors, entry.code, entry.space)
                error = error(**params, **extra)
                done = errdex.render(error, profile, id=1, catalog=catalog)
                label = f"{catalog.meta.id}/{entry.space}/{entry.code}/{profile}"
                yield WireCase(
                    label + (f"/{variant!r}" if variant is not None else ""),
                    entry,
                    done.status,
                    [(k, v) for k, v in done.headers],
                    done.body,
                    expected,
                    kind,
                    error,
                )
