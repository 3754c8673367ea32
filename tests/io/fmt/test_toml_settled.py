"""``errdex.io.fmt.toml_settled``: a commented file the formatter would leave as it is.

The recogniser is a shortcut for ``errdex fmt --check``: every file it takes
must be a fixed point of the full formatter, and ``format_paths`` must give
the same answer with it as without it. Files are generated as the canonical
writer's text with comments and blank lines in every position (before tables,
after keys and headers, between and inside array items, inside multi-line
strings, at the end), CRLF, a BOM and tabs.
"""

from __future__ import annotations

import tomllib
from typing import Any
from unittest import mock

import pytest
from fmt_cases import fmt_file, variants
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errdex.io.fmt import files as fmt_files
from errdex.io.fmt import format_text
from errdex.io.fmt.files import formatted_already
from errdex.io.fmt.toml_settled import settled
from errdex.io.fmt.toml_writer import to_toml

PLAIN = to_toml(
    {
        "catalog": {"id": "shop", "title": "Shop"},
        "modules": {"auth": {"title": "Auth"}},
        "errors": [
            {"code": 1, "message": "m", "tags": ["a", "b"]},
            {
                "code": 2,
                "message": "n",
                "description": 'line one\nline "two"',
                "translations": {"zh-CN": {"message": "坏"}},
            },
        ],
    }
)


def recognised(text: str) -> bool:
    return formatted_already(text, tomllib.loads(text))


def test_the_plain_text_is_what_the_cases_below_start_from() -> None:
    assert PLAIN == (
        '[catalog]\nid = "shop"\ntitle = "Shop"\n\n[modules.auth]\ntitle = "Auth"\n\n'
        '[[errors]]\ncode = 1\nmessage = "m"\ntags = ["a", "b"]\n\n'
        '[[errors]]\ncode = 2\nmessage = "n"\ndescription = """\nline one\nline "two\\""""\n\n'
        '[errors.translations.zh-CN]\nmessage = "坏"\n'
    )
    assert format_text(PLAIN) == PLAIN


KEPT = [
    "# top\n" + PLAIN,
    "# top\n\n# second block\n\n" + PLAIN,
    PLAIN.replace('id = "shop"', 'id = "shop"  # the id'),
    PLAIN.replace("[modules.auth]", "[modules.auth]      # header comment"),
    PLAIN.replace("[modules.auth]\n", "[modules.auth]\n# about the title\n"),
    PLAIN.replace("[modules.auth]\n", "[modules.auth]\n# preamble\n\n"),
    PLAIN.replace("\n\n[modules.auth]", "\n\n# above the module\n[modules.auth]"),
    PLAIN.replace("\n\n[modules.auth]", "\n# end of catalog\n\n[modules.auth]"),
    PLAIN.replace("\n\n[modules.auth]", "\n\n# above\n\n[modules.auth]"),
    PLAIN.replace("code = 1\n", "code = 1\n# between keys\n"),
    PLAIN.replace("code = 1\n", "code = 1\n\n# after a blank\n\n"),
    PLAIN.replace('line "two\\""""', 'line "two\\""""  # after a multi-line string'),
    PLAIN.replace('line "two\\""""\n', 'line "two\\""""\n# after the string\n'),
    PLAIN.replace('message = "m"', 'message = "m # not a comment"  # but this is'),
    PLAIN + "# at the end\n",
    PLAIN + "\n# at the end, after a blank\n",
    PLAIN.replace('code = 1\nmessage = "m"', 'code = 1\n\nmessage = "m"'),  # between keys
]

CHANGED = [
    "\n# top after a blank\n" + PLAIN,
    PLAIN.replace('id = "shop"', 'id = "shop"# no space'),
    PLAIN.replace('id = "shop"', 'id = "shop"\t# a tab'),
    PLAIN.replace('id = "shop"', 'id = "shop"  # trailing space '),
    PLAIN.replace("code = 1\n", "code = 1\n    # indented\n"),
    PLAIN.replace("code = 1\n", "code = 1\n# two blanks\n\n\n"),
    PLAIN.replace("[modules.auth]\n", "[modules.auth]\n\n# blank above the preamble\n"),
    PLAIN.replace("\n\n[modules.auth]", "\n# right above, no blank\n[modules.auth]"),
    PLAIN + "# at the end, then a blank\n\n",
    PLAIN.replace("[[errors]]\ncode = 1", "[[errors]]\n\ncode = 1"),  # above a first key
    PLAIN.replace("code = 1\nmessage", "code = 1\n\n\nmessage"),  # two empty lines
    "\n" + PLAIN,
]


@pytest.mark.parametrize("text", KEPT)
def test_comments_the_formatter_keeps_are_recognised(text: str) -> None:
    assert format_text(text) == text  # the case is right: the formatter keeps it
    assert recognised(text)


@pytest.mark.parametrize("text", CHANGED)
def test_comments_the_formatter_moves_are_not_recognised(text: str) -> None:
    assert format_text(text) != text  # the case is right: the formatter changes it
    assert not recognised(text)


def test_a_comment_inside_a_multiline_string_is_text() -> None:
    text = PLAIN.replace("line one\n", "line one\n# not a comment\n")
    # Its data differ from PLAIN's; the writer's text for them has the line too.
    assert recognised(text) == (format_text(text) == text)
    assert not settled(text, PLAIN)


