"""Control and bidi characters never reach a page raw: they are shown in a visible form.

A catalog text holding ``\\x1b]0;pwned\\x07`` retitles the terminal of whoever
``curl``-s the page, and U+202E reverses the text after it. Every HTML page
shows them as control pictures or ``⟨U+202E⟩``; the JSON API keeps the data
(JSON escapes the controls itself).
"""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from errdex.directory.web.visible import HIDDEN, visible

C0 = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)]
BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never be in a page (written out here, not taken from the module)."""


def test_c0_controls_become_control_pictures_and_del_too() -> None:
    assert visible("".join(C0)) == "".join(chr(0x2400 + ord(c)) for c in C0)
    assert visible("\x1b]0;pwned\x07") == "␛]0;pwned␇"
    assert visible("a\x7fb") == "a␡b"


def test_c1_controls_and_bidi_formatting_are_written_as_code_points() -> None:
    assert visible("\u202e") == "⟨U+202E⟩" and visible("x\x85y") == "x⟨U+0085⟩y"
    assert visible("".join(BIDI)) == "".join(f"⟨U+{ord(c):04X}⟩" for c in BIDI)
    assert visible("\x80\x9f") == "⟨U+0080⟩⟨U+009F⟩"


def test_what_text_needs_stays_and_a_clean_text_is_the_same_object() -> None:
    kept = "tab\tlf\ncr\r RLM\u200f LRM\u200e ALM\u061c عربي 中文 é"
    assert visible(kept) == kept
    clean = "Token <b>bad</b>" * 100
    assert visible(clean) is clean
    assert not any(RAW.search(chr(c)) and not HIDDEN.search(chr(c)) for c in range(0x3000))


PAGES = [
    "/",
    "/catalogs/evil/",
    "/catalogs/evil/modules/auth/",
    "/evil/AUTH-1",
    "/evil/AUTH-1?lang=zh-CN",
    "/evil/AUTH-3",
    "/search?q=token",
    "/search?q=%1B%5B2J%E2%80%AE",  # the query itself is echoed
    "/no-such-page%1B%E2%80%AE",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_page_holds_a_control_or_bidi_character_raw(
    controls_client: TestClient, path: str
) -> None:
    page = controls_client.get(path)
    assert page.headers["content-type"].startswith("text/html")
    assert RAW.search(page.text) is None, RAW.findall(page.text)


def test_the_texts_are_shown_visibly_where_they_were(controls_client: TestClient) -> None:
    html = controls_client.get("/evil/AUTH-1").text
    assert "␛]0;pwned␇" in html and "⟨U+202E⟩ reversed ⟨U+2066⟩isolated⟨U+2069⟩" in html
    assert "DEL ␡, NEL" in html  # (the Markdown renderer reads NEL as a space)
    assert "Auth ␛[31mRED␛[0m" in html and "Evil ⟨U+202E⟩Catalog" in html
    assert "令牌错误 ␛[2J" in controls_client.get("/evil/AUTH-1?lang=zh-CN").text
    deprecated = controls_client.get("/evil/AUTH-3").text
    assert "Deprecated ⟨U+202D⟩⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩" in deprecated
    assert "⟨U+2067⟩⟨U+2068⟩" in deprecated


def _strings(data: object) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def test_the_json_api_keeps_the_data_and_json_escapes_the_controls(
    controls_client: TestClient,
) -> None:
    """JSON is data, not display: the client gets the catalog's text unchanged, and no
    terminal sees a raw ESC or BEL, since JSON writes every C0 control as \\u00XX."""
    for path in (
        "/api/entries/evil/app/AUTH-1",
        "/api/lookup?q=AUTH-1",
        "/api/search?q=token",
        "/evil/AUTH-1?format=json",
    ):
        answer = controls_client.get(path, headers={"Accept": "application/json"})
        assert answer.status_code == 200, path
        assert not re.search(b"[\x00-\x1f]", answer.content), path
        assert b"\\u001b" in answer.content, path
        assert any("\x1b]0;pwned\x07" in text for text in _strings(answer.json())), path
    entry = controls_client.get("/api/entries/evil/app/AUTH-1").json()
    assert entry["message"] == "Token <b>bad</b> \x1b]0;pwned\x07 {who}"
    assert "\u202e reversed \u2066isolated\u2069" in entry["description"]
