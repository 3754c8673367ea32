"""Entries hold effective values: the entry's own, else its module's, else its space's."""

from __future__ import annotations

import errdex
from catalogs import HEAD

CATALOG = (
    HEAD
    + """\
default_space = "app"

[spaces.app]
http_status = 500
retryable = true
retry_after = 10

[spaces.rpc]
kind = "jsonrpc"
jsonrpc_code = -32000
http_status = 502

[modules.auth]
prefix = "AUTH-ERR-"
http_status = 401
retryable = false
locale = "zh-CN"

[modules.plain]

[[errors]]
code = "AUTH-ERR-0"
module = "auth"

[[errors]]
code = "AUTH-ERR-1"
module = "auth"
http_status = 403
retryable = true
retry_after = 0

[[errors]]
code = 1
module = "plain"

[[errors]]
code = 2

[[errors]]
code = 3
module = "auth"
space = "rpc"

[[errors]]
code = 4
space = "rpc"
jsonrpc_code = -32001
status = "removed"
reason = "gone"
locale = "en"
"""
)


def _by_code() -> dict[object, errdex.Entry]:
    return {e.code: e for e in errdex.loads(CATALOG)}


def _defaults(e: errdex.Entry) -> tuple[object, ...]:
    return (e.http_status, e.jsonrpc_code, e.retryable, e.retry_after)


def test_module_defaults_override_space_defaults() -> None:
    assert _defaults(_by_code()["AUTH-ERR-0"]) == (401, None, False, 10)


def test_entry_values_override_module_defaults_even_when_falsy() -> None:
    assert _defaults(_by_code()["AUTH-ERR-1"]) == (403, None, True, 0)


def test_a_module_without_defaults_passes_on_its_space_defaults() -> None:
    assert _defaults(_by_code()[1]) == (500, None, True, 10)


def test_an_entry_without_module_takes_the_default_space_and_its_defaults() -> None:
    e = _by_code()[2]
    assert e.space == "app" and e.module is None
    assert _defaults(e) == (500, None, True, 10)


def test_an_entry_moved_to_another_space_takes_that_space_defaults_not_its_module() -> None:
    e = _by_code()[3]
    assert (e.module, e.space) == ("auth", "rpc")
    assert _defaults(e) == (502, -32000, None, None)


def test_locale_comes_from_the_entry_else_the_module() -> None:
    by_code = _by_code()
    assert by_code["AUTH-ERR-0"].locale == "zh-CN"
    assert by_code[4].locale == "en"
    assert by_code[2].locale is None  # the catalog's default_locale applies


def test_status_defaults_to_active_and_removed_is_a_tombstone() -> None:
    by_code = _by_code()
    assert by_code[2].status == "active" and not by_code[2].is_removed
    assert by_code[4].status == "removed" and by_code[4].is_removed
    assert by_code[4].reason == "gone"


def test_a_catalog_without_spaces_has_one_implicit_app_space() -> None:
    cat = errdex.loads('[catalog]\nid = "x"\n[[errors]]\ncode = 1\n')
    assert list(cat.spaces) == ["app"] and cat.spaces["app"].kind == "app"
    assert cat.meta.default_space == "app"
    assert cat.entries[0].space == "app"
