"""``errdex.io.fmt.toml_placed``: the formatter's text of a commented file whose keys moved.

The shortcut must give, byte for byte, what the full formatter gives for every
file it takes, and ``format_paths`` must give the same results with it as
without it. Files are generated as the writer's text of data whose keys are in
any order (as a hand-edited file has them), with comments and empty lines in
every position (above keys and headers, after keys and headers, inside arrays
and multi-line strings, at the top and the end), other spacing, CRLF, a BOM,
multi-line strings holding ``#``, quoted keys, inline tables and arrays.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections.abc import Container
from pathlib import Path
from typing import Any
from unittest import mock

from fmt_cases import fmt_file, variants
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errdex.io.fmt import files as fmt_files
from errdex.io.fmt import format_checked, format_paths, format_text
from errdex.io.fmt.files import known_format, quoted_keys
from errdex.io.fmt.toml_placed import placed
from errdex.io.fmt.toml_writer import Trace, to_toml

ENTRY = {
    "name": "badToken",
    "code": 4001,
    "message": "Bad {thing} # not a comment",
    "description": "line one\n# not a comment either\nline 'two'",
    "tags": ["auth", "x#y"],
    "params": {"thing": {"description": "what", "type": "str"}},
    "translations": {"zh-CN": {"message": "坏 {thing}", "title": "坏"}},
}
DATA: dict[str, Any] = {
    "catalog": {"title": "Shop", "id": "shop"},
    "modules": {"auth": {"title": "Auth", "http_status": 401}},
    "errors": [ENTRY, {"message": "Gone", "code": 4002, "status": "removed"}],
}


def as_read(data: dict[str, Any], quoted: Container[str] = (), role: str = "main") -> str:
    """The writer's text with every table's keys in ``data``'s order."""
    trace = Trace()
    to_toml(data, quoted=quoted, trace=trace, role=role)
    return trace.as_read()


def known(text: str, role: str = "main") -> str | None:
    return known_format(text, tomllib.loads(text), role)


def test_keys_moved_and_comments_are_placed_as_the_formatter_places_them() -> None:
    text = as_read(DATA)
    assert text != to_toml(DATA)  # keys out of order: the formatter changes the file
    text = "# top\n\n" + text.replace("code = 4001", "code = 4001  # the code")
    text = text.replace('message = "Gone"', '# above the message\nmessage = "Gone"')
    text = text.replace("\n[modules.auth]", "# closing the catalog\n\n# above\n[modules.auth]")
    text = text.replace('title = "Auth"', '\ntitle = "Auth"')  # an empty line between keys
    expected = format_text(text)
    assert expected != text
    assert known(text) == expected
    assert "code = 4001  # the code" in expected and "# above\n[modules.auth]" in expected


def test_a_table_without_comments_is_the_canonical_table() -> None:
    text = as_read(DATA) + "# at the end\n"
    assert known(text) == format_text(text) == to_toml(DATA) + "# at the end\n"


def test_an_empty_line_between_keys_is_kept_and_recognised() -> None:
    text = to_toml(DATA).replace('title = "Shop"', '\ntitle = "Shop"')
    assert format_text(text) == text
    assert known(text) == text


def test_other_spellings_and_table_orders_are_left_to_the_formatter() -> None:
    data = tomllib.loads(as_read(DATA))
    trace = Trace()
    canonical = to_toml(data, trace=trace)
    for text in [
        as_read(DATA).replace("code = 4001", "code=4001"),  # spacing
        as_read(DATA).replace("code = 4001", "code = 4_001"),  # a number's spelling
        as_read(DATA).replace('"Shop"', "'Shop'"),  # a literal string
        as_read(DATA).replace("\n[modules.auth]", "\n[modules.auth]   "),  # trailing spaces
    ]:
        assert placed(text, canonical, trace, quoted_keys(text)) is None
    moved = "[modules.auth]\ntitle = 'Auth'\n\n" + to_toml({"catalog": DATA["catalog"]})
    assert known(moved) is None or known(moved) == format_text(moved)


