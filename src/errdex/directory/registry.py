"""The registry: many catalogs loaded together, with lookup, search and permalink paths.

    from errdex.directory import Registry

    reg = Registry.default()              # args > $ERRDEX_CATALOGS > config file > examples
    reg.lookup("1003")                    # [Match(subquery…), Match(yuanrong…)]: all of them
    reg.lookup("0x3EB"); reg.lookup("invalidjwt")
    reg.search("rate limit", space="http")  # SearchResult(hits=[Hit…], total=…)
    reg.entry_url_path("csghub", entry)   # "/csghub/AUTH-ERR-4": where the web directory serves it
    reg.resolve_path("/csghub/auth-err-4")  # ("csghub", Entry(...))

Lookup is Err.exe-style: one query can match several catalogs and code
spaces, by code (decimal, hex, any case) or by name (any case); every match is
returned, grouped by catalog (registry order) and then catalog order. A
catalog that fails to load is a diagnostic in :attr:`Registry.problems`, never
an exception. The search index (:mod:`errdex.directory.search`) is built on
first use, or up front with :meth:`Registry.warm`; with an
:class:`~errdex.directory.diskcache.IndexCache` (``from_paths(..., cache=)``)
it is read from the cache when the catalog files are unchanged, and stored
there after a build.

Permalink paths (:meth:`Registry.entry_url_path`): the path part of the URL
the entry's ``docs_url`` (else the catalog's ``docs_url`` template) gives,
filled exactly as the runtime fills a problem+json ``type``; with no template,
``/<catalog-id>/<space>/<code>``. The web directory serves exactly these
paths, so ``type`` links resolve. Two entries can share a path (a template
without ``{space}`` and a code in two spaces, like Alchemy's 429):
:meth:`Registry.resolve_path` returns the first, :meth:`Registry.resolve_path_all`
all of them.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from errdex.directory import config, typo
from errdex.directory.diskcache import IndexCache
from errdex.directory.fingerprint import fingerprint
from errdex.directory.search import Filters, Hit, SearchIndex, SearchResult
from errdex.io import Diagnostic, find_catalogs, read_valid, refusals
from errdex.io.diagnostic import rule
from errdex.model import Catalog, Code, Entry, normalize_code, parse_code_query
from errdex.model.urls import permalink_path

DUPLICATE_CATALOG = rule("E501")

HOWS = ("code", "hex", "case-insensitive", "name", "name-case-insensitive")
"""How a :class:`Match` was found: the code as written, the code in hex, the code
in another case, the name, the name in another case."""

STATES = ("active", "deprecated", "removed", "undocumented")

_HEX = re.compile(r"[+-]?0[xX][0-9a-fA-F]+")


def entry_state(entry: Entry) -> str:
    """``removed``, ``deprecated``, ``undocumented`` (no message, description or
    solution in any locale) or ``active``, first that applies."""
    if entry.status in ("removed", "deprecated"):
        return entry.status
    if entry.message or entry.description or entry.solution:
        return "active"
    for tr in entry.translations.values():
        if tr.message or tr.description or tr.solution:
            return "active"
    return "undocumented"


class Match(NamedTuple):
    """An entry a lookup found: its catalog, how it matched (:data:`HOWS`), its :data:`STATES`."""

    catalog_id: str
    entry: Entry
    how: str
    state: str

    @property
    def space(self) -> str:
        """The entry's code space."""
        return self.entry.space

    @property
    def code(self) -> Code:
        """The entry's code as the catalog writes it."""
        return self.entry.code


