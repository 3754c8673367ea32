"""Malformed catalogs and the exact diagnostic each one gets.

Each case is a few files and the diagnostics ``errdex.io.read`` must report for
them: ``file:line:col``, rule id, message and hint, exactly. One case per way a
catalog author goes wrong: TOML/JSON/YAML syntax, a file that is not a table,
unknown keys at every level (with "did you mean"), wrong types, missing
required keys, bad enum values, dangling references, unreadable files and
folders. ``errdex.load`` must refuse every one with a :class:`CatalogError`
that names the first place.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

import errdex
from catalogs import HEAD
from errdex.io import read


class Case(NamedTuple):
    """Files to write (path -> text or bytes) and the diagnostics expected from reading them.

    The catalog read is the only file when there is one at the top, else the
    folder ``shop``; with no files at all, the missing ``c.toml``.
    """

    name: str
    files: dict[str, str | bytes]
    expected: list[tuple[str, str, str, str | None]]  # (file:line:col, rule, message, hint)


C = HEAD
"""The head of every single-file case: a valid [catalog] table."""

CASES = [
    Case(
        "toml-unclosed-string",
        {
            "c.toml": '[catalog]\nid = "shop\n',
        },
        [
            (
                "c.toml:2:11",
                "E001",
                "invalid TOML: the string is not closed before the end of the line",
                'close the string on the line where it starts (""" for multi-line text)',
            ),
        ],
    ),
    Case(
        "toml-duplicate-key",
        {
            "c.toml": C + 'id = "store"\n',
        },
        [
            (
                "c.toml:3:1",
                "E001",
                "invalid TOML: this key is already set above",
                "a key or table is defined twice: merge the two or rename one",
            ),
        ],
    ),
    Case(
        "toml-duplicate-table",
        {
            "c.toml": C + '[modules.auth]\ntitle = "Auth"\n[modules.auth]\nprefix = "A-"\n',
        },
        [
            (
                "c.toml:5:1",
                "E001",
                "invalid TOML: table [modules.auth] is declared twice",
                "a key or table is defined twice: merge the two or rename one",
            ),
        ],
    ),
    Case(
        "toml-bad-value",
        {
            "c.toml": "[catalog]\nid = shop\n",
        },
        [
            (
                "c.toml:2:6",
                "E001",
                "invalid TOML: invalid value",
                'quote strings ("..."), and write true/false, numbers and [lists] as TOML does',
            ),
        ],
    ),
    Case(
        "toml-missing-equals",
        {
            "c.toml": '[catalog]\nid "shop"\n',
        },
        [
            (
                "c.toml:2:4",
                "E001",
                "invalid TOML: expected '=' after a key in a key/value pair",
                "write each key as key = value",
            ),
        ],
    ),
    Case(
        "toml-unclosed-list",
        {
            "c.toml": C + 'locales = ["en",\n',
        },
        [
            (
                "c.toml:3:17",
                "E001",
                "invalid TOML: invalid value at the end of the file",
                "close the string, list or table that starts before this place",
            ),
        ],
    ),
    Case(
        "json-trailing-comma",
        {
            "c.json": '{"catalog": {"id": "shop",}}\n',
        },
        [
            (
                "c.json:1:26",
                "E001",
                "invalid JSON: trailing comma is not allowed",
                "check for a missing comma, quote or bracket just before this place",
            ),
        ],
    ),
    Case(
        "json-unclosed-object",
        {
            "c.json": '{"catalog": {"id": "shop"}\n',
        },
        [
            (
                "c.json:2:1",
                "E001",
                "invalid JSON: unexpected end of data",
                "check for a missing comma, quote or bracket just before this place",
            ),
        ],
    ),
    Case(
        "yaml-unclosed-quote",
        {
            "c.yaml": 'catalog:\n  id: "shop\n',
        },
        [
            (
                "c.yaml:3:1",
                "E001",
                "invalid YAML: found unexpected end of stream while scanning a quoted scalar",
                "check indentation and quoting at this place",
            ),
        ],
    ),
    Case(
        "yaml-bad-indent",
        {
            "c.yaml": "catalog:\n  id: shop\n title: Shop\n",
        },
        [
            (
                "c.yaml:3:2",
                "E001",
                "invalid YAML: did not find expected key while parsing a block mapping",
                "check indentation and quoting at this place",
            ),
        ],
    ),
    Case(
        "top-level-list",
        {
            "c.json": '[{"catalog": {"id": "shop"}}]\n',
        },
        [
            (
                "c.json:1:1",
                "E003",
                "the file holds a list, expected a table of keys",
                "start the file with [catalog] (TOML) or an object (JSON/YAML)",
            ),
        ],
    ),
    Case(
        "top-level-scalar",
        {
            "c.yaml": "shop\n",
        },
        [
            (
                "c.yaml:1:1",
                "E003",
                "the file holds a string, expected a table of keys",
                "start the file with [catalog] (TOML) or an object (JSON/YAML)",
            ),
        ],
    ),
    Case(
        "unknown-top-key",
        {
            "c.toml": C + '[moduls.auth]\ntitle = "Auth"\n',
        },
        [
            (
                "c.toml:3:1",
                "E002",
                "unknown field 'moduls' in the catalog file",
                "did you mean 'modules'?",
            ),
        ],
    ),
    Case(
        "unknown-catalog-key",
        {
            "c.toml": C + 'titel = "Shop"\n',
        },
        [
            ("c.toml:3:1", "E002", "unknown field 'titel' in 'catalog'", "did you mean 'title'?"),
        ],
    ),
    Case(
        "unknown-space-key",
        {
            "c.toml": C + '[spaces.app]\nkindd = "app"\n',
        },
        [
            ("c.toml:4:1", "E002", "unknown field 'kindd' in spaces.app", "did you mean 'kind'?"),
        ],
    ),
    Case(
        "unknown-module-key",
        {
            "c.toml": C + '[modules.auth]\nprefx = "AUTH-ERR-"\n',
        },
        [
            (
                "c.toml:4:1",
                "E002",
                "unknown field 'prefx' in modules.auth",
                "did you mean 'prefix'?",
            ),
        ],
    ),
    Case(
        "unknown-entry-key",
        {
            "c.toml": C + '[[errors]]\ncode = 1\nmesage = "Bad."\n',
        },
        [
            ("c.toml:5:1", "E002", "unknown field 'mesage' in an entry", "did you mean 'message'?"),
        ],
    ),
    Case(
        "unknown-translation-key",
        {
            "c.toml": C
            + ('[[errors]]\ncode = 1\n[errors.translations.zh-CN]\ndescripton = "坏"\n'),
        },
        [
            (
                "c.toml:6:1",
                "E002",
                "unknown field 'descripton' in translations.zh-CN",
                "did you mean 'description'?",
            ),
        ],
    ),
    Case(
        "unknown-variant-key",
        {
            "c.toml": C
            + (
                "[[errors]]\n"
                "code = -32000\n"
                "[[errors.variants]]\n"
                'message = "already known"\n'
                'solutoin = "wait"\n'
            ),
        },
        [
            (
                "c.toml:7:1",
                "E002",
                "unknown field 'solutoin' in 'variants'",
                "did you mean 'solution'?",
            ),
        ],
    ),
    Case(
        "unknown-param-key",
        {
            "c.toml": C
            + ('[[errors]]\ncode = 1\nmessage = "{age}"\n[errors.params.age]\ntyp = "int"\n'),
        },
        [
            ("c.toml:7:1", "E002", "unknown field 'typ' in params.age", "did you mean 'type'?"),
        ],
    ),
    Case(
        "unknown-key-json",
        {
            "c.json": (
                "{\n"
                '  "catalog": {"id": "shop"},\n'
                '  "errors": [\n'
                '    {"code": 1, "http_stats": 404}\n'
                "  ]\n"
                "}\n"
            ),
        },
        [
            (
                "c.json:4:17",
                "E002",
                "unknown field 'http_stats' in an entry",
                "did you mean 'http_status'?",
            ),
        ],
    ),
    Case(
        "code-float",
        {
            "c.toml": C + "[[errors]]\ncode = 1054.0\n",
        },
        [
            (
                "c.toml:4:1",
                "E003",
                "'code' is a float, expected an integer or a string",
                "write code as an integer or a string",
            ),
        ],
    ),
    Case(
        "code-bool",
        {
            "c.yaml": "catalog:\n  id: shop\nerrors:\n  - code: true\n",
        },
        [
            (
                "c.yaml:4:5",
                "E003",
                "'code' is a boolean, expected an integer or a string",
                "write code as an integer or a string",
            ),
        ],
    ),
    Case(
        "code-list",
        {
            "c.toml": C + "[[errors]]\ncode = [1054]\n",
        },
        [
            (
                "c.toml:4:1",
                "E003",
                "'code' is a list, expected an integer or a string",
                "write code as an integer or a string",
            ),
        ],
    ),
    Case(
        "http-status-string",
        {
            "c.toml": C + '[[errors]]\ncode = 1\nhttp_status = "404"\n',
        },
        [
            (
                "c.toml:5:1",
                "E003",
                "'http_status' is a string, expected an integer",
                "write http_status as an integer",
            ),
        ],
    ),
    Case(
        "retryable-string",
        {
            "c.toml": C + '[[errors]]\ncode = 1\nretryable = "yes"\n',
        },
        [
            (
                "c.toml:5:1",
                "E003",
                "'retryable' is a string, expected true or false",
                "write retryable as true or false",
            ),
        ],
    ),
    Case(
        "locales-not-list",
        {
            "c.toml": C + 'locales = "en, zh-CN"\n',
        },
        [
            (
                "c.toml:3:1",
                "E003",
                "'locales' is a string, expected a list of strings",
                "write locales as a list of strings",
            ),
        ],
    ),
    Case(
        "range-not-pair",
        {
            "c.toml": C + "[modules.db]\nrange = [1000, 1099, 1199]\n",
        },
        [
            (
                "c.toml:4:1",
                "E003",
                "'range' is a list, expected a list of two integers [lo, hi]",
                "write range as a list of two integers [lo, hi]",
            ),
        ],
    ),
    Case(
        "range-low-above-high",
        {
            "c.toml": C + "[modules.db]\nrange = [1099, 1000]\n",
        },
        [
            (
                "c.toml:4:1",
                "E005",
                "'range' is [1099, 1000]: the low end is above the high end",
                "write [1000, 1099]",
            ),
        ],
    ),
    Case(
        "missing-catalog-id",
        {
            "c.toml": '[catalog]\ntitle = "Shop"\n',
        },
        [
            (
                "c.toml:1:1",
                "E004",
                "'catalog' has no 'id'",
                "add id = ... (slug identifying the catalog)",
            ),
        ],
    ),
    Case(
        "missing-catalog-table",
        {
            "c.toml": "[[errors]]\ncode = 1\n",
        },
        [
            (
                "c.toml:1:1",
                "E004",
                "the catalog has no [catalog] table",
                'add [catalog] with id = "your-catalog"',
            ),
        ],
    ),
    Case(
        "missing-entry-code",
        {
            "c.toml": C + '[[errors]]\nmessage = "Bad."\n',
        },
        [
            ("c.toml:3:1", "E004", "entry has no 'code'", "add code = 1234 (or a string code)"),
        ],
    ),
    Case(
        "missing-variant-message",
        {
            "c.toml": C + ('[[errors]]\ncode = -32000\n[[errors.variants]]\ndescription = "d"\n'),
        },
        [
            (
                "c.toml:5:1",
                "E004",
                "'variants' has no 'message'",
                "add message = ... (the message sent)",
            ),
        ],
    ),
    Case(
        "bad-status",
        {
            "c.toml": C + '[[errors]]\ncode = 1\nstatus = "retired"\n',
        },
        [
            (
                "c.toml:5:1",
                "E005",
                "'status' is 'retired', expected one of 'active', 'deprecated', 'removed'",
                "did you mean 'removed'?",
            ),
        ],
    ),
    Case(
        "bad-status-typo",
        {
            "c.toml": C + '[[errors]]\ncode = 1\nstatus = "deprecate"\n',
        },
        [
            (
                "c.toml:5:1",
                "E005",
                "'status' is 'deprecate', expected one of 'active', 'deprecated', 'removed'",
                "did you mean 'deprecated'?",
            ),
        ],
    ),
    Case(
        "unknown-module-ref",
        {
            "c.toml": C + '[modules.auth]\n[[errors]]\ncode = 1\nmodule = "auht"\n',
        },
        [
            ("c.toml:6:1", "E007", "code 1 names unknown module 'auht'", "did you mean 'auth'?"),
        ],
    ),
    Case(
        "unknown-space-ref",
        {
            "c.toml": C
            + (
                "[spaces.app]\n"
                "[spaces.http]\n"
                'kind = "http"\n'
                "[[errors]]\n"
                "code = 404\n"
                'space = "htp"\n'
            ),
        },
        [
            ("c.toml:8:1", "E007", "code 404 names unknown space 'htp'", "did you mean 'http'?"),
        ],
    ),
    Case(
        "module-unknown-space",
        {
            "c.toml": C + '[spaces.app]\n[modules.auth]\nspace = "ap"\n',
        },
        [
            ("c.toml:5:1", "E007", "module 'auth' names unknown space 'ap'", "did you mean 'app'?"),
        ],
    ),
    Case(
        "prefix-and-range",
        {
            "c.toml": C + '[modules.auth]\nprefix = "AUTH-ERR-"\nrange = [1, 9]\n',
        },
        [
            (
                "c.toml:5:1",
                "E005",
                "module 'auth' has both a prefix and a range",
                "keep prefix for string codes or range for integer codes",
            ),
        ],
    ),
    Case(
        "yaml-key-not-string",
        {
            "c.yaml": (
                "catalog:\n"
                "  id: shop\n"
                "errors:\n"
                "  - code: 1\n"
                "    translations:\n"
                "      1: {message: x}\n"
            ),
        },
        [
            (
                "c.yaml:6:7",
                "E003",
                "key 1 in translations is not a string",
                'quote the key ("...")',
            ),
        ],
    ),
    Case(
        "translations-not-table",
        {
            "c.toml": C + '[[errors]]\ncode = 1\ntranslations = { zh-CN = "坏" }\n',
        },
        [
            (
                "c.toml:5:1",
                "E003",
                "translations.zh-CN is a string, expected a table",
                "write [errors.translations.zh-CN] as a table of keys",
            ),
        ],
    ),
    Case(
        "non-utf8",
        {
            "c.toml": b'[catalog]\nid = "caf\xe9"\n',
        },
        [
            ("c.toml:2:10", "E006", "the file is not UTF-8 (byte 0xe9)", "save the file as UTF-8"),
        ],
    ),
    Case(
        "missing-file",
        {},
        [
            ("c.toml", "E006", "no such file or folder: c.toml", "check the path"),
        ],
    ),
    Case(
        "not-a-catalog-file",
        {
            "c.txt": 'id = "shop"\n',
        },
        [
            (
                "c.txt",
                "E006",
                "c.txt is not a catalog file",
                "a catalog is a .toml, .yaml, .yml or .json file, or a folder with errdex.toml",
            ),
        ],
    ),
    Case(
        "folder-without-errdex-toml",
        {
            "shop/modules/auth.toml": '[module]\nprefix = "AUTH-ERR-"\n',
        },
        [
            (
                "shop",
                "E006",
                "shop holds no errdex.toml",
                "a catalog folder needs errdex.toml (or errdex.yaml/errdex.json)",
            ),
        ],
    ),
    Case(
        "module-file-unknown-key",
        {
            "shop/errdex.toml": C,
            "shop/modules/auth.toml": (
                '[module]\nprefix = "AUTH-ERR-"\n\n[[error]]\ncode = "AUTH-ERR-0"\n'
            ),
        },
        [
            (
                "shop/modules/auth.toml:4:1",
                "E002",
                "unknown field 'error' in a module file",
                "did you mean 'errors'?",
            ),
        ],
    ),
    Case(
        "module-file-syntax",
        {
            "shop/errdex.toml": C,
            "shop/modules/auth.yaml": "module:\n  prefix: [AUTH-ERR-\n",
        },
        [
            (
                "shop/modules/auth.yaml:3:1",
                "E001",
                "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
                "check indentation and quoting at this place",
            ),
        ],
    ),
    Case(
        "locale-file-unknown-code",
        {
            "shop/errdex.toml": C + '[[errors]]\ncode = 1054\nmessage = "Bad."\n',
            "shop/locales/zh-CN.toml": (
                '[errors.1054]\nmessage = "坏。"\n\n'  # translates the entry
                '[errors.1055]\nmessage = "错。"\n'  # translates nothing
            ),
        },
        [
            (
                "shop/locales/zh-CN.toml:4:1",
                "E007",
                "translation for unknown code '1055'",
                "remove it, or add the entry to the catalog",
            ),
        ],
    ),
    Case(
        "toml-duplicate-key-on-last-line",
        {
            "c.toml": C + 'title = "Shop"\ntitle = "Store"',
        },
        [
            (
                "c.toml:4:1",
                "E001",
                "invalid TOML: this key is already set above",
                "a key or table is defined twice: merge the two or rename one",
            ),
        ],
    ),
    Case(
        "toml-unclosed-multiline-string",
        {
            "c.toml": C + 'description = """\nAll errors.\n',
        },
        [
            (
                "c.toml:4:12",
                "E001",
                "invalid TOML: unterminated string at the end of the file",
                "close the string, list or table that starts before this place",
            ),
        ],
    ),
    Case(
        "toml-inline-table-extended",
        {
            "c.toml": C
            + (
                "[[errors]]\n"
                "code = 1\n"
                'params = { age = { type = "int" } }\n'
                'params.user.type = "str"\n'
            ),
        },
        [
            (
                "c.toml:6:1",
                "E001",
                "invalid TOML: cannot set errors.params.user: its table was written inline ({...})",
                "write all keys of that table in one place: inline, or as a [table]",
            ),
        ],
    ),
    Case(
        "entry-code-blank",
        {
            "c.toml": C + '[[errors]]\ncode = "  "\nmessage = "Hi."\n',
        },
        [
            ("c.toml:4:1", "E005", "'code' is blank", "write the code, e.g. 1234"),
        ],
    ),
    Case(
        "entry-code-with-blanks-around",
        {
            "c.toml": C + 'internal_error = ""\n[[errors]]\ncode = "AUTH-ERR-4 "\n',
        },
        [
            ("c.toml:3:1", "E005", "'internal_error' is empty", "write the code, e.g. 1234"),
            (
                "c.toml:5:1",
                "E005",
                "'code' 'AUTH-ERR-4 ' has blanks around it",
                'write code = "AUTH-ERR-4": clients compare codes as they are sent',
            ),
        ],
    ),
    Case(
        "catalog-id-not-a-slug",
        {
            "c.toml": '[catalog]\nid = "Shop API"\n',
        },
        [
            (
                "c.toml:2:1",
                "E005",
                "catalog id 'Shop API' is not a slug",
                'use lower-case letters, digits, ".", "_" and "-": id = "shop-api"',
            ),
        ],
    ),
]


