"""The catalog facts the Go, Rust and TypeScript generators format: plain data, computed once."""

from __future__ import annotations

from langs_catalogs import load_catalog

import errdex
from errdex.convert.code.facts import EntryFacts, catalog_facts, code_json, public_template
from errdex.model.wire import JSONRPC_INTERNAL_ERROR

SHOP = load_catalog("shop")
FACTS = catalog_facts(SHOP)


def _facts(code: int | str, space: str | None = None) -> EntryFacts:
    return next(e for e in FACTS.entries if e.code == code and space in (None, e.space))


def test_code_json_writes_a_code_as_json() -> None:
    assert code_json(1051) == "1051"
    assert code_json("AUTH-ERR-4") == '"AUTH-ERR-4"'
    assert code_json(None) == "null"


def test_public_template_keeps_a_private_placeholder_as_text() -> None:
    parts = ("Hi ", "user", ", ", "age", " s.")
    assert public_template(parts, frozenset()) == ("Hi ", (("user", ", "), ("age", " s.")))
    assert public_template(parts, frozenset({"user"})) == ("Hi {user}, ", (("age", " s."),))
    assert public_template(parts, frozenset({"age"})) == ("Hi ", (("user", ", {age} s."),))
    assert public_template(("plain",), frozenset({"x"})) == ("plain", ())


def test_catalog_level_facts() -> None:
    assert (FACTS.id, FACTS.default_locale, FACTS.locales) == ("shop", "en", ("en", "zh-CN"))
    assert FACTS.spaces == (("app", "app"), ("rpc", "jsonrpc"), ("fields", "app"))
    modules = {m.id: m for m in FACTS.modules}
    assert (modules["auth"].prefix, modules["auth"].lo) == ("AUTH-ERR-", None)
    assert (modules["rpc"].lo, modules["rpc"].hi) == (-32099, -32000)
    assert [(p.name, p.status, p.content_type) for p in FACTS.profiles] == [
        ("flat", None, "application/json"),
        ("nested", 200, "application/json"),
    ]
    assert FACTS.entries[FACTS.internal].code == "SYS-ERR-0"
    assert FACTS.internal_code == "SYS-ERR-0"


def test_entry_facts_with_a_private_parameter_and_a_translation() -> None:
    jwt = _facts("AUTH-ERR-4")
    assert (jwt.ident, jwt.key, jwt.module) == ("InvalidJWT", "AUTH-ERR-4", "auth")
    assert (jwt.status, jwt.google_status, jwt.reason) == (401, "UNAUTHENTICATED", "INVALID_JWT")
    assert (jwt.rpc_code, jwt.rpc_known) == (JSONRPC_INTERNAL_ERROR, False)
    assert jwt.params == (("age", "int", True), ("user", "str", False))
    assert (jwt.own.lead, jwt.own.pairs) == ("The token expired ", (("age", " seconds ago."),))
    assert [t.locale for t in jwt.texts] == ["en", "zh-CN"]
    assert jwt.texts[1].lead == "令牌已于 " and jwt.texts[1].title == "令牌无效"
    assert jwt.message_head == "The token expired "
    assert jwt.doc == "AUTH-ERR-4 invalidJWT: invalidJWT"
    assert jwt.carried == ("fields",)


def test_a_private_placeholder_stays_literal_in_the_public_message() -> None:
    logins = _facts("AUTH-ERR-5")
    assert logins.own.lead.startswith("Too many login attempts by {user}, ")
    assert [name for name, _ in logins.own.pairs] == ["x"]
    assert (logins.retryable, logins.retry_after, logins.http_status) == (True, 30, 429)


def test_variants_removed_entries_and_jsonrpc_codes() -> None:
    server = _facts(-32000)
    assert (server.key, server.rpc_code, server.rpc_known, server.rpc_bare) == (
        "-32000",
        -32000,
        True,
        True,
    )
    assert [(v.message, v.retryable) for v in server.variants] == [("busy, try again", True)]
    assert _facts("REQ-ERR-9").removed and not _facts("REQ-ERR-1").removed
    assert _facts(7, "rpc").ambiguous and _facts(7, "fields").ambiguous


def test_without_an_internal_entry_the_generic_error_is_a_bare_500() -> None:
    catalog = errdex.loads(
        '[catalog]\nid = "n"\ndefault_locale = "de"\n[[errors]]\ncode = 1\nmessage = "m"\n', "toml"
    )
    facts = catalog_facts(catalog)
    assert facts.internal is None and facts.internal_code is None
    generic = facts.generic
    assert (generic.code, generic.status, generic.rpc_code) == (None, 500, JSONRPC_INTERNAL_ERROR)
    assert (generic.own.locale, generic.own.lead, generic.title) == (
        "de",
        "Internal error",
        "Internal Server Error",
    )
    assert generic.match_texts == ("Internal error",)
