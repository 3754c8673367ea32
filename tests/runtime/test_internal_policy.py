"""``errdex.runtime.internal_policy``: what an unexpected exception is sent as."""

from __future__ import annotations

import errdex
from catalogs import HEAD, example
from errdex.runtime.internal_policy import GENERIC, as_error, internal_entry, internal_error

HTTP_500 = (
    HEAD
    + '[spaces.http]\nkind = "http"\n[[errors]]\ncode = 500\nspace = "http"\nmessage = "Oops."\n'
)


def test_internal_entry_is_the_named_one_else_the_http_500_else_none(shop) -> None:
    assert internal_entry(shop).code == "SYS-ERR-0"
    assert internal_entry(errdex.loads(HTTP_500)).code == 500
    removed = HTTP_500.replace('message = "Oops."', 'status = "removed"')
    assert internal_entry(errdex.loads(removed)) is None
    assert internal_entry(example("yuanrong")) is None


def test_as_error_keeps_catalog_errors_and_wraps_anything_else(shop) -> None:
    own = shop.error("AUTH-ERR-4", age=1)
    assert as_error(own) is own
    boom = KeyError("secret")
    wrapped = as_error(boom, shop)
    assert wrapped.code == "SYS-ERR-0" and wrapped.__cause__ is boom
    assert "secret" not in wrapped.message


def test_without_an_internal_entry_a_server_error_of_the_catalog_or_a_bare_500() -> None:
    catalog = example("yuanrong")
    err = internal_error(catalog)
    assert isinstance(err, catalog.errors.ServerError) and err._spec is GENERIC
    bare = as_error(ValueError("x"))
    assert bare._spec is GENERIC and bare.status == 500 and isinstance(bare.__cause__, ValueError)
    assert internal_error(catalog) is not err  # a new error every time
