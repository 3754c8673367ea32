"""What the catalog declares for a case: the runtime's rendering, overridden by ``expect``."""

from __future__ import annotations

import orjson
from shop_service import catalog

from errdex.reality.verify.cases import cases
from errdex.reality.verify.expected import declared, media_type

SHOP = catalog()
CASES = {(c.entry.code, c.example): c for c in cases(SHOP)[0]}


def test_media_type_drops_parameters_and_case() -> None:
    assert media_type("Application/Problem+JSON; charset=utf-8") == "application/problem+json"
    assert media_type(None) == ""


def test_the_reference_answer_of_a_case() -> None:
    want = declared(SHOP, CASES["AUTH-ERR-4", 0], "problem", None)
    assert (want.status, want.media_type) == (401, "application/problem+json")
    assert want.headers == {"content-type": "application/problem+json"}
    assert {"code", "detail", "status", "title", "type"} <= want.shape
    body = orjson.loads(want.reference)
    assert body["code"] == "AUTH-ERR-4"
    assert body["detail"] == "The token expired 5 seconds ago."  # the example's params
    assert (want.retryable, want.retry_after) == (False, None)


def test_retry_advice_and_its_header_come_from_the_catalog() -> None:
    want = declared(SHOP, CASES["LIM-1", 0], "problem", None)
    assert want.status == 429
    assert want.headers["retry-after"] == "7"
    assert (want.retryable, want.retry_after) == (True, 7.0)


def test_a_language_asked_for_must_come_back_as_content_language() -> None:
    want = declared(SHOP, CASES["AUTH-ERR-4", 1], "problem", "zh-CN")
    assert want.headers["content-language"] == "zh-CN"
    assert "令牌已于" in orjson.loads(want.reference)["detail"]
    assert "content-language" not in declared(SHOP, CASES["AUTH-ERR-4", 1], "problem", None).headers


def test_expect_overrides_the_declared_answer() -> None:
    case = CASES["AUTH-ERR-5", 0]
    expect = case.expect._replace(status=403, retryable=True, retry_after=3, headers={"X-A": "1"})
    want = declared(SHOP, case._replace(expect=expect), "problem", None)
    assert (want.status, want.retryable, want.retry_after) == (403, True, 3.0)
    assert want.headers["x-a"] == "1"
