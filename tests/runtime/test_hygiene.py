"""Issue 14: a 5xx errdex sends carries only catalog text, whatever the error's origin;
bad runtime options fail at the call; no CR/LF reaches a header. Issue 13: a
non-retryable entry never sends Retry-After; Content-Language names the message's language."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errdex

PROFILES = ("problem", "jsonrpc", "google")
LEAKS = (
    b"<html><body><h1>502 Bad Gateway</h1>postgres://admin:s3cret@db.internal:5432/prod</body></html>",
    b"Traceback (most recent call last):\n  File \"/srv/app.py\", line 3\nKeyError: 'DATABASE_URL'",
    b"ERROR 1045 (28000): Access denied for user 'root'@'10.0.0.7' (using password: YES)",
)
SECRETS = (b"postgres://", b"s3cret", b"Traceback", b"DATABASE_URL", b"10.0.0.7", b"<html")


def _profiles(cat: errdex.Catalog) -> tuple[str, ...]:
    return (*PROFILES, *cat.profiles)


@pytest.mark.parametrize("body", LEAKS)
@pytest.mark.parametrize("status", [500, 502, 503])
def test_reraised_upstream_5xx_body_never_leaks(shop, body, status):
    err = errdex.decode(status, {"Content-Type": "text/html"}, body, catalog=shop)
    assert err.raw  # the client still sees what came back, for its logs
    for profile in _profiles(shop):
        for locale in (None, "zh-CN"):
            sent = errdex.render(err, profile, locale=locale)
            blob = sent.body + repr(sent.headers).encode()
            assert not any(s in blob for s in SECRETS), (profile, sent.body)
            if profile in PROFILES and profile != "jsonrpc":
                assert sent.status == status


def test_reraised_json_5xx_keeps_catalog_text_only(shop):
    body = orjson.dumps(
        {
            "type": "about:blank",
            "status": 503,
            "code": "AUTH-ERR-4",
            "detail": "leaked: postgres://admin:s3cret@db",
            "params": {"age": 3, "dsn": "postgres://admin:s3cret@db"},
            "data": {"dsn": "postgres://admin:s3cret@db"},
        }
    )
    err = errdex.decode(503, {"Retry-After": "7"}, body, catalog=shop)
    assert err.message.startswith("leaked")  # decoding keeps what was received
    for profile in _profiles(shop):
        sent = errdex.render(err, profile)
        assert b"s3cret" not in sent.body, profile
        assert dict(sent.headers).get("Retry-After") == "7", profile
    problem = orjson.loads(errdex.render(err, "problem").body)
    assert problem["detail"] == shop.error("AUTH-ERR-4", age=3).message


def test_unknown_upstream_5xx_code_becomes_the_internal_error(shop):
    body = orjson.dumps({"code": "postgres://x:y@z", "message": "down: postgres://x:y@z"})
    err = errdex.decode(500, {}, body, catalog=shop)
    for profile in _profiles(shop):
        sent = errdex.render(err, profile)
        assert b"postgres" not in sent.body, (profile, sent.body)


def test_a_4xx_decoded_error_is_forwarded_as_received(shop):
    body = orjson.dumps({"code": "AUTH-ERR-4", "detail": "Token expired at 12:00"})
    err = errdex.decode(401, {"Content-Type": "application/problem+json"}, body, catalog=shop)
    assert b"Token expired at 12:00" in errdex.render(err, "problem").body


def test_free_variant_text_on_a_5xx_is_for_logs_only(shop):
    entry = next(e for e in shop.entries if shop.errors[e.space, e.key].status >= 500)
    err = shop.error(entry.code, space=entry.space, variant="db at postgres://x:y@z is down")
    assert "postgres" in str(err)
    for profile in PROFILES:
        assert b"postgres" not in errdex.render(err, profile).body


# -- options at the API boundary ---------------------------------------------------------


class BadFloat:
    def __float__(self) -> float:
        raise RuntimeError("no float for you")


@pytest.mark.parametrize(
    ("options", "error", "names"),
    [
        ({"retry_after": BadFloat()}, TypeError, "retry_after"),
        ({"retry_after": "5; x"}, TypeError, "retry_after"),
        ({"retry_after": "5"}, TypeError, "retry_after"),
        ({"retry_after": True}, TypeError, "retry_after"),
        ({"retry_after": -1}, ValueError, "retry_after"),
        ({"retry_after": float("nan")}, ValueError, "retry_after"),
        ({"retry_after": float("inf")}, ValueError, "retry_after"),
        ({"retry_after": 10**30}, ValueError, "retry_after"),
        ({"retry_after": 2**20_000}, ValueError, "retry_after"),  # beyond what repr prints
        ({"retryable": "no"}, TypeError, "retryable"),
        ({"retryable": 0}, TypeError, "retryable"),
        ({"sub_errors": 5}, TypeError, "sub_errors"),
        ({"sub_errors": "abc"}, TypeError, "sub_errors"),
        ({"sub_errors": {"a": 1}}, TypeError, "sub_errors"),
    ],
)
def test_bad_options_fail_at_the_call(shop, options, error, names):
    with pytest.raises(error, match=names):
        shop.error("AUTH-ERR-4", **options)
    with pytest.raises(error, match=names):
        shop.errors["AUTH-ERR-4"](**options)


def test_good_options_are_kept(shop):
    err = shop.error("AUTH-ERR-4", retry_after=2.5, retryable=True, sub_errors=())
    assert err.retry_after == 2.5 and err.retryable is True and err.sub_errors == ()
    assert dict(errdex.render(err).headers)["Retry-After"] == "3"


@pytest.mark.parametrize(
    "locale", ["zh-CN\r\nSet-Cookie: a=b", "en\nX: y", "\r\n", "zh-CN\x00", "é" * 70]
)
def test_header_locale_input_never_reaches_content_language_raw(shop, locale):
    for profile in _profiles(shop):
        sent = errdex.render(shop.error("AUTH-ERR-4", age=1), profile, locale=locale)
        for name, value in sent.headers:
            assert "\r" not in value and "\n" not in value and "\x00" not in value, (name, value)


# -- issue 13: the two runtime decisions ----------------------------------------------------

NO_RETRY = """
[catalog]
id = "noretry"
default_locale = "en"
locales = ["en", "zh-CN"]

