"""Every example of ``errdex export --format openapi`` validates against the schema it sits
under (jsonschema, all five example catalogs), and the documents pass openapi-spec-validator."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import errdex
from catalogs import EXAMPLES
from errdex.convert.openapi import openapi_data

NAMES = sorted(p.parent.name for p in EXAMPLES.glob("*/errdex.toml"))


def _checker(document: dict[str, Any]) -> Any:
    """Validate a value against a schema whose ``$ref``s point into ``document``."""
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:doc", resource)

    def check(schema: dict[str, Any], value: Any) -> None:
        jsonschema.Draft202012Validator(schema, registry=registry).validate(value)

    return check


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every local ``$ref`` made absolute into the document."""
    if isinstance(schema, dict):
        return {
            k: ("urn:doc" + v if k == "$ref" and v.startswith("#") else _resolve(document, v))
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_resolve(document, v) for v in schema]  # type: ignore[return-value]
    return schema


@pytest.mark.parametrize("name", NAMES)
def test_every_example_validates_against_its_schema(name: str) -> None:
    document = openapi_data(errdex.load(EXAMPLES / name))
    validate(document)
    check = _checker(document)
    failures = []
    count = 0
    for key, response in document["components"]["responses"].items():
        for media, content in response["content"].items():
            schema = _resolve(document, content["schema"])
            for label, example in content.get("examples", {}).items():
                count += 1
                try:
                    check(schema, example["value"])
                except jsonschema.ValidationError as exc:
                    failures.append(f"{key} {media} {label}: {exc.message}")
    assert count > 0
    assert failures == [], f"{len(failures)} of {count}: " + "\n".join(failures[:5])
