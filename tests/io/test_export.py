"""Round trips: TOML → model → canonical JSON → model is the same catalog, in every format.

Run over every example catalog in ``examples/`` and over a hand-written
catalog that uses every key of the format (``io_catalogs.FULL``).
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import orjson
import pytest
import yaml
from io_catalogs import FULL, MINIMAL

import errdex
from errdex.io.export import loadable_data, to_data, to_json
from errdex.model import Entry

EXAMPLES = sorted(
    p
    for p in (Path(__file__).resolve().parents[2] / "examples").iterdir()
    if not p.name.startswith(".") and (p.is_file() or (p / "errdex.toml").is_file())
)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _catalogs() -> list[tuple[str, errdex.Catalog]]:
    return [("full", errdex.loads(FULL)), ("minimal", errdex.loads(MINIMAL))] + [
        (p.name, errdex.load(p)) for p in EXAMPLES
    ]


def test_there_are_examples_to_round_trip() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(
    ("name", "catalog"), _catalogs(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_canonical_json_loads_back_to_the_same_catalog(name: str, catalog: errdex.Catalog) -> None:
    exported = to_json(catalog)
    again = errdex.loads(exported.decode(), "json")
    assert again == catalog
    assert [e.key for e in again] == [e.key for e in catalog]


@pytest.mark.parametrize(
    ("name", "catalog"), _catalogs(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_canonical_json_is_byte_identical_on_re_export(name: str, catalog: errdex.Catalog) -> None:
    first = to_json(catalog)
    second = to_json(errdex.loads(first.decode(), "json"))
    assert second == first
    assert to_json(catalog, indent=False) == orjson.dumps(orjson.loads(first)) + b"\n"


@pytest.mark.parametrize(
    ("name", "catalog"), _catalogs(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_the_export_without_nulls_is_a_catalog_file_too(name: str, catalog: errdex.Catalog) -> None:
    data = loadable_data(catalog)
    assert errdex.loads(json.dumps(data, ensure_ascii=False), "json") == catalog
    assert (
        errdex.loads(yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False), "yaml")
        == catalog
    )


def test_canonical_json_has_every_key_in_a_fixed_order() -> None:
    data = to_data(errdex.loads(FULL))
    assert list(data) == ["catalog", "spaces", "modules", "profiles", "targets", "compat", "errors"]
    entry_keys = [k for k in Entry._fields if k != "key"]
    for item in data["errors"]:
        assert list(item) == entry_keys  # every key, unset ones as null
    minimal = to_data(errdex.loads('[catalog]\nid = "x"\n[[errors]]\ncode = 1\n'))
    assert minimal["errors"][0]["message"] is None
    assert minimal["errors"][0]["translations"] == {}
    assert minimal["spaces"] == [
        {
            "id": "app",
            "kind": "app",
            "title": None,
            "description": None,
            "http_status": None,
            "jsonrpc_code": None,
            "retryable": None,
            "retry_after": None,
            "fault": None,
            "retry": None,
            "server_defined": None,
            "carried_in": None,
        }
    ]


def test_canonical_json_holds_effective_values() -> None:
    data = to_data(errdex.loads(FULL))
    by_code = {(e["space"], e["code"]): e for e in data["errors"]}
    assert by_code[("app", "SYS-ERR-0")]["http_status"] == 500  # from module sys
    assert by_code[("app", "SYS-ERR-0")]["retry_after"] == 30
    assert by_code[("rpc", 429)]["jsonrpc_code"] == -32000  # from space rpc
    assert by_code[("app", "AUTH-ERR-4")]["retryable"] is False  # space app via module auth


# -- the same schema in YAML and JSON ----------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_full_catalog_in_yaml_or_json_loads_to_the_same_model(fmt: str) -> None:
    data = tomllib.loads(FULL)
    text = (
        yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
        if fmt == "yaml"
        else json.dumps(data, ensure_ascii=False, indent=2)
    )
    assert errdex.loads(text, fmt) == errdex.loads(FULL)


def _convert_folder(src: Path, dst: Path, fmt: str) -> None:
    """Copy a catalog (file or folder), rewriting every TOML file in ``fmt`` with the same data."""
    for path in [src] if src.is_file() else sorted(src.rglob("*")):
        rel = Path(src.name) if src.is_file() else path.relative_to(src)
        target = dst / rel
        if path.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".toml":
            shutil.copy(path, target)
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        text = (
            yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
            if fmt == "yaml"
            else json.dumps(data, ensure_ascii=False)
        )
        target.with_suffix("." + fmt).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_rewritten_in_yaml_or_json_loads_to_the_same_model(
    example: Path, fmt: str, tmp_path: Path
) -> None:
    _convert_folder(example, tmp_path / example.name, fmt)
    target = tmp_path / example.name
    if example.is_file():
        target = target / example.with_suffix("." + fmt).name
    assert errdex.load(target) == errdex.load(example)
