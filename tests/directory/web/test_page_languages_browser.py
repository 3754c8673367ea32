"""In Chromium: the search hits errdex.js builds say which language their title is in,
from the API (server) and from the static index (site), as the server's pages do."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from catalogs import ROOT

pytestmark = pytest.mark.slow


def _title_lang(page: Any, query: str, code: str) -> str | None:
    """The ``lang`` of the title of ``code``'s hit among the instant results for ``query``."""
    page.locator("form input[name=q]").first.fill(query)
    hit = page.locator("#instant li a", has=page.locator(f'code:text-is("{code}")')).first
    hit.wait_for(timeout=10_000)
    lang: str | None = hit.locator(".hit-title").get_attribute("lang")
    return lang


def _expect(page: Any) -> None:
    assert _title_lang(page, "invalidJWT", "AUTH-ERR-4") == "en"  # a name, on a zh-CN page
    assert _title_lang(page, "Rate limited", "-32004") == "en"  # English, no translation
    assert _title_lang(page, "白名单", "403") == "zh-CN"


def test_api_hits_tag_their_titles(page: Any, live_url: str) -> None:
    page.goto(live_url + "/?lang=zh-CN")
    _expect(page)


def test_static_hits_tag_their_titles(
    page: Any, tmp_path: Path, serve_static: Callable[[Path], AbstractContextManager[str]]
) -> None:
    from errdex.directory import Registry
    from errdex.directory.site import build_site

    out = tmp_path / "site"
    build_site(Registry.from_paths([ROOT / "examples" / "csghub", ROOT / "examples" / "zan"]), out)
    with serve_static(out) as url:
        page.goto(url + "/zh-CN/")
        _expect(page)
