"""The wire facts of a catalog, computed once for the Go, Rust and TypeScript generators.

Generated code renders and decodes byte for byte like the Python runtime, so it
must not re-derive any rule: every per-entry fact (HTTP status per profile,
JSON-RPC code and whether ``data`` may be left out, problem ``type``/``title``,
google ``reason`` and status name, retry hint, parameter types, and per locale
the public message template and texts) comes from the model's effective values
and template grammar through :func:`errdex.convert.code.wire.wire_facts` (the
facts every generator shares), and the generators emit it as data. The runtimes in
``runtime/`` (real Go, Rust and TypeScript source files) only fill templates,
escape JSON, negotiate locales and decode.

:func:`catalog_facts` is the one entry point; the result is plain data
(:class:`CatalogFacts`), so each generator is a formatter.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson

from errdex.convert.code.naming import entry_idents
from errdex.convert.code.wire import (
    WireFacts,
    catalog_locales,
    internal_entry,
    phrase,
    wire_facts,
)
from errdex.model import Catalog, Entry, normalize_code
from errdex.model.wire import JSONRPC_INTERNAL_ERROR, google_status


class Texts(NamedTuple):
    """An entry's texts in one negotiated locale."""

    locale: str
    """What ``Content-Language`` says (where the message text comes from)."""
    lead: str
    """The public message template: the literal before the first placeholder ..."""
    pairs: tuple[tuple[str, str], ...]
    """... then ``(placeholder, literal after it)`` pairs."""
    title: str
    description: str | None
    solution: str | None


class Variant(NamedTuple):
    """A known message of an entry and the retry hint it implies (None: the entry's)."""

    message: str
    retryable: bool | None


class EntryFacts(NamedTuple):
    """Everything generated code knows about one entry."""

    ident: str
    code: int | str | None
    """The code (None only for the generic internal error)."""
    key: str
    """The comparison key as text: a decimal integer, or the upper-cased string."""
    space: str
    module: str | None
    name: str | None
    removed: bool
    status: int
    """HTTP status of the problem, google and plain profiles."""
    rpc_status: int
    rpc_code: int
    rpc_known: bool
    rpc_bare: bool
    ambiguous: bool
    type_url: str
    title: str
    reason: str
    google_status: str
    retryable: bool | None
    retry_after: int | None
    http_status: int | None
    """The status the catalog states (decoding ranks candidates with it), or None."""
    params: tuple[tuple[str, str, bool], ...]
    """Declared parameters: ``(name, type, public)``."""
    own: Texts
    """The texts in the entry's own language (no locale asked for)."""
    texts: tuple[Texts, ...]
    """One per catalog locale, in the order of :attr:`CatalogFacts.locales`."""
    match_texts: tuple[str, ...]
    """Texts a decoder compares a received message with (message, title, name, ...)."""
    message_head: str | None
    """For a message with a placeholder: the text before it (a prefix match)."""
    variants: tuple[Variant, ...]
    carried: tuple[str, ...]
    """Spaces whose codes travel inside this entry's errors."""
    doc: str
    """One line for the entry's doc comment."""


class ModuleFacts(NamedTuple):
    """A module's code pattern, for the fallback of unknown codes."""

    id: str
    space: str
    prefix: str | None
    lo: int | None
    hi: int | None


class ProfileFacts(NamedTuple):
    """A plain profile the catalog declares."""

    name: str
    body: Any
    content_type: str
    status: int | None


class CatalogFacts(NamedTuple):
    """The wire facts of one catalog."""

    id: str
    default_locale: str
    locales: tuple[str, ...]
    aliases: tuple[tuple[str, str], ...]
    """Locale aliases (``no`` → ``nb-NO``) that resolve to one of :attr:`locales`."""
    spaces: tuple[tuple[str, str], ...]
    """``(space id, kind)`` in catalog order."""
    modules: tuple[ModuleFacts, ...]
    profiles: tuple[ProfileFacts, ...]
    entries: tuple[EntryFacts, ...]
    internal: int | None
    """Index of the entry an unexpected error renders as, or None."""
    internal_code: str | None
    """The comparison key of ``internal_error`` (an unknown code with it decodes as a 500)."""
    generic: EntryFacts
    """What an unexpected error renders as when the catalog has no internal entry."""


def code_json(code: int | str | None) -> str:
    """The code as JSON (``1051``, ``"AUTH-ERR-4"``, ``null``)."""
    return orjson.dumps(code).decode()


def _key(code: int | str) -> str:
    return str(normalize_code(code))


