"""Hostile catalogs and hostile requests: everything escaped, bounded and refused cleanly."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from errdex.directory import Registry

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I)
EVENT_ATTR = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def evil_pages(evil_registry: Registry) -> list[str]:
    return [
        "/",
        "/catalogs/evil/",
        "/catalogs/evil/modules/m/",
        "/evil/E-1",
        "/evil/E-2",
        "/evil/E-1?lang=zh-CN",
        "/search?q=script",
        "/search?q=alert",
    ]


def test_hostile_texts_are_escaped_everywhere(
    evil_client: TestClient, evil_registry: Registry
) -> None:
    for path in evil_pages(evil_registry):
        r = evil_client.get(path)
        assert r.status_code == 200, path
        html = r.text
        assert '<script>alert("x")</script>' not in html, path
        assert "&lt;script&gt;" in html or path.startswith("/search"), path
        assert not INLINE_SCRIPT.search(html), path
        assert not EVENT_ATTR.search(html), path
        assert "<svg" not in html and "<img" not in html and "<b onclick" not in html, path
        assert not re.search(r'<a [^>]*href="\s*(javascript|data):', html, re.I), path


def test_safe_markdown_subset_only(evil_client: TestClient) -> None:
    html = evil_client.get("/evil/E-1").text
    assert (
        '<a href="https://example.com/x?a=1&amp;b=2" rel="nofollow noopener noreferrer">ok</a>'
        in html
    )
    assert "[a link](javascript:alert(1))" in html  # left as text, not a link
    assert "<code>&lt;script&gt;</code>" in html
    assert "<strong>&lt;i&gt;strong&lt;/i&gt;</strong>" in html
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt;" in html or "&quot;&gt;&lt;svg" in html
    catalog = evil_client.get("/catalogs/evil/").text
    assert 'href="javascript' not in catalog  # the homepage link is dropped, not linked


def test_megabyte_strings_are_bounded(evil_client: TestClient) -> None:
    page = evil_client.get("/evil/E-2")
    assert page.status_code == 200
    assert len(page.content) < 200_000
    assert "AAAA…" in page.text
    listing = evil_client.get("/catalogs/evil/modules/m/")
    assert len(listing.content) < 20_000
    api = evil_client.get("/api/entries/evil/app/E-2")
    assert len(api.content) < 200_000
    hits = evil_client.get("/api/search", params={"q": "huge"})
    assert hits.status_code == 200 and len(hits.content) < 20_000


@pytest.mark.parametrize(
    "path",
    [
        "/..%2f..%2fetc/passwd",
        "/..%2F..%2Fetc%2Fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e/%2e%2e/errdex/__init__.py",
        "/static/....//....//etc/passwd",
        "/%252e%252e/etc/passwd",
        "/..%5c..%5cwindows%5cwin.ini",
        "/%00",
        "/api/entries/..%2f..%2f/app/x",
    ],
)
def test_path_traversal_is_a_clean_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "import" not in r.text
    assert "content-security-policy" in r.headers


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in (
        "/",
        "/api/search?q=a",
        "/static/errdex.js",
        "/nope",
        "/healthz",
        "/csghub/AUTH-ERR-4",
    ):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        script_src = re.search(r"script-src ([^;]*)", csp).group(1)
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "no-referrer"
        assert h["x-frame-options"] == "DENY"


def test_a_crash_is_a_problem_with_the_security_headers_too(registry: Registry) -> None:
    from errdex.directory.web import create_app

    app = create_app(registry)

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in a handler")

    app.state.directory.views.lookup = crash
    with TestClient(app, raise_server_exceptions=False) as crashing:
        r = crashing.get("/api/lookup", params={"q": "1003"})
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert "a bug" not in r.text
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_page_has_inline_script_or_style(client: TestClient, registry: Registry) -> None:
    paths = ["/", "/search?q=1003", "/catalogs/alchemy/", "/catalogs/csghub/modules/git/", "/nope"]
    paths += [registry.entry_url_path(c, e) for c, e in list(registry.entries())[::25]]
    for path in paths:
        html = client.get(path).text
        assert not INLINE_SCRIPT.search(html), path
        assert not EVENT_ATTR.search(html), path
        assert "<style" not in html and " style=" not in html, path
        assert re.findall(r'<script src="([^"]+)"', html) == [
            re.search(r'src="(/static/errdex\.js\?v=\w+)"', html).group(1)
        ]