def test_multiline_literal_strings_are_taken_when_the_writer_would_write_the_same() -> None:
    body = '"""\nline one\nline "two\\""""'
    literal = PLAIN.replace(body, "'''\nline one\nline \"two\"'''")
    assert literal != PLAIN and format_text(literal) == literal
    assert not recognised(literal)  # ends with a quote: the writer escapes it
    text = "# c\n" + PLAIN.replace(body, "'''\nline one\nline \"two\" ok'''")
    assert format_text(text) == text and recognised(text)


def test_a_file_without_comments_is_left_to_canonical_already() -> None:
    assert not settled(PLAIN, PLAIN)


# -- generated files -------------------------------------------------------------------

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"), max_size=12
)
NOTE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=8)


@st.composite
def catalog_data(draw: st.DrawFn, line_breaks: bool = True) -> dict[str, Any]:
    """Catalog data the writer spells: texts with quotes, ``#``, escapes and (unless not
    ``line_breaks``, then only in descriptions) line breaks."""
    text = TEXT | st.sampled_from(["a # b", "x\ny", 'q "r"', "it's", "'''", '"""', "\\"])
    described = text
    if not line_breaks:
        text = text.filter(lambda t: "\n" not in t)
    errors: list[dict[str, Any]] = []
    for code in draw(st.lists(st.integers(-99, 99), unique=True, max_size=4)):
        entry: dict[str, Any] = {"code": code, "message": draw(text)}
        if draw(st.booleans()):
            entry["description"] = draw(described)
        if draw(st.booleans()):
            entry["tags"] = draw(st.lists(text, max_size=3))
        if draw(st.booleans()):
            entry["variants"] = [{"message": draw(text)}]
        if draw(st.booleans()):
            entry["translations"] = {"zh-CN": {"message": draw(text)}}
        errors.append(entry)
    data: dict[str, Any] = {"catalog": {"id": "gen", "title": draw(text)}, "errors": errors}
    if draw(st.booleans()):
        data["modules"] = {"auth": {"title": draw(text)}}
    return data


@st.composite
def commented(draw: st.DrawFn) -> str:
    """The writer's text of generated data, with comments, blank lines and other
    spellings put anywhere: most are kept by the formatter, some are not."""
    data = draw(catalog_data())
    quoted = draw(st.sampled_from([set(), {"zh-CN"}]))
    lines = to_toml(data, quoted=quoted).split("\n")
    out: list[str] = []
    for line in lines:
        before = draw(st.integers(0, 12))
        if before == 1:
            out.append(("# " + draw(NOTE)).rstrip())
        elif before == 2:
            out.append("")
        elif before == 3:
            out += ["", "# " + draw(NOTE).rstrip()]
        elif before == 4:
            out += ["# " + draw(NOTE).rstrip(), ""]
        elif before == 5:
            out.append(draw(st.sampled_from(["  # indented", "#", "# trailing  ", "\t# tab"])))
        after = draw(st.integers(0, 8))
        if after == 1 and line:
            line += draw(st.sampled_from(["  ", " ", "", "\t", "       "])) + "# " + draw(NOTE)
        elif after == 2 and line.endswith("]") and "[" in line and "=" in line:
            head, _, items = line.partition("[")  # an array spread over lines
            line = head + "[\n    # inside\n    " + items.replace(", ", ",\n    ")
        out.append(line)
    text = "\n".join(out)
    if draw(st.booleans()):
        text = text.replace('"""', "'''")  # multi-line literal strings (when still TOML)
    return text + draw(st.sampled_from(["", "# the end\n", "\n# the end\n", "\n"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented())
def test_a_file_recognised_is_a_fixed_point_and_the_verdict_is_the_formatters(
    text: str,
) -> None:
    for candidate in variants(text):
        lf = candidate.removeprefix("\ufeff").replace("\r\n", "\n")
        data = tomllib.loads(lf)
        if formatted_already(lf, data):
            assert format_text(lf) == lf
        fast = fmt_file(candidate)
        with mock.patch.object(fmt_files, "known_format", lambda text, data, role: None):
            slow = fmt_file(candidate)
        assert fast == slow


@st.composite
def kept(draw: st.DrawFn) -> str:
    """The writer's text with comments only where the formatter keeps them: after a
    statement (two spaces), above a later header (after its blank line), between keys,
    at the top and at the end."""
    data = draw(catalog_data(line_breaks=False))  # multi-line strings: descriptions only
    lines = to_toml(data).split("\n")
    out: list[str] = ["# top"] if draw(st.booleans()) else []
    in_string = False
    for i, line in enumerate(lines):
        if in_string:
            in_string = not line.endswith('"""')  # the writer escapes quotes in the body
            out.append(line + ("  # after the string" if not in_string else ""))
            continue
        statement = line and not line.startswith("[")
        if (
            statement
            and i
            and lines[i - 1]
            and not lines[i - 1].startswith("[")
            and draw(st.booleans())
        ):
            out.append(("# " + draw(NOTE)).rstrip())  # between two keys
        if line.startswith("[") and i and draw(st.booleans()):
            out.append(("# " + draw(NOTE)).rstrip())  # after the blank line above a header
        in_string = line == 'description = """'
        if line and not in_string and draw(st.booleans()):
            line += ("  # " + draw(NOTE)).rstrip()
        out.append(line)
    return "\n".join(out) + ("# the end\n" if draw(st.booleans()) else "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kept())
def test_comments_where_the_formatter_keeps_them_are_recognised(text: str) -> None:
    """The recogniser is not vacuous: the files the formatter keeps as they are, with
    comments in the places it keeps them, are recognised."""
    assert format_text(text) == text
    assert "#" not in text or recognised(text)
