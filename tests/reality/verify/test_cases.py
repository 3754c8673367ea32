"""The cases of a verify run: one per request example, and the entries that have none."""

from __future__ import annotations

from shop_service import catalog

from errdex.reality.verify.cases import NO_EXPECT, cases

SHOP = catalog()


def test_one_case_per_request_example_in_catalog_order() -> None:
    found, _ = cases(SHOP)
    assert [(c.entry.code, c.example, c.title) for c in found] == [
        ("AUTH-ERR-4", 0, "an expired token"),
        ("AUTH-ERR-4", 1, "in Chinese"),
        ("AUTH-ERR-5", 0, None),
        ("LIM-1", 0, None),
    ]
    first = found[0]
    assert first.label == "AUTH-ERR-4 invalidJWT"
    assert first.request.path == "/v1/repos"
    assert dict(first.expect.params) == {"age": 5}
    assert found[2].expect is NO_EXPECT  # no expect: the catalog's answer
    assert SHOP.entries[first.position] is first.entry


def test_entries_without_an_example_are_listed_with_the_reason_and_tombstones_never() -> None:
    _, missing = cases(SHOP)
    assert [(m.entry.code, m.reason) for m in missing] == [
        ("AUTH-ERR-9", "only the v0 API sends it")
    ]


def test_select_takes_codes_or_names() -> None:
    by_code, _ = cases(SHOP, ["LIM-1"])
    assert [c.entry.code for c in by_code] == ["LIM-1"]
    by_name, missing = cases(SHOP, ["invalidJWT", "legacy"])
    assert [c.entry.code for c in by_name] == ["AUTH-ERR-4", "AUTH-ERR-4"]
    assert [m.entry.code for m in missing] == ["AUTH-ERR-9"]
    assert cases(SHOP, ["AUTH-ERR-1"]) == ([], [])  # a removed code has no case
