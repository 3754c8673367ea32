"""Identifiers for generated code: PascalCase names, snake_case packages, unique per file."""

from __future__ import annotations

import errdex
from errdex.convert.code.naming import (
    base_ident,
    code_ident,
    entry_idents,
    module_idents,
    pascal_case,
    snake_case,
)

CATALOG = errdex.loads(
    """
[catalog]
id = "names"
default_space = "app"

[spaces.app]
kind = "app"

[spaces.rpc]
kind = "jsonrpc"

[[errors]]
code = 1
name = "notFound"
message = "a"

[[errors]]
code = 2
space = "rpc"
name = "not_found"
message = "b"

[[errors]]
code = 1054
message = "no name"

[[errors]]
code = "9lives"
name = "9lives"
message = "digit first"
""",
    "toml",
)


def test_pascal_case_keeps_camel_capitals_and_joins_snake_words() -> None:
    assert pascal_case("invalidJWT") == "InvalidJWT"
    assert pascal_case("UNSUPPORTED_REQUEST") == "UnsupportedRequest"
    assert pascal_case("user-not-found") == "UserNotFound"
    assert pascal_case("JWT") == "JWT"  # one word: its capitals stay
    assert pascal_case("Café crème") == "CafeCreme"  # accents folded to ASCII
    assert pascal_case("令牌") == ""  # no ASCII letter or digit


def test_snake_case_is_lower_and_never_starts_with_a_digit() -> None:
    assert snake_case("Shop API") == "shop_api"
    assert snake_case("subquery-indexer-proxy") == "subquery_indexer_proxy"
    assert snake_case("1st catalog") == "e_1st_catalog"
    assert snake_case("***") == "errors"


def test_code_ident_spells_negative_numbers_and_string_codes() -> None:
    assert code_ident(1054) == "1054"
    assert code_ident(-32000) == "Minus32000"
    assert code_ident("AUTH-ERR-4") == "AuthErr4"
    assert code_ident("…") == "Code"


def test_base_ident_uses_the_name_else_e_and_the_code() -> None:
    by_code = {e.code: e for e in CATALOG.entries}
    assert base_ident(by_code[1]) == "NotFound"
    assert base_ident(by_code[1054]) == "E1054"
    assert base_ident(by_code["9lives"]) == "E9lives"


def test_entry_idents_are_unique_ignoring_case_with_the_space_then_a_number() -> None:
    idents = entry_idents(CATALOG.entries)
    assert idents == ["NotFound", "NotFoundRpc", "E1054", "E9lives"]


def test_entry_idents_never_use_a_reserved_name() -> None:
    idents = entry_idents(CATALOG.entries, reserved=["notfound", "NotFoundApp", "e1054"])
    assert idents == ["NotFoundApp2", "NotFoundRpc", "E1054App", "E9lives"]


def test_module_idents_add_the_suffix_and_stay_unique() -> None:
    assert module_idents(["auth", "AUTH", "2fa", "中"], "Error") == {
        "auth": "AuthError",
        "AUTH": "AUTHError2",  # one word keeps its capitals; case is folded to compare
        "2fa": "M2faError",
        "中": "ModuleError",
    }
    assert module_idents(["auth"], "Error", reserved=["AuthError"]) == {"auth": "AuthError2"}
