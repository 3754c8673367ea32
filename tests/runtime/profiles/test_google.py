"""``errdex.runtime.profiles.google``: google.rpc.Status as JSON, and reading it back."""

from __future__ import annotations

import orjson

import errdex
from errdex.runtime.profiles.google import TYPE_PREFIX, read_google


def test_the_rendered_status_with_error_info_and_help(shop) -> None:
    sent = errdex.render(shop.error("AUTH-ERR-4", age=3), "google")
    error = orjson.loads(sent.body)["error"]
    assert (error["code"], error["status"]) == (401, "UNAUTHENTICATED")
    info, help_ = error["details"]
    assert info["@type"] == TYPE_PREFIX + "ErrorInfo"
    assert (info["reason"], info["domain"]) == ("INVALID_JWT", "shop")
    assert info["metadata"] == {"code": "AUTH-ERR-4", "age": "3"}  # metadata values are strings
    assert help_["links"] == [
        {"description": "invalidJWT", "url": "https://errors.example.com/shop/AUTH-ERR-4"}
    ]


def test_a_retryable_error_carries_retry_info(shop) -> None:
    error = orjson.loads(errdex.render(shop.error("AUTH-ERR-5"), "google").body)["error"]
    (retry,) = [d for d in error["details"] if d["@type"].endswith("RetryInfo")]
    assert retry["retryDelay"] == "30s"


def test_read_google_gives_the_decode_fields(shop) -> None:
    body = orjson.loads(errdex.render(shop.error("AUTH-ERR-4", age=3), "google").body)
    fields = read_google(body)
    assert fields is not None
    assert (fields["code"], fields["reason"], fields["status"]) == (
        "AUTH-ERR-4",
        "INVALID_JWT",
        401,
    )
    assert fields["params"] == {"age": "3"}  # typed back by decode, which knows the entry
    assert read_google({"x": 1}) is None and read_google({"error": "text"}) is None
