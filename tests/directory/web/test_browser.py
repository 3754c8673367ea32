"""The directory in real headless Chromium (Debian's ``chromium``, driven by Playwright).

Scenarios: the home page, instant search for a Chinese and an English term,
a code page opened from a problem+json ``type`` URL, the language switch, and
the static site's client-side search. Screenshots go to ``test-artifacts/``.
Skipped, with the reason shown, only when Chromium or Playwright is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import urlsplit

import orjson
import pytest

import errdex
from catalogs import ROOT

ARTIFACTS = ROOT / "test-artifacts"


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def base(live_url: str) -> str:
    return live_url


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.csp_errors = []
    pg.on(
        "console",
        lambda m: pg.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    pg.on("pageerror", lambda e: pg.csp_errors.append(str(e)))
    yield pg
    assert pg.csp_errors == [], "CSP violations or script errors in the page"
    context.close()


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)  # type: ignore[attr-defined]


def test_home_page(page: object, base: str) -> None:
    page.goto(base + "/")
    assert page.locator("html").get_attribute("lang") == "en"
    cards = page.locator(".cards .card h2 a")
    assert cards.count() == 5
    assert page.get_by_role("search").is_visible()
    assert page.get_by_label("Search error codes").is_visible()
    shot(page, "web-home.png")


def test_instant_search_chinese_term(page: object, base: str) -> None:
    page.goto(base + "/")
    page.get_by_label("Search error codes").fill("白名单")
    first = page.locator("#instant li a").first
    first.wait_for(timeout=10_000)
    assert "zan" in first.inner_text() and "403" in first.inner_text()
    assert page.locator("#instant mark").first.inner_text() == "白名单"
    shot(page, "web-instant-search-zh.png")
    first.click()
    page.wait_for_url("**/zan/403")
    assert "403" in page.locator("h1").first.inner_text()


def test_instant_search_marks_count_code_points_after_an_emoji(page: object, base: str) -> None:
    """The API's marks are Python (code point) offsets; after an astral character the page
    must still mark the matched word, not a slice shifted by one UTF-16 unit per emoji."""

    def astral(route: object) -> None:
        sent = route.fetch()  # type: ignore[attr-defined]
        data = orjson.loads(sent.body())
        for hit in data["hits"]:
            if hit.get("snippet") and hit["snippet"]["marks"]:
                lead = "\U0001f600\U0001f600 "
                hit["snippet"]["text"] = lead + hit["snippet"]["text"]
                hit["snippet"]["marks"] = [[a + 3, b + 3] for a, b in hit["snippet"]["marks"]]
        route.fulfill(response=sent, body=orjson.dumps(data))  # type: ignore[attr-defined]

    page.route("**/api/search?*", astral)  # type: ignore[attr-defined]
    page.goto(base + "/")  # type: ignore[attr-defined]
    page.get_by_label("Search error codes").fill("白名单")  # type: ignore[attr-defined]
    page.locator("#instant mark").first.wait_for(timeout=10_000)  # type: ignore[attr-defined]
    assert page.locator("#instant mark").first.inner_text() == "白名单"  # type: ignore[attr-defined]


def test_english_search_with_the_form(page: object, base: str) -> None:
    page.goto(base + "/")
    box = page.get_by_label("Search error codes")
    box.fill("invalidJWT")
    page.locator("#instant li a").first.wait_for(timeout=10_000)
    assert "AUTH-ERR-4" in page.locator("#instant li a").first.inner_text()
    box.press("Enter")
    page.wait_for_url("**/search?q=invalidJWT")
    results = page.locator("#results li a")
    assert "AUTH-ERR-4" in results.first.inner_text()
    results.first.click()
    assert "invalidJWT" in page.locator("h1").first.inner_text()


def test_open_a_code_page_from_a_problem_type_url(page: object, base: str) -> None:
    cat = errdex.load(ROOT / "examples" / "csghub")
    rendered = errdex.render(cat.error("AUTH-ERR-4"), "problem")
    type_url = orjson.loads(rendered.body)["type"]
    parts = urlsplit(type_url)
    response = page.goto(base + parts.path)
    assert response.status == 200
    assert "AUTH-ERR-4" in page.locator("h1").first.inner_text()
    assert page.get_by_text("https://errdex.dev/csghub/AUTH-ERR-4").is_visible()
    shot(page, "web-code-page.png")


def test_switch_language(page: object, base: str) -> None:
    page.goto(base + "/csghub/AUTH-ERR-1")
    page.locator('nav.langs a[hreflang="zh-CN"]').click()
    page.wait_for_url("**lang=zh-CN")
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.locator('.desc[lang="zh-CN"]').first.inner_text().startswith("找不到指定的用户账户")
    assert page.locator('nav.langs a[aria-current="true"]').get_attribute("hreflang") == "zh-CN"
    shot(page, "web-code-page-zh.png")
    # the choice follows the links
    page.locator("nav.crumbs a").nth(1).click()
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    page.locator('nav.langs a[hreflang="en"]').click()
    assert page.locator("html").get_attribute("lang") == "en"


def test_keyboard_reaches_the_results(page: object, base: str) -> None:
    page.goto(base + "/")
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip"
    page.get_by_label("Search error codes").fill("1003")
    page.locator("#instant li a").first.wait_for(timeout=10_000)
    page.get_by_label("Search error codes").press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('#instant') !== null")


def test_static_site_client_side_search(
    page: object, tmp_path: Path, serve_static: Callable[[Path], AbstractContextManager[str]]
) -> None:
    from errdex.directory import Registry
    from errdex.directory.site import build_site

    out = tmp_path / "site"
    build_site(Registry.from_paths([ROOT / "examples"]), out)
    with serve_static(out) as url:
        page.goto(url + "/zh-CN/csghub/AUTH-ERR-1/")
        assert page.locator("html").get_attribute("lang") == "zh-CN"
        page.locator('nav.langs a[hreflang="en"]').click()
        page.wait_for_url(url + "/csghub/AUTH-ERR-1/")
        box = page.get_by_label("Search error codes")
        box.fill("白名单")
        first = page.locator("#instant li a").first
        first.wait_for(timeout=10_000)
        assert "403" in first.inner_text()
        box.fill("rate limit")
        page.wait_for_timeout(300)
        box.press("Enter")
        page.wait_for_url("**/search/?q=rate+limit")
        page.locator("#results li").first.wait_for(timeout=10_000)
        assert page.locator("#results li").count() >= 1
        shot(page, "site-search.png")
        page.locator("#results li a").first.click()
        assert page.locator("article.entry").count() >= 1


def test_the_static_search_page_suggests_a_misspelt_query(
    page: object, tmp_path: Path, serve_static: Callable[[Path], AbstractContextManager[str]]
) -> None:
    """As the server's search page: no match, then "Did you mean" linking the correction."""
    from errdex.directory import Registry
    from errdex.directory.site import build_site

    out = tmp_path / "site"
    build_site(Registry.from_paths([ROOT / "examples"]), out)
    with serve_static(out) as url:
        page.goto(url + "/search/?q=tokne")
        note = page.locator("p.did-you-mean")
        note.wait_for(timeout=10_000)
        assert note.inner_text() == "Did you mean token?"
        note.locator("a").click()
        page.wait_for_url("**/search/?q=token")
        page.locator("#results li").first.wait_for(timeout=10_000)
        assert page.locator("p.did-you-mean").count() == 0


