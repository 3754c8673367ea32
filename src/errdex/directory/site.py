"""``errdex build --site OUT``: the web directory as a static site for any static host.

Every page the server renders is written as ``index.html`` under its path —
the home page, ``catalogs/<id>/``, ``catalogs/<id>/modules/<module>/``,
``search/`` and each code's permalink path (:meth:`Registry.entry_url_path`),
so problem+json ``type`` URLs resolve on the static host too. Links are
relative, so the site works from any folder. The search box ranks in the
browser exactly as the server does, from a chunked index under
``static/search/`` cut from the server's own search database
(:mod:`errdex.directory.static_index`): a query fetches only the chunks it
needs, and every index file's name holds its content hash.
The default copy is English (or the registry's first locale); each other
locale is a full copy under ``<locale>/`` (``zh-CN/csghub/AUTH-ERR-4/``), and
the language switch links between copies.

A code whose permalink a static host cannot serve from folders (the code
``A/B``, ``../../etc``) or that is a page of the directory itself gets its page
at a path of its own, and every link points there
(:mod:`errdex.directory.sitepaths`); the report lists each such move.

Nothing is written outside ``OUT``: every file's path is resolved and
checked to lie inside the build folder before it is written
(:func:`confined`), and a locale whose tag is not a BCP 47 tag (``..``, a
slash) gets no copy and is listed as skipped.

The build is atomic: everything is written to a temporary folder beside
``OUT``, which then replaces ``OUT`` by a rename. An existing ``OUT`` is
replaced only when it is empty or an earlier errdex site (it holds the
``.errdex-site`` marker), never an unrelated folder.
"""

from __future__ import annotations

import gc
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, unquote

from errdex.directory import static_index
from errdex.directory.registry import Registry
from errdex.directory.sitepaths import folders, reserved, site_paths
from errdex.directory.web.i18n import Language
from errdex.directory.web.pages import Links, Pages
from errdex.directory.web.views import Views, catalog_path, module_path
from errdex.io.progress import Steps
from errdex.model import Entry
from errdex.model.urls import unservable_segment

MARKER = ".errdex-site"
_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")
"""A BCP 47 language tag as a folder name may hold it (letters, digits, hyphens)."""


class SiteError(Exception):
    """Raised when the site cannot be written (``OUT`` is a file or an unrelated folder)."""


def confined(root: Path, *parts: str) -> Path:
    """``root / parts``, refused (:class:`SiteError`) when it resolves outside ``root``."""
    path = root.joinpath(*parts)
    base = root.resolve()
    resolved = path.resolve()
    if resolved != base and base not in resolved.parents:
        raise SiteError(f"refusing to write {path}: it lies outside the site folder")
    return path


class SiteReport(NamedTuple):
    """What :func:`build_site` wrote: the folder, page and file counts, and what it had to skip."""

    out: Path
    pages: int
    files: int
    locales: tuple[str, ...]
    skipped: tuple[str, ...]
    moved: tuple[str, ...] = ()
    """The code pages written away from their permalink: ``<permalink>: <why>; at <path>``."""


def _segments(path: str) -> list[str] | None:
    """The file-system folders of a site path, or None when it cannot be a folder path."""
    parts = [unquote(p) for p in path.strip("/").split("/") if p]
    for part in parts:
        if part in (".", "..") or any(c in part for c in "/\\\x00") or len(part.encode()) > 200:
            return None
    return parts


def _page_file(root: Path, path: str) -> Path | None:
    parts = _segments(path)
    if parts is None:
        return None
    return confined(root, *parts, "index.html")


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out} is a file; give a folder for the site")
    if out.is_dir() and not (out / MARKER).exists() and any(out.iterdir()):
        raise SiteError(f"{out} is a folder with other files in it; give an empty or new folder")


