"""``errdex.runtime.decoding.index``: the tables decode builds once per catalog."""

from __future__ import annotations

from catalogs import example
from errdex.runtime.decode import decode_index
from errdex.runtime.spec import google_reason


def test_the_shop_tables(shop) -> None:
    index = decode_index(shop)
    assert index.catalog is shop
    # 7 is in two spaces: not unique; every other code is
    assert set(index.unique) == {
        "AUTH-ERR-4",
        "AUTH-ERR-5",
        "REQ-ERR-1",
        "SYS-ERR-0",
        -32000,
        8,
        "REQ-ERR-9",
    }
    assert index.unique[8].name == "fieldTooLong"
    assert [e.code for e in index.by_jsonrpc[-32000]] == [-32000]
    assert index.http_spaces == () and index.jsonrpc_space == "rpc"
    assert index.prefixes == (("AUTH-ERR-", "auth"), ("REQ-ERR-", "req"), ("SYS-ERR-", "sys"))
    assert index.ranges == (((-32099, -32000), "rpc", True),)
    assert [name for name, _, _ in index.plain] == ["flat", "nested"]
    flat = dict((name, fields) for name, fields, _ in index.plain)["flat"]
    assert flat["code"] == ("code",) and flat["message"] == ("msg",)


def test_by_reason_is_built_on_first_use_and_kept(shop) -> None:
    index = decode_index(shop)
    reasons = index.by_reason
    assert index.by_reason is reasons
    entry = shop.get("AUTH-ERR-4")
    assert entry in reasons[google_reason(entry)]


def test_http_spaces_of_a_gateway_catalog() -> None:
    index = decode_index(example("zan"))
    assert index.http_spaces == ("http",) and index.jsonrpc_space == "jsonrpc"
