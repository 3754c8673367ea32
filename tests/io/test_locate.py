"""Position locators: a key path inside a parsed file maps back to its ``line:col``."""

from __future__ import annotations

import pytest

from errdex.io import reads
from errdex.io.locate import positions
from errdex.io.source import SourceFile

TOML = """\
[catalog]
id = "shop"

[modules.auth]
prefix = "AUTH-ERR-"

[[errors]]
code = 1
description = \"\"\"
[not a table]
code = 2
\"\"\"
translations.zh-CN.message = "x"

[[errors]]
code = 2
  "quoted.key" = 1
"caf\\u00e9" = 2
variants = [
  { message = "a" },
  { message = "b" },
]

[errors.translations.fr]
message = "y"
"""


@pytest.mark.parametrize(
    ("path", "where"),
    [
        ((), (1, 1)),
        (("catalog",), (1, 1)),
        (("catalog", "id"), (2, 1)),
        (("modules",), (4, 1)),  # [modules.auth] opens modules too
        (("modules", "auth", "prefix"), (5, 1)),
        (("errors",), (7, 1)),
        (("errors", 0), (7, 1)),
        (("errors", 0, "code"), (8, 1)),
        (("errors", 0, "description"), (9, 1)),
        (("errors", 0, "translations", "zh-CN", "message"), (13, 1)),
        (("errors", 1), (15, 1)),
        (("errors", 1, "code"), (16, 1)),
        (("errors", 1, "quoted.key"), (17, 3)),
        (("errors", 1, "café"), (18, 1)),
        (("errors", 1, "variants"), (19, 1)),
        (("errors", 1, "variants", 1), (21, 3)),
        (("errors", 1, "translations", "fr"), (24, 1)),
        (("errors", 1, "translations", "fr", "message"), (25, 1)),
    ],
)
def test_toml_positions(path: tuple[object, ...], where: tuple[int, int]) -> None:
    assert positions(TOML, "toml")[path] == where


def test_a_multi_line_string_hides_what_looks_like_tables_inside_it() -> None:
    found = positions(TOML, "toml")
    assert ("not a table",) not in found
    assert ("errors", 0, "code") in found and found[("errors", 0, "code")] == (8, 1)


def test_toml_lines_are_counted_as_tomllib_counts_them() -> None:
    # CRLF ends a line; U+2028 inside a string does not.
    text = '[catalog]\r\nid = "a"\r\ntitle = "a\u2028b"\r\ntitel = "x"\r\n'
    (d,) = reads(text)[1]
    assert (d.line, d.col) == (4, 1)
    assert d.source_line == 'titel = "x"'


def test_json_positions() -> None:
    text = (
        "{\n"
        '  "catalog": {"id": "x"},\n'
        '  "errors": [\n'
        '    {"code": 1},\n'
        '    {"code": 2, "name": "n"}\n'
        "  ]\n"
        "}\n"
    )
    found = positions(text, "json")
    assert found[("catalog",)] == (2, 3)
    assert found[("catalog", "id")] == (2, 15)
    assert found[("errors", 0)] == (4, 5)
    assert found[("errors", 1, "name")] == (5, 17)


def test_yaml_positions_with_integer_keys_and_aliases() -> None:
    text = "errors:\n  1054:\n    message: x\n  AUTH-ERR-4: &t\n    message: y\n  1055: *t\n"
    found = positions(text, "yaml")
    assert found[("errors", 1054)] == (2, 3)
    assert found[("errors", "1054")] == (2, 3)  # as spelt, too
    assert found[("errors", 1054, "message")] == (3, 5)
    assert found[("errors", "AUTH-ERR-4")] == (4, 3)
    assert found[("errors", 1055)] == (6, 3)


def test_an_unknown_path_falls_back_to_its_nearest_known_ancestor() -> None:
    src = SourceFile(None, TOML, "toml")
    assert src.locate(("errors", 1, "variants", 0, "nope")) == (20, 3)
    assert src.locate(("nowhere", "at", "all")) == (1, 1)


@pytest.mark.parametrize("fmt", ["toml", "json", "yaml"])
def test_locators_cope_with_broken_text(fmt: str) -> None:
    for text in ("", "[", '"\\', "{[}]", "a: [b\n  - c", '["a\\x" = 1]\n', "\x00\ufeff\u2028"):
        assert positions(text, fmt)[()] == (1, 1)
