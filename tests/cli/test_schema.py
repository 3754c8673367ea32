"""``errdex schema``: the JSON Schema an editor points at to complete and check catalog files."""

from __future__ import annotations

import tomllib
from pathlib import Path

import orjson
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from catalogs import EXAMPLES
from errdex.cli.main import cli


def test_schema_prints_a_draft_2020_12_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    schema = orjson.loads(result.stdout_bytes)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert result.stdout_bytes.endswith(b"\n")


def test_the_printed_schema_validates_the_examples_and_refuses_unknown_keys() -> None:
    schema = orjson.loads(CliRunner().invoke(cli, ["schema"]).stdout_bytes)
    validator = Draft202012Validator(schema)
    mains = sorted(EXAMPLES.glob("*/errdex.toml"))
    assert mains
    for path in mains:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], path
        data["catalog"]["titel"] = "typo"
        assert [e.message for e in validator.iter_errors(data)] == [
            "Additional properties are not allowed ('titel' was unexpected)"
        ]


def test_schema_writes_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "catalog.schema.json"
    result = CliRunner().invoke(cli, ["schema", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_bytes() == CliRunner().invoke(cli, ["schema"]).stdout_bytes


def test_an_output_that_cannot_be_written_exits_2_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["schema", "-o", str(blocker / "schema.json")])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "errdex schema: cannot write" in result.stderr and "= help:" in result.stderr
