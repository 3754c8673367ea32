"""``errdex.runtime.factory``: the class of every entry, module and space, made once."""

from __future__ import annotations

import pytest

import errdex
from catalogs import HEAD
from errdex.runtime.errors import Error
from errdex.runtime.factory import camel, class_name, entry_doc, lookup


def test_class_names(shop) -> None:
    names = {e.code if e.name is None else e.name: class_name(e) for e in shop.entries}
    assert names["invalidJWT"] == "invalidJWT"
    assert names[-32000] == "Error_minus32000"
    unnamed = errdex.loads(
        HEAD + '[[errors]]\ncode = "A-1.x"\n[[errors]]\ncode = 3\nname = "class"\n'
    )
    assert [class_name(e) for e in unnamed.entries] == [
        "Error_A_1_x",
        "Error_3",
    ]  # a keyword is no name


def test_camel() -> None:
    assert camel("csghub-auth") == "CsghubAuth"
    assert camel("a_b c") == "ABC"
    assert camel("--") == "X"


def test_entry_doc_is_code_name_title_then_description(shop) -> None:
    doc = entry_doc(shop.get("AUTH-ERR-4"))
    assert doc.startswith("AUTH-ERR-4 invalidJWT: invalidJWT\n\nThe authentication token (JWT)")
    assert entry_doc(shop.find(-32000)[0]) == "-32000: Server error"


def test_the_hierarchy_entry_module_space_catalog(shop) -> None:
    cls = shop.errors["AUTH-ERR-4"]
    assert cls.__name__ == "invalidJWT" and cls.__qualname__ == "shop.invalidJWT"
    assert cls.__module__ == "errdex.runtime"
    assert [c.__name__ for c in cls.__mro__[1:5]] == [
        "AuthError",
        "AppSpaceError",
        "ShopError",
        "Error",
    ]
    assert cls.__mro__[4] is Error
    assert cls.__doc__ == entry_doc(cls.entry)


def test_classes_are_registered_under_space_and_code(shop) -> None:
    cls = shop.errors["AUTH-ERR-4"]
    assert lookup(shop.errors.Error, "app", "AUTH-ERR-4") is cls
    with pytest.raises(KeyError):
        lookup(shop.errors.Error, "app", "NOPE")


def test_unknown_module_or_space_is_a_clear_error(shop) -> None:
    with pytest.raises(LookupError, match="nope"):
        shop.errors.module("nope")
    with pytest.raises(LookupError, match="nope"):
        shop.errors.space("nope")
