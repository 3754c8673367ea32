"""The fast renderers (bytes precomputed per entry class and locale, values spliced in)
send the bytes of the full path — a dict and ``orjson.dumps`` — for hostile values and ids.

Each error is raised as a service raises it, ``cat.error(code, name=value)`` (the
instance with nothing set but its parameters), rendered twice (the first render of a
class precomputes, the next ones splice), and compared with a twin that the fast
renderers refuse (one attribute set that no envelope shows), i.e. the full path."""

from __future__ import annotations

from typing import Any

import orjson
import pytest

import errdex
from errdex import render

CATALOG = """
[catalog]
id = "fastbytes"
default_locale = "en"
locales = ["en", "zh-CN"]
docs_url = "https://errors.example.com/fast/{code}"

[spaces.app]
kind = "app"

[[errors]]
code = "F-0"
name = "static"
message = "Read-only \\"now\\" \\\\ \\u0001 😀."
http_status = 503

[[errors]]
code = "F-1"
name = "one"
message = "Bad \\"{v}\\" here."
http_status = 400

[errors.translations."zh-CN"]
message = "错误 {v}。"

[[errors]]
code = "F-2"
name = "two"
message = "Quota {quota} of plan {plan} is used up."
http_status = 429
retryable = true
retry_after = 3

[errors.translations."zh-CN"]
message = "套餐 {plan} 的配额 {quota} 已用完。"
title = "配额用完"
"""

HOSTILE = [
    "plain",
    "",
    'quote " inside',
    "back\\slash",
    "control \x00 \x01 \x1f \x7f",
    "newline\nand\ttab",
    "astral 😀 𝄞",
    "line sep \u2028 \u2029",
    "lone \ud800 surrogate",
    "x" * 2000,  # beyond the public cap: capped in the message and params
]
IDS: list[Any] = [
    None,
    0,
    -1,
    2**63 - 1,
    -(2**63),
    2**64 - 1,
    2**64,  # beyond what orjson writes: the full path
    2**70,
    True,
    False,
    1.5,
    float("nan"),
    "req-1",
    'q"uote\\',
    "astral 😀",
    "lone \udfff",
    [1, 2],
    {"nested": [1]},
]
LOCALES = [None, "zh-CN", "zh-CN,zh;q=0.9,en;q=0.8", "fr"]
PROFILES = ("problem", "jsonrpc")


def short(value: Any) -> str:
    return repr(value)[:24]


def _deep(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


@pytest.fixture(scope="module")
def cat() -> errdex.Catalog:
    return errdex.loads(CATALOG)


def _full(err: errdex.Error) -> errdex.Error:
    """A twin of ``err`` the fast renderers refuse (``context`` is in no envelope)."""
    twin = type(err)(params=dict(err.params))
    twin.context = None
    return twin


def _same(err: errdex.Error, profile: str, request_id: Any, locale: str | None) -> None:
    for _ in range(2):
        fast = render(err, profile, id=request_id, locale=locale)
        assert fast == render(_full(err), profile, id=request_id, locale=locale)


@pytest.mark.parametrize("request_id", [*IDS, _deep(254), _deep(255)], ids=short)
@pytest.mark.parametrize("profile", PROFILES)
def test_static_message_with_any_id(cat, profile, request_id):
    for locale in LOCALES:
        _same(cat.error("F-0"), profile, request_id, locale)


@pytest.mark.parametrize("request_id", IDS, ids=short)
def test_jsonrpc_static_message_is_orjson_of_the_whole_response(cat, request_id):
    """The id spliced into the prebuilt response is what orjson writes for the whole."""
    body = orjson.loads(render(cat.error("F-0"), "jsonrpc", id=1).body)
    for _ in range(2):
        sent = render(cat.error("F-0"), "jsonrpc", id=request_id).body
        try:
            expected = orjson.dumps({**body, "id": request_id})
        except TypeError:  # orjson refuses the id: errdex sends it as capped text instead
            assert orjson.loads(sent)["error"] == body["error"]
        else:
            assert sent == expected


@pytest.mark.parametrize("value", HOSTILE, ids=short)
@pytest.mark.parametrize("profile", PROFILES)
def test_one_placeholder_with_hostile_values(cat, profile, value):
    for request_id in (None, 7, "r", 2**70, [1]):
        for locale in LOCALES:
            _same(cat.error("F-1", v=value), profile, request_id, locale)


@pytest.mark.parametrize("value", HOSTILE, ids=short)
@pytest.mark.parametrize("profile", PROFILES)
def test_two_placeholders_with_hostile_values(cat, profile, value):
    for request_id in (None, 7, "r", 2**70, _deep(255)):
        for locale in LOCALES:
            _same(cat.error("F-2", quota=value, plan="pro"), profile, request_id, locale)
            _same(cat.error("F-2", plan=value, quota=value), profile, request_id, locale)


@pytest.mark.parametrize("profile", PROFILES)
def test_parameters_that_are_not_short_strings(cat, profile):
    class Text(str):
        def __str__(self) -> str:
            return "subclass"

    odd: list[dict[str, Any]] = [
        {"v": 2**70},
        {"v": -(2**63)},
        {"v": True},
        {"v": None},
        {"v": 1.5},
        {"v": b"bytes"},
        {"v": Text("t")},
        {"v": "a", "other": "b"},
        {"other": "b"},
        {},
    ]
    for params in odd:
        for code in ("F-1", "F-2"):
            for locale in (None, "zh-CN"):
                _same(cat.error(code, **params), profile, 3, locale)
