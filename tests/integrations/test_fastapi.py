"""FastAPI's /openapi.json with errdex installed matches the wire: every route documents its
errors (4XX/5XX defaults), one Problem schema referenced everywhere, a code enum per module,
oneOf with named examples, full plain-profile schemas — and every example, and what the app
really sends, validates against the schema it sits under (all five example catalogs)."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from fastapi import FastAPI
from openapi_spec_validator import validate
from pydantic import BaseModel, Field
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.testclient import TestClient

import errdex
from catalogs import APP_SHOP, EXAMPLES
from errdex.integrations.fastapi import responses
from errdex.integrations.starlette import install
from errdex.model import Catalog
from openapi_docs import inlined_problems

NAMES = ["alchemy", "csghub", "subquery-indexer-proxy", "yuanrong", "zan"]


class Order(BaseModel):
    item: str = Field(min_length=1)
    qty: int = Field(gt=0)


def _live(catalog: Catalog) -> list[Any]:
    return [e for e in catalog.entries if e.status != "removed"]


def _app(catalog: Catalog, profile: str = "problem") -> FastAPI:
    app = FastAPI()
    install(app, catalog, profile=profile)
    declared = responses(catalog, [(e.space, e.code) for e in _live(catalog)], profile=profile)

    @app.get("/declared", responses=declared)  # type: ignore[arg-type]
    def every_code() -> dict[str, str]:
        return {}

    @app.get("/plain")
    def nothing_declared() -> dict[str, str]:
        return {}

    @app.post("/orders")
    def create(order: Order) -> dict[str, str]:
        return {"item": order.item}

    return app


class _Doc:
    """An OpenAPI document and a jsonschema checker whose ``$ref``s resolve into it."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource("urn:doc", resource)

    def absolute(self, schema: Any) -> Any:
        if isinstance(schema, dict):
            return {
                k: "urn:doc" + v if k == "$ref" and v.startswith("#") else self.absolute(v)
                for k, v in schema.items()
            }
        if isinstance(schema, list):
            return [self.absolute(v) for v in schema]
        return schema

    def check(self, schema: dict[str, Any], value: Any) -> None:
        validator = jsonschema.Draft202012Validator(self.absolute(schema), registry=self.registry)
        validator.validate(value)

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in response:
            name = response["$ref"].rpartition("/")[2]
            found: dict[str, Any] = self.document["components"]["responses"][name]
            return found
        return response


@pytest.mark.parametrize("name", NAMES)
def test_every_example_validates_and_every_route_has_defaults(name: str) -> None:
    catalog = errdex.load(EXAMPLES / name)
    spec = TestClient(_app(catalog)).get("/openapi.json").json()
    validate(spec)
    doc = _Doc(spec)
    count, failures = 0, []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            answers = operation["responses"]
            assert {"4XX", "5XX"} <= set(answers), (path, method)
            for status, response in answers.items():
                for media, content in doc.response(response).get("content", {}).items():
                    for label, example in content.get("examples", {}).items():
                        count += 1
                        try:
                            doc.check(content["schema"], example["value"])
                        except jsonschema.ValidationError as exc:
                            failures.append(f"{path} {status} {media} {label}: {exc.message}")
    assert count > len(_live(catalog))
    assert failures == [], "\n".join(failures[:5])
    # one Problem: everything else refers to it
    inlined = inlined_problems(spec)
    assert inlined == [spec["components"]["schemas"]["Problem"]]
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # FastAPI's, never sent


def test_named_examples_per_code_and_enum_per_module() -> None:
    csghub = errdex.load(EXAMPLES / "csghub")
    spec = TestClient(_app(csghub)).get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    auth = [e.code for e in _live(csghub) if e.module == "auth"]
    assert schemas["Code_auth"]["enum"] == auth
    client = spec["components"]["responses"]["errdex.4XX"]["content"]["application/problem+json"]
    assert {"$ref": "#/components/schemas/Problem_auth"} in client["schema"]["oneOf"]
    assert {"$ref": "#/components/schemas/Problem_errdex.framework"} in client["schema"]["oneOf"]
    assert {"AUTH-ERR-4", "not-found", "method-not-allowed", "validation-failed"} <= set(
        client["examples"]
    )
    declared = spec["paths"]["/declared"]["get"]["responses"]
    status = str(errdex.render(csghub.error("AUTH-ERR-4"), "problem").status)
    examples = declared[status]["content"]["application/problem+json"]["examples"]
    assert examples["AUTH-ERR-4"]["value"]["code"] == "AUTH-ERR-4"


def test_the_wire_matches_the_document() -> None:
    """What the app really sends for a framework error validates against what it documents."""
    shop = errdex.load(APP_SHOP)
    client = TestClient(_app(shop), raise_server_exceptions=False)
    spec = client.get("/openapi.json").json()
    doc = _Doc(spec)
    orders = spec["paths"]["/orders"]["post"]["responses"]
    bad = client.post("/orders", json={"item": "pen", "qty": 0})
    assert bad.status_code == 422
    documented = doc.response(orders["422"])["content"]["application/problem+json"]
    doc.check(documented["schema"], bad.json())
    example = documented["examples"]["validation-failed"]["value"]
    assert example["errors"][0]["pointer"] == "#/qty" and example["code"] == "validation-failed"
    lost = client.get("/nowhere")  # no route: documented by every route's 4XX
    client_errors = doc.response(orders["4XX"])["content"]["application/problem+json"]
    doc.check(client_errors["schema"], lost.json())
    with pytest.raises(jsonschema.ValidationError):  # the schema is not a blank check
        doc.check(client_errors["schema"], {**lost.json(), "code": "NO-SUCH-CODE"})


@pytest.mark.parametrize(("name", "profile"), [("csghub", "csghub"), ("zan", "jsonrpc")])
def test_plain_and_other_profiles_get_their_full_schema(name: str, profile: str) -> None:
    catalog = errdex.load(EXAMPLES / name)
    spec = TestClient(_app(catalog, profile)).get("/openapi.json").json()
    validate(spec)
    doc = _Doc(spec)
    declared = spec["paths"]["/declared"]["get"]["responses"]
    checked = 0
    for response in declared.values():
        for content in response.get("content", {}).values():
            if "examples" not in content:  # the route's own 200
                continue
            schema = content["schema"]
            target = (schema.get("anyOf", [schema])[0])["$ref"].rpartition("/")[2]
            schema = spec["components"]["schemas"][target]
            assert schema.get("properties"), f"{target} is an opaque object"
            for example in content["examples"].values():
                doc.check(content["schema"], example["value"])
                checked += 1
    assert checked >= len(_live(catalog))
    if profile == "csghub":
        shape = spec["components"]["schemas"]["Profile_csghub"]
        assert set(shape["required"]) == set(catalog.profiles["csghub"].body)
