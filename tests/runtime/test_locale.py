"""Accept-Language negotiation and the fallback chain of translated texts."""

from __future__ import annotations

import pytest

import errdex
from catalogs import example
from errdex.runtime import negotiate, parse_accept_language

AVAILABLE = ("en", "zh-CN", "pt-BR")


def test_parse_accept_language_orders_by_weight():
    header = "fr;q=0.2, zh-CN , en;q=0.8, de;q=0, xx;q=abc, *;q=0.1"
    assert parse_accept_language(header) == ["zh-CN", "en", "fr", "*"]


@pytest.mark.parametrize(
    ("header", "chosen"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
        ("zh_cn", "zh-CN"),
        ("zh", "zh-CN"),
        ("zh-Hans-CN", "zh-CN"),  # same language and region
        ("zh-TW", "en"),  # another region of the language is not a match ...
        ("zh-TW,zh;q=0.9", "zh-CN"),  # ... but the bare language the browser adds is
        ("fr, pt", "pt-BR"),
        ("en-GB", "en"),
        ("de, *", "en"),
        ("", "en"),
        ("ja", "en"),
        (";;;,,,q=1", "en"),
        ("zh-CN;level=1;q=0.9, en;q=0.5", "zh-CN"),  # other parameters are ignored
        ("zh-CN;q=2, en;q=0.5", "en"),  # a weight above 1 is malformed: range dropped
        ("zh-CN;q=nan", "en"),
        ("en;q=0, *", "zh-CN"),  # "*" is any locale but the refused ones
        ("en;q=0", "zh-CN"),  # the default is refused: fall back to one that is not
        ("en-GB;q=0, *", "en"),  # refusing en-GB does not refuse en
        ("*;q=0", "en"),
    ],
)
def test_negotiate(header, chosen):
    assert negotiate(header, AVAILABLE, "en") == chosen


def test_negotiate_uses_babel_aliases():
    assert negotiate("pt", ("en", "pt-PT"), "en") == "pt-PT"  # bare language
    assert negotiate("no", ("en", "nb-NO"), "en") == "nb-NO"  # Babel's alias: no -> nb_NO


def test_zan_renders_chinese_by_default_and_english_on_request():
    zan = example("zan")
    err = zan.error(400, space="http")
    chinese = errdex.render(err, "problem")
    assert "错误请求" in chinese.body.decode()
    english = errdex.render(err, "problem", locale="en-US,en;q=0.9")
    assert dict(english.headers)["Content-Language"] == "en"
    assert b'"title":"Bad Request"' in english.body


def test_csghub_renders_chinese_descriptions(examples):
    cat = examples["csghub"]
    body = errdex.render(cat.error("AUTH-ERR-4"), "csghub", locale="zh-CN").body.decode()
    assert body.startswith('{"code":"AUTH-ERR-4","msg":"')
    assert "令牌" in body


def test_every_locale_fills_the_same_placeholders(shop):
    err = shop.error("AUTH-ERR-4", age=9)
    zh = errdex.render(err, "problem", locale="zh-CN").body.decode()
    assert "令牌已于 9 秒前过期。" in zh and '"title":"令牌无效"' in zh
    # a text missing in the locale falls back to the catalog's own
    other = errdex.render(shop.error("AUTH-ERR-5"), "problem", locale="zh-CN")
    assert b"Too many login attempts." in other.body
    assert dict(other.headers)["Content-Language"] == "en"