# -- generated files -------------------------------------------------------------------

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"), max_size=10
)
NOTE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=6)
WORDS = TEXT | st.sampled_from(["a # b", "x\ny # z", 'q "r"', "it's", "'''", '"""', "\\", "#"])


@st.composite
def shuffled(draw: st.DrawFn, table: dict[str, Any]) -> dict[str, Any]:
    """``table`` with its keys in any order."""
    return {k: table[k] for k in draw(st.permutations(list(table)))}


@st.composite
def catalog_data(draw: st.DrawFn) -> dict[str, Any]:
    """Catalog data with its keys in any order: texts with quotes, ``#``, escapes and
    line breaks, arrays, inline tables (``params``), arrays of tables and sub-tables."""
    errors: list[dict[str, Any]] = []
    for code in draw(st.lists(st.integers(-99, 99), unique=True, max_size=4)):
        entry: dict[str, Any] = {"code": code, "message": draw(WORDS)}
        if draw(st.booleans()):
            entry["name"] = draw(st.sampled_from(["a", "b-c", "zh-CN"]))
        if draw(st.booleans()):
            entry["description"] = draw(WORDS)
        if draw(st.booleans()):
            entry["tags"] = draw(st.lists(WORDS, max_size=3))
        if draw(st.booleans()):
            entry["params"] = {"id": draw(shuffled({"type": "str", "description": draw(WORDS)}))}
        if draw(st.booleans()):
            entry["variants"] = [draw(shuffled({"message": draw(WORDS), "retryable": True}))]
        if draw(st.booleans()):
            texts = {"message": draw(WORDS), "title": draw(WORDS)}
            entry["translations"] = {"zh-CN": draw(shuffled(texts))}
        if draw(st.booleans()):
            entry["retryable"] = draw(st.booleans())
        errors.append(draw(shuffled(entry)))
    catalog = {"id": "gen", "title": draw(WORDS), "version": "1"}
    data: dict[str, Any] = {"catalog": draw(shuffled(catalog)), "errors": errors}
    if draw(st.booleans()):
        data["modules"] = {"auth": draw(shuffled({"title": draw(WORDS), "http_status": 400}))}
    if draw(st.booleans()):
        data = {"$schema": "https://example.com/s.json", **data}
    return data


