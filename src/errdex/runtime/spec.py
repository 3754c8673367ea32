"""What errdex precomputes once per entry: statuses, codes, URLs, compiled templates.

An :class:`EntrySpec` is built when an entry's class is first made and lives
on that class (``cls._spec``). Every render reads it instead of recomputing:
the HTTP status, the JSON-RPC code, the problem ``type`` URL and ``title``,
the google ``reason``, the parameter types and which parameters are private,
and per locale the compiled message template and texts (:class:`Texts`).
Profiles keep their own per-entry precomputed pieces in :attr:`EntrySpec.cache`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from errdex.model import Entry
from errdex.model.effective import sent_status, stated_http_status, stated_jsonrpc_code
from errdex.model.wire import JSONRPC_INTERNAL_ERROR
from errdex.runtime.status import phrase
from errdex.runtime.template import Template, compile_template

if TYPE_CHECKING:
    from errdex.model import Catalog

JSONRPC_INTERNAL = JSONRPC_INTERNAL_ERROR
"""JSON-RPC "Internal error": the code of errors that have no JSON-RPC code of their own."""

_NOT_WORD = re.compile(r"[^A-Za-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


class Texts(NamedTuple):
    """An entry's texts in one locale, each with the fallback chain applied."""

    locale: str
    """The locale the message text is written in (the requested one or a fallback)."""
    template: Template
    title: str
    description: str | None
    solution: str | None
    public: Template
    """The message template for public output: non-public placeholders kept as ``{name}``."""


def google_reason(entry: Entry) -> str:
    """Return an AIP-193 ``reason`` for an entry: UPPER_SNAKE_CASE of its name, else its code."""
    if entry.name:
        text = _CAMEL.sub("_", entry.name)
    else:
        code = entry.code
        text = f"CODE_MINUS_{-code}" if type(code) is int and code < 0 else f"CODE_{code}"
    text = _NOT_WORD.sub("_", text).strip("_").upper() or "UNKNOWN"
    if not text[0].isalpha():
        text = "E_" + text
    return text[:63].rstrip("_")


wire_jsonrpc_code = stated_jsonrpc_code
"""The JSON-RPC code the catalog gives an entry (the model's ``stated_jsonrpc_code``)."""


class EntrySpec:
    """The precomputed, read-only facts about one entry that every render needs."""

    __slots__ = (
        "_texts",
        "ambiguous",
        "cache",
        "carried",
        "catalog",
        "code",
        "entry",
        "http_status",
        "jsonrpc_bare",
        "jsonrpc_code",
        "jsonrpc_known",
        "jsonrpc_status",
        "own_locale",
        "param_types",
        "private",
        "public",
        "reason",
        "static_message",
        "status",
        "title",
        "type_url",
    )

    def __init__(self, catalog: Catalog | None, entry: Entry, *, synthetic: bool = False) -> None:
        """Precompute the facts of ``entry``. ``synthetic`` marks an entry made up for
        a code the catalog lacks (a decoded unknown code, a bare internal error):
        it has no docs URL and is never ambiguous."""
        self.catalog = catalog
        self.entry = entry
        self.code = entry.code
        space = catalog.spaces.get(entry.space) if catalog is not None else None
        kind = space.kind if space is not None else "app"
        self.http_status: int | None = stated_http_status(entry, kind)
        """The HTTP status the catalog states (entry, module, space or http-space code)."""
        self.status: int = sent_status(catalog, entry)
        """HTTP status for problem, google and plain profiles: stated, else 500/400."""
        self.jsonrpc_status: int = sent_status(catalog, entry, jsonrpc=True)
        """HTTP status for the JSON-RPC profile: stated, else 200."""
        code = stated_jsonrpc_code(entry, kind)
        self.jsonrpc_known = code is not None
        """Whether the JSON-RPC code is the catalog's (not the -32603 fallback)."""
        self.jsonrpc_code: int = code if code is not None else JSONRPC_INTERNAL_ERROR
        self.carried: tuple[str, ...] = tuple(
            s.id
            for s in (catalog.spaces.values() if catalog else ())
            if s.carried_in == entry.space
        )
        """Spaces whose codes travel inside this entry's errors (``carried_in``)."""
        self.ambiguous = not synthetic and catalog is not None and len(catalog.find(entry.key)) > 1
        """Whether the code exists in several spaces (envelopes then carry the space)."""
        bare = self.jsonrpc_known and self.jsonrpc_code == entry.key
        if bare and self.ambiguous and catalog is not None:
            kinds = {sp.id: sp.kind for sp in catalog.spaces.values()}
            home = [e for e in catalog.find(entry.key) if kinds.get(e.space) == "jsonrpc"]
            bare = bool(home) and home[0] is entry
        self.jsonrpc_bare: bool = bare or entry.code is None
        """Whether a JSON-RPC error needs no ``data`` to name this entry: the wire code is
        the catalog code and no other entry (or, in a ``jsonrpc`` space, no earlier one) has it."""
        url = None if synthetic or catalog is None else catalog.docs_url(entry)
        self.type_url = url or "about:blank"
        self.title = entry.display_title if url else phrase(self.status)
        self.reason = google_reason(entry)
        self.param_types = {k: p.type for k, p in entry.params.items()}
        self.private = frozenset(k for k, p in entry.params.items() if not p.public)
        self.own_locale = entry.locale or (catalog.meta.default_locale if catalog else "en")
        self._texts: dict[str, Texts] = {}
        self.cache: dict[Any, Any] = {}
        """Per-profile precomputed pieces, keyed by the profile's own keys."""
        own = self.texts(None)
        self.static_message: str | None = own.template.static
        """The message in the catalog's language when it has no placeholder, else None."""
        self.public: Template = own.public
        """The public message template in the catalog's language (``public.fill(params)``)."""

    def texts(self, locale: str | None) -> Texts:
        """Return the entry's texts in ``locale`` (None: the catalog's own language).

        Each text falls back on its own: the locale's translation, then its
        language's (``zh`` for ``zh-TW``), then the entry's own text. The
        message falls back to the description, then the title.
        """
        key = locale or self.own_locale
        found = self._texts.get(key)
        if found is None:
            found = self._build_texts(key)
            self._texts[key] = found
        return found

    def _build_texts(self, locale: str) -> Texts:
        entry = self.entry
        chain = []
        if locale.lower() != self.own_locale.lower():
            translations = {k.lower(): v for k, v in entry.translations.items()}
            for probe in (locale.lower(), locale.lower().split("-", 1)[0]):
                if probe in translations:
                    chain.append((probe, translations[probe]))

        def pick(field: str) -> tuple[str | None, str]:
            for probe, translation in chain:
                value = getattr(translation, field)
                if value:
                    return value, probe
            return getattr(entry, field), self.own_locale

        message, where = pick("message")
        description, d_where = pick("description")
        title, t_where = pick("title")
        solution, _ = pick("solution")
        if not message:
            message, where = (description, d_where) if description else (title, t_where)
        if not message:
            message, where = entry.name or str(entry.code), self.own_locale
        shown_title = title or entry.display_title
        if self.type_url == "about:blank":
            shown_title = self.title
        spelled = next((k for k in entry.translations if k.lower() == where), where)
        template = compile_template(message)
        public = template.hide(self.private)
        return Texts(spelled, template, shown_title, description, solution, public)

    def template(self, locale: str | None) -> Template:
        """Return the compiled message template in ``locale``."""
        return self.texts(locale).template

    def public_message(self, params: Any, locale: str | None = None) -> str:
        """Render the message for public output: values capped, private ones kept as ``{name}``."""
        return self.texts(locale).public.fill(params)
