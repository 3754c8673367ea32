"""``errdex.model.openapi``: the components every OpenAPI publisher of a catalog shares."""

from __future__ import annotations

import jsonschema
import orjson
import pytest

import errdex
from catalogs import example
from errdex.model.openapi import (
    choice,
    code_type,
    envelope_schemas,
    groups,
    key,
    problem_schemas,
    profile_schema,
    ref,
)


def test_keys_and_refs() -> None:
    assert key("csghub auth/x") == "csghub_auth_x" and key("a.b-c_d") == "a.b-c_d"
    assert ref("Problem") == {"$ref": "#/components/schemas/Problem"}


def test_code_type() -> None:
    assert code_type([1, 2]) == {"type": "integer"}
    assert code_type(["A"]) == {"type": "string"}
    assert code_type([1, "A"]) == {"type": ["integer", "string"]}


def test_groups_are_modules_else_spaces_of_live_codes_each_once(shop) -> None:
    found = groups(shop)
    assert found["auth"] == ["AUTH-ERR-4", "AUTH-ERR-5"]
    assert found["req"] == ["REQ-ERR-1"]  # REQ-ERR-9 is removed
    assert found["fields"] == [7, 8] and -32000 in found["rpc"] and 7 in found["rpc"]


def test_problem_schemas_name_each_groups_codes(shop) -> None:
    schemas = problem_schemas(shop, {"framework": [400, 422]})
    assert schemas["Code_auth"] == {
        "type": "string",
        "enum": ["AUTH-ERR-4", "AUTH-ERR-5"],
        "description": "Codes of Auth Errors.",
    }
    assert schemas["Code_framework"]["enum"] == [400, 422]
    assert schemas["Problem"]["properties"]["code"]["type"] == ["integer", "string"]
    assert schemas["Problem_auth"]["allOf"][0] == ref("Problem")


def test_choice_is_a_ref_one_of_or_any_of() -> None:
    codes = {"a": [1], "b": [2], "c": [2]}
    assert choice(["a", "a"], codes) == ref("a")
    assert choice(["a", "b"], codes) == {"oneOf": [ref("a"), ref("b")]}
    assert choice(["b", "c"], codes) == {"anyOf": [ref("b"), ref("c")]}


def test_profile_schema_reads_the_body_template() -> None:
    code = {"type": "string"}
    schema = profile_schema({"c": "$code", "cost": "$$5", "list": [1, "$status"]}, code)
    assert schema["required"] == ["c", "cost", "list"]
    assert schema["properties"]["c"] == code
    assert schema["properties"]["cost"] == {"const": "$5"}
    assert schema["properties"]["list"]["prefixItems"][0] == {"const": 1}
    assert schema["properties"]["list"]["items"] is False


@pytest.mark.parametrize("name", ["flat", "nested"])
def test_a_plain_profiles_schema_accepts_what_it_sends(shop, name: str) -> None:
    schema = envelope_schemas(shop)[f"Profile_{name}"]
    body = orjson.loads(errdex.render(shop.error("AUTH-ERR-4", age=1), name, id=1).body)
    jsonschema.validate(body, schema)
    assert set(envelope_schemas(example("zan"))) == {"JsonRpcError", "GoogleStatus"}
