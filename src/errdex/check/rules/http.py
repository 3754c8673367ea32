"""Rules about HTTP statuses: valid numbers, and statuses that contradict the entry's words."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import compress
from operator import attrgetter
from typing import Any

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.check.text import identifier_words
from errdex.io.diagnostic import Diagnostic, Rule, register
from errdex.model.effective import inherited
from errdex.model.wire import JSONRPC_STANDARD as STANDARD
from errdex.model.wire import is_http_status

INVALID_STATUS = register("E109", "invalid-http-status", "error", "an HTTP status outside 100–599")
STATUS_CONTRADICTION = register(
    "W208",
    "status-contradiction",
    "warning",
    "an HTTP status that contradicts what the entry says it is",
)

# What an entry's own words say → the statuses they allow. Small on purpose:
# only phrases with one unambiguous meaning in HTTP.
SAYS: tuple[tuple[str, frozenset[int], str], ...] = (
    (
        r"rate[ -]limit(?:ed|ing)?|too many requests|throttl(?:ed|ing)",
        frozenset({429}),
        "429 Too Many Requests",
    ),
    (r"unauthori[sz]ed|unauthenticated|not authenticated", frozenset({401}), "401 Unauthorized"),
    (r"forbidden", frozenset({403}), "403 Forbidden"),
    (r"not found", frozenset({404, 410}), "404 Not Found"),
    (r"bad request", frozenset({400}), "400 Bad Request"),
    (r"internal server error", frozenset({500}), "500 Internal Server Error"),
    (r"service unavailable", frozenset({503}), "503 Service Unavailable"),
)
_SAYS = re.compile("|".join(f"(?P<k{n}>\\b(?:{p})\\b)" for n, (p, _, _) in enumerate(SAYS)), re.I)


INVALID_RETRY_AFTER = register(
    "E113", "invalid-retry-after", "error", "a negative retry_after (seconds before a retry)"
)


_valid = is_http_status


def _bad_values(
    ctx: Context, rule: Rule, field: str, valid: Callable[[Any], bool], what: str, hint: str
) -> Iterator[Diagnostic]:
    """Every space, module and entry that sets ``field`` to a value that is not ``valid``.

    An entry's value inherited from its module or space is reported there, once.
    """
    for sid, space in ctx.catalog.spaces.items():
        value = getattr(space, field)
        if value is not None and not valid(value):
            yield ctx.top_diag(
                rule, ("spaces", sid, field), f"space {sid!r} has {field} {value}, {what}", hint
            )
    for mid, mod in ctx.catalog.modules.items():
        value = getattr(mod, field)
        if value is not None and not valid(value):
            yield ctx.module_diag(
                rule, mid, field, f"module {mid!r} has {field} {value}, {what}", hint
            )
    entries = ctx.entries
    for i, value in enumerate(map(attrgetter(field), entries)):
        if (
            value is not None
            and not valid(value)
            and value != inherited(ctx.catalog, entries[i], field)
        ):
            yield ctx.entry_diag(
                rule, i, (field,), f"{ctx.label(i)} has {field} {value}, {what}", hint
            )


@check(INVALID_STATUS)
def http_statuses(ctx: Context) -> Iterator[Diagnostic]:
    """``http_status`` values, and the codes of ``kind = "http"`` spaces, must be 100–599."""
    yield from _bad_values(
        ctx,
        INVALID_STATUS,
        "http_status",
        _valid,
        "not a valid HTTP status",
        "HTTP statuses are 100–599: use the status the error is sent with (400, 404, 429, 500 …)",
    )
    http_spaces = {sid for sid, s in ctx.catalog.spaces.items() if s.kind == "http"}
    if not http_spaces:
        return
    for i, e in enumerate(ctx.entries):
        if e.space in http_spaces and not _valid(e.key):
            yield ctx.entry_diag(
                INVALID_STATUS,
                i,
                ("code",),
                f"code {e.code!r} is in space {e.space!r} of kind http, but is not an HTTP status",
                "move the entry to an app space, or use its HTTP status as the code",
            )


@check(INVALID_RETRY_AFTER)
def retry_after(ctx: Context) -> Iterator[Diagnostic]:
    """``retry_after`` is the seconds to wait (the ``Retry-After`` header): never negative."""
    yield from _bad_values(
        ctx,
        INVALID_RETRY_AFTER,
        "retry_after",
        lambda seconds: seconds >= 0,
        "but a wait cannot be negative",
        "write the seconds a client should wait before retrying (0 or more), or remove the key",
    )


_COMPACT = re.compile(
    r"ratelimit|toomanyrequests|throttl|unauthori[sz]ed|unauthenticated|notauthenticated|forbidden"
    r"|notfound|badrequest|internalservererror|serviceunavailable"
)
"""The phrases of :data:`SAYS` as they appear inside an identifier, lower-cased and run together."""


@check(STATUS_CONTRADICTION)
def status_contradiction(ctx: Context) -> Iterator[Diagnostic]:
    """An error status (4xx/5xx) that is not the one the entry's own name, title or message
    describes: ZAN -32004 "Rate limited" sent with 403 while rate limiting is 429.

    The standard JSON-RPC codes are skipped: their words are the protocol's.
    """
    entries = ctx.entries
    kinds = {sid: s.kind for sid, s in ctx.catalog.spaces.items()}
    said_in: dict[str, list[tuple[str, frozenset[int], str]]] = {}
    for attr in ("message", "title"):
        for text in set(map(attrgetter(attr), entries)):
            if text:
                said_in[text] = _says(text)
    if _COMPACT.search("\n".join(ctx.name_shapes).lower().replace("_", "")):
        names = set(map(attrgetter("name"), entries))
        names.discard(None)
        for name in names:
            if _COMPACT.search(name.lower().replace("_", "")):  # type: ignore[union-attr]
                said_in[name] = _says(" ".join(identifier_words(name)))  # type: ignore[arg-type]
    flagged = {text for text, hits in said_in.items() if hits}
    indices = range(len(entries))
    suspects = {
        i
        for i in compress(indices, map(attrgetter("translations"), entries))
        if any(loc.split("-")[0].lower() == "en" for loc in entries[i].translations)
    }
    if flagged:
        suspects.update(
            i
            for i, e in enumerate(entries)
            if e.message in flagged or e.title in flagged or e.name in flagged
        )
    for i in sorted(suspects):
        e = entries[i]
        status = e.http_status
        if type(status) is not int or status < 400:
            continue
        said = said_in.get(e.message, []) + said_in.get(e.title, []) + said_in.get(e.name, [])  # type: ignore[arg-type]
        for locale, tr in e.translations.items():
            if locale.split("-")[0].lower() == "en":
                said += [hit for text in (tr.message, tr.title) if text for hit in _says(text)]
        if not said or any(status in allowed for _, allowed, _ in said):
            continue
        if (kinds.get(e.space) == "jsonrpc" and e.key in STANDARD) or e.jsonrpc_code in STANDARD:
            continue
        words, allowed, meaning = said[0]
        yield ctx.entry_diag(
            STATUS_CONTRADICTION,
            i,
            ("http_status",),
            f"{ctx.label(i)} says '{words}' but is sent with HTTP {status}",
            f"'{words}' is {meaning}: set http_status = {min(allowed)}, or reword the entry",
        )


def _says(text: str) -> list[tuple[str, frozenset[int], str]]:
    out = []
    for m in _SAYS.finditer(text):
        n = int(m.lastgroup[1:])  # type: ignore[index]
        out.append((m.group(), SAYS[n][1], SAYS[n][2]))
    return out
