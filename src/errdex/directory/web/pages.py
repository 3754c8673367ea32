"""HTML pages of the web directory, rendered with Jinja2 (autoescape on) from :class:`Views` data.

One :class:`Pages` renders for both the live server and the static site; a
:class:`Links` says how the page links: absolute paths plus ``?lang=`` on the
server, relative paths under a locale prefix (``/zh-CN/…``) in the static
site, so the site works from any folder of any static host. Pages carry no
inline script or style: the CSS and the one JS file are served from
``/static/`` and the Content-Security-Policy forbids everything else.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup, escape

from errdex.directory.advice import variant_advice
from errdex.directory.search import SearchResult
from errdex.directory.web.fragments import FragmentMemo, Fragments
from errdex.directory.web.i18n import STRINGS, Language, entry_text, language_name
from errdex.directory.web.markup import MAX_SHORT, clip, highlight, rich, short
from errdex.directory.web.responses import example_responses, retry_advice
from errdex.directory.web.views import Views, catalog_path, module_path
from errdex.directory.web.visible import visible
from errdex.model import Catalog, Entry
from errdex.model.effective import retry_advice as advice_of
from errdex.runtime.locale import normalize_tag

PAGE_SIZE = 500
"""Rows per page of a catalog's or module's list of errors on the server."""

ASSETS = ("errdex.css", "errdex.js", "errdex-text.js", "errdex-search.js")
"""The packaged static files; the static site's search needs the last two
(``errdex-text.js``: tokenize and snippets, ``errdex-search.js``: the ranking)."""


def load_assets() -> dict[str, bytes]:
    """The static files shipped in the package, by name."""
    base = resources.files("errdex.directory.web") / "static"
    return {name: (base / name).read_bytes() for name in ASSETS}


def asset_version(assets: Mapping[str, bytes]) -> str:
    """A short hash of the assets, appended to their URLs so caches refresh on change."""
    digest = hashlib.sha256()
    for name in sorted(assets):
        digest.update(assets[name])
    return digest.hexdigest()[:10]


class Links:
    """How one page links to others: live server or static site (see the module docstring)."""

    def __init__(
        self,
        page: str,
        *,
        static: bool = False,
        lang: str | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> None:
        """``page`` is the site path of the page being rendered (without a locale prefix).

        Server: ``lang`` is the explicit ``?lang=``, kept on every link. Static:
        ``lang`` is the locale of this copy and ``prefixes`` maps each locale to
        its folder (``""`` for the default one).
        """
        self.page = page
        self.static = static
        self.lang = lang
        self.prefixes = dict(prefixes or {})

    def _prefix(self, lang: str | None) -> str:
        return self.prefixes.get(lang or "", "") if lang else ""

    def _relative(self, target: str) -> str:
        here = self._prefix(self.lang) + self.page
        base = here if here.endswith("/") else posixpath.dirname(here) + "/"
        rel = posixpath.relpath(target, base)
        if target.endswith("/") and not rel.endswith("/"):
            rel = "./" if rel == "." else rel + "/"
        return rel

    def href(self, path: str, query: Mapping[str, Any] | None = None) -> str:
        """The link to site path ``path`` (static site: relative, folders end in ``/``)."""
        if self.static:
            target = self._prefix(self.lang) + path
            if not target.endswith("/") and not target.rsplit("/", 1)[-1].count("."):
                target += "/"
            return self._relative(target)
        params = {k: v for k, v in (query or {}).items() if v not in (None, "")}
        if self.lang:
            params["lang"] = self.lang
        return path + ("?" + urlencode(params) if params else "")

    def asset(self, name: str, version: str) -> str:
        """The link to a static asset."""
        if self.static:
            return self._relative(f"/static/{name}") + f"?v={version}"
        return f"/static/{name}?v={version}"

    def root(self) -> str:
        """The site's root as a link from this page (static: relative, with no locale prefix)."""
        return self._relative("/") if self.static else "/"

    def switch(self, locale: str) -> str:
        """This page in another locale."""
        if self.static:
            other = Links(self.page, static=True, lang=locale, prefixes=self.prefixes)
            target = other._prefix(locale) + self.page
            return self._relative(target if target.endswith("/") else target + "/")
        return self.page + "?" + urlencode({"lang": locale})


_DICT_ATTRIBUTES = frozenset(dir(dict))

