"""Real third-party clients consume what errdex renders.

- web3.py's HTTPProvider calls a JSON-RPC endpoint served by uvicorn on
  127.0.0.1 (errdex's Starlette endpoint) and raises ``Web3RPCError`` with the
  code and message the catalog gives; jsonrpcclient parses the same responses.
- Problem documents of every example entry validate against RFC 9457's own
  JSON Schema (its Appendix A) and load into the ``rfc9457`` package's
  ``Problem``, which marshals them back unchanged.
- OpenAPI documents made of errdex's response objects for every code of every
  example pass openapi-spec-validator.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import jsonrpcclient
import orjson
import pytest
import requests
from jsonschema import Draft202012Validator
from live_server import serve
from openapi_spec_validator import validate
from rfc9457 import Problem
from starlette.applications import Starlette
from starlette.routing import Route
from web3 import HTTPProvider, Web3
from web3.exceptions import ContractLogicError, Web3RPCError

import errdex
from catalogs import EXAMPLES
from errdex.integrations.fastapi import components, responses
from errdex.integrations.jsonrpc import JsonRpc
from errdex.integrations.starlette import JsonRpcEndpoint
from errdex.model import Catalog

RFC9457_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "An RFC 9457 problem object",
    "type": "object",
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "status": {"type": "integer", "minimum": 100, "maximum": 599},
        "title": {"type": "string"},
        "detail": {"type": "string"},
        "instance": {"type": "string", "format": "uri-reference"},
    },
}
"""RFC 9457 Appendix A, as published (descriptions left out)."""


def _live(catalog: Catalog) -> list[Any]:
    return [e for e in catalog.entries if e.status != "removed"]


def _node(catalog: Catalog, failures: dict[str, errdex.Error], **options: Any) -> Starlette:
    rpc = JsonRpc(catalog, **options)
    for method, error in failures.items():

        def fail(*params: Any, _error: errdex.Error = error) -> None:
            raise _error

        rpc.methods[method] = fail
    rpc.methods["eth_chainId"] = lambda: "0x1"
    return Starlette(routes=[Route("/", JsonRpcEndpoint(rpc), methods=["POST"])])


@pytest.fixture(scope="module")
def alchemy() -> Catalog:
    return errdex.load(EXAMPLES / "alchemy")


@pytest.fixture(scope="module")
def zan() -> Catalog:
    return errdex.load(EXAMPLES / "zan")


@pytest.fixture(scope="module")
def alchemy_node(alchemy: Catalog) -> Iterator[Web3]:
    failures = {
        "eth_sendRawTransaction": alchemy.error(-32000, space="jsonrpc", variant="already known"),
        "eth_getFilterChanges": alchemy.error(-32000, space="jsonrpc", variant="filter not found"),
        "eth_blockNumber": alchemy.error(429, space="jsonrpc"),
        "eth_call": alchemy.error(3, sub_errors=[alchemy.error(102), alchemy.error(105)]),
    }
    with serve(_node(alchemy, failures)) as base:
        yield Web3(HTTPProvider(base, request_kwargs={"timeout": 5}))


def _rpc_error(call: Any) -> dict[str, Any]:
    with pytest.raises(Web3RPCError) as info:
        call()
    response = info.value.rpc_response
    assert response is not None
    return response["error"]


def test_web3_parses_alchemy_errors(alchemy_node: Web3) -> None:
    w3 = alchemy_node
    assert w3.eth.chain_id == 1
    assert _rpc_error(lambda: w3.eth.send_raw_transaction(b"\x01")) == {
        "code": -32000,
        "message": "already known",
    }
    assert _rpc_error(lambda: w3.eth.get_filter_changes("0x1")) == {
        "code": -32000,
        "message": "filter not found",
    }
    limited = _rpc_error(lambda: w3.eth.block_number)
    assert limited["code"] == 429 and "compute unit" in limited["message"]
    # web3 reads code 3 as a contract execution error and keeps errdex's sub-errors as its data.
    with pytest.raises(ContractLogicError) as info:
        w3.eth.call({"to": "0x" + "00" * 20})
    assert info.value.message == "Execution error"
    assert [sub["code"] for sub in info.value.data] == [102, 105]
    assert info.value.data[0]["message"] == "Gas too low"


def test_web3_parses_zan_errors_sent_with_http_200(zan: Catalog) -> None:
    limited = zan.error(-32003, space="jsonrpc")
    app = _node(zan, {"eth_blockNumber": limited}, http_200=True)
    with serve(app) as base:
        w3 = Web3(HTTPProvider(base, request_kwargs={"timeout": 5}))
        error = _rpc_error(lambda: w3.eth.block_number)
    assert error == {"code": -32003, "message": "Cu limited per second"}


def test_zan_status_mapping_reaches_web3_as_http_error(zan: Catalog) -> None:
    """With ZAN's own mapping (-32003 → HTTP 429) web3 stops at the status, as with ZAN itself;
    the body it got still decodes to the catalog entry."""
    app = _node(zan, {"eth_blockNumber": zan.error(-32003, space="jsonrpc")})
    with serve(app) as base:
        w3 = Web3(HTTPProvider(base, request_kwargs={"timeout": 5}))
        with pytest.raises(requests.HTTPError) as info:
            w3.eth.block_number  # noqa: B018 - the property call is the request
    response = info.value.response
    assert response.status_code == 429
    decoded = errdex.decode(response.status_code, response.headers, response.content, catalog=zan)
    assert decoded.entry is zan.entry(-32003, space="jsonrpc")


def test_jsonrpcclient_parses_every_jsonrpc_entry(alchemy: Catalog, zan: Catalog) -> None:
    for catalog in (alchemy, zan):
        for entry in _live(catalog):
            error = catalog.error(entry.code, space=entry.space)
            rendered = errdex.render(error, "jsonrpc", id=7)
            parsed = jsonrpcclient.parse_json(rendered.body.decode())
            assert isinstance(parsed, jsonrpcclient.Error), entry.code
            body = orjson.loads(rendered.body)["error"]
            assert (parsed.code, parsed.message, parsed.id) == (body["code"], body["message"], 7)


@pytest.mark.parametrize("name", ["alchemy", "csghub", "subquery-indexer-proxy", "yuanrong", "zan"])
def test_problem_documents_fit_rfc9457(name: str) -> None:
    catalog = errdex.load(EXAMPLES / name)
    validator = Draft202012Validator(
        RFC9457_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    for entry in _live(catalog):
        for locale in (None, *catalog.meta.locales):
            error = catalog.error(entry.code, space=entry.space)
            rendered = errdex.render(error, "problem", locale=locale, id="/v1/call/1")
            doc = orjson.loads(rendered.body)
            validator.validate(doc)
            assert doc["status"] == rendered.status
            extras = {
                k: v for k, v in doc.items() if k not in {"type", "title", "detail", "status"}
            }
            problem = Problem(
                doc["title"],
                type_=doc["type"],
                detail=doc.get("detail"),
                status=doc["status"],
                **extras,
            )
            assert problem.marshal() == doc


@pytest.mark.parametrize("profile", ["problem", "jsonrpc", "google"])
def test_openapi_fragments_validate(profile: str) -> None:
    for name in ["alchemy", "csghub", "subquery-indexer-proxy", "yuanrong", "zan"]:
        paths: dict[str, Any] = {}
        catalog = errdex.load(EXAMPLES / name)
        codes = [(e.space, e.code) for e in _live(catalog)]
        found = responses(catalog, codes=codes, profile=profile)
        assert sum(
            len(r["content"][m]["examples"]) for r in found.values() for m in r["content"]
        ) == len(codes)
        paths[f"/{name}"] = {
            "get": {
                "responses": {"200": {"description": "OK"}, **{str(k): v for k, v in found.items()}}
            }
        }
        doc = {"openapi": "3.1.0", "info": {"title": "errdex", "version": "1"}, "paths": paths}
        validate({**doc, "components": {"schemas": components(catalog)}})
