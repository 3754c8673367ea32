"""errdex verify of a JSON-RPC gateway: calls as request examples, errors in JSON-RPC 2.0."""

from __future__ import annotations

from typing import Any

import orjson

import errdex
from errdex.reality.verify import verify

CATALOG = """
[catalog]
id = "gateway"

[verify]
profile = "jsonrpc"

[spaces.jsonrpc]
kind = "jsonrpc"

[[errors]]
code = -32602
space = "jsonrpc"
name = "invalidParams"
message = "Invalid params: {detail}"
http_status = 400

[[errors.examples]]
request = { path = "/rpc", jsonrpc = "eth_call", params = [] }

[[errors]]
code = -32005
space = "jsonrpc"
name = "limitExceeded"
message = "Request rate limited."
http_status = 429
retryable = true
retry_after = 2

[[errors.examples]]
request = { path = "/rpc", jsonrpc = "eth_getLogs", params = [{ fromBlock = "0x0" }] }
"""


def gateway(*, drop_retry_after: bool = False) -> Any:
    cat = errdex.loads(CATALOG, name="gateway.toml")

    def app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        size = int(environ.get("CONTENT_LENGTH") or 0)
        call = orjson.loads(environ["wsgi.input"].read(size))
        if call["method"] == "eth_call" and not call.get("params"):
            err = cat.error(-32602, space="jsonrpc", detail="missing params")
        else:
            err = cat.error(-32005, space="jsonrpc")
        rendered = errdex.render(err, "jsonrpc", id=call.get("id"))
        headers = [h for h in rendered.headers if not (drop_retry_after and h[0] == "Retry-After")]
        start_response(f"{rendered.status} X", headers)
        return [rendered.body]

    return cat, app


def test_a_gateway_answering_as_declared_passes() -> None:
    cat, app = gateway()
    run = verify(cat, app=app)
    assert [(o.case.label, o.passed, o.mismatches) for o in run.outcomes] == [
        ("-32602 invalidParams", True, ()),
        ("-32005 limitExceeded", True, ()),
    ]


def test_a_lost_retry_after_changes_the_clients_decision() -> None:
    cat, app = gateway(drop_retry_after=True)
    run = verify(cat, app=app)
    limited = run.outcomes[1]
    assert {m.what for m in limited.mismatches} >= {"header retry-after"}
    assert run.outcomes[0].passed
