"""``errdex.conformance.reference``: the runtime's own answer to a case, what vectors expect."""

from __future__ import annotations

import orjson

import errdex
from errdex.conformance.reference import BOOM, answer, build_error, decoded, rendered


def test_build_error_from_a_case(shop) -> None:
    item = {
        "code": "REQ-ERR-1",
        "params": {"count": 2, "gone": None},
        "sub_errors": [{"code": 7, "space": "fields", "pointer": "/items/0"}],
    }
    err = build_error(shop, item)
    assert err.code == "REQ-ERR-1" and err.params == {"count": 2}  # a null parameter is unset
    (sub,) = err.sub_errors
    assert (sub.code, sub.space, sub.pointer) == (7, "fields", "/items/0")
    boom = build_error(shop, {"code": None})
    assert isinstance(boom, RuntimeError) and str(boom) == BOOM


def test_rendered_and_decoded_members(shop) -> None:
    assert rendered(401, [("A", "b")], b"{}") == {
        "status": 401,
        "headers": [["A", "b"]],
        "body": "{}",
    }
    assert rendered(200, [], b"\xff")["body_b64"] == "/w=="
    err = shop.error("AUTH-ERR-5")
    assert decoded(err) == {
        "code": "AUTH-ERR-5",
        "space": "app",
        "entry": "tooManyLogins",
        "variant": None,
        "message": "Too many login attempts.",
        "status": 429,
        "params": {},
        "retryable": True,
        "retry_after": 30,
        "sub_errors": [],
    }


def test_answer_renders_and_decodes_through_the_runtime(shop) -> None:
    case = {
        "kind": "render",
        "code": "AUTH-ERR-4",
        "params": {"age": 3},
        "profile": "problem",
        "id": 9,
    }
    got = answer(shop, case)
    sent = errdex.render(shop.error("AUTH-ERR-4", age=3), "problem", id=9)
    assert got["status"] == sent.status and orjson.loads(got["body"]) == orjson.loads(sent.body)
    back = answer(shop, {"kind": "decode", "status": 401, "headers": [], "body": got["body"]})
    assert (back["code"], back["params"], back["status"]) == ("AUTH-ERR-4", {"age": 3}, 401)
    batch = answer(shop, {"kind": "decode_batch", "status": 200, "headers": [], "body": "[1, 2]"})
    assert set(batch) == {"items"}


def test_a_decode_case_reads_dates_against_its_clock(shop) -> None:
    case = {
        "kind": "decode",
        "status": 503,
        "headers": [["Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"]],
        "body": "",
        "now": 1_445_412_470.0,
    }
    assert answer(shop, case)["retry_after"] == 10
