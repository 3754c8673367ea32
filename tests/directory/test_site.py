"""``errdex build --site OUT``: the static directory, its links, its search index, atomic writes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
from functools import partial
from html import escape, unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import httpx
import pytest

from catalogs import ODD, ODD_CODES, ROOT

pytest.importorskip("jinja2")

from errdex.directory import Registry
from errdex.directory.site import MARKER, SiteError, SiteReport, build_site


class _QuietHandler(SimpleHTTPRequestHandler):
    """A static host (Python's): it decodes the path once and walks the folders."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.from_paths([ROOT / "examples"])


@pytest.fixture(scope="module")
def site(registry: Registry, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    report = build_site(registry, out)
    assert report.out == out and report.locales == ("en", "zh-CN") and report.skipped == ()
    return out


def _file_for(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def test_every_permalink_has_a_page(site: Path, registry: Registry) -> None:
    for cid, entry in registry.entries():
        path = registry.entry_url_path(cid, entry)
        page = _file_for(site, path + "/")
        assert page.is_file(), path
        assert str(entry.code) in page.read_text(encoding="utf-8")
        assert (site / "zh-CN" / unquote(path).lstrip("/") / "index.html").is_file()
    assert (
        (site / "index.html").is_file()
        and (site / "404.html").is_file()
        and (site / MARKER).is_file()
    )
    assert (site / "catalogs" / "csghub" / "modules" / "auth" / "index.html").is_file()


def test_relative_links_resolve_to_files(site: Path) -> None:
    pages = [
        "/",
        "/catalogs/alchemy/",
        "/csghub/AUTH-ERR-4/",
        "/zh-CN/csghub/AUTH-ERR-4/",
        "/zh-CN/catalogs/csghub/modules/auth/",
        "/search/",
    ]
    for page in pages:
        html = (site / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
        refs = re.findall(r'(?:href|src|data-search-index)="([^"#][^"]*)"', html)
        assert refs
        for ref in refs:
            if ref.startswith(("http://", "https://", "data:")):
                continue
            assert not ref.startswith("/"), (page, ref)  # relative: works from any folder
            target = urlsplit(urljoin("http://site" + page, ref)).path
            assert _file_for(site, target).is_file(), (page, ref, target)


def _manifest(site: Path, page: str) -> Path:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    ref = re.search(r'data-search-index="([^"]+)"', html)
    assert ref, page
    return Path(urlsplit(urljoin(f"http://site/{page}/".replace("//", "/"), ref.group(1))).path)


def test_the_static_index_finds_every_code_in_every_language(
    site: Path, registry: Registry
) -> None:
    """Every copy's pages point at one chunked index (static/search/), which ranks as the
    server does (tests/directory/test_static_index.py pins that) and holds every code."""
    from errdex.directory.static_reader import StaticSearch

    manifest = _manifest(site, "")
    assert manifest.parts[-3:-1] == ("static", "search")
    assert _manifest(site, "zh-CN/csghub/AUTH-ERR-4") == manifest
    assert not list(site.rglob("search-index.json"))
    folder = site / "static" / "search"
    static = StaticSearch(lambda name: (folder / name).read_bytes(), manifest.name)
    for cid, entry in registry.entries():
        found = static.search(str(entry.code), limit=50)
        assert any(d.catalog_id == cid and d.code == entry.code for _, _, d in found.hits)
    (zan,) = [d for _, _, d in static.search("白名单").hits if d.catalog_id == "zan"]
    assert zan.path == "/zan/403/" and (site / "zan" / "403" / "index.html").is_file()


def test_pages_carry_a_csp_and_no_inline_script(site: Path) -> None:
    for page in [site / "index.html", site / "csghub" / "AUTH-ERR-4" / "index.html"]:
        html = page.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "script-src 'self'" in html
        assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html)


def test_rebuild_replaces_an_earlier_site_atomically(registry: Registry, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(registry, out)
    (out / "stale.html").write_text("old")
    build_site(registry, out)
    assert not (out / "stale.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no temporary folders left behind


def test_refuses_to_replace_an_unrelated_folder(registry: Registry, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    with pytest.raises(SiteError, match="other files"):
        build_site(registry, out)
    assert (out / "precious.txt").read_text() == "keep me"
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(SiteError, match="is a file"):
        build_site(registry, file)


def test_cli_build_site(tmp_path: Path) -> None:
    out = tmp_path / "cli-site"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "errdex",
            "build",
            str(ROOT / "examples" / "csghub"),
            "--site",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "wrote" in run.stderr and (out / "csghub" / "AUTH-ERR-4" / "index.html").is_file()
    assert not (out / "alchemy").exists()  # only the catalog given
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").write_text("x")
    refused = subprocess.run(
        [sys.executable, "-m", "errdex", "build", "--site", str(tmp_path / "busy")],
        capture_output=True,
        text=True,
    )
    assert (
        refused.returncode == 2
        and "other files" in refused.stderr
        and "Traceback" not in refused.stderr
    )


def test_hostile_locale_tags_never_write_outside_out(tmp_path: Path) -> None:
    """Locale tags from ``locales = [...]`` and locale file names with ``..`` or ``/`` get no
    copy (a note says so); nothing lands outside OUT."""
    from errdex.directory.site import build_site

    src = tmp_path / "cat"
    (src / "locales").mkdir(parents=True)
    (src / "errdex.toml").write_text(
        '[catalog]\nid = "evil"\ndefault_locale = "en"\n'
        'locales = ["en", "../../pwned", "zh/../../x", "zh-CN"]\n\n'
        '[spaces.app]\nkind = "app"\n\n[[errors]]\ncode = 1\nname = "boom"\nmessage = "Boom."\n'
    )
    (src / "locales" / "..%2f..%2fescaped.toml").write_text('[errors.1]\nmessage = "Bum."\n')
    out = tmp_path / "deep" / "er" / "site"
    from errdex.io import read

    # Loading refuses such a catalog (bad locale tags are invalid); the site must hold
    # even when handed one, so it is read leniently here.
    catalog, _ = read(src)
    assert catalog is not None
    assert Registry.from_paths([src]).catalogs == {}
    before = {p for p in tmp_path.rglob("*")}
    report = build_site(Registry([catalog]), out)
    written = {p for p in tmp_path.rglob("*")} - before
    assert written and all(p == out or out in p.parents or p in out.parents for p in written)
    made = [p for p in tmp_path.rglob("*") if src not in p.parents]
    assert not any("pwned" in p.name or "escaped" in p.name or p.name == "x" for p in made)
    assert sum("not a BCP 47 language tag" in note for note in report.skipped) >= 2
    assert "zh-CN" in report.locales  # a good tag still gets its copy


def test_confined_refuses_a_path_that_resolves_outside(tmp_path: Path) -> None:
    from errdex.directory.site import SiteError, confined

    root = tmp_path / "site"
    root.mkdir()
    assert confined(root, "a", "index.html") == root / "a" / "index.html"
    for parts in (("..", "x"), ("a", "..", "..", "x"), ("/etc/passwd",)):
        with pytest.raises(SiteError):
            confined(root, *parts)
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(SiteError):
        confined(root, "link", "x")


# -- codes whose permalink a static host cannot serve (catalogs.ODD) -------------------

_CLASHES = (
    '\n[[errors]]\ncode = "A%2FB"\nname = "escapedCode"\nmessage = "escapedCode message"\n'
    '\n[[errors]]\ncode = "S"\nname = "searchCode"\nmessage = "searchCode message"\n'
    'docs_url = "https://e.example.com/search"\n'
)
"""Two more entries: the code ``A%2FB`` (whose folder is the escape of ``A/B``) and one
whose permalink is the directory's search page."""


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> tuple[Registry, Path, SiteReport]:
    src = tmp_path_factory.mktemp("odd-src")
    (src / "errdex.toml").write_text(ODD + _CLASHES, encoding="utf-8")
    registry = Registry.from_paths([src])
    out = tmp_path_factory.mktemp("odd-site") / "out"
    before = set(out.parent.parent.rglob("*"))
    report = build_site(registry, out)
    written = set(out.parent.parent.rglob("*")) - before
    assert written and all(p == out or out in p.parents or p == out.parent for p in written)
    return registry, out, report


_MODULE_FOLDERS = ("x%2Fy", "a%2Fb", "%2E%2E")
"""Where the modules of ``catalogs.ODD`` are written: ``x/y`` and ``..`` escaped."""


def _pages_of(site: Path) -> list[str]:
    return ["/" + str(p.parent.relative_to(site)) + "/" for p in site.rglob("index.html")]


def test_every_link_of_every_page_opens_a_page_when_codes_are_odd(
    odd: tuple[Registry, Path, SiteReport],
) -> None:
    _, site, report = odd
    assert report.skipped == ()
    assert len(report.moved) == 3 and all("its page is at" in note for note in report.moved)
    for page in _pages_of(site):
        page_url = quote(page)  # the URL a host serves the folder at
        html = (site / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
        for ref in re.findall(r'href="([^"#][^"]*)"', html):
            if ref.startswith(("http://", "https://", "data:")):
                continue
            target = urlsplit(urljoin("http://site" + page_url, unescape(ref))).path
            assert _file_for(site, target).is_file(), (page, ref, target)
    pages = [site / "catalogs" / "odd" / "index.html"]
    pages += [site / "catalogs" / "odd" / "modules" / m / "index.html" for m in _MODULE_FOLDERS]
    listed = "".join(page.read_text(encoding="utf-8") for page in pages)
    for code, name in {**ODD_CODES, "A%2FB": "escapedCode", "S": "searchCode"}.items():
        assert f"<code>{escape(code)}</code></a>" in listed, code  # every code is linked
        assert name in listed


def test_each_code_is_served_by_a_static_host_at_the_link_the_site_gives(
    odd: tuple[Registry, Path, SiteReport],
) -> None:
    registry, site, _ = odd
    rows = []
    for where in ("", *(f"modules/{m}/" for m in _MODULE_FOLDERS)):
        html = (site / "catalogs" / "odd" / where / "index.html").read_text(encoding="utf-8")
        rows += [
            (where, *row) for row in re.findall(r'<a href="([^"]+)"><code>([^<]+)</code></a>', html)
        ]
    assert len(rows) == len(registry.catalog("odd"))
    names = {str(e.code): e.name for e in registry.catalog("odd").entries}
    handler = partial(_QuietHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/catalogs/odd/"
            for where, ref, code in rows:
                page = urljoin(base, quote(where))  # the module page's URL, as linked
                assert httpx.get(page).status_code == 200, where
                answer = httpx.get(urljoin(page, unescape(ref)), follow_redirects=True)
                assert answer.status_code == 200, (code, ref)
                assert f"<code>{names[unescape(code)]}</code>" in answer.text  # that code's page
        finally:
            server.shutdown()


def test_the_static_search_links_each_odd_code_to_its_page(
    odd: tuple[Registry, Path, SiteReport],
) -> None:
    from errdex.directory.static_reader import StaticSearch

    _, site, _ = odd
    manifest = _manifest(site, "")
    folder = site / "static" / "search"
    static = StaticSearch(lambda name: (folder / name).read_bytes(), manifest.name)
    for name in [*ODD_CODES.values(), "escapedCode", "searchCode"]:
        (hit,) = [d for _, _, d in static.search(name).hits if d.name == name]
        page = _file_for(site, hit.path if hit.path.endswith("/") else hit.path + "/")
        assert page.is_file(), (name, hit.path)
        assert f"<code>{name}</code>" in page.read_text(encoding="utf-8")


def test_every_path_of_the_static_index_is_served_without_a_redirect(
    odd: tuple[Registry, Path, SiteReport],
) -> None:
    from errdex.directory.static_reader import StaticSearch

    registry, site, _ = odd
    manifest = _manifest(site, "")
    folder = site / "static" / "search"
    static = StaticSearch(lambda name: (folder / name).read_bytes(), manifest.name)
    paths = {
        d.name: d.path
        for e in registry.catalog("odd").entries
        for _, _, d in static.search(str(e.name)).hits
        if d.name == e.name
    }
    assert len(paths) == len(registry.catalog("odd"))
    handler = partial(_QuietHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}"
            for name, path in paths.items():
                assert path.endswith("/"), (name, path)  # the folder's own path
                answer = httpx.get(base + path, follow_redirects=False)
                assert answer.status_code == 200, (name, path, answer.status_code)
                assert f"<code>{name}</code>" in answer.text
        finally:
            server.shutdown()


def test_cli_build_site_says_which_pages_moved(tmp_path: Path) -> None:
    (tmp_path / "errdex.toml").write_text(ODD, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "errdex", "build", str(tmp_path), "--site", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "skipped" not in run.stderr
    assert "moved /odd/A%2FB: a static host cannot serve 'A/B' as a folder; " in run.stderr
    assert "its page is at /odd/A%252FB/" in run.stderr
    assert (tmp_path / "o" / "odd" / "A%2FB" / "index.html").is_file()
    assert (tmp_path / "o" / "odd" / "..%2F..%2Fetc" / "index.html").is_file()
    build = [sys.executable, "-m", "errdex", "build", str(tmp_path), "--site"]
    as_json = subprocess.run(
        [*build, str(tmp_path / "o"), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert as_json.returncode == 0, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["skipped"] == [] and len(report["moved"]) == 2
    assert report["moved"][0].endswith("its page is at /odd/A%252FB/")
