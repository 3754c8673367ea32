"""``errdex.runtime.profiles.problem``: RFC 9457 problem details, and reading them back."""

from __future__ import annotations

import orjson

import errdex
from errdex.runtime.profiles.problem import MEDIA_TYPE, instance, read_problem


def test_the_rendered_members(shop) -> None:
    sent = errdex.render(shop.error("AUTH-ERR-4", age=3), "problem", id=5)
    assert sent.status == 401 and sent.headers == (("Content-Type", MEDIA_TYPE),)
    assert orjson.loads(sent.body) == {
        "type": "https://errors.example.com/shop/AUTH-ERR-4",
        "title": "invalidJWT",
        "status": 401,
        "detail": "The token expired 3 seconds ago.",
        "instance": "5",
        "code": "AUTH-ERR-4",
        "name": "invalidJWT",
        "params": {"age": 3},
    }


def test_instance_is_the_request_id_as_text_and_never_raises() -> None:
    class Hostile:
        def __str__(self) -> str:
            raise RuntimeError("no")

    assert instance(5) == "5" and instance("a b") == "a b"
    assert instance(Hostile()) == "<Hostile object>"
    assert len(instance("x" * 5000)) == 5000 and len(instance(["x" * 5000])) == 1024


def test_read_problem_gives_the_decode_fields(shop) -> None:
    body = orjson.loads(errdex.render(shop.error("AUTH-ERR-4", age=3), "problem").body)
    fields = read_problem(body, MEDIA_TYPE)
    assert fields is not None
    assert (fields["code"], fields["name"], fields["status"]) == ("AUTH-ERR-4", "invalidJWT", 401)
    assert fields["message"] == "The token expired 3 seconds ago." and fields["params"] == {
        "age": 3
    }
    assert fields["sub_message_key"] == "detail"


def test_a_body_that_is_no_problem_is_none() -> None:
    assert read_problem({"code": 1}, "application/json") is None
    assert read_problem([1, 2], MEDIA_TYPE) is None
