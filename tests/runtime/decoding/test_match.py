"""``errdex.runtime.decoding.match``: step 2 of decode, the entry a response names."""

from __future__ import annotations

from catalogs import example
from errdex.runtime.decode import decode_index
from errdex.runtime.decoding.match import choose, code_key, fallback_class, find_entry, find_variant


def test_code_key_normalises_and_refuses_non_codes() -> None:
    assert code_key("auth-err-4") == code_key("AUTH-ERR-4")
    assert code_key(7) == 7
    assert code_key(True) is None and code_key(None) is None and code_key([1]) is None


def test_find_variant_by_message_exact_then_by_start() -> None:
    entry = next(e for e in example("alchemy").entries if e.variants)
    first = entry.variants[0]
    assert find_variant(entry, first.message.upper() + ".") is first
    assert find_variant(entry, first.message + " and more words") is first
    assert find_variant(entry, "") is None and find_variant(entry, "nothing like it") is None


def test_a_unique_code_is_one_lookup_whatever_the_space(shop) -> None:
    index = decode_index(shop)
    assert find_entry(index, {"code": "AUTH-ERR-4", "space": "rpc"}, None).code == "AUTH-ERR-4"
    assert find_entry(index, {"code": "auth-err-4"}, None).code == "AUTH-ERR-4"
    assert find_entry(index, {"code": True}, None) is None  # a bool is no code


def test_a_code_in_two_spaces_by_space_preference_then_score(shop) -> None:
    index = decode_index(shop)
    assert find_entry(index, {"code": 7, "space": "rpc"}, None).name == "rpcSeven"
    assert find_entry(index, {"code": 7}, None, ("fields",)).name == "fieldMissing"
    by_name = find_entry(index, {"code": 7, "name": "rpcSeven"}, None)
    assert by_name.name == "rpcSeven"
    assert choose(shop.find(7), None, None, None) is shop.find(7)[0]  # a tie: catalog order
    assert choose([], "m", 1, "n") is None


def test_without_a_code_by_jsonrpc_code_reason_or_name(shop) -> None:
    index = decode_index(shop)
    assert find_entry(index, {"jsonrpc_code": -32000}, None).code == -32000
    assert find_entry(index, {"reason": "INVALID_JWT"}, None).code == "AUTH-ERR-4"
    assert find_entry(index, {"name": "tooManyLogins"}, None).code == "AUTH-ERR-5"
    assert find_entry(index, {"code": "NOPE-1"}, None) is None
    assert find_entry(index, {}, 401) is None


def test_fallback_classes_of_unknown_codes(shop) -> None:
    index = decode_index(shop)
    errors = shop.errors
    assert fallback_class(index, "AUTH-ERR-999", None, 401, False) is errors.module("auth")
    assert fallback_class(index, -32050, None, None, True) is errors.module("rpc")
    assert fallback_class(index, "X", "fields", None, False) is errors.space("fields")
    assert fallback_class(index, "X", None, 404, False) is errors.ClientError
    assert fallback_class(index, "X", None, 503, False) is errors.ServerError
    assert fallback_class(index, "X", None, None, False) is errors.Error
