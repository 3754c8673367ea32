"""The wire facts of a catalog, computed once for the Go, Rust and TypeScript generators.

Generated code renders and decodes byte for byte like the Python runtime, so it
must not re-derive any rule: every per-entry fact (HTTP status per profile,
JSON-RPC code and whether ``data`` may be left out, problem ``type``/``title``,
google ``reason`` and status name, retry hint, parameter types, and per locale
the compiled public message template and texts) is read here from the one
place that computes it, and the generators emit it as data. The runtimes in
``runtime/`` (real Go, Rust and TypeScript source files) only fill templates,
escape JSON, negotiate locales and decode.

:func:`catalog_facts` is the one entry point; the result is plain data
(:class:`CatalogFacts`), so each generator is a formatter.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson

from errdex.convert.code.naming import entry_idents
from errdex.model import Catalog, normalize_code
from errdex.model.envelopes import google_status


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
    code: int | str
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


def code_json(code: int | str) -> str:
    """The code as JSON (``1051``, ``"AUTH-ERR-4"``)."""
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


def _texts(spec: Any, locale: str | None) -> Texts:
    chosen = spec.texts(locale)
    public = spec.texts(chosen.locale).public  # what localize() fills for this locale
    title = chosen.title if spec.type_url != "about:blank" else spec.title
    return Texts(
        chosen.locale, public.lead, public.pairs, title, chosen.description, chosen.solution
    )


def _entry(state: Any, cls: Any, ident: str, kinds: dict[str, str]) -> EntryFacts:
    spec = cls._spec
    entry = spec.entry
    texts = tuple(_texts(spec, loc) for loc in state.locales)
    match = [entry.message, entry.title, entry.name, entry.description]
    match += [t.message for t in entry.translations.values()]
    head = None
    if entry.message and "{" in entry.message:
        head = entry.message.split("{", 1)[0]
    from errdex.runtime.spec import wire_jsonrpc_code

    doc = f"{entry.code} {entry.name or ''}: {spec.title}".replace("  ", " ")
    return EntryFacts(
        ident=ident,
        code=entry.code,
        key="" if entry.code is None else _key(entry.code),
        space=entry.space,
        module=entry.module,
        name=entry.name,
        removed=entry.status == "removed",
        status=cls.status,
        rpc_status=spec.jsonrpc_status,
        rpc_code=spec.jsonrpc_code,
        rpc_known=wire_jsonrpc_code(entry, kinds.get(entry.space, "app")) is not None,
        rpc_bare=spec.jsonrpc_bare,
        ambiguous=spec.ambiguous,
        type_url=spec.type_url,
        title=spec.title,
        reason=spec.reason,
        google_status=google_status(cls.status),
        retryable=cls.retryable,
        retry_after=cls.retry_after,
        http_status=entry.http_status,
        params=tuple((k, p.type, p.public) for k, p in entry.params.items()),
        own=_texts(spec, None),
        texts=texts,
        match_texts=tuple(t for t in match if t),
        message_head=head,
        variants=tuple(Variant(v.message, v.retryable) for v in entry.variants),
        carried=spec.carried,
        doc=doc,
    )


def catalog_facts(catalog: Catalog, reserved: tuple[str, ...] = ()) -> CatalogFacts:
    """Compute the wire facts of ``catalog``; ``reserved`` names are kept from identifiers."""
    from errdex.runtime.state import runtime_of

    state = runtime_of(catalog)
    kinds = {s.id: s.kind for s in catalog.spaces.values()}
    idents = entry_idents(catalog.entries, reserved)
    entries = tuple(
        _entry(state, state.entry_class(e), ident, kinds)
        for e, ident in zip(catalog.entries, idents, strict=True)
    )
    from errdex.runtime.render import _GENERIC

    generic_cls = type("Generic", (state.server_error,), {"_spec": _GENERIC})
    generic = _entry(state, generic_cls, "", kinds)
    internal_entry = state.internal_entry()
    internal = None
    if internal_entry is not None:
        internal = next(i for i, e in enumerate(catalog.entries) if e is internal_entry)
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
    meta = catalog.meta
    return CatalogFacts(
        id=catalog.meta.id,
        default_locale=catalog.meta.default_locale,
        locales=state.locales,
        aliases=_aliases(state.locales),
        spaces=tuple((s.id, s.kind) for s in catalog.spaces.values()),
        modules=modules,
        profiles=profiles,
        entries=entries,
        internal=internal,
        internal_code=None if meta.internal_error is None else _key(meta.internal_error),
        generic=generic,
    )
