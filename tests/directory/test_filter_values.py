"""Filter values: the known ones from an index and from catalogs agree; unknown ones refused."""

from __future__ import annotations

import pytest

from errdex.directory import Registry
from errdex.directory.filter_values import (
    UnknownValue,
    check,
    closest,
    known_in_catalogs,
    known_in_index,
)
from errdex.directory.search import Filters


def test_the_index_and_the_catalogs_know_the_same_values(examples: Registry) -> None:
    docs = [(examples.catalog(c), e) for c, e in examples.entries()]
    known = known_in_catalogs(docs)
    assert known == known_in_index(examples.index)
    assert {"en", "zh", "zh-CN"} <= known["locale"] and "auth" in known["module"]
    assert "zh-cn" not in known["locale"]  # the catalogs' spelling, not the compared one
    assert set(known["catalog"]) == set(examples.catalogs)


def test_known_values_pass_in_any_locale_spelling(examples: Registry) -> None:
    known = known_in_index(examples.index)
    for filters in (
        Filters(),
        Filters("zan", locale="zh_CN"),
        Filters(locale="zh-cn"),
        Filters(module="auth", space="app"),
    ):
        check(filters, known)
    check(Filters(catalog="", locale=""), known)  # an empty value is no filter


def test_an_unknown_value_is_named_with_the_known_ones_and_the_closest(
    examples: Registry,
) -> None:
    known = known_in_index(examples.index)
    with pytest.raises(UnknownValue) as caught:
        check(Filters(space="htpp"), known)
    assert (caught.value.kind, caught.value.value, caught.value.close) == ("space", "htpp", "http")
    assert str(caught.value).startswith("no space 'htpp' (did you mean 'http'?); spaces: app, ")
    with pytest.raises(UnknownValue, match=r"^no locale '\.\./x'; locales: en, zh, zh-CN$"):
        check(Filters(locale="../x"), known)


def test_only_a_close_value_is_suggested() -> None:
    assert closest("HTTP", ["http", "sdk"]) == "http"
    assert closest("nope", ["auth", "git", "sdk"]) is None


def test_a_long_list_is_cut() -> None:
    known = {f"m{i:03}" for i in range(40)}
    text = str(UnknownValue("module", "zzz", known))
    assert "m029" in text and "m030" not in text and "(10 more)" in text
