"""Rendering: golden envelopes per profile, the seed services' exact bytes, statuses and headers.

Golden files live in ``golden/``; run with ``ERRDEX_UPDATE_GOLDEN=1`` to rewrite
them after an intended change, and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

import errdex
from catalogs import SHOP, example
from errdex.runtime import jsonrpc_profile, render

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, body: bytes) -> None:
    path = GOLDEN / f"{name}.json"
    if os.environ.get("ERRDEX_UPDATE_GOLDEN"):
        path.write_bytes(body + b"\n")
    assert path.exists(), f"missing golden file {path}; run with ERRDEX_UPDATE_GOLDEN=1"
    assert body + b"\n" == path.read_bytes()


def golden_cases():
    shop = errdex.loads(SHOP)
    alchemy = example("alchemy")
    zan = example("zan")
    fields = [
        shop.error(7, space="fields", field="email"),
        shop.error(8, space="fields", field="name", max=64),
    ]
    validation = shop.error("REQ-ERR-1", count=2, sub_errors=fields)
    code3 = alchemy.error(3, sub_errors=[alchemy.error(102), alchemy.error(103)])
    return {
        "problem_invalid_jwt": (
            shop.error("AUTH-ERR-4", age=5, user="u"),
            "problem",
            {"id": "/login"},
        ),
        "problem_retry": (shop.error("AUTH-ERR-5"), "problem", {}),
        "problem_zh": (shop.error("AUTH-ERR-4", age=5), "problem", {"locale": "zh-CN,en;q=0.5"}),
        "problem_validation": (validation, "problem", {}),
        "problem_ambiguous": (shop.error(7, space="rpc"), "problem", {}),
        "jsonrpc_invalid_jwt": (shop.error("AUTH-ERR-4", age=5), "jsonrpc", {"id": 1}),
        "jsonrpc_variant": (shop.error(-32000, variant="busy, try again"), "jsonrpc", {"id": "a"}),
        "jsonrpc_alchemy_code3": (code3, "jsonrpc", {"id": 1}),
        "jsonrpc_zan_limit": (zan.error(-32005), "jsonrpc", {"id": 1}),
        "google_invalid_jwt_zh": (shop.error("AUTH-ERR-4", age=5), "google", {"locale": "zh-CN"}),
        "google_retry": (shop.error("AUTH-ERR-5"), "google", {}),
        "google_validation": (validation, "google", {}),
        "plain_flat": (shop.error("AUTH-ERR-4", age=5), "flat", {}),
        "plain_nested": (shop.error("AUTH-ERR-4", age=5), "nested", {"id": 42}),
        "plain_flat_subs": (validation, "flat", {}),
    }


CASES = golden_cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name):
    error, profile, kwargs = CASES[name]
    rendered = render(error, profile, **kwargs)
    orjson.loads(rendered.body)
    check_golden(name, rendered.body)


def test_subquery_envelope_is_byte_for_byte_the_service():
    cat = example("subquery-indexer-proxy")
    rendered = render(cat.error(1051), "subquery")
    assert rendered.body == (
        b'{"code":1051,"error":"Daily limit: reach the max limit of agreement in 24h."}'
    )
    assert rendered.headers == (("Content-Type", "application/json"),)


def test_csghub_envelope_is_byte_for_byte_the_service():
    cat = example("csghub")
    rendered = render(cat.error("AUTH-ERR-4"), "csghub")
    message = cat.entry("AUTH-ERR-4").description
    expected = f'{{"code":"AUTH-ERR-4","msg":"{message}","data":null,"context":null}}'
    assert rendered.body == expected.encode()


def test_alchemy_and_zan_json_rpc_envelopes_match_their_examples():
    alchemy = example("alchemy")
    err = alchemy.error(429, space="jsonrpc")
    body = orjson.loads(render(err, "jsonrpc", id=1).body)
    assert body == {
        "jsonrpc": "2.0",
        "error": {"code": 429, "message": alchemy.get(429, "jsonrpc").message},
        "id": 1,
    }
    zan = example("zan")
    body = orjson.loads(render(zan.error(-32000), "jsonrpc", id=1).body)
    assert body == {
        "jsonrpc": "2.0",
        "error": {"code": -32000, "message": "Request unauthorized"},
        "id": 1,
    }


def test_json_rpc_http_status_follows_the_gateway(examples):
    zan = examples["zan"]
    assert render(zan.error(-32005), "jsonrpc").status == 403  # ZAN maps to HTTP statuses
    assert render(zan.error(-32001), "jsonrpc").status == 200  # listed under no status
    assert render(zan.error(-32005), jsonrpc_profile(http_200=True)).status == 200
    alchemy = examples["alchemy"]
    assert render(alchemy.error(-32602), "jsonrpc").status == 200  # Alchemy: always 200
    assert render(alchemy.error(429, space="http"), "jsonrpc").status == 429


def test_status_resolution_entry_module_space_default(shop):
    assert render(shop.error("AUTH-ERR-5"), "problem").status == 429  # entry
    assert render(shop.error("AUTH-ERR-4"), "problem").status == 401  # module
    assert render(shop.error(7, space="fields", field="x"), "problem").status == 400  # default
    assert render(shop.error("SYS-ERR-0"), "problem").status == 500  # internal_error entry
    assert render(shop.error("AUTH-ERR-4"), "nested").status == 200  # profile fixes it


def test_retry_after_header(shop):
    rendered = render(shop.error("AUTH-ERR-5"), "problem")
    assert dict(rendered.headers)["Retry-After"] == "30"
    assert (
        dict(render(shop.error("AUTH-ERR-4", retry_after=2.5), "jsonrpc").headers)["Retry-After"]
        == "3"
    )
    assert "Retry-After" not in dict(render(shop.error("AUTH-ERR-4"), "problem").headers)


def test_media_types(shop):
    err = shop.error("AUTH-ERR-4")
    assert render(err, "problem").media_type == "application/problem+json"
    assert dict(render(err, "google").headers)["Content-Type"] == "application/json"


def test_unexpected_exception_renders_the_internal_error_and_nothing_of_it(shop):
    exc = RuntimeError("password=hunter2")
    for profile in ("problem", "jsonrpc", "google", "flat"):
        rendered = render(exc, profile, catalog=shop)
        assert rendered.status == 500 or profile == "jsonrpc"
        assert b"hunter2" not in rendered.body
        assert b"SYS-ERR-0" in rendered.body
    generic = orjson.loads(render(exc, "problem").body)
    assert generic == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "Internal error",
    }
    assert orjson.loads(render(exc, "jsonrpc", id=3).body)["error"] == {
        "code": -32603,
        "message": "Internal error",
    }


def test_five_hundred_never_carries_internal_details(shop):
    try:
        try:
            raise OSError("db at 10.0.0.7 refused")
        except OSError as exc:
            raise shop.error("SYS-ERR-0", internal={"host": "10.0.0.7"}) from exc
    except errdex.Error as err:
        for profile in ("problem", "jsonrpc", "google", "flat", "nested"):
            assert b"10.0.0.7" not in render(err, profile).body


def test_about_blank_title_is_the_status_phrase():
    cat = errdex.loads(
        '[catalog]\nid = "x"\n[[errors]]\ncode = 1\nname = "one"\nhttp_status = 404\n'
    )
    body = orjson.loads(render(cat.error(1), "problem").body)
    assert body["type"] == "about:blank"
    assert body["title"] == "Not Found"


def test_batch(shop):
    rendered = render(
        [
            (shop.error("AUTH-ERR-4", age=1), 1),
            {"jsonrpc": "2.0", "result": 5, "id": 2},
            (ValueError("hidden"), 3),
        ],
        "jsonrpc",
        catalog=shop,
    )
    assert rendered.status == 200
    body = orjson.loads(rendered.body)
    assert [item["id"] for item in body] == [1, 2, 3]
    assert body[1]["result"] == 5
    assert body[2]["error"]["data"]["code"] == "SYS-ERR-0"
    assert b"hidden" not in rendered.body
    assert render([], "jsonrpc").status == 204


def test_unknown_profile_is_a_clear_error(shop):
    with pytest.raises(LookupError, match="no render profile 'nope'; profiles: problem, jsonrpc"):
        render(shop.error("AUTH-ERR-4"), "nope")


def test_every_entry_of_every_example_renders_in_every_profile(examples):
    count = 0
    for cat in examples.values():
        profiles = ["problem", "jsonrpc", "google", *cat.profiles]
        for entry in cat.entries:
            cls = cat.errors[entry.space, entry.code]
            err = cls(value="v")
            for profile in profiles:
                for locale in (None, *cat.meta.locales):
                    rendered = render(err, profile, locale=locale, id=1)
                    assert 100 <= rendered.status <= 599
                    body = orjson.loads(rendered.body)
                    assert body
                    count += 1
    assert count > 1000


def test_lone_surrogates_and_unserializable_values_still_give_json(shop):
    err = shop.error("AUTH-ERR-4", age="\ud800bad", data={1: object(), "big": 2**80}, note="\udfff")
    for profile in ("problem", "jsonrpc", "google", "flat", "nested"):
        rendered = render(err, profile, id="\ud800")
        orjson.loads(rendered.body)


def test_a_profile_can_be_any_callable(shop):
    def teapot(error, spec, message, texts, id):
        return errdex.Rendered(
            418, (("Content-Type", "text/plain"),), message.encode(), "text/plain"
        )

    rendered = render(shop.error("AUTH-ERR-4", age=1), teapot)
    assert (rendered.status, rendered.body) == (418, b"The token expired 1 seconds ago.")


def test_free_text_on_a_5xx_stays_in_the_logs(shop, examples):
    for cat, cls in (
        (shop, shop.errors.internalError),
        (examples["zan"], examples["zan"].errors["http", 500]),
    ):
        err = cls("db at 10.0.0.7 refused")
        assert "10.0.0.7" in str(err)  # the log line keeps it
        assert "10.0.0.7" not in err.message
        for profile in ("problem", "jsonrpc", "google", *cat.profiles):
            assert b"10.0.0.7" not in render(err, profile).body
    assert render(shop.errors.invalidJWT("Sign in again"), "problem").body.count(b"Sign in") == 1


def test_without_internal_error_an_exception_renders_as_the_catalogs_http_500(examples):
    for name in ("zan", "alchemy"):
        cat = examples[name]
        assert cat.meta.internal_error is None
        err = errdex.runtime.as_error(RuntimeError("boom"), cat)
        assert err.entry is cat.get(500, "http")
        body = orjson.loads(render(RuntimeError("boom"), "problem", catalog=cat).body)
        assert (body["status"], body["code"]) == (500, 500)
        assert body["detail"] == err.message


def test_without_any_500_entry_an_exception_still_renders_in_the_catalogs_profiles(examples):
    cat = examples["subquery-indexer-proxy"]
    rendered = render(KeyError("secret"), "subquery", catalog=cat)
    assert rendered.status == 500
    assert rendered.body == b'{"code":null,"error":"Internal error"}'
