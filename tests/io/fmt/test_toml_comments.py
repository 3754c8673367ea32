"""The TOML comment and string finder of the formatter's shortcuts.

:mod:`errdex.io.fmt.toml_comments`:

Every ``#`` it calls a comment must be one (removing it to the line's end keeps
what the file says, as :mod:`tomllib` reads it), every ``#`` inside a string is
left alone, and multi-line strings are found with their escapes.
"""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.io.fmt.toml_comments import blank_lines, inside, lex


def strip(text: str, comments: list[tuple[int, int]]) -> str:
    out, at = [], 0
    for start, end in comments:
        out.append(text[at:start])
        at = end
    out.append(text[at:])
    return "".join(out)


def test_hashes_in_strings_are_not_comments() -> None:
    text = 'a = "x # y"  # one\nb = \'# no\'\nc = """\n# not a comment\n"""\n# two\n'
    found = lex(text)
    assert found is not None
    comments, strings = found
    assert [text[s:e] for s, e in comments] == ["# one", "# two"]
    assert [text[s:e] for s, e in strings] == ['"""\n# not a comment\n"""']
    assert inside(strings, text.index("# not")) and not inside(strings, text.index("# two"))


def test_escaped_quotes_do_not_close_a_multi_line_string() -> None:
    text = 'a = """one \\""" # still in\n"""  # out\n'
    found = lex(text)
    assert found is not None
    comments, _ = found
    assert [text[s:e] for s, e in comments] == ["# out"]
    assert tomllib.loads(text)["a"] == 'one """ # still in\n'


def test_a_multi_line_string_that_does_not_close_is_refused() -> None:
    assert lex('a = """never closed\n# x\n') is None
    assert lex("a = '''never closed\n") is None


def test_blank_lines_the_writer_would_not_write() -> None:
    text = 'a = 1\n\n\nb = 2\n\n[t]\nc = 3\n\nd = """\n\n\n"""\n'
    _, strings = lex(text) or ([], [])
    found = blank_lines(text, strings)
    # the first of a run of two empty lines, and the one below c that is above no header:
    # not the empty line above [t], nor those inside the string
    assert found == [text.index("\n\n\nb") + 1, text.index("\n\nd") + 1]


pieces = st.sampled_from(
    [
        'a = "x # y"',
        "b = 'p # q'",
        'c = """\n# in a string\n"""',
        "d = '''\n#'''",
        'e = "quote \\" # still"',
        "f = 1",
        "[t]",
        "[[errors]]",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(pieces, st.sampled_from(["", "  # note", " #", "# x # y"])), max_size=12))
def test_removing_the_comments_found_keeps_what_the_file_says(
    lines: list[tuple[str, str]],
) -> None:
    keyed: list[str] = []
    for n, (line, comment) in enumerate(lines):
        line = line.replace("a =", f"a{n} =").replace("b =", f"b{n} =").replace("c =", f"c{n} =")
        line = line.replace("d =", f"d{n} =").replace("e =", f"e{n} =").replace("f =", f"f{n} =")
        line = line.replace("[t]", f"[t{n}]")
        keyed.append(line + (comment if line else comment.lstrip()))
    text = "\n".join(keyed) + "\n"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return  # a comment after a header's table of the same name, etc.: not TOML
    found = lex(text)
    assert found is not None
    comments, _ = found
    assert all(text[s] == "#" for s, _ in comments)
    stripped = strip(text, comments)
    assert tomllib.loads(stripped) == data
    again = lex(stripped)
    assert again is not None and again[0] == []  # no comment is left behind


def test_same_at_compares_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    from errdex.io.fmt import toml_comments

    monkeypatch.setattr(toml_comments, "_CHUNK", 3)
    text, other = "xxabcdefgyy", "__abcdefg"
    assert toml_comments.same_at(text, 2, 9, other, 2)
    assert not toml_comments.same_at(text, 2, 9, "__abcdeFg", 2)
    assert not toml_comments.same_at(text, 2, 9, "__abc", 2)  # other ends first
