"""What every server integration does with an exception: catalog error, render, hook, log."""

from __future__ import annotations

import logging
from typing import Any

import orjson
import pytest

import errdex
from catalogs import HEAD
from errdex.integrations.common import (
    check_profile,
    finish,
    http_entries,
    negotiates,
    notify,
    respond,
    vary_language,
)
from errdex.model import Catalog

ONE_LANGUAGE = errdex.loads(HEAD + '[[errors]]\ncode = 1\nmessage = "m"\n')


def test_check_profile_fails_at_install_time_naming_the_profiles(shop: Catalog) -> None:
    check_profile(shop, "problem")
    check_profile(shop, "flat")
    check_profile(shop, lambda error: None)  # a callable profile is the caller's own
    with pytest.raises(LookupError) as caught:
        check_profile(shop, "soap")
    assert str(caught.value) == (
        "no render profile 'soap' for catalog 'shop'; profiles: problem, jsonrpc, google, flat, "
        "nested"
    )


def test_a_catalog_error_renders_in_the_asked_language_with_vary(shop: Catalog) -> None:
    rendered = respond(shop.error("AUTH-ERR-4", age=3), shop, "problem", "zh-CN")
    assert rendered.status == 401
    assert ("Content-Language", "zh-CN") in rendered.headers
    assert rendered.headers[-1] == ("Vary", "Accept-Language")
    assert orjson.loads(rendered.body)["detail"] == "令牌已于 3 秒前过期。"


def test_an_unexpected_exception_is_the_internal_error_and_nothing_of_it_shows(
    shop: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="errdex"):
        rendered = respond(RuntimeError("postgres://admin:pw@db"), shop, "problem", None, log=True)
    assert rendered.status == 500
    body = orjson.loads(rendered.body)
    assert (body["code"], body["detail"]) == ("SYS-ERR-0", "Internal error.")
    assert b"postgres" not in rendered.body
    assert [r.exc_info is not None for r in caplog.records] == [True]  # logged with traceback
    caplog.clear()
    respond(RuntimeError("x"), shop, "problem", None)  # log=False: the framework logs it
    assert caplog.records == []


def test_one_language_means_no_vary_unless_asked() -> None:
    assert not negotiates(ONE_LANGUAGE)
    rendered = respond(ONE_LANGUAGE.error(1), ONE_LANGUAGE, "problem", None)
    assert ("Vary", "Accept-Language") not in rendered.headers
    forced = respond(ONE_LANGUAGE.error(1), ONE_LANGUAGE, "problem", None, vary=True)
    assert forced.headers[-1] == ("Vary", "Accept-Language")


def test_vary_language_adds_the_header_once_and_keeps_the_rest(shop: Catalog) -> None:
    rendered = errdex.render(shop.error("AUTH-ERR-5"), "problem")
    varied = vary_language(rendered)
    assert varied.headers == (*rendered.headers, ("Vary", "Accept-Language"))
    assert (varied.status, varied.body) == (rendered.status, rendered.body)


def test_the_hook_sees_the_error_and_what_was_raised_and_its_finisher_runs(
    shop: Catalog,
) -> None:
    seen: list[tuple[Any, BaseException]] = []
    done: list[str] = []

    def hook(error: errdex.Error, exc: BaseException) -> Any:
        seen.append((error.code, exc))
        return lambda: done.append("finished")

    raised = KeyError("k")
    finishers: list[Any] = []
    respond(raised, shop, "problem", None, on_error=hook, finishers=finishers)
    assert seen == [("SYS-ERR-0", raised)]
    finish(finishers)
    assert done == ["finished"] and finishers == []


def test_a_failing_hook_or_finisher_is_logged_and_never_breaks_the_response(
    shop: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(error: errdex.Error, exc: BaseException) -> None:
        raise ValueError("hook bug")

    def bad_finisher() -> None:
        raise ValueError("finisher bug")

    with caplog.at_level(logging.ERROR, logger="errdex"):
        assert notify(broken, shop.error("AUTH-ERR-5"), KeyError()) is None
        finish([bad_finisher])
    messages = [r.getMessage() for r in caplog.records]
    assert messages[0].startswith("errdex on_error hook ") and messages[0].endswith(" failed")
    assert messages[1].startswith("errdex on_error finisher ")
    assert all(r.exc_info is not None for r in caplog.records)
    assert notify(None, shop.error("AUTH-ERR-5"), KeyError()) is None
    assert notify(lambda e, x: "not callable", shop.error("AUTH-ERR-5"), KeyError()) is None


def test_http_entries_are_the_live_entries_of_http_spaces_by_status(
    shop: Catalog, zan: Catalog
) -> None:
    entries = http_entries(zan)
    assert sorted(entries) == [400, 401, 403, 429, 500]
    assert entries[429]().status == 429
    assert http_entries(shop) == {}  # no http space