@st.composite
def commented(draw: st.DrawFn) -> str:
    """The writer's text of generated data in its own key order, with comments, empty
    lines and other spellings put anywhere."""
    data = draw(catalog_data())
    quoted = draw(st.sampled_from([set(), {"zh-CN"}, {"message", "zh-CN"}]))
    lines = as_read(data, quoted).split("\n")
    out: list[str] = []
    for line in lines:
        before = draw(st.integers(0, 14))
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
        elif before == 6:
            out += ["", ""]
        elif before == 7:
            out += ["# a", "# b", "", "# c"]
        after = draw(st.integers(0, 9))
        if after in (1, 2) and line:
            line += draw(st.sampled_from(["  ", " ", "", "\t", "       "])) + "# " + draw(NOTE)
        elif after == 3 and line.endswith("]") and "[" in line and "=" in line:
            head, _, items = line.partition("[")  # an array spread over lines
            line = head + "[\n    # inside\n    " + items.replace(", ", ",\n    ")
        out.append(line)
    text = "\n".join(out)
    if draw(st.booleans()):
        text = text.replace('"""', "'''")  # multi-line literal strings (when still TOML)
    return text + draw(st.sampled_from(["", "# the end\n", "\n# the end\n", "\n"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented())
def test_the_shortcut_gives_the_formatters_text_and_verdict(text: str) -> None:
    for candidate in variants(text):
        lf = candidate.removeprefix("\ufeff").replace("\r\n", "\n")
        fast = known(lf)
        if fast is not None:
            assert fast == format_text(lf)
        quick = fmt_file(candidate)
        with mock.patch.object(fmt_files, "known_format", lambda text, data, role: None):
            slow = fmt_file(candidate)
        assert quick == slow


def test_the_generated_files_take_the_shortcut_often() -> None:
    """Not vacuous: a good share of the generated files are reformatted by the shortcut."""
    taken: list[bool] = []

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(commented())
    def run(text: str) -> None:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            return
        fast = known_format(text, data)
        taken.append(fast is not None and fast != text)

    run()
    assert sum(taken) >= len(taken) // 5, (sum(taken), len(taken))


# -- module and locale files of a folder catalog ---------------------------------------

FOLDER_MAIN = (
    '[catalog]\nid = "folder"\nlocales = ["en", "zh-CN"]\n\n'
    '[[errors]]\ncode = "AUTH-ERR-0"\nmessage = "Not logged in."\n\n'
    '[[errors]]\ncode = "AUTH-ERR-4"\nmessage = "The token has expired."\n'
)
ROLE_FILE = {"module": "modules/auth.toml", "locale": "locales/zh-CN.toml"}


@st.composite
def folder_file(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A module file or a locale file's data, keys in any order."""
    if draw(st.booleans()):
        module = {"title": draw(WORDS), "prefix": "AUTH-ERR-", "order": draw(st.integers(0, 9))}
        errors = [
            draw(shuffled({"code": f"AUTH-ERR-{i}", "message": draw(WORDS), "name": f"n{i}"}))
            for i in draw(st.lists(st.integers(0, 9), unique=True, min_size=1, max_size=3))
        ]
        return "module", {"module": draw(shuffled(module)), "errors": errors}
    texts = {
        code: draw(shuffled({"source_hash": "5f0c2b9a1e44", "message": draw(WORDS)}))
        for code in draw(
            st.lists(st.sampled_from(["AUTH-ERR-0", "AUTH-ERR-4"]), unique=True, min_size=1)
        )
    }
    return "locale", {"errors": texts}


@st.composite
def folder_commented(draw: st.DrawFn) -> tuple[str, str]:
    """A module or locale file as the writer spells it in its own key order, with
    comments and empty lines anywhere."""
    role, data = draw(folder_file())
    quoted = draw(st.sampled_from([set(), {"AUTH-ERR-4"}]))
    out: list[str] = []
    for line in as_read(data, quoted, role).split("\n"):
        before = draw(st.integers(0, 6))
        if before == 1:
            out.append(("# " + draw(NOTE)).rstrip())
        elif before == 2:
            out.append("")
        elif before == 3:
            out += ["", "# " + draw(NOTE).rstrip()]
        if draw(st.integers(0, 4)) == 1 and line:
            line += draw(st.sampled_from(["  ", " ", ""])) + "# " + draw(NOTE)
        out.append(line)
    return role, "\n".join(out)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folder_file())
def test_the_writer_spells_module_and_locale_files_as_the_formatter(
    found: tuple[str, dict[str, Any]],
) -> None:
    role, data = found
    text = to_toml(data, role=role)
    assert tomllib.loads(text) == data
    assert format_checked(text, "toml", role) == text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folder_commented())
def test_module_and_locale_files_take_the_shortcut_as_the_formatter(
    found: tuple[str, str],
) -> None:
    role, text = found
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    fast = known_format(text, data, role)
    if fast is not None:
        assert fast == format_text(text, "toml", role)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "errdex.toml").write_text(FOLDER_MAIN, encoding="utf-8")
        path = Path(folder) / ROLE_FILE[role]
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        [quick] = format_paths([path])
        with mock.patch.object(fmt_files, "known_format", lambda text, data, role: None):
            [slow] = format_paths([path])
    assert quick == slow


def test_a_formatted_locale_file_is_recognised() -> None:
    text = '# zh-CN\n[errors."AUTH-ERR-4"]\nmessage = "令牌已过期。"  # short\n'
    assert format_text(text, "toml", "locale") == text
    assert known(text, "locale") == text
    moved = '[errors.AUTH-ERR-0]\nsource_hash = "5f0c2b9a1e44"\nmessage = "未登录。"\n'
    assert known(moved, "locale") == format_text(moved, "toml", "locale") != moved
