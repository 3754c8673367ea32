"""Fuzzing the loader: whatever the input, problems come back as diagnostics, never as crashes.

``errdex.io.read``/``reads`` must return ``(catalog or None, diagnostics)`` for
any text, any bytes and any catalog-shaped structure with keys dropped,
retyped or renamed; every diagnostic must resolve to a place in its file.
``errdex.load``/``loads`` raise :class:`errdex.CatalogError` and nothing else.
The position locators must cope with any text, valid or not.
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import tomlkit
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io_catalogs import FULL

import errdex
from data_paths import value_paths
from errdex.io import locate, read, reads
from errdex.io.diagnostic import RULES, Diagnostic
from errdex.io.export import loadable_data

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FORMATS = ("toml", "json", "yaml")
SUFFIXES = {"toml": ".toml", "json": ".json", "yaml": ".yaml"}
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# A valid catalog covering every field, as plain data (the thing mutations start from).
BASE: dict[str, Any] = loadable_data(errdex.loads(FULL))

# -- strategies --------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
# Key names close to the format's own, so mutations hit validation, not just "unknown key".
KNOWN_KEYS = sorted(
    {"catalog", "spaces", "modules", "errors", "profiles", "targets", "compat", "module"}
    | {k for table in ("catalog",) for k in BASE[table]}
    | {k for e in BASE["errors"] for k in e}
)
key_names = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(min_size=1, max_size=12))


@st.composite
def mutated_catalogs(draw: st.DrawFn) -> dict[str, Any]:
    """The full catalog with 1-6 random mutations: drop, retype, rename or add a key."""
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        paths = value_paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = draw(st.sampled_from(["drop", "retype", "rename", "add"]))
        if action == "drop":
            del parent[last]
        elif action == "retype":
            parent[last] = draw(json_values)
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(key_names)] = parent.pop(last)
        elif isinstance(parent, dict):
            parent[draw(key_names)] = draw(json_values)
        else:
            parent.insert(last, draw(json_values))
    return data


def _dump(data: dict[str, Any], fmt: str) -> str | None:
    """``data`` as text in ``fmt``; None when that format cannot hold it (TOML has no null)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False)  # orjson stops at 64-bit integers
    if fmt == "yaml":
        return yaml.dump(
            data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True
        )
    try:
        return tomlkit.dumps(data)
    except Exception:
        return None


# -- the property every test checks ---------------------------------------------


def assert_well_formed(diagnostics: list[Diagnostic]) -> None:
    """Each diagnostic has a known rule, a message, and a place that resolves."""
    for d in diagnostics:
        assert d.rule.id in RULES
        assert d.message
        line, col = d.position
        assert isinstance(line, int) and isinstance(col, int)
        assert line >= 0 and col >= 0
        assert d.location
        orjson.dumps(d.to_dict())  # JSON output of the checker must be able to carry it
        if d.source is not None and line:
            assert d.source_line is not None or line > len(d.source.text.split("\n"))


def assert_loads_or_catalog_error(text: str, fmt: str) -> errdex.Catalog | None:
    """``loads`` returns a catalog or raises CatalogError carrying well-formed diagnostics."""
    try:
        return errdex.loads(text, fmt)
    except errdex.CatalogError as exc:
        assert exc.diagnostics
        assert_well_formed(exc.diagnostics)
        assert str(exc).startswith("cannot load catalog:")
        return None


# -- arbitrary text ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_raises(fmt: str, text: str) -> None:
    catalog, diagnostics = reads(text, fmt)
    assert catalog is not None or diagnostics
    assert_well_formed(diagnostics)
    assert_loads_or_catalog_error(text, fmt)


# Text assembled from the format's own punctuation and keywords reaches deeper
# into the parsers and the locators than uniformly random characters do.
TOKENS = {
    "toml": [
        "[catalog]",
        "[[errors]]",
        "[modules.a]",
        "\n",
        "id",
        " = ",
        '"x"',
        "'",
        '"""',
        "code",
        "1",
        "[",
        "]",
        "{",
        "}",
        ",",
        ".",
        "#",
        "translations",
        "\\u00e9",
        "\r\n",
    ],
    "json": [
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        '"catalog"',
        '"id"',
        '"errors"',
        '"code"',
        "1",
        "null",
        "true",
        '"x"',
        "\n",
        '"\\u0000"',
        "-",
        "1e999",
    ],
    "yaml": [
        "catalog:",
        "errors:",
        "\n",
        "  ",
        "- ",
        "id: ",
        "code: ",
        "&a ",
        "*a",
        "? ",
        ": ",
        "[",
        "]",
        "{",
        "}",
        "~",
        "1054",
        "'",
        '"',
        "!!binary",
        "\t",
        "---",
    ],
}


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.data())
def test_format_shaped_text_never_raises(fmt: str, data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(TOKENS[fmt]), max_size=40)))
    _catalog, diagnostics = reads(text, fmt)
    assert_well_formed(diagnostics)
    assert_loads_or_catalog_error(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(text=st.text(max_size=300))
def test_locators_never_raise(fmt: str, text: str) -> None:
    found = locate.positions(text, fmt)
    assert found[()] == (1, 1)
    for line, col in found.values():
        assert line >= 1 and col >= 1


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=st.data())
def test_locators_never_raise_on_format_shaped_text(fmt: str, data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(TOKENS[fmt]), max_size=60)))
    assert locate.positions(text, fmt)[()] == (1, 1)


