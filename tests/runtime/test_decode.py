"""Decoding responses back to catalog errors: every profile, unknown codes, variants,
sub-errors, retry hints and garbage."""

from __future__ import annotations

import re
from email.utils import formatdate

import orjson
import pytest

import errdex
from errdex.runtime import decode, decode_batch, render

PROFILES = ("problem", "jsonrpc", "google")


def roundtrip(err, profile, **kwargs):
    rendered = render(err, profile, **kwargs)
    return decode(rendered.status, rendered.headers, rendered.body, catalog=err.catalog)


def test_every_example_entry_round_trips_in_every_profile(examples):
    for cat in examples.values():
        for entry in cat.entries:
            cls = cat.errors[entry.space, entry.code]
            for err in (cls(), cls(detail_id=42)):
                for profile in (*PROFILES, *cat.profiles):
                    back = roundtrip(err, profile)
                    where = (cat.meta.id, entry.space, entry.code, profile)
                    assert back.entry is entry, where
                    assert type(back) is cls, where
                    assert back.message == err.message, where
                    if profile in ("problem", "jsonrpc"):  # google: strings; plain: no $params
                        assert back.params == err.public_params, where


def test_the_seed_documents_response_examples_decode_to_their_entry_and_render_back(examples):
    """Each JSON response example a seed document shows for a code (ZAN's, Alchemy's)
    decodes to that code's entry — with the HTTP status the catalog gives it, which
    tells Alchemy's HTTP 429 from its JSON-RPC 429 — and errdex renders it back."""
    checked = 0
    for cat in examples.values():
        for entry in cat.entries:
            for example in entry.examples:
                text = re.sub(r"^\s*//.*$", "", example.body, flags=re.M)
                try:
                    body = orjson.loads(text)
                except orjson.JSONDecodeError:  # JavaScript object notation, not JSON
                    continue
                status = render(cat.errors[entry.space, entry.code](), "jsonrpc").status
                err = decode(status, {}, text.encode(), catalog=cat)
                assert err.entry is entry, (cat.meta.id, entry.code)
                again = orjson.loads(render(err, "jsonrpc", id=body.get("id")).body)
                if len(cat.find(entry.code)) > 1:  # a code in several spaces also names its space
                    assert again["error"].pop("data") == {"code": entry.code, "space": entry.space}
                assert again == body
                checked += 1
    assert checked >= 5


def test_round_trip_keeps_params_types_sub_errors_and_retry(shop):
    subs = [
        shop.error(7, space="fields", field="email"),
        shop.error(8, space="fields", field="n", max=3),
    ]
    err = shop.error("REQ-ERR-1", count=2, sub_errors=subs)
    for profile in (*PROFILES, "flat"):
        back = roundtrip(err, profile)
        assert back.entry is err.entry, profile
        assert [s.entry for s in back.sub_errors] == [s.entry for s in subs], profile
        assert [s.params.get("field") for s in back.sub_errors] == ["email", "n"], profile
    assert roundtrip(err, "google").params == {"count": 2}  # "2" back to the declared int
    assert roundtrip(err, "problem").sub_errors[1].params == {"field": "n", "max": 3}
    retry = roundtrip(shop.error("AUTH-ERR-5"), "google")
    assert (retry.retryable, retry.retry_after) == (True, 30)


def test_alchemy_code_3_with_sub_codes_from_the_docs(examples):
    alchemy = examples["alchemy"]
    body = {
        "jsonrpc": "2.0",
        "id": 1,
        "error": {
            "code": 3,
            "message": "Execution error",
            "data": [
                {"code": 102, "message": "Innsufficient gas"},
                {"code": 103, "message": "Gas limit exceeded"},
            ],
        },
    }
    err = decode(200, {}, orjson.dumps(body), catalog=alchemy)
    assert err.entry is alchemy.get(3, "custom")
    assert [s.entry.space for s in err.sub_errors] == ["custom-data", "custom-data"]
    assert [s.code for s in err.sub_errors] == [102, 103]
    assert err.sub_errors[0].message == "Innsufficient gas"  # the server's words are kept
    again = orjson.loads(render(err, "jsonrpc", id=1).body)
    assert again == body


