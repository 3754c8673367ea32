"""Judging an answer against the declared one: each difference once, the entry first."""

from __future__ import annotations

import orjson
from shop_service import catalog

from errdex.reality.verify.cases import cases
from errdex.reality.verify.expected import declared
from errdex.reality.verify.judge import Mismatch, judge
from errdex.reality.verify.transport import Answer

SHOP = catalog()
CASES = {(c.entry.code, c.example): c for c in cases(SHOP)[0]}
JWT = CASES["AUTH-ERR-4", 0]
WANT = declared(SHOP, JWT, "problem", None)
PROBLEM = (("content-type", "application/problem+json"),)


def _answer(
    status: int = 401, headers: tuple[tuple[str, str], ...] = PROBLEM, **body: object
) -> Answer:
    doc = orjson.loads(WANT.reference)
    doc.update(body)
    doc = {k: v for k, v in doc.items() if v is not None}
    return Answer(status, headers, orjson.dumps(doc), "http://testserver/v1/repos")


def test_the_declared_answer_passes() -> None:
    answer = Answer(401, PROBLEM, WANT.reference, "http://testserver/v1/repos")
    assert judge(SHOP, JWT, WANT, answer) == []


def test_another_code_is_reported_first() -> None:
    found = judge(SHOP, JWT, WANT, _answer(code="AUTH-ERR-5", detail="No token was sent."))
    assert found[0] == Mismatch("entry", "AUTH-ERR-4 invalidJWT", "AUTH-ERR-5 (noToken)")
    unknown = judge(SHOP, JWT, WANT, _answer(code="NOPE-1"))
    assert unknown[0].got == "'NOPE-1', which the catalog does not have"


def test_status_media_type_and_a_redirect_note() -> None:
    answer = _answer(403, (("content-type", "application/json; charset=utf-8"),))
    answer = answer._replace(note="redirect not followed")
    assert judge(SHOP, JWT, WANT, answer) == [
        Mismatch("status", "401", "403 (redirect not followed)"),
        Mismatch("content-type", "application/problem+json", "application/json"),
    ]


def test_a_renamed_key_is_an_envelope_difference() -> None:
    doc = orjson.loads(WANT.reference)
    doc["message"] = doc.pop("detail")
    answer = Answer(401, PROBLEM, orjson.dumps(doc), "u")
    envelope = [m for m in judge(SHOP, JWT, WANT, answer) if m.what == "envelope"]
    assert len(envelope) == 1
    assert envelope[0].got == "missing detail; has message"
    not_json = Answer(401, PROBLEM, b"<html>oops</html>", "u")
    assert any(m.got == "no JSON object" for m in judge(SHOP, JWT, WANT, not_json))


def test_headers_retry_advice_and_params() -> None:
    limit = CASES["LIM-1", 0]
    want = declared(SHOP, limit, "problem", None)
    answer = Answer(429, PROBLEM, want.reference, "u")
    found = judge(SHOP, limit, want, answer)
    assert Mismatch("header retry-after", "7", "absent") in found
    wrong = judge(SHOP, JWT, WANT, _answer(params={"age": 6}))
    assert wrong == [Mismatch("param age", "5", "6")]
