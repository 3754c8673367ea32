"""``errdex.io.fmt.toml_cst``: TOML read into the statements a person wrote, in order."""

from __future__ import annotations

import pytest

from errdex.io.fmt.toml_cst import (
    Array,
    ArrayItem,
    Blank,
    Comment,
    CSTError,
    Header,
    InlineTable,
    KeyValue,
    Scalar,
    String,
    decode_string,
    statements,
)

TEXT = (
    "# top\n\n"
    '[catalog]  # c\nid = "x"\n"zh-CN".message = 1_000\n'
    "[[errors]]\nv = [\n  1, # one\n  \"a\",\n]\nt = { a = 1, b.c = 's' }\n"
)


def test_every_statement_in_source_order_with_comments_and_spellings() -> None:
    found, quoted = statements(TEXT)
    assert found == [
        Comment(1, "# top"),
        Blank(2),
        Header(3, ("catalog",), False, "# c", 11),
        KeyValue(4, ("id",), String('"x"', "basic"), None, 0),
        KeyValue(5, ("zh-CN", "message"), Scalar("1_000"), None, 0),
        Header(6, ("errors",), True, None, 0),
        KeyValue(
            7,
            ("v",),
            Array(
                (
                    ArrayItem((), Scalar("1"), "# one", 5),
                    ArrayItem((), String('"a"', "basic"), None, 0),
                ),
                True,
                (),
            ),
            None,
            0,
        ),
        KeyValue(
            11,
            ("t",),
            InlineTable(((("a",), Scalar("1")), (("b", "c"), String("'s'", "literal")))),
            None,
            0,
        ),
    ]
    assert quoted == {"zh-CN"}  # the formatter keeps what the author quoted


def test_crlf_reads_like_lf() -> None:
    assert statements(TEXT.replace("\n", "\r\n")) == statements(TEXT)


def test_decode_string_of_each_kind() -> None:
    assert decode_string("'a\\b'") == "a\\b"
    assert decode_string('"a\\tb"') == "a\tb"
    assert decode_string('"""\nx"""') == "x"
    assert decode_string("'''\ny'''") == "y"


def test_text_it_cannot_follow_is_a_cst_error_with_its_line() -> None:
    with pytest.raises(CSTError, match=r"^line 2: unclosed multi-line string"):
        statements('a = 1\nb = """never closed\n')
