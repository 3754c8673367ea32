"""The lazy locator finds every place the whole-file map finds, without mapping the file.

:class:`errdex.io.locator.Locator` indexes where entries start and maps one
entry at a time; whatever the layout, each key path must resolve to the place
:func:`errdex.io.locate.positions` gives it (or to the same nearest ancestor).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from errdex.io import reads
from errdex.io.locate import positions
from errdex.io.source import SourceFile

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

DATA: dict[str, Any] = {
    "catalog": {"id": "shop", "locales": ["en", "fr"]},
    "modules": {"auth": {"prefix": "AUTH-", "http_status": 401}},
    "errors": [
        {"code": 1, "name": "a", "message": "m [x]", "variants": [{"message": "v"}]},
        {
            "code": 2,
            "description": "one\n[[errors]]\ntwo",
            "translations": {"fr": {"message": "f"}},
        },
        {"code": "AUTH-3", "module": "auth", "tags": ["a", "b"]},
    ],
}

TOML = """\
[catalog]
id = "shop"
locales = ["en", "fr"]

[modules.auth]
prefix = "AUTH-"

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
variants = [
  { message = "a" },
  { message = "b" },
]

[errors.translations.fr]
message = "y"

[[ errors ]]  # the third
code = 3
"""

TOML_FAKE_HEADER = """\
[catalog]
id = "shop"

[[errors]]
code = 1
description = \"\"\"
[[errors]]
\"\"\"

[[errors]]
code = 2
"""

TOML_TABLE_BETWEEN = """\
[catalog]
id = "shop"

[[errors]]
code = 1

[modules.auth]
prefix = "AUTH-"

[[errors]]
code = 2
module = "auth"
"""

YAML_VARIANTS = [
    yaml.dump(DATA, Dumper=DUMPER, sort_keys=False, allow_unicode=True),
    yaml.dump(DATA, Dumper=DUMPER, sort_keys=False, default_flow_style=True),
    yaml.dump(DATA, Dumper=DUMPER, sort_keys=False, indent=4),
    "catalog:\n  id: shop\nerrors:\n-\n  code: 1\n  name: a\n-\n  code: 2\n",
    "catalog: {id: shop}\nerrors:\n  - code: 1\n    name: &n a\n  - code: 2\n    name: *n\n",
    "errors:\n  - {code: 1, name: a}\n  - {code: 2,\n     name: b}\ncatalog:\n  id: shop\n",
    "errors: [{code: 1}, {code: 2}]\ncatalog: {id: shop}\n",
]

JSON_VARIANTS = [
    json.dumps(DATA, indent=2),
    json.dumps(DATA),
    json.dumps({**DATA, "errors": [*DATA["errors"], 5, {"code": 9}]}, indent=1),
    '{"errors": [ {"code": 1} ,\n {"code": 2, "x": "[{"}], "catalog": {"id": "s"}}',
    '{"catalog": {"id": "s"}, "errors": "not a list", "x": [{"code": 1}]}',
]

CASES = (
    [("toml", t) for t in (TOML, TOML_FAKE_HEADER, TOML_TABLE_BETWEEN)]
    + [("yaml", t) for t in YAML_VARIANTS]
    + [("json", t) for t in JSON_VARIANTS]
)


def reference(full: dict[tuple[Any, ...], tuple[int, int]], path: tuple[Any, ...]) -> Any:
    """The place the whole-file map gives a path: its own, or its nearest ancestor's."""
    probe = path
    while probe:
        if probe in full:
            return full[probe]
        probe = probe[:-1]
    return full.get((), (1, 1))


def source_of(fmt: str, text: str) -> SourceFile:
    catalog, _ = reads(text, fmt)
    assert catalog is not None
    src: SourceFile = catalog.sources[0]
    return src


@pytest.mark.parametrize(("fmt", "text"), CASES)
def test_every_mapped_path_is_found_where_the_whole_file_map_has_it(fmt: str, text: str) -> None:
    full = positions(text, fmt)
    src = source_of(fmt, text)
    for path, place in full.items():
        assert src.locate(path) == place, path
        assert src.has(path), path


@pytest.mark.parametrize(("fmt", "text"), CASES)
def test_unmapped_paths_fall_back_to_the_same_ancestor(fmt: str, text: str) -> None:
    full = positions(text, fmt)
    src = source_of(fmt, text)
    probes = [
        ("errors", 0, "nope"),
        ("errors", 1, "translations", "de", "message"),
        ("errors", 99),
        ("errors", 99, "code"),
        ("catalog", "title"),
        ("nothing",),
        ("errors", "x"),
    ]
    for path in probes:
        assert src.locate(path) == reference(full, path), path
        assert src.has(path) == (path in full), path


def test_a_big_catalog_is_located_without_mapping_the_whole_file() -> None:
    entries = "".join(f'\n[[errors]]\ncode = {i}\nmessage = "m{i}"\n' for i in range(2000))
    text = '[catalog]\nid = "big"\n' + entries
    src = source_of("toml", text)
    assert src.locate(("errors", 1500, "message")) == (3 + 1500 * 4 + 3, 1)
    assert src.locate(("catalog", "id")) == (2, 1)
    assert src.locator._full is None  # the fast path served both


def test_line_text_reads_lines_as_tomllib_counts_them() -> None:
    src = SourceFile(None, 'a = 1\r\nb = "x\u2028y"\nc = 3', "toml")
    assert [src.line_text(n) for n in (0, 1, 2, 3, 4)] == [
        None,
        "a = 1",
        'b = "x\u2028y"',
        "c = 3",
        None,
    ]