_TEXT_FIELDS = ("title", "message", "description", "solution")
"""The texts of an entry a code page shows, each in the page's language when translated."""
_TITLE, _PAGE, _MAIN = "\x00title\x00", "\x00page\x00", "\x00main\x00"
_MARKERS = re.compile(f"({_TITLE}|{_PAGE}|{_MAIN})")
"""Markers in a kept code-page frame (:meth:`Pages._frame`): no template or interface
string has a NUL; the frame is cut at them once, so a value put in their place is
never searched for markers."""


class _Environment(jinja2.Environment):
    """Jinja2 reading ``data.key`` of a plain dict as the item first.

    Jinja2 tries the attribute first and the item after an ``AttributeError``:
    every ``e.code`` of a page (a hundred per code page) raised and caught one.
    A name that is a dict attribute (``items``, ``get``…) still means the attribute,
    so every template reads what it read before.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class Pages:
    """Renders every HTML page of the directory for one registry."""

    def __init__(self, views: Views, *, assets: Mapping[str, bytes] | None = None) -> None:
        """Compile the templates once; ``assets`` default to the packaged CSS and JS."""
        self.views = views
        self.assets = dict(assets) if assets is not None else load_assets()
        self.version = asset_version(self.assets)
        self.static_index: str | None = None
        """The static site's search manifest, as a path from the site's root
        (:mod:`errdex.directory.static_index`); set by the site build."""
        self.env = _Environment(
            loader=jinja2.PackageLoader("errdex.directory.web", "templates"),
            auto_reload=False,  # packaged templates: no stat of each file per page
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["rich"] = rich
        self.env.filters["short"] = short
        self.env.filters["clip"] = clip
        self.keep_frames = True
        """Code pages on the server reuse a kept frame (:meth:`_frame`); False renders
        every frame (the same bytes)."""
        self._frames: dict[tuple[str | None, str, str | None], tuple[str, ...]] = {}
        self.fragments = FragmentMemo()
        """The kept request-independent parts of code pages (``FragmentMemo(size=0)``:
        none, every page renders whole)."""

    # -- common --------------------------------------------------------------

    def _render(self, template: str, lang: Language, links: Links, **context: Any) -> str:
        """A page from ``template``, control and bidi characters made visible (:mod:`.visible`)."""
        return visible(self._render_raw(template, lang, links, **context))

    def _render_raw(self, template: str, lang: Language, links: Links, **context: Any) -> str:
        t = lang.strings
        choices = [
            {
                "tag": tag,
                "name": language_name(tag),
                "href": links.switch(tag),
                "current": normalize_tag(tag) == normalize_tag(lang.explicit or lang.ui),
            }
            for tag in self.views.all_locales
        ]
        search_action = links.href("/search/") if links.static else links.href("/search")
        context.setdefault("query", "")
        context.setdefault("title", t["tagline"])
        return self.env.get_template(template).render(
            t=t,
            lang=lang,
            html_lang=lang.explicit or lang.ui,
            links=links,
            languages=choices,
            css=links.asset("errdex.css", self.version),
            js=links.asset("errdex.js", self.version),
            home=links.href("/"),
            search_action=search_action,
            search_api=None if links.static else "/api/search",
            search_index=links.root() + self.static_index
            if links.static and self.static_index
            else None,
            search_js=[links.asset(n, self.version) for n in ("errdex-text.js", "errdex-search.js")]
            if links.static
            else [],
            site_prefix=links._prefix(links.lang).lstrip("/") if links.static else "",
            site_root=links.root() if links.static else "/",
            static=links.static,
            **context,
        )

    def _row(self, catalog_id: str, entry: Entry, locale: str, links: Links) -> dict[str, Any]:
        brief = self.views.entry_brief(catalog_id, entry, locale)
        brief["href"] = links.href(brief["url"])
        return brief

    def _paged(self, rows: Sequence[Entry], page: int, paged: bool) -> tuple[Sequence[Entry], int]:
        if not paged:
            return rows, 1
        pages = max(1, -(-len(rows) // PAGE_SIZE))
        page = min(max(page, 1), pages)
        return rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE], pages

    # -- pages ---------------------------------------------------------------

    def home(self, lang: Language, links: Links) -> str:
        """The home page: the search box and every catalog."""
        catalogs = []
        for data in self.views.catalogs():
            data["href"] = links.href(data["url"])
            catalogs.append(data)
        return self._render("home.html", lang, links, catalogs=catalogs)

    def catalog(
        self, catalog_id: str, lang: Language, links: Links, *, page: int = 1, paged: bool = True
    ) -> str:
        """A catalog's page: its description, spaces, modules and errors."""
        cat = self.views.registry.catalogs[catalog_id]
        locale = self.views.locale(lang, cat)
        info = self.views.catalog_summary(catalog_id)
        modules = [self.views.module_summary(catalog_id, m) for m in cat.modules]
        for m in modules:
            m["href"] = links.href(m["url"])
        loose = [e for e in cat.entries if e.module is None or e.module not in cat.modules]
        shown, pages = self._paged(loose, page, paged)
        return self._render(
            "catalog.html",
            lang,
            links,
            title=info["title"] or catalog_id,
            catalog=info,
            spaces=list(cat.spaces.values()),
            modules=modules,
            rows=[self._row(catalog_id, e, locale, links) for e in shown],
            pager=self._pager(links, links.page, page, pages),
            locale=locale,
        )

    def module(
        self,
        catalog_id: str,
        module: str,
        lang: Language,
        links: Links,
        *,
        page: int = 1,
        paged: bool = True,
    ) -> str:
        """A module's page: its description and its errors."""
        cat = self.views.registry.catalogs[catalog_id]
        locale = self.views.locale(lang, cat)
        info = self.views.module_summary(catalog_id, module)
        shown, pages = self._paged(cat.module_entries(module), page, paged)
        return self._render(
            "module.html",
            lang,
            links,
            title=f"{info['title'] or module} · {catalog_id}",
            catalog=self.views.catalog_summary(catalog_id)
            | {"href": links.href(catalog_path(catalog_id))},
            module=info,
            rows=[self._row(catalog_id, e, locale, links) for e in shown],
            pager=self._pager(links, links.page, page, pages),
            locale=locale,
        )

    def _pager(self, links: Links, path: str, page: int, pages: int) -> dict[str, Any] | None:
        if pages <= 1:
            return None
        return {
            "page": page,
            "pages": pages,
            "prev": links.href(path, {"page": page - 1}) if page > 1 else None,
            "next": links.href(path, {"page": page + 1}) if page < pages else None,
        }

    def entries(self, found: Sequence[tuple[str, Entry]], lang: Language, links: Links) -> str:
        """The permalink page of one code (several when a docs URL names several entries)."""
        items = [self._entry_view(cid, entry, lang, links) for cid, entry in found]
        first = items[0]
        title = f"{first['code']} · {first['title'] or first['catalog']['title']}"
        main = self.env.get_template("_entry_main.html").render(
            t=lang.strings,
            home=links.href("/"),
            static=links.static,
            html_lang=lang.explicit or lang.ui,
            items=items,
        )
        if links.static or not self.keep_frames:
            return self._render("entry.html", lang, links, title=title, main=Markup(main))
        parts = self._frame(lang, links)
        fill = {
            _TITLE: visible(str(escape(title))),
            _PAGE: visible(str(escape(links.page))),
            _MAIN: visible(main),
        }
        return "".join([fill.get(part, part) for part in parts])

    def _frame(self, lang: Language, links: Links) -> tuple[str, ...]:
        """The server's code-page frame for one language: the page rendered with markers
        for its title, its path (the only parts of the frame that differ between code
        pages) and its main part, cut at the markers; kept per language."""
        key = (lang.explicit, lang.ui, links.lang)
        found = self._frames.get(key)
        if found is None:
            page = self._render_raw(  # its markers hold NULs: made visible part by part
                "entry.html",
                lang,
                Links(_PAGE, lang=links.lang),
                title=_TITLE,
                main=Markup(_MAIN),
            )
            found = tuple(p if _MARKERS.fullmatch(p) else visible(p) for p in _MARKERS.split(page))
            if len(self._frames) >= 256:  # one per language pair: a few in practice
                self._frames.clear()
            self._frames[key] = found
        return found

    def _entry_view(
        self, catalog_id: str, entry: Entry, lang: Language, links: Links
    ) -> dict[str, Any]:
        views = self.views
        cat = views.registry.catalogs[catalog_id]
        locale = views.locale(lang, cat)
        texts = {}
        for field in _TEXT_FIELDS:
            value, tag = entry_text(cat, entry, field, locale)
            texts[field] = {"text": value or "", "lang": tag}
        space = cat.spaces.get(entry.space)
        module = cat.modules.get(entry.module) if entry.module else None
        replaced = None
        if entry.replaced_by is not None:
            target = (
                cat.get(entry.replaced_by, entry.space)
                if not isinstance(entry.replaced_by, tuple)
                else None
            )
            replaced = {
                "code": entry.replaced_by,
                "href": links.href(views.path(catalog_id, target)) if target is not None else None,
            }
        detail = views.entry_detail(catalog_id, entry)
        texts_html, more_html = self._fragments(catalog_id, entry, cat, locale, lang.ui, texts)
        return {
            "catalog": {
                "id": catalog_id,
                "title": short(cat.meta.title) or catalog_id,
                "lang": cat.meta.default_locale,  # of its title and its modules' titles
                "href": links.href(catalog_path(catalog_id)),
            },
            "code": entry.code,
            "name": entry.name,
            "space": {
                "id": entry.space,
                "kind": space.kind if space else "app",
                "title": short(space.title) if space else None,
            },
            "module": {
                "id": module.id,
                "title": short(module.title) or module.id,
                "href": links.href(module_path(catalog_id, module.id)),
            }
            if module
            else None,
            "title": short(texts["title"]["text"]) or entry.name or "",
            "texts": texts,
            "state": detail["state"],
            "status": entry.status,
            "since": entry.since,
            "reason": entry.reason,
            "replaced": replaced,
            "http_status": entry.http_status,
            "jsonrpc_code": entry.jsonrpc_code,
            "retryable": advice_of(cat, entry).retryable,
            "retry_after": entry.retry_after,
            "type_url": views.registry.entry_url(catalog_id, entry),
            "api": detail["api"],
            "texts_html": texts_html,
            "more_html": more_html,
            "anchor": f"{catalog_id}-{entry.space}-{entry.code}",
        }

    def _fragments(
        self,
        catalog_id: str,
        entry: Entry,
        cat: Catalog,
        locale: str,
        ui: str,
        texts: dict[str, dict[str, str]],
    ) -> Fragments:
        """The request-independent parts of an entry's article (:mod:`.fragments`), kept
        per entry, content locale and interface language."""
        key = (id(entry), catalog_id, locale, ui)
        found = self.fragments.get(key)
        if found is not None:
            return found
        own = entry.locale or cat.meta.default_locale
        translations: list[dict[str, Any]] = []
        for tag, tr in entry.translations.items():
            if normalize_tag(tag) == normalize_tag(locale):
                continue
            translations.append({"tag": tag, "name": language_name(tag), "tr": tr})
        # The original texts, of the fields shown translated only: a field without a
        # translation is shown in the original already, and is not repeated here.
        original = {
            f: getattr(entry, f) if normalize_tag(texts[f]["lang"]) != normalize_tag(own) else None
            for f in _TEXT_FIELDS
        }
        if any(original.values()):
            translations.insert(0, {"tag": own, "name": language_name(own), "tr": original})
        e = {
            "texts": texts,
            "anchor": f"{catalog_id}-{entry.space}-{entry.code}",
            "retry_advice": retry_advice(cat, entry, ui),
            "responses": example_responses(cat, entry, locale),
            "params": [(name, p) for name, p in list(entry.params.items())[:100]],
            "variants": [
                {**v._asdict(), "retry": variant_advice(cat, entry, v, ui)}
                for v in entry.variants[:100]
            ],
            "examples": [
                {"title": ex.title, "lang": ex.lang, "body": clip(ex.body)}
                for ex in entry.examples[:20]
            ],
            "translations": translations,
        }
        t = STRINGS[ui]
        found = (
            Markup(self.env.get_template("_entry_texts.html").render(t=t, e=e)),
            Markup(self.env.get_template("_entry_more.html").render(t=t, e=e)),
        )
        self.fragments.put(key, found)
        return found

    def search(self, query: str, result: SearchResult | None, lang: Language, links: Links) -> str:
        """The search page: results of ``query`` (server), or an empty list JS fills (static)."""
        hits = []
        if result is not None:
            for hit in result.hits:
                data = self.views.hit(hit, lang.explicit)
                data["href"] = links.href(data["url"])
                snippet = data["snippet"]
                data["snippet_html"] = (
                    highlight(snippet["text"][: MAX_SHORT * 2], snippet["marks"]) if snippet else ""
                )
                hits.append(data)
        return self._render(
            "search.html",
            lang,
            links,
            title=f"{lang.strings['search']}: {clip(query, 80)}"
            if query
            else lang.strings["search"],
            query=query,
            result=result,
            hits=hits,
            suggested=[
                {"q": q, "href": links.href("/search", {"q": q})}
                for q in (result.suggestions if result is not None else ())
            ],
        )

    def error(self, status: int, title: str, detail: str, lang: Language, links: Links) -> str:
        """A friendly error page (404, 400…) with the search box."""
        return self._render(
            "error.html", lang, links, title=title, status=status, heading=title, detail=detail
        )