@pytest.mark.parametrize(
    ("message", "retryable"),
    [
        ("already known", None),
        ("filter not found", None),
        ("Request timed out. Client should retry.", True),
    ],
)
def test_alchemy_message_variants_pick_the_variant(examples, message, retryable):
    alchemy = examples["alchemy"]
    body = {"jsonrpc": "2.0", "id": 1, "error": {"code": -32000, "message": message}}
    err = decode(200, [("content-type", "application/json")], orjson.dumps(body), catalog=alchemy)
    assert err.entry is alchemy.get(-32000, "jsonrpc")
    assert err.variant is not None and err.variant.message == message
    assert err.retryable is retryable
    assert err.message == message


def test_same_code_in_two_spaces_is_told_apart_by_message(examples):
    alchemy = examples["alchemy"]
    parity = decode(
        200,
        {},
        b'{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"UNSUPPORTED_REQUEST"}}',
        catalog=alchemy,
    )
    assert parity.space == "parity"
    server = decode(
        200,
        {},
        b'{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Server error"}}',
        catalog=alchemy,
    )
    assert server.space == "jsonrpc"


def test_unknown_string_code_falls_back_to_its_module(examples):
    csghub = examples["csghub"]
    body = b'{"code":"AUTH-ERR-99","msg":"brand new","data":{"k":1},"context":null}'
    err = decode(401, {}, body, catalog=csghub)
    assert err.entry is None
    assert isinstance(err, csghub.module_error("auth"))
    assert (err.code, err.message, err.data, err.status) == (
        "AUTH-ERR-99",
        "brand new",
        {"k": 1},
        401,
    )
    assert err.retryable is False
    # and it renders back with its own facts
    assert orjson.loads(render(err, "csghub").body)["code"] == "AUTH-ERR-99"


def test_unknown_numeric_codes_fall_back_by_range_space_and_http_class(examples):
    zan = examples["zan"]
    in_range = decode(
        200, {}, b'{"jsonrpc":"2.0","id":1,"error":{"code":-32007,"message":"x"}}', catalog=zan
    )
    assert in_range.entry is not None  # -32007 is known
    near = decode(
        200, {}, b'{"jsonrpc":"2.0","id":1,"error":{"code":-32050,"message":"new"}}', catalog=zan
    )
    assert near.entry is None and isinstance(near, zan.space_error("jsonrpc"))
    assert near.code == -32050
    problem = b'{"type":"about:blank","title":"Service Unavailable","status":503,"code":"Z-1"}'
    server = decode(503, {"Content-Type": "application/problem+json"}, problem, catalog=zan)
    assert isinstance(server, zan.errors.ServerError) and server.retryable is True
    client = decode(404, {}, b'{"code":"nope","message":"no"}', catalog=zan)
    assert isinstance(client, zan.errors.ClientError) and client.retryable is False


def test_http_status_only_maps_to_the_http_space(examples):
    alchemy = examples["alchemy"]
    err = decode(429, {"Retry-After": "7"}, b"Too Many Requests", catalog=alchemy)
    assert err.entry is alchemy.get(429, "http")
    assert (err.retryable, err.retry_after) == (True, 7)


def test_retry_hint_precedence(shop):
    body = render(shop.error("AUTH-ERR-4"), "problem").body
    assert decode(401, {}, body, catalog=shop).retryable is False  # HTTP class
    assert decode(401, {"retry-after": "12"}, body, catalog=shop).retry_after == 12  # header wins
    date = formatdate(timeval=4_102_444_800, usegmt=True)  # 2100-01-01
    later = decode(503, {"Retry-After": date}, body, catalog=shop)
    assert later.retryable is True and later.retry_after > 10**8
    past = decode(503, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, body, catalog=shop)
    assert past.retry_after == 0
    catalog_says = render(shop.error("AUTH-ERR-5"), "jsonrpc")
    err = decode(429, (), catalog_says.body, catalog=shop)
    assert (err.retryable, err.retry_after) == (True, 30)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        None,
        b"\xff\xfe\x00garbage",
        "<html><body>502 Bad Gateway</body></html>",
        b"[" * 5000,
        b"12",
        b'"just a string"',
        b'{"error": 5}',
        b'{"error": {"code": {"nested": true}, "message": 7}}',
        b'{"code": [1,2], "message": null}',
        b'{"jsonrpc":"2.0","error":{"code":-32000,"message":"x","data":[1,{"code":{}},null]}}',
        b'{"error":{"status":"X","details":[5,{"@type":"x.ErrorInfo","metadata":[1]}]}}',
        b"x" * 100_000,
    ],
)
def test_garbage_never_raises(examples, body):
    for cat in examples.values():
        err = decode(502, {"Retry-After": "soon"}, body, catalog=cat)
        assert isinstance(err, errdex.Error)
        assert err.status == 502
        assert err.retryable is True
        assert len(str(err.raw or "")) <= 4096 or isinstance(err.raw, (dict, list))
        render(err, "problem")
        render(err, "jsonrpc")


