"""One rule for control and bidi characters: pictures on a page, escapes on a terminal."""

from __future__ import annotations

from errdex.io.controls import PAGE_HIDDEN, in_document, in_line, in_terminal

HOSTILE = "\x1b]0;pwned\x07\x7f\x9b\u202e\u2066"


def test_a_page_shows_control_pictures_and_code_points() -> None:
    assert in_document(HOSTILE) == "␛]0;pwned␇␡⟨U+009B⟩⟨U+202E⟩⟨U+2066⟩"
    assert in_document("\x00\x1f") == "␀␟"


def test_a_page_keeps_line_ends_tabs_and_the_marks_rtl_text_needs() -> None:
    kept = "a\tb\nc\r\nd \u200e\u200f\u061c عربي 中文 \u200d"
    assert in_document(kept) == kept


def test_a_terminal_gets_escapes_for_all_of_them_and_for_cr_and_the_marks() -> None:
    assert in_terminal(HOSTILE) == "\\x1b]0;pwned\\x07\\x7f\\x9b\\u202e\\u2066"
    assert in_terminal("a\rb\u200fc\td\ne") == "a\\x0db\\u200fc\td\ne"
    assert in_line("a\tb\nc\u2028d") == "a\\x09b\\x0ac\\u2028d"


def test_what_a_page_hides_a_terminal_hides_too_and_clean_text_is_kept_as_is() -> None:
    for cp in range(0x3000):
        ch = chr(cp)
        if PAGE_HIDDEN.search(ch) and ch not in "\r":
            assert in_terminal(ch) != ch, hex(cp)
    clean = "Token <b>bad</b> 中文" * 10
    assert in_document(clean) is clean and in_terminal("plain") == "plain"
