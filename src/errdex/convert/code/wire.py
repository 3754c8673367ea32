"""The wire facts of each entry, as every code generator embeds them.

What ``docs/wire.md`` says an entry sends — its HTTP status per profile, its
JSON-RPC code and whether that code alone names it, whether its code exists in
several spaces, the problem ``type`` URL and ``title``, the google ``reason``,
its parameters, and its texts in every catalog locale with the fallback chain
applied — computed once at generation time so generated code only looks them
up. These are the values the Python runtime precomputes per entry
(``errdex.runtime.spec.EntrySpec``); the conformance vectors keep both in step.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from typing import NamedTuple

from errdex.model import Catalog, Entry, normalize_code
from errdex.model.effective import (
    jsonrpc_code,
    sent_status,
    space_kind,
)
from errdex.model.template import Slot, parse_template

_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


class Texts(NamedTuple):
    """An entry's texts in one locale: the locale the message is really in, and the texts."""

    locale: str
    message: tuple[str, ...]
    """The message template as parts: literal, name, literal, … (always an odd count)."""
    title: str
    description: str | None
    solution: str | None


class WireFacts(NamedTuple):
    """What one entry puts on the wire (see the module docstring)."""

    status: int
    """HTTP status of problem, google and plain responses: stated, else 500 (internal) / 400."""
    stated_status: int | None
    """The status the catalog states (entry, module, space; an ``http`` space's own code)."""
    rpc_status: int
    """HTTP status of a JSON-RPC response: stated, else 200."""
    rpc_code: int | None
    """The JSON-RPC code (None: the entry has none and ``-32603`` is sent)."""
    rpc_bare: bool
    """Whether the JSON-RPC code alone names the entry (no ``data`` needed)."""
    ambiguous: bool
    type_url: str
    title: str
    reason: str
    carried: tuple[str, ...]
    own_locale: str
    texts: dict[str, Texts]
    """Catalog locale → the entry's texts in it (the own locale included)."""
    match: tuple[str, ...]
    """Texts a decoded message is matched against: message, title, name, description,
    the translated messages."""


def phrase(status: int) -> str:
    """The HTTP reason phrase of a status (``"Bad Request"``), or ``"Error"``."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def google_reason(entry: Entry) -> str:
    """AIP-193 ``reason``: UPPER_SNAKE_CASE of the name, else ``CODE_<code>``; ≤ 63 chars."""
    if entry.name:
        text = _CAMEL.sub("_", entry.name)
    else:
        code = entry.code
        text = f"CODE_MINUS_{-code}" if type(code) is int and code < 0 else f"CODE_{code}"
    text = _NOT_WORD.sub("_", text).strip("_").upper() or "UNKNOWN"
    if not text[0].isalpha():
        text = "E_" + text
    return text[:63].rstrip("_")


def catalog_locales(catalog: Catalog) -> tuple[str, ...]:
    """Every locale the catalog has texts in, the default first (negotiation's choices)."""
    found = [catalog.meta.default_locale, *catalog.meta.locales]
    for entry in catalog.entries:
        found.extend(entry.translations)
    return tuple(dict.fromkeys(found))


def internal_entry(catalog: Catalog) -> Entry | None:
    """The entry a non-catalog failure renders as: ``internal_error``, else the catalog's
    code 500 in an ``http`` space, else None."""
    code = catalog.meta.internal_error
    if code is not None:
        found = catalog.find(code)
        return found[0] if found else None
    for entry in catalog.find(500):
        space = catalog.spaces.get(entry.space)
        if space is not None and space.kind == "http" and entry.status != "removed":
            return entry
    return None


def _texts(entry: Entry, locale: str, own: str, type_url: str, title: str) -> Texts:
    chain = []
    if locale.lower() != own.lower():
        translations = {k.lower(): v for k, v in entry.translations.items()}
        for probe in (locale.lower(), locale.lower().split("-", 1)[0]):
            if probe in translations:
                chain.append((probe, translations[probe]))

    def pick(field: str) -> tuple[str | None, str]:
        for probe, translation in chain:
            value = getattr(translation, field)
            if value:
                return value, probe
        return getattr(entry, field), own

    message, where = pick("message")
    description, d_where = pick("description")
    shown, t_where = pick("title")
    solution, _ = pick("solution")
    if not message:
        message, where = (description, d_where) if description else (shown, t_where)
    if not message:
        message, where = entry.name or str(entry.code), own
    shown_title = shown or entry.display_title
    if type_url == "about:blank":
        shown_title = title
    spelled = next((k for k in entry.translations if k.lower() == where), where)
    return Texts(spelled, template_parts(message), shown_title, description, solution)


def template_parts(text: str) -> tuple[str, ...]:
    """A message template as alternating parts: literal, placeholder name, literal, …

    ``"Hi {name}!"`` → ``("Hi ", "name", "!")``; a template without placeholders is
    one literal. The one grammar (:mod:`errdex.model.template`) parses it; generated
    code only joins the parts."""
    out: list[str] = [""]
    for part in parse_template(text).parts:
        if type(part) is Slot:
            out += [part.name, ""]
        else:
            out[-1] += part  # type: ignore[operator]
    return tuple(out)


def wire_facts(catalog: Catalog, entry: Entry) -> WireFacts:
    """The wire facts of one entry of ``catalog``."""
    spaces = catalog.spaces
    status = sent_status(catalog, entry)
    rpc = jsonrpc_code(catalog, entry)
    same = catalog.find(entry.key)
    ambiguous = len(same) > 1
    bare = rpc is not None and rpc == entry.key
    if bare and ambiguous:
        home = [e for e in same if space_kind(catalog, e) == "jsonrpc"]
        bare = bool(home) and home[0] is entry
    url = catalog.docs_url(entry)
    type_url = url or "about:blank"
    title = entry.display_title if url else phrase(status)
    own = entry.locale or catalog.meta.default_locale
    texts = {
        locale: _texts(entry, locale, own, type_url, title)
        for locale in dict.fromkeys((own, *catalog_locales(catalog)))
    }
    match = [entry.message, entry.title, entry.name, entry.description]
    match += [t.message for t in entry.translations.values()]
    return WireFacts(
        status=status,
        stated_status=entry.http_status,
        rpc_status=sent_status(catalog, entry, jsonrpc=True),
        rpc_code=rpc,
        rpc_bare=bare or entry.code is None,
        ambiguous=ambiguous,
        type_url=type_url,
        title=title,
        reason=google_reason(entry),
        carried=tuple(s.id for s in spaces.values() if s.carried_in == entry.space),
        own_locale=own,
        texts=texts,
        match=tuple(t for t in match if t),
    )


def code_key(entry: Entry) -> int | str:
    """The comparison key of an entry's code (``normalize_code``)."""
    return normalize_code(entry.code)


__all__ = [
    "Texts",
    "WireFacts",
    "catalog_locales",
    "code_key",
    "google_reason",
    "internal_entry",
    "phrase",
    "template_parts",
    "wire_facts",
]