def test_unparseable_body_keeps_the_raw_text(shop):
    err = decode(500, None, b"upstream crashed", catalog=shop)
    assert err.raw == "upstream crashed"
    assert err.message == "upstream crashed"
    assert isinstance(err, shop.errors.ServerError)


def test_batch(shop):
    rendered = render(
        [(shop.error("AUTH-ERR-4", age=1), 1), {"jsonrpc": "2.0", "result": 2, "id": 2}], "jsonrpc"
    )
    items = decode_batch(rendered.status, rendered.headers, rendered.body, catalog=shop)
    assert items[0].entry is shop.entry("AUTH-ERR-4") and items[1] is None
    assert (
        decode(rendered.status, rendered.headers, rendered.body, catalog=shop).entry
        is items[0].entry
    )


def test_asgi_style_byte_headers(shop):
    body = render(shop.error("AUTH-ERR-4"), "problem").body
    err = decode(401, [(b"retry-after", b"3")], body, catalog=shop)
    assert err.retry_after == 3


# -- now=: the caller's clock for a Retry-After HTTP-date (docs/wire.md §6.5) ----------

NOW = 1_445_412_470  # 2015-10-21 07:27:50 GMT
DATES = (
    "Wed, 21 Oct 2015 07:28:00 GMT",  # IMF-fixdate
    "Wednesday, 21-Oct-15 07:28:00 GMT",  # RFC 850
    "Wed Oct 21 07:28:00 2015",  # asctime
)


@pytest.mark.parametrize("date", DATES)
@pytest.mark.parametrize("profile", [*PROFILES, "flat"])
def test_now_reads_a_retry_after_date_against_the_callers_clock(shop, profile, date):
    sent = render(shop.error("AUTH-ERR-4", age=1), profile)
    headers = [*sent.headers, ("Retry-After", date)]
    for now, wait in ((NOW, 10), (NOW + 0.5, 10), (NOW + 9.5, 1), (NOW + 10, 0), (NOW + 99, 0)):
        err = decode(503, headers, sent.body, catalog=shop, now=now)
        assert (err.retryable, err.retry_after) == (True, wait), (now, err.envelope)
    later = decode(503, headers, sent.body, catalog=shop)  # the real clock: long past
    assert later.retry_after == 0


def test_now_reaches_every_member_of_a_batch_and_leaves_seconds_alone(shop):
    items = [(shop.error("AUTH-ERR-4", age=1), 1), (shop.error("SYS-ERR-0"), 2)]
    body = render(items, "jsonrpc").body
    dated = {"Retry-After": DATES[0]}
    found = decode_batch(503, dated, body, catalog=shop, now=NOW - 20)
    assert [e.retry_after for e in found if e is not None] == [30, 30]
    assert decode(503, {"Retry-After": "7"}, body, catalog=shop, now=0).retry_after == 7
    html = decode(503, dated, b"<html>busy</html>", catalog=shop, now=NOW)
    assert html.retry_after == 10  # no envelope: the header still counts


@pytest.mark.parametrize(
    ("now", "error", "words"),
    [
        ("1445412470", TypeError, "Unix seconds"),
        (True, TypeError, "bool"),
        (None.__class__, TypeError, "type"),
        (float("nan"), ValueError, "finite"),
        (float("inf"), ValueError, "finite"),
        (10**400, ValueError, "finite"),
    ],
)
def test_a_now_that_is_not_a_clock_is_the_callers_error(shop, now, error, words):
    body = render(shop.error("AUTH-ERR-4", age=1), "problem").body
    with pytest.raises(error, match=words):
        decode(401, {}, body, catalog=shop, now=now)
    with pytest.raises(error, match=words):
        decode_batch(401, {}, body, catalog=shop, now=now)