def build_site(registry: Registry, out: str | Path, progress: Steps | None = None) -> SiteReport:
    """Write the static site of ``registry`` to ``out`` atomically; return what was written.

    ``progress(label, done, total)`` hears every :data:`PAGES_PER_STEP` pages written."""
    out = Path(out)
    _check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    # The registry lives through the whole build: keep its objects out of the cyclic GC's
    # passes, or each pass scans them all and the build grows worse than linear.
    gc.collect()
    gc.freeze()
    try:
        report = _write(registry, tmp, progress)
        _check_out(out)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
            os.rename(out, old / "site")
            os.rename(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(tmp, out)
        os.chmod(out, 0o755)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        gc.unfreeze()
    return report._replace(out=out)


def _groups(views: Views) -> dict[str, list[tuple[str, Entry]]]:
    """Entries by permalink path (two entries can share one path)."""
    groups: dict[str, list[tuple[str, Entry]]] = {}
    for cid, entry in views.registry.entries():
        path = views.path(cid, entry)
        key = "/" + "/".join(quote(unquote(p), safe="") for p in path.strip("/").split("/") if p)
        groups.setdefault(key, []).append((cid, entry))
    return groups


PAGES_PER_STEP = 200
"""The site build tells its progress after each this many pages."""


def _write(registry: Registry, root: Path, progress: Steps | None = None) -> SiteReport:
    if progress is not None:
        progress("Reading the catalogs", 0, None)
    views = Views(registry.warm())
    pages = Pages(views)
    groups = _groups(views)
    placed = site_paths(groups)
    moved, index_paths = _move(registry, views, groups, placed)
    pages.static_index = _write_index(registry, root, index_paths)
    skipped: list[str] = []
    default = "en" if "en" in views.all_locales else views.all_locales[0]
    firsts = {p.strip("/").split("/")[0].casefold() for p in placed.values()} | {
        "catalogs",
        "search",
        "static",
    }
    prefixes = {default: ""}
    for tag in views.all_locales:
        if tag == default:
            continue
        if not _TAG.fullmatch(tag):
            skipped.append(f"locale {tag!r}: not a BCP 47 language tag, so no folder is made")
            continue
        if tag.casefold() in firsts:
            skipped.append(f"locale {tag}: a permalink path starts with /{tag}/")
            continue
        prefixes[tag] = "/" + tag
    count = 0
    for tag, prefix in prefixes.items():
        lang = Language(tag, None, views.all_locales)
        base = confined(root, prefix.strip("/")) if prefix else root

        def links(page: str, tag: str = tag) -> Links:
            return Links(page, static=True, lang=tag, prefixes=prefixes)

        for page, html in _pages(pages, views, groups, placed, lang, links):
            file = _page_file(base, page)
            if file is None:
                if not prefix:
                    skipped.append(f"{page}: not a path a static host can serve")
                continue
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(html, encoding="utf-8")
            count += 1
            if progress is not None and count % PAGES_PER_STEP == 0:
                progress(f"Writing pages ({tag})", count, None)
        if progress is not None:
            progress(f"Writing the search index ({tag})", count, None)
    static = confined(root, "static")
    static.mkdir(exist_ok=True)
    for name, data in pages.assets.items():
        confined(static, name).write_bytes(data)
    t = Language(default, None, views.all_locales).strings
    not_found = pages.error(
        404,
        t["not_found"],
        t["not_found_detail"],
        Language(default, None, views.all_locales),
        Links("/", static=True, lang=default, prefixes=prefixes),
    )
    confined(root, "404.html").write_text(not_found, encoding="utf-8")
    confined(root, MARKER).write_text(
        "written by errdex build --site; the folder is replaced on each build\n"
    )
    files = sum(1 for _ in root.rglob("*") if _.is_file())
    return SiteReport(root, count, files, tuple(prefixes), tuple(skipped), tuple(moved))


def _move(
    registry: Registry,
    views: Views,
    groups: dict[str, list[tuple[str, Entry]]],
    placed: dict[str, str],
) -> tuple[list[str], dict[str, str]]:
    """Point the links of each page away from its permalink to where it is written; return
    the notes and, by permalink as the search index holds it, the path of each page as the
    site serves it: its folder with the trailing slash, written as the folder is named
    (``/odd/Q%3Fx%3D1%23frag/``), so a hit is never answered with a redirect."""
    notes: list[str] = []
    index_paths: dict[str, str] = {}
    for path, found in groups.items():
        site = placed[path]
        for cid, entry in found:
            index_paths[registry.entry_url_path(cid, entry)] = site + "/"
        if site == path:
            continue
        bad = unservable_segment(path)
        if bad is not None:
            why = f"a static host cannot serve {bad!r} as a folder"
        elif reserved(folders(path)):
            why = "the permalink is a page of the directory"
        else:
            why = "another code's page has this folder"
        notes.append(f"{path}: {why}; its page is at {site}/")
        for _, entry in found:
            views.move(entry, site + "/")
    return notes, index_paths


def _write_index(registry: Registry, root: Path, paths: dict[str, str]) -> str:
    """Write the static search index, each hit of ``paths`` linking to its page there;
    return its manifest's path from the site's root."""
    folder = confined(root, *static_index.FOLDER)
    folder.mkdir(parents=True, exist_ok=True)

    def write(name: str, data: bytes) -> None:
        confined(folder, name).write_bytes(data)

    manifest, _, _ = static_index.build(registry.index.db, write, paths=paths)
    return "/".join((*static_index.FOLDER, manifest))


def _pages(
    pages: Pages,
    views: Views,
    groups: dict[str, list[tuple[str, Entry]]],
    placed: dict[str, str],
    lang: Language,
    make: Callable[[str], Links],
) -> Iterator[tuple[str, str]]:
    yield "/", pages.home(lang, make("/"))
    yield "/search/", pages.search("", None, lang, make("/search/"))
    for cid, cat in views.registry.catalogs.items():
        path = catalog_path(cid)
        yield path, pages.catalog(cid, lang, make(path), paged=False)
        for module in cat.modules:
            path = module_path(cid, module)
            yield path, pages.module(cid, module, lang, make(path), paged=False)
    for path, found in groups.items():
        site = placed[path] + "/"
        yield site, pages.entries(found, lang, make(site))
