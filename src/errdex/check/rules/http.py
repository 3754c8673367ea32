"""Rules about HTTP statuses: valid numbers, and statuses that contradict the entry's words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.check.text import identifier_words
from errdex.io.diagnostic import Diagnostic, rule
from errdex.io.invariants.wire import http_statuses, retry_after
from errdex.model.wire import JSONRPC_STANDARD as STANDARD

INVALID_STATUS = rule("E109")
STATUS_CONTRADICTION = rule("W208")

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


INVALID_RETRY_AFTER = rule("E113")


check(INVALID_STATUS)(http_statuses)


check(INVALID_RETRY_AFTER)(retry_after)


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
        for text in ctx.values(attr):
            if text:
                said_in[text] = _says(text)
    if _COMPACT.search("\n".join(ctx.name_shapes).lower().replace("_", "")):
        for name in ctx.values("name"):
            if name is not None and _COMPACT.search(name.lower().replace("_", "")):
                said_in[name] = _says(" ".join(identifier_words(name)))
    flagged = {text for text, hits in said_in.items() if hits}
    translated = ctx.translations
    english = {loc for loc in {loc for _, loc, _ in translated} if _english(loc)}
    suspects = {i for i, loc, _ in translated if loc in english} if english else set()
    if flagged:
        indices = range(len(entries))
        for field in ("message", "title", "name"):
            suspects.update(compress(indices, map(flagged.__contains__, ctx.column(field))))
    for i in sorted(suspects):
        e = entries[i]
        status = e.http_status
        if type(status) is not int or status < 400:
            continue
        said = said_in.get(e.message, []) + said_in.get(e.title, []) + said_in.get(e.name, [])  # type: ignore[arg-type]
        for locale, tr in e.translations.items():
            if _english(locale):
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


def _english(locale: str) -> bool:
    return locale.split("-")[0].lower() == "en"


def _says(text: str) -> list[tuple[str, frozenset[int], str]]:
    out = []
    for m in _SAYS.finditer(text):
        n = int(m.lastgroup[1:])  # type: ignore[index]
        out.append((m.group(), SAYS[n][1], SAYS[n][2]))
    return out
