"""``errdex.runtime.decoding.build``: step 3 of decode, the error built from the fields."""

from __future__ import annotations

import pytest

from errdex.runtime.decode import decode_index
from errdex.runtime.decoding import build
from errdex.runtime.decoding.build import MESSAGE_CAP, SUB_LIMIT, build_error, params_of


def test_params_of_keeps_string_keys_and_coerces_declared_types() -> None:
    assert params_of({"n": "5", "s": "5", 3: "x"}, {"n": "int"}) == {"n": 5, "s": "5", "3": "x"}
    assert params_of(["not", "a", "dict"], {}) == {} and params_of({}, {}) == {}
    assert len(params_of({str(i): i for i in range(SUB_LIMIT + 10)}, {})) == SUB_LIMIT


def test_a_known_entry_gets_its_class_message_params_and_status(shop) -> None:
    index = decode_index(shop)
    fields = {"code": "AUTH-ERR-4", "message": "expired", "params": {"age": "9"}}
    err = build_error(index, shop.get("AUTH-ERR-4"), fields, 401, raw=b"r")
    assert type(err) is shop.errors["AUTH-ERR-4"]
    assert (err.message, err.params, err.status, err.raw) == ("expired", {"age": 9}, 401, b"r")


def test_an_unknown_code_gets_its_fallback_class_and_a_phrase(shop) -> None:
    index = decode_index(shop)
    err = build_error(index, None, {"code": "AUTH-ERR-77", "name": "n" * 999}, 404)
    assert isinstance(err, shop.errors.module("auth"))
    assert err.code == "AUTH-ERR-77" and err.message == "Not Found"
    assert len(err.name) <= 256 and err.status == 404
    twice = build_error(index, None, {"code": "AUTH-ERR-77", "name": "n" * 999}, 404)
    assert twice._spec is err._spec  # equal unknowns share one synthetic spec


def test_a_huge_or_odd_message_is_capped_text(shop) -> None:
    index = decode_index(shop)
    err = build_error(index, None, {"code": 1, "message": "m" * (MESSAGE_CAP * 2)}, 500)
    assert len(err.message) == MESSAGE_CAP and err.message.endswith("…")
    odd = build_error(index, None, {"code": 1, "message": {"not": "text"}}, 500)
    assert odd.message == "{'not': 'text'}"


def test_sub_errors_are_found_in_the_spaces_carried_in(shop) -> None:
    index = decode_index(shop)
    fields = {"code": "REQ-ERR-1", "subs": [{"code": 7}, "junk", {"code": 8}]}
    err = build_error(index, shop.get("REQ-ERR-1"), fields, 422)
    assert [(s.code, s.space) for s in err.sub_errors] == [(7, "fields"), (8, "fields")]


def test_the_synthetic_spec_cache_is_bounded(shop, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "SYNTHETIC_CACHE", 2)
    index = decode_index(shop)
    index.synthetic.clear()
    for code in ("Z-1", "Z-2", "Z-3"):
        build_error(index, None, {"code": code}, 500)
    assert len(index.synthetic) == 1