# -- catalog-shaped structures ----------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(data=mutated_catalogs())
def test_mutated_catalogs_give_diagnostics_not_exceptions(fmt: str, data: dict[str, Any]) -> None:
    text = _dump(data, fmt)
    if text is None:
        return
    catalog = assert_loads_or_catalog_error(text, fmt)  # loads = reads + raise on errors
    if catalog is not None:
        assert all(type(e.code) in (int, str) for e in catalog.entries)
        assert all(type(loc) is str for e in catalog.entries for loc in e.translations)


@FUZZ
@given(data=st.dictionaries(key_names, json_values, max_size=6))
def test_random_structures_give_diagnostics_not_exceptions(data: dict[str, Any]) -> None:
    _catalog, diagnostics = reads(json.dumps(data), "json")
    assert_well_formed(diagnostics)


# YAML keys need not be strings: numbers, booleans and null are keys too.
yaml_keys = st.one_of(
    key_names, st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False)
)
yaml_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(yaml_keys, inner, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(
    data=st.dictionaries(yaml_keys, yaml_values, max_size=4),
    catalog=st.dictionaries(yaml_keys, yaml_values, max_size=4),
    entry=st.dictionaries(yaml_keys, yaml_values, max_size=4),
)
def test_yaml_with_non_string_keys_gives_diagnostics(
    data: dict[Any, Any], catalog: dict[Any, Any], entry: dict[Any, Any]
) -> None:
    doc = {**data, "catalog": {"id": "x", **catalog}, "errors": [{"code": 1, **entry}]}
    text = yaml.dump(doc, Dumper=DUMPER, allow_unicode=True)
    _catalog, diagnostics = reads(text, "yaml")
    assert_well_formed(diagnostics)
    assert_loads_or_catalog_error(text, "yaml")


module_files = st.one_of(
    json_values,
    mutated_catalogs().map(lambda d: {"module": d.get("modules"), "errors": d.get("errors")}),
)


@FUZZ
@given(module=module_files, locale=json_values, fmt=st.sampled_from(("json", "yaml")))
def test_folder_catalogs_with_random_files(module: Any, locale: Any, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "errdex.toml").write_text(FULL, encoding="utf-8")
        files = {"modules/extra": module, "locales/fr": {"errors": locale}}
        for name, value in files.items():
            path = (root / name).with_suffix(SUFFIXES[fmt])
            path.parent.mkdir()
            text = json.dumps(value) if fmt == "json" else yaml.dump(value, Dumper=DUMPER)
            path.write_text(text, encoding="utf-8")
        _catalog, diagnostics = read(root)
        assert_well_formed(diagnostics)
        try:
            errdex.load(root)
        except errdex.CatalogError as exc:
            assert_well_formed(exc.diagnostics)


# -- arbitrary bytes ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@FUZZ
@given(blob=st.binary(max_size=300))
def test_arbitrary_bytes_in_a_file_never_raise(fmt: str, blob: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"catalog{SUFFIXES[fmt]}"
        path.write_bytes(blob)
        catalog, diagnostics = read(path)
        assert catalog is not None or diagnostics
        assert_well_formed(diagnostics)
        try:
            errdex.load(path)
        except errdex.CatalogError as exc:
            assert exc.diagnostics


@pytest.fixture
def default_recursion_limit() -> Iterator[None]:
    """Python's default recursion limit, whatever an earlier test in this worker set."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


@pytest.mark.usefixtures("default_recursion_limit")
def test_deep_nesting_is_a_syntax_diagnostic() -> None:
    for fmt, text in (
        ("toml", "x = " + "[" * 5000),
        ("json", "[" * 5000),
        ("yaml", "[" * 5000),
        ("toml", '[catalog]\nid = "x"\n[profiles.p]\nbody = ' + "[" * 3000 + "]" * 3000 + "\n"),
    ):
        catalog, diagnostics = reads(text, fmt)
        assert catalog is None
        assert [d.rule.id for d in diagnostics] == ["E001"], (fmt, diagnostics)
        assert locate.positions(text, fmt)[()] == (1, 1)


def test_a_deep_but_parseable_profile_body_is_refused() -> None:
    # Parsers accept this nesting; rendering and JSON export could not follow it.
    body = "[" * 40 + "]" * 40
    text = '[catalog]\nid = "x"\n[profiles.p]\nbody = ' + body + "\n"
    catalog, diagnostics = reads(text, "toml")
    assert [(d.rule.id, d.location) for d in diagnostics] == [("E005", "<string>:4:1")]
    assert "nested" in diagnostics[0].message and diagnostics[0].hint
    assert catalog is not None and "p" not in catalog.profiles


def test_yaml_aliases_do_not_blow_up_the_locator() -> None:
    # a "billion laughs" document: each level doubles the tree the aliases describe
    lines = ["a0: &a0 [x, x]"] + [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 40)]
    text = "\n".join(lines) + "\n"
    found = locate.positions(text, "yaml")
    assert found[("a39",)] == (40, 1)
    catalog, diagnostics = reads(text, "yaml")
    assert catalog is None or diagnostics
    assert_well_formed(diagnostics)
