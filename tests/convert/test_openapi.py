"""OpenAPI 3.1 components: valid under openapi-spec-validator, one response per code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openapi_spec_validator import validate

import errdex
from errdex.convert import render_doc
from errdex.convert.openapi import response_key

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")


@pytest.mark.parametrize("example", EXAMPLES)
def test_openapi_is_valid(example):
    catalog = errdex.load(ROOT / "examples" / example)
    doc = json.loads(render_doc(catalog, "openapi"))
    validate(doc)
    assert doc["openapi"] == "3.1.0"
    responses = doc["components"]["responses"]
    assert list(responses) == list(dict.fromkeys(response_key(e) for e in catalog.entries))
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
