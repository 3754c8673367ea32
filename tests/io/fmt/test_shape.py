"""``errdex.io.fmt.shape``: the canonical key order of every table, from the format spec."""

from __future__ import annotations

from errdex.io.fmt.shape import FREE, child, items, of_file, ordered, path, rank


def test_top_level_order_then_unknown_keys_in_source_order() -> None:
    main = of_file("main")
    assert main.order is not None and main.order[:3] == ("$schema", "catalog", "spaces")
    assert ordered(main, ["errors", "zzz", "catalog", "aaa", "modules"]) == [
        "catalog",
        "modules",
        "errors",
        "zzz",
        "aaa",
    ]


def test_entries_are_ordered_by_the_entry_spec() -> None:
    entry = items(child(of_file("main"), "errors"))
    assert ordered(entry, ["message", "code", "zzz", "name"]) == ["code", "name", "message", "zzz"]


def test_a_map_keeps_its_keys_and_orders_each_value() -> None:
    modules = child(of_file("main"), "modules")
    assert modules.fields is None and ordered(modules, ["zeta", "alpha"]) == ["zeta", "alpha"]
    assert ordered(child(modules, "auth"), ["range", "title", "prefix"]) == [
        "title",
        "prefix",
        "range",
    ]
    assert modules.items is not None and "id" in modules.items.fields  # the list-of-tables form


def test_module_and_locale_files() -> None:
    assert ordered(of_file("module"), ["errors", "module"]) == ["module", "errors"]
    assert ordered(of_file("locale"), ["errors"]) == ["errors"]


def test_free_data_keeps_its_order() -> None:
    assert rank(FREE) is None and ordered(FREE, ["b", "a"]) == ["b", "a"]
    assert child(FREE, "x") is FREE and items(FREE) is FREE
    assert path(of_file("main"), ["catalog", "no-such-key"]) is FREE
    assert path(of_file("main"), ["catalog"]).fields is not None
