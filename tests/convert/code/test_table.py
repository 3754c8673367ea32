"""The language-neutral code table: one row per entry, module bases, the body shapes to decode."""

from __future__ import annotations

from langs_catalogs import load_catalog

import errdex
from errdex import __version__
from errdex.convert.code.table import (
    BodyShape,
    body_shapes,
    code_table,
    comment_text,
    provenance,
)

SHOP = load_catalog("shop")


def test_one_row_per_entry_in_order_with_its_space_kind() -> None:
    table = code_table(SHOP)
    assert [r.entry for r in table.rows] == list(SHOP.entries)
    rows = {(r.entry.space, r.entry.code): r for r in table.rows}
    assert rows["app", "AUTH-ERR-4"].ident == "InvalidJWT"
    assert rows["rpc", -32000].ident == "EMinus32000"
    assert rows["rpc", 7].space_kind == "jsonrpc"
    assert rows["fields", 7].space_kind == "app"
    assert table.space_kinds == {"app": "app", "rpc": "jsonrpc", "fields": "app"}


def test_module_bases_carry_their_prefix_or_range() -> None:
    bases = {m.id: m for m in code_table(SHOP).modules}
    assert (bases["auth"].ident, bases["auth"].prefix, bases["auth"].range) == (
        "AuthError",
        "AUTH-ERR-",
        None,
    )
    assert (bases["rpc"].prefix, bases["rpc"].range) == (None, (-32099, -32000))


def test_entry_identifiers_avoid_module_bases_and_reserved_names() -> None:
    table = code_table(SHOP, reserved=("InvalidJWT",))
    idents = [r.ident for r in table.rows]
    assert "InvalidJWT" not in idents and idents[0] == "InvalidJWTApp"
    assert not {m.ident for m in table.modules} & set(idents)


def test_body_shapes_try_jsonrpc_then_the_profiles_then_problem_json() -> None:
    assert body_shapes(SHOP) == (
        BodyShape(("error", "code"), (("error", "message"),), "jsonrpc"),
        # the flat profile's {"code", "msg"} merged with problem+json's "code" shape
        BodyShape(("code",), (("msg",), ("detail",), ("title",), ("message",)), None),
        BodyShape(("error", "id"), (("error", "text"),), None),
        BodyShape(("status",), (("detail",), ("title",)), "http"),
    )


def test_a_profile_without_code_adds_no_shape() -> None:
    catalog = errdex.loads(
        '[catalog]\nid = "p"\n[profiles.bare]\nbody = { text = "$message", cost = "$$code" }\n'
        '[[errors]]\ncode = 1\nmessage = "m"\n',
        "toml",
    )
    assert [s.code for s in body_shapes(catalog)] == [("error", "code"), ("code",), ("status",)]


def test_provenance_names_errdex_and_the_catalog_on_one_comment_safe_line() -> None:
    assert provenance(SHOP) == f"errdex {__version__} from catalog 'shop'"
    nasty = load_catalog("nasty")
    line = provenance(nasty)
    assert line.endswith("version 1.0 * / 2")
    assert "\n" not in line and "*/" not in line


def test_comment_text_drops_controls_and_breaks_comment_ends() -> None:
    assert comment_text("a\tb\x00c */ d\ne") == "a b c * / d e"
