"""Column labels: English or Chinese headers for generators, and every spelling importers read."""

from __future__ import annotations

import pytest

from errdex.convert.labels import (
    ROLES,
    is_example_label,
    is_variants_label,
    labels_for,
    role_of,
)


def test_labels_are_chinese_for_any_zh_locale_and_english_otherwise() -> None:
    assert labels_for("zh-CN")["message"] == "消息描述"
    assert labels_for("ZH_tw")["code"] == "错误码"
    assert labels_for("en")["message"] == "Error Message"
    assert labels_for(None)["http_status"] == "HTTP Status"
    assert labels_for("fr")["solution"] == "Solution"


@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_every_role_has_a_label_that_reads_back_as_that_role(locale: str) -> None:
    labels = labels_for(locale)
    for role in ROLES:
        assert role_of(labels[role]) == role, (locale, role, labels[role])


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("**消息描述**", "message"),
        ("Possible Return message", "message"),
        ("Meaning", "description"),
        ("status code", "code"),
        ("code:", "code"),
        ("`HTTP   Status`", "http_status"),
    ],
)
def test_headers_as_real_documents_write_them(header: str, role: str) -> None:
    assert role_of(header) == role


def test_an_unknown_header_has_no_role() -> None:
    assert role_of("Foo bar") is None
    assert role_of("") is None


def test_example_and_variant_captions_in_both_languages() -> None:
    assert is_example_label("Example") and is_example_label("示例")
    assert not is_example_label("example")  # only the exact caption generators write
    assert is_variants_label("Known Messages") and is_variants_label("已知消息")
    assert not is_variants_label("Messages")
