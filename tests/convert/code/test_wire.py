"""The wire facts each generator embeds: statuses, JSON-RPC code, reason, texts per locale."""

from __future__ import annotations

from langs_catalogs import load_catalog

import errdex
from errdex.convert.code.wire import (
    catalog_locales,
    code_key,
    google_reason,
    internal_entry,
    phrase,
    template_parts,
    wire_facts,
)
from errdex.model import Catalog, Entry

SHOP = load_catalog("shop")
BARE = errdex.loads(
    """
[catalog]
id = "bare"
default_space = "http"

[spaces.http]
kind = "http"

[[errors]]
code = 500
message = "Boom"

[[errors]]
code = 404
name = "2fa-missing"
message = "No {what} here"
[errors.translations.fr]
message = "Pas de {what} ici"
""",
    "toml",
)


def _entry(catalog: Catalog, code: int | str, space: str | None = None) -> Entry:
    return next(e for e in catalog.entries if e.code == code and space in (None, e.space))


def test_phrase_is_the_reason_phrase_or_error() -> None:
    assert phrase(404) == "Not Found"
    assert phrase(599) == "Error"


def test_google_reason_is_upper_snake_case_of_the_name_else_the_code() -> None:
    assert google_reason(_entry(SHOP, "AUTH-ERR-4")) == "INVALID_JWT"
    assert google_reason(_entry(SHOP, -32000)) == "CODE_MINUS_32000"
    assert google_reason(_entry(BARE, 500)) == "CODE_500"
    assert google_reason(_entry(BARE, 404)) == "E_2FA_MISSING"  # starts with a letter


def test_template_parts_alternate_literals_and_placeholder_names() -> None:
    assert template_parts("Hi {name}!") == ("Hi ", "name", "!")
    assert template_parts("plain") == ("plain",)
    assert template_parts("{a}{b}") == ("", "a", "", "b", "")
    assert template_parts("{{literal}} {x}") == ("{literal} ", "x", "")


def test_catalog_locales_list_the_default_first_then_every_translation() -> None:
    assert catalog_locales(SHOP) == ("en", "zh-CN")
    assert catalog_locales(BARE) == ("en", "fr")


def test_the_internal_entry_is_the_named_one_else_an_http_500_else_none() -> None:
    assert internal_entry(SHOP) is _entry(SHOP, "SYS-ERR-0")
    assert internal_entry(BARE) is _entry(BARE, 500)
    none = errdex.loads('[catalog]\nid = "n"\n[[errors]]\ncode = 500\nmessage = "m"\n', "toml")
    assert internal_entry(none) is None  # 500 in an app space is not the HTTP 500


def test_facts_of_an_entry_with_a_docs_url_and_a_translation() -> None:
    facts = wire_facts(SHOP, _entry(SHOP, "AUTH-ERR-4"))
    assert (facts.status, facts.stated_status, facts.rpc_status) == (401, 401, 401)
    assert (facts.rpc_code, facts.rpc_bare, facts.ambiguous) == (None, False, False)
    assert facts.type_url == "https://errors.example.com/shop/AUTH-ERR-4"
    assert (facts.title, facts.reason) == ("invalidJWT", "INVALID_JWT")
    assert facts.carried == ("fields",)
    zh = facts.texts["zh-CN"]
    assert (zh.locale, zh.message, zh.title) == (
        "zh-CN",
        ("令牌已于 ", "age", " 秒前过期。"),
        "令牌无效",
    )
    assert zh.solution == "Log in again."  # not translated: the own text
    assert facts.texts["en"].message == ("The token expired ", "age", " seconds ago.")
    assert "令牌已于 {age} 秒前过期。" in facts.match


def test_facts_of_codes_in_two_spaces_and_of_a_jsonrpc_code() -> None:
    in_rpc = wire_facts(SHOP, _entry(SHOP, 7, "rpc"))
    in_fields = wire_facts(SHOP, _entry(SHOP, 7, "fields"))
    assert in_rpc.ambiguous and in_fields.ambiguous
    assert (in_rpc.rpc_code, in_rpc.rpc_bare) == (7, True)  # the jsonrpc space's own code
    assert in_fields.rpc_bare is False
    server = wire_facts(SHOP, _entry(SHOP, -32000))
    assert (server.status, server.rpc_status, server.rpc_code) == (400, 200, -32000)


def test_without_a_docs_url_the_type_is_about_blank_and_the_title_the_phrase() -> None:
    facts = wire_facts(BARE, _entry(BARE, 404))
    assert (facts.type_url, facts.title, facts.status) == ("about:blank", "Not Found", 404)
    fr = facts.texts["fr"]
    assert (fr.locale, fr.message, fr.title) == ("fr", ("Pas de ", "what", " ici"), "Not Found")
    assert wire_facts(BARE, _entry(BARE, 500)).status == 500


def test_code_key_normalises_the_code() -> None:
    assert code_key(_entry(SHOP, "AUTH-ERR-4")) == "AUTH-ERR-4"
    assert code_key(_entry(SHOP, -32000)) == -32000
