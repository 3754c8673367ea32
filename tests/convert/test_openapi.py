"""OpenAPI 3.1 components: valid under openapi-spec-validator, one response per code."""

from __future__ import annotations

import json

import pytest
from openapi_spec_validator import validate

import errdex
from catalogs import ROOT
from errdex.convert import render_doc
from errdex.convert.openapi import response_key
from errdex.model.openapi import choice
from openapi_docs import inlined_problems

EXAMPLES = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")


@pytest.mark.parametrize("example", EXAMPLES)
def test_openapi_is_valid(example):
    catalog = errdex.load(ROOT / "examples" / example)
    doc = json.loads(render_doc(catalog, "openapi"))
    validate(doc)
    assert doc["openapi"] == "3.1.0"
    responses = doc["components"]["responses"]
    entries = list(dict.fromkeys(response_key(e) for e in catalog.entries))
    assert list(responses) == [*entries, "4XX", "5XX"]
    schemas = doc["components"]["schemas"]
    assert {"Problem", "JsonRpcError", "GoogleStatus"} <= set(schemas)
    assert {f"Profile_{p}" for p in catalog.profiles} <= set(schemas)


def test_alchemy_keeps_spaces_apart_and_carries_jsonrpc_examples():
    catalog = errdex.load(ROOT / "examples" / "alchemy")
    responses = json.loads(render_doc(catalog, "openapi"))["components"]["responses"]
    assert "http.429" in responses and "jsonrpc.429" in responses
    server = responses["jsonrpc.-32000"]
    rpc = server["content"]["application/json"]["examples"]["jsonrpc"]["value"]
    assert rpc["error"] == {"code": -32000, "message": "Server error"}
    problem = responses["http.429"]["content"]["application/problem+json"]["examples"]["problem"][
        "value"
    ]
    assert problem["status"] == 429 and problem["type"] == "https://errdex.dev/alchemy/429"


def test_declared_profile_gets_a_schema_and_examples():
    catalog = errdex.load(ROOT / "examples" / "subquery-indexer-proxy")
    doc = json.loads(render_doc(catalog, "openapi"))
    schema = doc["components"]["schemas"]["Profile_subquery"]
    assert schema["properties"] == {"code": {"type": "integer"}, "error": {"type": "string"}}
    example = doc["components"]["responses"]["app.1051"]["content"]["application/json"]["examples"]
    assert example["subquery"]["value"] == {
        "code": 1051,
        "error": "Daily limit: reach the max limit of agreement in 24h.",
    }


@pytest.mark.parametrize("example", EXAMPLES)
def test_one_problem_schema_referenced_everywhere(example):
    doc = json.loads(render_doc(errdex.load(ROOT / "examples" / example), "openapi"))
    responses = doc["components"]["responses"]
    for response in responses.values():
        schema = response["content"]["application/problem+json"]["schema"]
        refs = schema.get("oneOf") or schema.get("anyOf") or [schema]
        assert all(set(r) == {"$ref"} for r in refs), schema  # never an inlined copy
    # only components.schemas.Problem spells the problem members out
    inlined = inlined_problems(doc)
    assert inlined == [doc["components"]["schemas"]["Problem"]]


def test_code_enum_per_module_and_default_responses_one_of():
    catalog = errdex.load(ROOT / "examples" / "csghub")
    doc = json.loads(render_doc(catalog, "openapi"))
    schemas = doc["components"]["schemas"]
    auth = [e.code for e in catalog.entries if e.module == "auth" and e.status != "removed"]
    assert schemas["Code_auth"] == {"type": "string", "enum": auth, "description": ANY_TEXT}
    assert schemas["Problem_auth"]["allOf"][0] == {"$ref": "#/components/schemas/Problem"}
    client = doc["components"]["responses"]["4XX"]["content"]["application/problem+json"]
    branches = client["schema"]["oneOf"]
    assert {"$ref": "#/components/schemas/Problem_auth"} in branches
    assert client["examples"]["AUTH-ERR-4"]["value"]["code"] == "AUTH-ERR-4"
    server = doc["components"]["responses"]["5XX"]["content"]["application/problem+json"]
    assert all(e["value"]["status"] >= 500 for e in server["examples"].values())
    assert all(e["value"]["status"] < 500 for e in client["examples"].values())
    entry = doc["components"]["responses"]["app.AUTH-ERR-4"]["content"]
    assert entry["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/Problem_auth"
    }


def test_codes_in_two_groups_make_any_of():
    alchemy = errdex.load(ROOT / "examples" / "alchemy")
    client = json.loads(render_doc(alchemy, "openapi"))["components"]["responses"]["4XX"]
    assert "http_429" in client["content"]["application/problem+json"]["examples"]  # ambiguous
    codes = {"Problem_a": [1, 2], "Problem_b": [3], "Problem_c": [2]}
    assert choice(["Problem_a", "Problem_b"], codes) == {
        "oneOf": [
            {"$ref": "#/components/schemas/Problem_a"},
            {"$ref": "#/components/schemas/Problem_b"},
        ]
    }
    assert "anyOf" in choice(["Problem_a", "Problem_c"], codes)  # 2 would match both
    assert choice(["Problem_b", "Problem_b"], codes) == {"$ref": "#/components/schemas/Problem_b"}


class _AnyText:
    def __eq__(self, other):
        return isinstance(other, str) and bool(other)


ANY_TEXT = _AnyText()
