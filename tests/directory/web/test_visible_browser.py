"""In Chromium: the search hits errdex.js builds from the JSON API (server) and from the
static index (site) show control and bidi characters as the server's pages do."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _instant(page: Any, query: str) -> str:
    """The text of the instant results for ``query`` once they are shown."""
    page.get_by_label("Search error codes").fill(query)
    page.locator("#instant li a").first.wait_for(timeout=10_000)
    return str(page.locator("#instant").text_content())


def test_instant_hits_from_the_api_show_controls_visibly(page: Any, controls_url: str) -> None:
    page.goto(controls_url + "/")
    shown = _instant(page, "token")
    assert RAW.search(shown) is None, RAW.findall(shown)
    assert "␛]0;pwned␇" in shown
    page.get_by_label("Search error codes").press("Enter")
    page.wait_for_url("**/search?q=token")
    results = str(page.locator("#results").text_content())
    assert RAW.search(results) is None and "␛]0;pwned␇" in results


def test_instant_hits_of_the_static_site_show_controls_visibly(
    page: Any,
    controls_folder: Path,
    tmp_path: Path,
    serve_static: Callable[[Path], AbstractContextManager[str]],
) -> None:
    from errdex.directory import Registry
    from errdex.directory.site import build_site

    out = tmp_path / "site"
    build_site(Registry.from_paths([controls_folder]), out)
    for html in out.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert RAW.search(text) is None, (html, RAW.findall(text))
    with serve_static(out) as url:
        page.goto(url + "/")
        shown = _instant(page, "deprecated")
        assert RAW.search(shown) is None, RAW.findall(shown)
        assert "⟨U+202D⟩⟨U+202A⟩" in shown
