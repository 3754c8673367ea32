"""Responses from servers that are not errdex: what a client meets in the field.

Each sample is the body (and status, headers) a well-known server really sends,
with its source. Decoding them must never fail: an unknown shape falls back by
HTTP class (``docs/wire.md`` §6).
"""

from __future__ import annotations

from typing import NamedTuple


class Foreign(NamedTuple):
    """One response from another server, and where its shape comes from."""

    slug: str
    status: int | None
    headers: tuple[tuple[str, str], ...]
    body: bytes
    source: str


_JSON = (("Content-Type", "application/json"),)

SAMPLES: tuple[Foreign, ...] = (
    Foreign(
        "nginx-502-html",
        502,
        (("Content-Type", "text/html"), ("Server", "nginx")),
        b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
        b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
        b"</body>\r\n</html>\r\n",
        "nginx's built-in error page "
        "(src/http/ngx_http_special_response.c, ngx_http_error_502_page)",
    ),
    Foreign(
        "envoy-503-text",
        503,
        (("Content-Type", "text/plain"), ("Server", "envoy")),
        b"upstream connect error or disconnect/reset before headers. "
        b"reset reason: connection failure",
        "Envoy's local reply for an unreachable upstream (source/common/router/router.cc)",
    ),
    Foreign(
        "plain-503-retry-after",
        503,
        (("Content-Type", "text/plain; charset=utf-8"), ("Retry-After", "120")),
        b"Service Unavailable\n",
        "Go net/http http.Error(w, http.StatusText(503), 503) behind a Retry-After",
    ),
    Foreign(
        "geth-nonce-too-low",
        200,
        _JSON,
        b'{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"nonce too low"}}',
        "go-ethereum eth_sendRawTransaction (core/txpool errors, rpc/json.go envelope)",
    ),
    Foreign(
        "geth-execution-reverted",
        200,
        _JSON,
        b'{"jsonrpc":"2.0","id":7,"error":{"code":3,"message":"execution reverted: Ownable: '
        b'caller is not the owner","data":"0x08c379a0000000000000000000000000000000000000000'
        b'00000000000000000000020"}}',
        "go-ethereum eth_call revert (internal/ethapi revertError: code 3, data = revert reason)",
    ),
    Foreign(
        "infura-rate-limited",
        429,
        _JSON,
        b'{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"daily request count '
        b'exceeded, request rate limited"}}',
        "Infura's documented JSON-RPC rate-limit error (-32005 limit exceeded, EIP-1474)",
    ),
    Foreign(
        "jsonrpc-parse-error-null-id",
        200,
        _JSON,
        b'{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}',
        "JSON-RPC 2.0 specification, section 7 example 'rpc call with invalid JSON'",
    ),
    Foreign(
        "rfc9457-out-of-credit",
        403,
        (("Content-Type", "application/problem+json"), ("Content-Language", "en")),
        b'{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough '
        b'credit.","detail":"Your current balance is 30, but that costs 50.","instance":'
        b'"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}',
        "RFC 9457 section 3 example (problem details from another vendor)",
    ),
    Foreign(
        "rfc9457-validation",
        422,
        (("Content-Type", "application/problem+json"),),
        b'{"type":"https://example.net/validation-error","title":"Your request is not valid.",'
        b'"errors":[{"detail":"must be a positive integer","pointer":"#/age"},'
        b'{"detail":"must be \'green\', \'red\' or \'blue\'","pointer":"#/profile/color"}]}',
        "RFC 9457 section 3 example with an 'errors' extension",
    ),
    Foreign(
        "spring-boot-500",
        500,
        _JSON,
        b'{"timestamp":"2024-05-01T10:00:00.000+00:00","status":500,"error":"Internal Server '
        b'Error","path":"/api/orders"}',
        "Spring Boot's default error attributes (DefaultErrorAttributes)",
    ),
    Foreign(
        "aws-api-gateway-429",
        429,
        (("Content-Type", "application/json"), ("x-amzn-ErrorType", "TooManyRequestsException")),
        b'{"message":"Too Many Requests"}',
        "Amazon API Gateway throttling response",
    ),
    Foreign(
        "google-api-404",
        404,
        (("Content-Type", "application/json; charset=UTF-8"),),
        b'{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND"}}',
        "Google APIs' JSON error (google.rpc.Status without details, AIP-193)",
    ),
    Foreign(
        "google-api-429-retryinfo",
        429,
        (("Content-Type", "application/json; charset=UTF-8"),),
        b'{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED",'
        b'"details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":'
        b'"RATE_LIMIT_EXCEEDED","domain":"googleapis.com","metadata":{"service":'
        b'"translate.googleapis.com"}},{"@type":"type.googleapis.com/google.rpc.RetryInfo",'
        b'"retryDelay":"30s"}]}}',
        "AIP-193 example: ErrorInfo plus RetryInfo",
    ),
    Foreign(
        "cloudflare-520-empty",
        520,
        (("Content-Type", "text/html"),),
        b"",
        "an empty body with a non-standard 5xx (Cloudflare 520 'unknown error')",
    ),
    Foreign(
        "latin1-500",
        500,
        (("Content-Type", "text/plain; charset=iso-8859-1"),),
        "Erreur interne du serveur: d\xe9j\xe0 vu".encode("latin-1"),
        "a legacy server answering in ISO-8859-1 (bytes that are not UTF-8)",
    ),
    Foreign(
        "truncated-json-502",
        502,
        _JSON,
        b'{"code":"UPSTREAM","message":"connection re',
        "a body cut off by a proxy timeout",
    ),
    Foreign(
        "no-status-log-line",
        None,
        (),
        b'{"code":500,"msg":"internal"}',
        "a body read back from a log: no HTTP status",
    ),
)
"""The foreign responses every catalog's vectors decode."""

__all__ = ["SAMPLES", "Foreign"]