[spaces.app]
kind = "app"

[modules.busy]
space = "app"
prefix = "BUSY-"
retry_after = 30
retryable = true

[[errors]]
code = "BUSY-1"
module = "busy"
message = "Try again later."

[[errors]]
code = "BUSY-2"
module = "busy"
retryable = false
message = "Never again."
http_status = 503

[errors.translations."zh-CN"]
message = "不要再试。"

[[errors.variants]]
message = "Quota gone for good."
"""


@pytest.fixture(scope="module")
def busy() -> errdex.Catalog:
    return errdex.loads(NO_RETRY)


def test_not_retryable_entry_never_sends_retry_after(busy):
    assert dict(errdex.render(busy.error("BUSY-1")).headers)["Retry-After"] == "30"
    err = busy.error("BUSY-2")
    for profile in PROFILES:
        for locale in (None, "zh-CN"):
            sent = errdex.render(err, profile, locale=locale)
            assert "Retry-After" not in dict(sent.headers), profile
            assert b"retry_after" not in sent.body and b"RetryInfo" not in sent.body, sent.body
    decoded = errdex.decode(503, errdex.render(err).headers, errdex.render(err).body, catalog=busy)
    assert decoded.retryable is False
    overridden = busy.error("BUSY-1", retryable=False)
    assert "Retry-After" not in dict(errdex.render(overridden).headers)


def test_content_language_names_the_language_of_the_message(busy):
    translated = errdex.render(busy.error("BUSY-2"), "problem", locale="zh-CN")
    assert dict(translated.headers)["Content-Language"] == "zh-CN"
    assert "不要再试" in orjson.loads(translated.body)["detail"]
    variant = errdex.render(busy.error("BUSY-2", variant="Quota gone for good."), locale="zh-CN")
    assert dict(variant.headers)["Content-Language"] == "en"
    assert orjson.loads(variant.body)["detail"] == "Quota gone for good."
    untranslated = errdex.render(busy.error("BUSY-1"), "problem", locale="zh-CN")
    assert dict(untranslated.headers)["Content-Language"] == "en"


# -- hypothesis: hostile objects on render and decode -----------------------------------------


class Hostile:
    """Every dunder a renderer might call raises."""

    def __str__(self) -> str:
        raise RuntimeError("str")

    def __repr__(self) -> str:  # hypothesis prints examples with repr
        return "Hostile()"

    def __format__(self, spec: str) -> str:
        raise RuntimeError("format")

    def __float__(self) -> float:
        raise RuntimeError("float")

    def __len__(self) -> int:
        raise RuntimeError("len")

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise RuntimeError("iter")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    __hash__ = object.__hash__


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(),
    st.binary(max_size=20),
    st.just(Hostile()),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(param=values, data=values, context=values, rid=values, profile=st.sampled_from(PROFILES))
def test_hostile_values_render_to_json(shop, param, data, context, rid, profile):
    err = shop.error("AUTH-ERR-4", age=param, data=data, context=context)
    sent = errdex.render(err, profile, id=rid)
    orjson.loads(sent.body)
    decoded = errdex.decode(sent.status, sent.headers, sent.body, catalog=shop)
    if profile != "jsonrpc":  # JSON-RPC: a caller's ``data`` replaces the member naming the entry
        assert decoded.code == "AUTH-ERR-4"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    status=st.one_of(st.none(), st.integers(), st.just(Hostile())),
    headers=st.one_of(
        st.none(),
        st.dictionaries(st.text(max_size=12), st.one_of(st.text(max_size=30), st.just(Hostile()))),
        st.lists(st.tuples(st.text(max_size=12), st.text(max_size=30)), max_size=4),
        st.just(Hostile()),
    ),
    body=st.one_of(values, st.binary(max_size=60)),
)
def test_hostile_inputs_never_crash_decode(shop, status, headers, body):
    err = errdex.decode(status, headers, body, catalog=shop)
    assert isinstance(err, errdex.Error)
    errdex.render(err, "problem")