class Registry:
    """Many catalogs at once, by id in load order; lookups, search and permalink paths over all.

    Build it with :meth:`from_paths` or :meth:`default`; ``problems`` holds the
    diagnostics of catalogs that could not be loaded (and of a bad config).
    """

    def __init__(
        self,
        catalogs: Sequence[Catalog],
        problems: Sequence[Diagnostic] = (),
        *,
        origin: str = "arguments",
    ) -> None:
        """Hold ``catalogs``; a catalog whose id is already taken is skipped and reported."""
        kept: dict[str, Catalog] = {}
        found = list(problems)
        for cat in catalogs:
            if cat.meta.id in kept:
                src = cat.sources[0] if cat.sources else None
                found.append(
                    Diagnostic(
                        DUPLICATE_CATALOG,
                        f"catalog id {cat.meta.id!r} is already loaded; this catalog is skipped",
                        source=src,
                        path=("catalog", "id"),
                        hint="give each catalog of a registry its own [catalog] id",
                    )
                )
                continue
            kept[cat.meta.id] = cat
        self.catalogs: Mapping[str, Catalog] = MappingProxyType(kept)
        """The catalogs by id, in load order."""
        self.problems: tuple[Diagnostic, ...] = tuple(found)
        """Diagnostics of catalogs or config that could not be used."""
        self.origin = origin
        """Where the catalog list came from (see :class:`config.RegistryConfig`)."""
        by_code: dict[Code, list[tuple[str, Entry]]] = {}
        by_name: dict[str, list[tuple[str, Entry]]] = {}
        for cid, cat in kept.items():
            for entry in cat.entries:
                by_code.setdefault(entry.key, []).append((cid, entry))
                if entry.name:
                    by_name.setdefault(entry.name.casefold(), []).append((cid, entry))
        self._by_code = by_code
        self._by_name = by_name
        self._order = {cid: i for i, cid in enumerate(kept)}
        """Catalog id → its place in the registry (matches are grouped by it)."""
        self._name_alphabet = "".join(sorted({ch for name in by_name for ch in name}))
        self._index: SearchIndex | None = None
        self._paths: dict[str, list[tuple[str, Entry]]] | None = None
        self._lock = threading.Lock()
        self._docs = [(cat, e) for cat in kept.values() for e in cat.entries]
        """Every ``(catalog, entry)`` in search-index rowid order."""
        self._cache: tuple[IndexCache, tuple[Path, ...], str] | None = None
        """Where the index is cached: the cache, the registry's paths, their fingerprint."""
        self.index_progress: Callable[[int], None] | None = None
        """Told ``(done)`` entries while :attr:`index` is built on first use (a search or a
        suggestion needs it): how a caller that cannot know whether it will be built (an
        unknown code's suggestions) still shows how far the build is."""

    def __repr__(self) -> str:
        size = sum(len(c) for c in self.catalogs.values())
        return f"<Registry {list(self.catalogs)} ({size} entries)>"

    # -- building --------------------------------------------------------------

    @classmethod
    def from_paths(
        cls,
        paths: Sequence[str | Path],
        *,
        origin: str = "arguments",
        cache: IndexCache | None = None,
    ) -> Registry:
        """Load every catalog under ``paths`` (each a catalog or a folder of catalogs).

        Catalogs that fail to load (or load with errors) are left out and their
        diagnostics kept in :attr:`problems`. With ``cache``, the search index
        of a registry that loads without problems is read from the cache when
        the files are unchanged, and stored there after a build.
        """
        key = fingerprint(paths) if cache is not None else None
        catalogs: list[Catalog] = []
        problems: list[Diagnostic] = []
        for path in paths:
            for found in find_catalogs(path):
                catalog, diagnostics = read_valid(found)
                if catalog is None or refusals(diagnostics):
                    problems += [d for d in diagnostics if d.severity == "error"]
                else:
                    catalogs.append(catalog)
        registry = cls(catalogs, problems, origin=origin)
        if cache is not None and key is not None and not registry.problems:
            registry._cache = (cache, tuple(Path(p) for p in paths), key)
        return registry

    @classmethod
    def default(
        cls,
        paths: Sequence[str | Path] | None = None,
        *,
        environ: Mapping[str, str] | None = None,
        cwd: str | Path | None = None,
        cache: IndexCache | None = None,
    ) -> Registry:
        """Load the registry the configuration names: explicit ``paths`` >
        ``$ERRDEX_CATALOGS`` > ``errdex-registry.toml`` in ``cwd`` > the bundled examples.
        ``cache`` as for :meth:`from_paths`."""
        resolved = config.resolve(paths, environ=environ, cwd=cwd)
        if resolved.problems:
            cache = None
        registry = cls.from_paths(resolved.paths, origin=resolved.origin, cache=cache)
        if resolved.problems:
            registry.problems = resolved.problems + registry.problems
        return registry

    # -- browsing --------------------------------------------------------------

    @property
    def catalog_ids(self) -> tuple[str, ...]:
        """The ids of the catalogs, in load order."""
        return tuple(self.catalogs)

    def catalog(self, catalog_id: str) -> Catalog:
        """Return the catalog with this id; raise ``KeyError`` naming the known ids."""
        try:
            return self.catalogs[catalog_id]
        except KeyError:
            known = ", ".join(self.catalogs) or "none"
            raise KeyError(
                f"no catalog {catalog_id!r} in the registry (catalogs: {known})"
            ) from None

    def entries(self) -> Iterator[tuple[str, Entry]]:
        """Yield ``(catalog_id, entry)`` for every entry of every catalog, in order."""
        for cid, cat in self.catalogs.items():
            for entry in cat.entries:
                yield cid, entry

    # -- lookup ----------------------------------------------------------------

    def lookup(
        self, query: str, *, catalog: str | None = None, space: str | None = None
    ) -> list[Match]:
        """Return every entry whose code or name is ``query``, grouped by catalog.

        Accepts decimal and hex numbers (``1003``, ``0x3EB``), string codes in
        any case (``auth-err-4``), names in any case (``invalidjwt``), and a
        code in backticks or quotes. Code matches come before name matches
        within a catalog.
        """
        raw = query.strip().strip("`'\"").strip()
        if not raw or len(raw) > 200:
            return []
        found: list[tuple[str, Entry, str]] = []
        for key in parse_code_query(raw):
            for cid, entry in self._by_code.get(key, ()):
                if type(key) is int and _HEX.fullmatch(raw):
                    how = "hex"
                elif type(entry.code) is str and entry.code.strip() != raw:
                    how = "case-insensitive"
                else:
                    how = "code"
                found.append((cid, entry, how))
        for cid, entry in self._by_name.get(raw.casefold(), ()):
            found.append((cid, entry, "name" if entry.name == raw else "name-case-insensitive"))
        return self._matches(found, catalog, space)

    def _matches(
        self, found: list[tuple[str, Entry, str]], catalog: str | None, space: str | None
    ) -> list[Match]:
        if len(found) == 1 and catalog is None and space is None:  # most lookups: one entry
            cid, entry, how = found[0]
            return [Match(cid, entry, how, entry_state(entry))]
        order = self._order
        seen: set[int] = set()
        out: list[tuple[int, int, Match]] = []
        for n, (cid, entry, how) in enumerate(found):
            if (
                id(entry) in seen
                or (catalog is not None and cid != catalog)
                or (space is not None and entry.space != space)
            ):
                continue
            seen.add(id(entry))
            out.append((order[cid], n, Match(cid, entry, how, entry_state(entry))))
        out.sort(key=lambda t: (t[0], t[1]))
        return [m for _, _, m in out]

    def suggest(
        self, query: str, *, catalog: str | None = None, space: str | None = None, limit: int = 5
    ) -> list[Match]:
        """Return up to ``limit`` entries whose code or name is close to ``query`` (did you mean).

        Spelling-close codes and names first (``difflib``); when none is close,
        the best full-text search hits.
        """
        raw = query.strip().strip("`'\"").strip()[:200]
        if not raw or limit <= 0:
            return []
        candidates: dict[str, list[tuple[str, Entry]]] = {}
        for key, pairs in self._by_code.items():
            candidates.setdefault(str(key).casefold(), []).extend(pairs)
        for name, pairs in self._by_name.items():
            candidates.setdefault(name, []).extend(pairs)
        found: list[tuple[str, Entry, str]] = []
        for close in difflib.get_close_matches(
            raw.casefold(), list(candidates), n=limit * 3, cutoff=0.6
        ):
            found += [(cid, e, "similar") for cid, e in candidates[close]]
        if not found:
            hits = self.search(raw, catalog=catalog, space=space, limit=limit).hits
            found = [(h.catalog_id, h.entry, "search") for h in hits]
        matches = self._matches(found, catalog, space)
        rank = {id(e): i for i, (_, e, _) in enumerate(found)}
        matches.sort(key=lambda m: rank[id(m.entry)])
        return matches[:limit]

    # -- search ----------------------------------------------------------------

    @property
    def index(self) -> SearchIndex:
        """The full-text index over every entry: from the cache when it holds this
        registry's, else built (and then cached) on first use (telling
        :attr:`index_progress`)."""
        return self.build_index(self.index_progress)

    def build_index(self, progress: Callable[[int], None] | None = None) -> SearchIndex:
        """The search index (:attr:`index`), read from the cache or built now;
        ``progress(done)`` hears how many entries a build has indexed."""
        index = self._index
        if index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._cached_index() or self._build_index(progress)
                index = self._index
        return index

    def _cached_index(self) -> SearchIndex | None:
        """The cached index of these catalogs, when the files still hash to the key they
        were loaded under (no edit since) and the index holds the same catalogs."""
        if self._cache is None:
            return None
        cache, paths, key = self._cache
        db = cache.load(key)
        if db is None:
            return None
        sizes = tuple((cid, len(cat.entries)) for cid, cat in self.catalogs.items())
        try:
            index = SearchIndex(db)
        except ValueError:
            return None
        if index.catalogs != sizes or fingerprint(paths) != key:
            return None
        return index

    def _build_index(self, progress: Callable[[int], None] | None = None) -> SearchIndex:
        index = SearchIndex.build(self._docs, self.entry_url_path, progress)
        if self._cache is not None:
            cache, paths, key = self._cache
            if fingerprint(paths) == key:  # the files did not change while they were loaded
                cache.store(key, index.db)
        return index

    def warm(self) -> Registry:
        """Build the search index and the permalink table now (a server calls this at start)."""
        self.index  # noqa: B018 - builds it
        self._path_table()
        return self

    def search(
        self,
        query: str,
        *,
        catalog: str | None = None,
        module: str | None = None,
        space: str | None = None,
        http_status: int | None = None,
        retryable: bool | None = None,
        locale: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResult:
        """Ranked full-text search over codes, names and all texts in every locale.

        Exact code and name matches (:meth:`lookup`) come first, then names
        one edit away (:meth:`near_names`), then the ranking tiers of
        :mod:`errdex.directory.search` (exact title, title start, phrase, BM25
        where code and name weigh most, then title and message, then
        description and solution). All words must match, the last as a prefix;
        when nothing matches all words, any word may. Any text is a valid
        query: operators and quotes are treated as separators, and a query
        longer than 256 characters or 16 terms is cut (``truncated``).
        ``locale`` keeps entries with text in that locale (``zh`` matches
        ``zh-CN``) and takes snippets from it. An empty query with a filter
        lists the filtered entries; with none it finds nothing.
        """
        filters = Filters(catalog, module, space, http_status, retryable, locale)
        page = self.index.search(query, filters, limit=limit, offset=offset)
        docs = self._docs
        hits = [
            Hit(f.doc.catalog_id, docs[f.rowid - 1][1], f.score, f.snippet, f.fields)
            for f in page.hits
        ]
        return SearchResult(
            page.query,
            hits,
            page.total,
            page.limit,
            page.offset,
            page.truncated,
            suggestions=page.suggestions,
        )

    def near_names(self, query: str) -> list[tuple[str, Entry]]:
        """Entries whose name is one edit away from a one-word ``query`` (any case).

        ``invalidJTW`` finds ``invalidJWT``; words shorter than
        :data:`typo.MIN_LENGTH` and queries of several words find nothing.
        """
        raw = query.strip().strip("`'\"").strip()
        if not raw or len(raw) > 100 or any(ch.isspace() for ch in raw):
            return []
        out: list[tuple[str, Entry]] = []
        for name in typo.near(raw.casefold(), self._by_name, self._name_alphabet):
            out += self._by_name[name]
        order = self._order
        out.sort(key=lambda pair: order[pair[0]])
        return out

    # -- permalinks ------------------------------------------------------------

    def entry_url(self, catalog_id: str, entry: Entry) -> str | None:
        """The entry's full docs URL (the problem+json ``type``), or None without a template."""
        return self.catalog(catalog_id).docs_url(entry)

    def entry_url_path(self, catalog_id: str, entry: Entry) -> str:
        """The URL path of the entry's permalink page (see the module docstring for the rule)."""
        return permalink_path(self.entry_url(catalog_id, entry), catalog_id, entry)

    def _path_table(self) -> dict[str, list[tuple[str, Entry]]]:
        table = self._paths
        if table is None:
            table = {}
            for cid, entry in self.entries():
                path = _path_key(self.entry_url_path(cid, entry))
                table.setdefault(path, []).append((cid, entry))
                folded = path.casefold()
                if folded != path:
                    table.setdefault(folded, []).append((cid, entry))
            self._paths = table
        return table

    def resolve_path_all(self, path: str, *, decoded: bool = False) -> list[tuple[str, Entry]]:
        """Every ``(catalog_id, entry)`` whose permalink is ``path`` (a path or a full URL).

        Percent-encoding, a trailing slash and letter case do not matter. With
        ``decoded=True`` ``path`` is a path already percent-decoded once (an ASGI
        scope's ``path``, as uvicorn and Starlette give it): it is not decoded
        again, and a ``?`` or ``#`` in it is a character of the path, so the
        code ``%2e%2e`` (permalink ``/odd/%252e%252e``, ``scope["path"]``
        ``/odd/%2e%2e``) is found, not taken for ``/odd/..``.
        """
        if decoded:
            key = _strip_slash(path)
        else:
            if "://" in path:
                path = urlsplit(path).path
            key = _path_key(path)
        table = self._path_table()
        return list(table.get(key) or table.get(key.casefold()) or ())

    def resolve_path(self, path: str, *, decoded: bool = False) -> tuple[str, Entry] | None:
        """The entry whose permalink is ``path``, or None; the first when several share it."""
        found = self.resolve_path_all(path, decoded=decoded)
        return found[0] if found else None


def _path_key(path: str) -> str:
    """The table key of an encoded path: without query and fragment, decoded once."""
    return _strip_slash(unquote(path.split("?", 1)[0].split("#", 1)[0]))


def _strip_slash(path: str) -> str:
    """``path`` without trailing slashes (``/`` itself stays)."""
    return path.rstrip("/") if len(path) > 1 else path


__all__ = [
    "DUPLICATE_CATALOG",
    "HOWS",
    "STATES",
    "Match",
    "Registry",
    "entry_state",
    "normalize_code",
]
