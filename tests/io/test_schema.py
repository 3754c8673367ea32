"""The JSON Schema of the format (``errdex schema``) agrees with the loader.

Every example catalog file validates (main files against the schema, module
and locale files against its ``$defs``), so do canonical JSON exports, and
the schema refuses unknown keys and mistyped values at every level — the
same things the loader reports.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
from io_catalogs import FULL
from jsonschema import Draft202012Validator

import errdex
from errdex.io.export import to_data
from errdex.io.schema import SCHEMA_ID, catalog_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCHEMA = catalog_schema()


def validator(definition: str | None = None) -> Draft202012Validator:
    """A validator of a main catalog file, or of one of the schema's ``$defs``."""
    if definition is None:
        return Draft202012Validator(SCHEMA)
    # what an editor does with ``<$id>#/$defs/module_file``: resolve it inside the schema
    wrapper = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"]}
    return Draft202012Validator({**wrapper, "$ref": f"#/$defs/{definition}"})


def errors_of(data: Any, definition: str | None = None) -> list[str]:
    return [e.message for e in validator(definition).iter_errors(data)]


def _files(folder: str) -> list[Path]:
    return sorted(p for p in EXAMPLES.glob(f"*/{folder}/*.toml"))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"] == SCHEMA_ID
    assert set(SCHEMA["$defs"]) >= {"module_file", "locale_file"}


@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.glob("*/errdex.toml")), ids=lambda p: p.parent.name
)
def test_every_example_main_file_validates(path: Path) -> None:
    assert errors_of(tomllib.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", _files("modules"), ids=lambda p: f"{p.parents[1].name}/{p.name}")
def test_every_example_module_file_validates_against_module_file(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert errors_of(data, "module_file") == []
    assert errors_of(data) != []  # a module file is not a catalog: it has no [catalog]


@pytest.mark.parametrize("path", _files("locales"), ids=lambda p: f"{p.parents[1].name}/{p.name}")
def test_every_example_locale_file_validates_against_locale_file(path: Path) -> None:
    assert errors_of(tomllib.loads(path.read_text(encoding="utf-8")), "locale_file") == []


def test_there_are_module_files_to_validate() -> None:
    assert len(_files("modules")) >= 2


@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.glob("*/errdex.toml")), ids=lambda p: p.parent.name
)
def test_every_example_canonical_export_validates(path: Path) -> None:
    assert errors_of(to_data(errdex.load(path.parent))) == []


def test_the_full_catalog_and_its_export_validate() -> None:
    assert errors_of(tomllib.loads(FULL)) == []
    assert errors_of(to_data(errdex.loads(FULL))) == []


# -- what the schema refuses --------------------------------------------------------------

BASE = tomllib.loads(FULL)


def _entry(data: dict[str, Any], code: Any) -> dict[str, Any]:
    return next(e for e in data["errors"] if e["code"] == code)


def _unknown(where: str) -> dict[str, Any]:
    """FULL with an unknown key ``bogus`` added at one level of the format."""
    data = copy.deepcopy(BASE)
    target = {
        "top": lambda d: d,
        "catalog": lambda d: d["catalog"],
        "space": lambda d: d["spaces"]["app"],
        "module": lambda d: d["modules"]["auth"],
        "entry": lambda d: _entry(d, "AUTH-ERR-4"),
        "translation": lambda d: _entry(d, "AUTH-ERR-4")["translations"]["zh-CN"],
        "param": lambda d: _entry(d, "AUTH-ERR-4")["params"]["age"],
        "example": lambda d: _entry(d, "AUTH-ERR-4")["examples"][0],
        "variant": lambda d: _entry(d, -32000)["variants"][0],
        "profile": lambda d: d["profiles"]["plain"],
        "target": lambda d: d["targets"][0],
        "compat-allow": lambda d: d["compat"]["allow"][0],
    }[where](data)
    target["bogus"] = 1
    return data


LEVELS = [
    "top",
    "catalog",
    "space",
    "module",
    "entry",
    "translation",
    "param",
    "example",
    "variant",
    "profile",
    "target",
    "compat-allow",
]


@pytest.mark.parametrize("where", LEVELS)
def test_the_schema_refuses_an_unknown_key_at_every_level(where: str) -> None:
    data = _unknown(where)
    assert errors_of(data) != []
    # and so does the loader, with the same verdict
    import json

    _catalog, diagnostics = errdex.io.reads(json.dumps(data, ensure_ascii=False), "json")
    assert [d.rule.id for d in diagnostics] == ["E002"]
    assert "'bogus'" in diagnostics[0].message


def _set(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    target = data
    for part in path[:-1]:
        if isinstance(target, list) and not isinstance(part, int):  # an entry by its code
            target = next(e for e in target if e["code"] == part)
        else:
            target = target[part]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("errors", "AUTH-ERR-4", "code"), 1.5),
        (("errors", "AUTH-ERR-4", "code"), True),
        (("errors", "AUTH-ERR-4", "code"), [1]),
        (("errors", "AUTH-ERR-4", "code"), ""),
        (("errors", "AUTH-ERR-4", "http_status"), "404"),
        (("errors", "AUTH-ERR-4", "http_status"), 700),
        (("errors", "AUTH-ERR-4", "retryable"), "yes"),
        (("errors", "AUTH-ERR-4", "retry_after"), -1),
        (("errors", "AUTH-ERR-4", "status"), "retired"),
        (("errors", "AUTH-ERR-4", "tags"), "auth"),
        (("catalog", "locales"), "en"),
        (("catalog", "id"), 7),
        (("catalog", "id"), "Shop API"),  # not a slug: the loader refuses it too (E005)
        (("modules", "legacy", "range"), [1, 2, 3]),
        (("spaces", "rpc", "kind"), "grpc"),
        (("targets", 0, "format"), "pdf"),
    ],
)
def test_the_schema_refuses_mistyped_values(path: tuple[Any, ...], value: Any) -> None:
    assert errors_of(_set(path, value)) != []


def test_the_schema_requires_what_the_loader_requires() -> None:
    no_id = copy.deepcopy(BASE)
    del no_id["catalog"]["id"]
    no_code = copy.deepcopy(BASE)
    del _entry(no_code, "AUTH-ERR-5")["code"]
    no_variant_message = copy.deepcopy(BASE)
    del _entry(no_variant_message, -32000)["variants"][0]["message"]
    for data in (no_id, no_code, no_variant_message, {"errors": []}):
        assert any("is a required property" in m for m in errors_of(data))


def test_module_and_locale_file_definitions_refuse_unknown_keys() -> None:
    assert errors_of({"module": {"prefix": "A-"}, "errors": [{"code": "A-1"}]}, "module_file") == []
    assert errors_of({"module": {"prefx": "A-"}}, "module_file") != []
    assert errors_of({"modules": {}}, "module_file") != []
    assert errors_of({"errors": {"1054": {"message": "x", "space": "app"}}}, "locale_file") == []
    assert errors_of({"errors": {"1054": {"mesage": "x"}}}, "locale_file") != []
    assert errors_of({"errors": {"1054": "x"}}, "locale_file") != []
