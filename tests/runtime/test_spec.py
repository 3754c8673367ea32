"""``errdex.runtime.spec``: the precomputed facts every render of an entry needs."""

from __future__ import annotations

import errdex
from catalogs import HEAD
from errdex.runtime.spec import EntrySpec, google_reason


def test_google_reason_is_upper_snake_case_of_the_name_else_the_code(shop) -> None:
    assert google_reason(shop.get("AUTH-ERR-4")) == "INVALID_JWT"
    assert google_reason(shop.get("AUTH-ERR-5")) == "TOO_MANY_LOGINS"
    assert google_reason(shop.find(-32000)[0]) == "CODE_MINUS_32000"
    odd = errdex.loads(
        HEAD + '[[errors]]\ncode = "x-1"\n[[errors]]\ncode = 2\nname = "9lives"\n'
        f'[[errors]]\ncode = 3\nname = "{"a" * 80}"\n'
    )
    assert [google_reason(e) for e in odd.entries] == ["CODE_X_1", "E_9LIVES", "A" * 63]


def test_spec_of_an_entry(shop) -> None:
    spec = EntrySpec(shop, shop.get("AUTH-ERR-4"))
    assert (spec.code, spec.http_status, spec.jsonrpc_code) == ("AUTH-ERR-4", 401, -32603)
    rpc = EntrySpec(shop, shop.find(-32000)[0])
    assert (rpc.http_status, rpc.jsonrpc_code) == (None, -32000)


def test_texts_fall_back_per_field(shop) -> None:
    spec = EntrySpec(shop, shop.get("AUTH-ERR-4"))
    zh = spec.texts("zh-CN")
    assert zh.locale == "zh-CN" and zh.title == "令牌无效"
    assert zh.template.source == "令牌已于 {age} 秒前过期。"
    assert zh.solution == "Log in again."  # not translated: the default locale's
    assert spec.texts("zh-CN") is zh  # computed once per locale
    assert spec.texts(None).locale == "en"


def test_public_message_fills_public_params_only(shop) -> None:
    spec = EntrySpec(shop, shop.get("AUTH-ERR-4"))
    assert spec.public_message({"age": 5}, "zh-CN") == "令牌已于 5 秒前过期。"
    assert spec.public_message({}) == "The token expired {age} seconds ago."
    text = HEAD + '[[errors]]\ncode = 1\nmessage = "Hi {user}, {n} left."\n'
    text += 'params = { user = { type = "str", public = false }, n = { type = "int" } }\n'
    catalog = errdex.loads(text)
    private = EntrySpec(catalog, catalog.get(1))
    assert private.public_message({"user": "alice", "n": 2}) == "Hi {user}, 2 left."
