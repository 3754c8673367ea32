"""The OpenAPI 3.1 description of the JSON API, served at ``/api/openapi.json``."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from errdex._version import __version__
from errdex.directory.web.limits import MAX_LIMIT, MAX_OFFSET, MAX_QUERY
from errdex.directory.web.openapi import spec


def test_openapi_spec_is_valid_and_lists_the_api(client: TestClient) -> None:
    validator = pytest.importorskip("openapi_spec_validator")
    spec = client.get("/api/openapi.json").json()
    validator.validate(spec)
    assert spec["openapi"].startswith("3.1")
    assert {
        "/api/catalogs",
        "/api/lookup",
        "/api/search",
        "/api/entries/{catalog}/{space}/{code}",
    } <= set(spec["paths"])


def test_the_documented_bounds_are_the_servers_limits() -> None:
    params = {p["name"]: p for p in spec()["paths"]["/api/search"]["get"]["parameters"]}
    assert params["q"]["schema"]["maxLength"] == MAX_QUERY
    assert params["limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}
    assert params["offset"]["schema"]["maximum"] == MAX_OFFSET
    assert params["http_status"]["schema"] == {"type": "integer", "minimum": 100, "maximum": 599}


def test_every_operation_with_parameters_documents_its_problem_answer() -> None:
    document = spec()
    assert document["info"]["version"] == __version__
    assert "Problem" in document["components"]["responses"]
    for path, item in document["paths"].items():
        for operation in item.values():
            refs = [r.get("$ref") for r in operation["responses"].values()]
            if operation.get("parameters"):  # a bad parameter is answered as a problem
                assert "#/components/responses/Problem" in refs, path