def test_a_code_page_shows_what_a_client_receives_and_copies_it(browser: object, base: str) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1200, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/zan/-32004")
    section = page.get_by_role("region", name="What a client receives")
    body = section.locator("pre code").first.inner_text()
    assert orjson.loads(body)["error"]["code"] == -32004
    section.get_by_role("button", name="Copy").first.click()
    page.get_by_role("button", name="Copied").first.wait_for(timeout=5_000)
    assert orjson.loads(page.evaluate("navigator.clipboard.readText()")) == orjson.loads(body)
    assert "retry" in page.get_by_role("region", name="Retrying").inner_text().lower()
    shot(page, "web-code-page-responses.png")
    assert errors == []
    context.close()


def test_the_copy_button_falls_back_to_a_selection_when_the_clipboard_is_refused(
    browser: object, base: str
) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/zan/-32004")
    page.evaluate(  # a browser that refuses clipboard writes (permission denied, an iframe)
        "() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); }"
    )
    section = page.get_by_role("region", name="What a client receives")
    body = section.locator("pre code").first.inner_text()
    section.get_by_role("button", name="Copy").first.click()
    page.get_by_role("button", name="Copied").first.wait_for(timeout=5_000)
    assert orjson.loads(page.evaluate("String(window.getSelection())")) == orjson.loads(body)
    assert errors == []
    context.close()


@pytest.mark.parametrize(
    ("name", "scheme", "width"),
    [("light", "light", 1200), ("dark", "dark", 1200), ("390", "light", 390)],
)
def test_screenshots_of_a_code_page_light_dark_and_narrow(
    browser: object, base: str, name: str, scheme: str, width: int
) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": 900}, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(base + "/csghub/AUTH-ERR-4")
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow, f"the page scrolls sideways at {width} px"
    shot(page, f"web-code-page-{name}.png")
    context.close()
