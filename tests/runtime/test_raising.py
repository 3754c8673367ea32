"""``errdex.runtime.raising``: which class ``cat.error`` raises, and the tombstone's error."""

from __future__ import annotations

import pickle

import pytest

import errdex
from errdex.model import AmbiguousCodeError, UnknownCodeError
from errdex.runtime.raising import RemovedCodeError, new_error, raisable_class


def test_raisable_class_by_code_name_and_space(shop) -> None:
    assert raisable_class(shop.errors, "AUTH-ERR-4", None) is shop.errors["AUTH-ERR-4"]
    assert raisable_class(shop.errors, 7, "rpc") is shop.errors["rpc", 7]
    with pytest.raises(AmbiguousCodeError):
        raisable_class(shop.errors, 7, None)
    with pytest.raises(UnknownCodeError):
        raisable_class(shop.errors, {"not": "hashable"}, None)


def test_a_removed_code_raises_removed_code_error_with_the_reason(shop) -> None:
    with pytest.raises(RemovedCodeError) as caught:
        raisable_class(shop.errors, "REQ-ERR-9", None)
    assert str(caught.value).startswith("error 'REQ-ERR-9' of catalog 'shop' was removed")
    assert caught.value.entry.code == "REQ-ERR-9"
    assert isinstance(caught.value, LookupError) and errdex.RemovedCodeError is RemovedCodeError


def test_removed_code_error_names_the_replacement_and_pickles(shop) -> None:
    entry = shop.get("REQ-ERR-9")._replace(replaced_by="REQ-ERR-1", reason="merged")
    err = RemovedCodeError(entry, "shop")
    assert (
        str(err)
        == "error 'REQ-ERR-9' of catalog 'shop' was removed (merged); use 'REQ-ERR-1' instead"
    )
    back = pickle.loads(pickle.dumps(err))
    assert back.args == err.args and back.entry == err.entry


def test_new_error_with_message_parameters_and_with_options(shop) -> None:
    cls = shop.errors["AUTH-ERR-4"]
    assert new_error(cls, {}).params == {}
    err = new_error(cls, {"age": 3})
    assert type(err) is cls and err.params == {"age": 3} and "3 seconds" in err.message
    optioned = new_error(cls, {"age": 3, "retryable": True})
    assert optioned.retryable is True and optioned.params == {"age": 3}