def _target(case: Case) -> str:
    if not case.files:
        return "c.toml"
    if len(case.files) == 1 and "/" not in next(iter(case.files)):
        return next(iter(case.files))
    return "shop"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_catalog_gets_its_exact_diagnostic(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for rel, content in case.files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    monkeypatch.chdir(tmp_path)  # diagnostics show paths relative to the working folder

    _catalog, diagnostics = read(_target(case))

    got = [(d.location, d.rule.id, d.message, d.hint) for d in diagnostics]
    assert got == case.expected
    with pytest.raises(errdex.CatalogError) as raised:
        errdex.load(_target(case))
    assert f"{case.expected[0][0]}: {case.expected[0][1]} {case.expected[0][2]}" in str(
        raised.value
    )


def test_the_cases_are_distinct_and_enough() -> None:
    assert len({c.name for c in CASES}) == len(CASES) >= 20
    assert len({c.expected[0][2] for c in CASES}) >= 20  # distinct messages, not one case repeated
    assert {c.expected[0][1] for c in CASES} >= {
        "E001",
        "E002",
        "E003",
        "E004",
        "E005",
        "E006",
        "E007",
    }


def test_a_diagnostic_shows_the_offending_source_line(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(HEAD + '\n[[errors]]\ncode = 1\nhttp_status = "404"\n')
    (d,) = read(path)[1]
    assert (d.line, d.col) == (6, 1)
    assert d.source_line == 'http_status = "404"'
    assert d.to_dict() == {
        "rule": "E003",
        "slug": "wrong-type",
        "severity": "error",
        "message": "'http_status' is a string, expected an integer",
        "hint": "write http_status as an integer",
        "file": d.file,
        "line": 6,
        "col": 1,
        "source": 'http_status = "404"',
    }


def test_one_read_reports_every_problem_not_just_the_first(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        HEAD + 'titel = "Shop"\n\n'
        "[[errors]]\ncode = 1.5\n\n"
        '[[errors]]\ncode = 2\nretryable = "no"\nmodule = "nope"\n'
    )
    catalog, diagnostics = read(path)
    assert [(d.line, d.rule.id) for d in diagnostics] == [
        (3, "E002"),
        (6, "E003"),
        (10, "E003"),
        (11, "E007"),
    ]
    assert catalog is not None and [e.code for e in catalog] == [2]  # the usable entry is kept