def _aliases(locales: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    try:
        from babel.core import LOCALE_ALIASES
    except ImportError:  # pragma: no cover - Babel is a dependency
        return ()
    by_norm = {loc.replace("_", "-").lower(): loc for loc in locales}
    out = []
    for alias, target in sorted(LOCALE_ALIASES.items()):
        found = by_norm.get(target.replace("_", "-").lower())
        if found is not None:
            out.append((alias.lower(), found))
    return tuple(out)


def public_template(
    parts: tuple[str, ...], private: frozenset[str]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A template's ``(lead, pairs)`` for public output: a private placeholder stays ``{name}``."""
    lead = parts[0]
    pairs: list[tuple[str, str]] = []
    for i in range(1, len(parts), 2):
        name, after = parts[i], parts[i + 1]
        if name in private:
            if pairs:
                pairs[-1] = (pairs[-1][0], pairs[-1][1] + "{" + name + "}" + after)
            else:
                lead += "{" + name + "}" + after
        else:
            pairs.append((name, after))
    return lead, tuple(pairs)


def _texts(facts: WireFacts, locale: str, private: frozenset[str]) -> Texts:
    chosen = facts.texts[locale]
    # the message a render fills is the one of the locale the text really is in
    source = facts.texts.get(chosen.locale, chosen)
    lead, pairs = public_template(source.message, private)
    return Texts(chosen.locale, lead, pairs, chosen.title, chosen.description, chosen.solution)


def _entry(catalog: Catalog, entry: Entry, ident: str) -> EntryFacts:
    facts = wire_facts(catalog, entry)
    private = frozenset(k for k, p in entry.params.items() if not p.public)
    head = None
    if entry.message and "{" in entry.message:
        head = entry.message.split("{", 1)[0]
    doc = f"{entry.code} {entry.name or ''}: {facts.title}".replace("  ", " ")
    return EntryFacts(
        ident=ident,
        code=entry.code,
        key=_key(entry.code),
        space=entry.space,
        module=entry.module,
        name=entry.name,
        removed=entry.status == "removed",
        status=facts.status,
        rpc_status=facts.rpc_status,
        rpc_code=JSONRPC_INTERNAL_ERROR if facts.rpc_code is None else facts.rpc_code,
        rpc_known=facts.rpc_code is not None,
        rpc_bare=facts.rpc_bare,
        ambiguous=facts.ambiguous,
        type_url=facts.type_url,
        title=facts.title,
        reason=facts.reason,
        google_status=google_status(facts.status),
        retryable=entry.retryable,
        retry_after=entry.retry_after,
        http_status=facts.stated_status,
        params=tuple((k, p.type, p.public) for k, p in entry.params.items()),
        own=_texts(facts, facts.own_locale, private),
        texts=tuple(_texts(facts, loc, private) for loc in catalog_locales(catalog)),
        match_texts=facts.match,
        message_head=head,
        variants=tuple(Variant(v.message, v.retryable) for v in entry.variants),
        carried=facts.carried,
        doc=doc,
    )


def _generic(locales: tuple[str, ...], own_locale: str) -> EntryFacts:
    """What a failure that is no catalog error renders as when the catalog has no
    internal entry (docs/wire.md 5.6): a bare 500 "Internal error"."""
    title = phrase(500)
    texts = Texts(own_locale, "Internal error", (), title, None, None)
    return EntryFacts(
        ident="",
        code=None,
        key="",
        space="",
        module=None,
        name=None,
        removed=False,
        status=500,
        rpc_status=500,
        rpc_code=JSONRPC_INTERNAL_ERROR,
        rpc_known=False,
        rpc_bare=True,
        ambiguous=False,
        type_url="about:blank",
        title=title,
        reason="CODE_NONE",
        google_status=google_status(500),
        retryable=None,
        retry_after=None,
        http_status=500,
        params=(),
        own=texts,
        texts=tuple(texts for _ in locales),
        match_texts=("Internal error",),
        message_head=None,
        variants=(),
        carried=(),
        doc="",
    )


def catalog_facts(catalog: Catalog, reserved: tuple[str, ...] = ()) -> CatalogFacts:
    """Compute the wire facts of ``catalog``; ``reserved`` names are kept from identifiers."""
    idents = entry_idents(catalog.entries, reserved)
    entries = tuple(
        _entry(catalog, e, ident) for e, ident in zip(catalog.entries, idents, strict=True)
    )
    meta = catalog.meta
    locales = catalog_locales(catalog)
    found = internal_entry(catalog)
    internal = None
    if found is not None:
        internal = next(i for i, e in enumerate(catalog.entries) if e is found)
    modules = tuple(
        ModuleFacts(
            m.id,
            m.space,
            m.prefix.upper() if m.prefix else None,
            m.range[0] if m.range else None,
            m.range[1] if m.range else None,
        )
        for m in catalog.modules.values()
    )
    profiles = tuple(
        ProfileFacts(p.id, p.body, p.content_type or "application/json", p.status)
        for p in catalog.profiles.values()
    )
    return CatalogFacts(
        id=meta.id,
        default_locale=meta.default_locale,
        locales=locales,
        aliases=_aliases(locales),
        spaces=tuple((s.id, s.kind) for s in catalog.spaces.values()),
        modules=modules,
        profiles=profiles,
        entries=entries,
        internal=internal,
        internal_code=None if meta.internal_error is None else _key(meta.internal_error),
        generic=_generic(locales, meta.default_locale),
    )
