"""``errdex.runtime.index``: ``cat.errors``, the read-only code index of a catalog's classes."""

from __future__ import annotations

import pickle

import pytest

from errdex.model import AmbiguousCodeError, UnknownCodeError


def test_every_spelling_of_a_code_is_one_class(shop) -> None:
    errors = shop.errors
    cls = errors["AUTH-ERR-4"]
    assert errors["auth-err-4"] is cls and errors["invalidJWT"] is cls
    assert errors.invalidJWT is cls and errors["app", "AUTH-ERR-4"] is cls
    assert errors["rpc", 7] is not errors["fields", 7]
    assert errors.codes is errors and errors.catalog.meta.id == "shop"


def test_misses_are_the_catalogs_errors(shop) -> None:
    with pytest.raises(UnknownCodeError):
        shop.errors["NOPE-1"]
    with pytest.raises(AmbiguousCodeError):
        shop.errors[7]
    assert shop.errors.get("NOPE-1") is None and shop.errors.get(["unhashable"], 0) == 0
    assert "AUTH-ERR-4" in shop.errors and 7 in shop.errors
    assert "NOPE-1" not in shop.errors and ["x"] not in shop.errors


def test_an_unknown_name_suggests_the_closest(shop) -> None:
    with pytest.raises(
        AttributeError, match=r"has no error named 'invalidJwt'; did you mean 'invalidJWT'\?"
    ):
        _ = shop.errors.invalidJwt
    with pytest.raises(AttributeError, match=r"has no error named 'zzz'$"):
        _ = shop.errors.zzz


def test_it_is_read_only_and_not_picklable(shop) -> None:
    for change in (
        lambda e: e.__setitem__("x", int),
        lambda e: e.pop("AUTH-ERR-4"),
        lambda e: e.update({}),
        lambda e: e.clear(),
    ):
        with pytest.raises(TypeError, match=r"cat\.errors is read-only"):
            change(shop.errors)
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(shop.errors)


def test_iteration_length_groups_and_names(shop) -> None:
    assert len(shop.errors) == len(shop.entries)
    assert [cls.entry.code for cls in shop.errors] == [e.code for e in shop.entries]
    assert issubclass(shop.errors.invalidJWT, shop.errors.module("auth"))
    assert issubclass(shop.errors.invalidJWT, shop.errors.space("app"))
    assert issubclass(shop.errors.space("app"), shop.errors.Error)
    assert {"invalidJWT", "Error", "module", "space"} <= set(dir(shop.errors))
    assert repr(shop.errors) == f"<errors of catalog 'shop': {len(shop.entries)} entries>"
    assert shop.errors == shop.errors and shop.errors != {}
