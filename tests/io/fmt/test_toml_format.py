"""``errdex.io.fmt.toml_format``: canonical TOML layout, comments kept with what they describe."""

from __future__ import annotations

from errdex.io.fmt.shape import of_file
from errdex.io.fmt.toml_cst import String
from errdex.io.fmt.toml_format import basic, format_toml, render_key, render_string


def test_tables_and_keys_in_spec_order_comments_kept() -> None:
    text = '[[errors]]\nmessage = "m"  # why\ncode = 1\n\n[catalog]\ntitle = "T"\nid = "x"\n'
    assert format_toml(text, of_file("main")) == (
        '[catalog]\nid = "x"\ntitle = "T"\n\n[[errors]]\ncode = 1\nmessage = "m"  # why\n'
    )


def test_canonical_text_is_a_fixed_point() -> None:
    text = '[catalog]\nid = "x"\ntitle = "T"\n\n[[errors]]\ncode = 1\nmessage = "m"\n'
    assert format_toml(text, of_file("main")) == text


def test_keys_bare_where_allowed_unless_the_author_quoted_them() -> None:
    assert render_key(("a", "zh-CN", "b c")) == 'a.zh-CN."b c"'
    assert render_key(("zh-CN",), {"zh-CN"}) == '"zh-CN"'


def test_basic_strings_escape_quotes_newlines_and_controls() -> None:
    assert basic('a"b\n\x07') == '"a\\"b\\n\\u0007"'


def test_strings_take_the_plainest_spelling_that_keeps_the_value() -> None:
    assert render_string(String("'x'", "literal")) == '"x"'
    assert render_string(String("'a\"b'", "literal")) == "'a\"b'"  # a quote: stays literal
    assert render_string(String('"""x"""', "ml-basic")) == '"x"'
    assert render_string(String('"""a\\\\b"""', "ml-basic")) == "'a\\b'"
    assert render_string(String('"""a\nb"""', "ml-basic")) == '"""a\nb"""'  # lines stay lines
    assert render_string(String('"keep\\u0041"', "basic")) == '"keep\\u0041"'  # as written
