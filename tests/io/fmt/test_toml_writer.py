"""The canonical TOML writer (imports; fmt's fast path): same data back, in fmt's layout."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import errdex
from catalogs import ROOT
from errdex.io import reads
from errdex.io.export import loadable_data, to_json
from errdex.io.fmt.files import format_text
from errdex.io.fmt.toml_writer import string, to_toml

EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/errdex.toml"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_writes_back_to_the_same_catalog_in_canonical_layout(name):
    catalog = errdex.load(ROOT / "examples" / name)
    text = to_toml(loadable_data(catalog))
    assert format_text(text) == text  # errdex fmt would not change a line
    back, problems = reads(text, "toml")
    assert back is not None and not [p for p in problems if p.severity == "error"]
    assert to_json(back) == to_json(catalog)


def test_layout_orders_tables_and_keys_as_the_spec_does():
    data = {
        "errors": [
            {
                "message": "Bad {thing}",
                "code": 4001,
                "translations": {"zh-CN": {"message": "坏 {thing}"}},
                "variants": [{"message": "Bad token"}],
            }
        ],
        "modules": {"auth": {"space": "app", "title": "Auth"}},
        "catalog": {"title": "T", "id": "t"},
        "spaces": {"app": {"kind": "app"}},
    }
    text = to_toml(data)
    assert text.splitlines()[:3] == ["[catalog]", 'id = "t"', 'title = "T"']
    assert text.index("[spaces.app]") < text.index("[modules.auth]") < text.index("[[errors]]")
    assert text.index("code = 4001") < text.index('message = "Bad {thing}"')
    assert text.index("[[errors.variants]]") < text.index("[errors.translations.zh-CN]")
    assert tomllib.loads(text) == data
    assert format_text(text) == text


@pytest.mark.parametrize(
    ("value", "spelled"),
    [
        ("plain", '"plain"'),
        ('say "hi"', "'say \"hi\"'"),
        ('it\'s "x"', '"it\'s \\"x\\""'),
        ("two\nlines", '"""\ntwo\nlines"""'),
        ('a ""q"\nend"', '"""\na \\""q"\nend\\""""'),
        ("tab\there", '"tab\there"'),
        ("a\rb", '"a\\rb"'),
    ],
)
def test_strings_take_the_canonical_spelling(value, spelled):
    assert string(value) == spelled
    assert tomllib.loads("v = " + spelled)["v"] == value


texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.fixed_dictionaries({"code": st.integers(), "message": texts}), max_size=4), texts
)
def test_any_text_survives_and_is_canonical(entries, title):
    data = {"catalog": {"id": "x", "title": title}, "errors": entries}
    text = to_toml(data)
    assert tomllib.loads(text) == (
        {"catalog": data["catalog"], "errors": entries} if entries else {"catalog": data["catalog"]}
    )
    assert format_text(text) == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.fixed_dictionaries({"code": st.integers(), "message": texts}), max_size=3),
    st.sets(st.sampled_from(["zh-CN", "en", "message", "code", "id", "catalog", "errors"])),
    texts,
)
def test_keys_the_author_quoted_stay_quoted_and_the_text_is_canonical(entries, quoted, title):
    for entry in entries:
        entry["translations"] = {"zh-CN": {"message": title}, "en": {"message": title}}
    data = {"catalog": {"id": "x", "title": title}, "errors": entries}
    text = to_toml(data, quoted=quoted)
    assert tomllib.loads(text) == (data if entries else {"catalog": data["catalog"]})
    assert format_text(text) == text
    for name in quoted & {"zh-CN", "message"}:
        if entries:
            assert f'"{name}"' in text and f"\n{name} =" not in text
