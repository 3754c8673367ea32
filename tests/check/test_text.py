"""``errdex.check.text``: the words of catalog text the spelling and style rules look at."""

from __future__ import annotations

from errdex.check.text import example_strings, identifier_words, prose, words


def test_words_split_camel_case_and_keep_contractions() -> None:
    assert words("The tokenExpired isn't HTTPServer") == [
        "The",
        "token",
        "Expired",
        "isn't",
        "HTTP",
        "Server",
    ]


def test_paths_numbers_and_scoped_names_are_not_words() -> None:
    # a path, a word glued to a digit or underscore, a scope before "::" are no words
    assert words("see ./docs/file and v2 and a::b or x_y") == ["see", "and", "and", "b", "or"]


def test_prose_blanks_code_urls_and_link_targets() -> None:
    text = "see `x y` at https://e.com/a [l](http://q) www.example.com ok"
    assert words(prose(text)) == ["see", "at", "l", "ok"]
    assert prose("plain text") == "plain text"
    assert "inner" not in prose("a ```\ninner\n``` b")


def test_example_strings_are_the_quoted_strings_one_per_line() -> None:
    assert example_strings("{\"a\": \"Hi there\", 'b': 'Yo'}") == "a\nHi there\nb\nYo"
    assert example_strings('{"a": "say \\"no\\""}') == 'a\nsay \\"no\\"'
    assert example_strings("no strings") == ""


def test_identifier_words() -> None:
    assert identifier_words("invalidJWT") == ["invalid", "JWT"]
    assert identifier_words("TOO_MANY_LOGINS") == ["TOO", "MANY", "LOGINS"]
    assert identifier_words("token_expired") == ["token", "expired"]
