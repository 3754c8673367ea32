"""The decode fast path (``errdex.runtime.decoding.fast``) gives what the pipeline gives,
attribute for attribute, for the bodies errdex renders and for any change to them."""

from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errdex
from catalogs import SHOP
from errdex.runtime.decode import _pipeline, _status, decode_index
from errdex.runtime.decoding.envelope import header_map
from errdex.runtime.decoding.fast import decode_dict

SHOP_CAT = errdex.loads(SHOP)
NOW = 1_445_412_470.0  # 2015-10-21 07:27:50 GMT: ten seconds before the dates below
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sent(profile: str) -> list[tuple[int, tuple[tuple[str, str], ...], bytes]]:
    out = []
    for entry in SHOP_CAT.entries:
        if entry.status == "removed":
            continue
        params = {name: "7" for name in entry.params}
        err = errdex.runtime.error_of(SHOP_CAT, entry.code, space=entry.space, **params)
        sent = errdex.render(err, profile, id=3)
        out.append((sent.status, sent.headers, sent.body))
    return out


RENDERED = _sent("problem") + _sent("jsonrpc")
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.sampled_from(["AUTH-ERR-4", "SHP-1", "application/problem+json", "Bad.", "2.0"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)
KEYS = ["code", "space", "name", "detail", "title", "type", "status", "params", "errors", "data"]
KEYS += ["retryable", "retry_after", "error", "jsonrpc", "message", "details", "instance"]


def state(err: Any) -> tuple[Any, ...]:
    """Everything an error holds: its class and every attribute it was given (a decoded
    unknown code's own spec by what it says)."""
    said = err.retryable, err.retry_after, err.message  # first: message caches its text
    held = dict(vars(err))
    spec = held.pop("_spec", None)
    if spec is not None:
        held["_spec"] = (spec.entry, spec.status, spec.title)
    return type(err), sorted(held.items()), said


def both(status: Any, headers: Any, body: Any, now: float | None = None) -> tuple[Any, Any]:
    """The fast path's error (None when it declines) and the pipeline's, for one JSON body."""
    index = decode_index(SHOP_CAT)
    fast = decode_dict(index, status, headers, orjson.loads(body), now, True)
    slow = _pipeline(index, _status(status), header_map(headers), orjson.loads(body), "", now)
    return fast, slow


def test_the_bodies_errdex_renders_take_the_fast_path():
    taken = 0
    for status, headers, body in RENDERED:
        fast, slow = both(status, dict(headers), body)
        if fast is not None:
            taken += 1
            assert state(fast) == state(slow), body
    # every problem body names a unique code or is ambiguous (then the pipeline chooses)
    assert taken >= len(RENDERED) * 3 // 4


@SETTINGS
@given(
    case=st.sampled_from(RENDERED),
    where=st.lists(st.tuples(st.sampled_from(KEYS), st.booleans(), json_values), max_size=3),
    status=st.sampled_from([None, 200, 401, 429, 503, 99, 600, True, "401"]),
    retry=st.sampled_from([None, "7", " 12 ", "soon", "Wed, 21 Oct 2015 07:28:00 GMT", ""]),
    content_type=st.sampled_from([None, "application/problem+json", "Application/JSON"]),
)
def test_fast_path_equals_pipeline_for_changed_bodies(case, where, status, retry, content_type):
    body = case[2]
    doc = orjson.loads(body)
    for key, inner, value in where:  # change a member at the top or inside error/data
        target = doc
        if inner and isinstance(doc.get("error"), dict):
            target = doc["error"]
            if isinstance(target.get("data"), dict) and key not in ("code", "message", "data"):
                target = target["data"]
        target[key] = value
    hdrs: dict[Any, Any] = {}
    if content_type is not None:
        hdrs["Content-Type"] = content_type
    if retry is not None:
        hdrs["retry-after"] = retry
    fast, slow = both(status, hdrs, orjson.dumps(doc), NOW)
    if fast is not None:
        assert state(fast) == state(slow)
    assert state(errdex.decode(status, hdrs, orjson.dumps(doc), catalog=SHOP_CAT, now=NOW)) == (
        state(slow)
    )


@pytest.mark.parametrize(
    "headers",
    [
        [("Content-Type", "application/problem+json"), ("Retry-After", "3")],
        {b"Retry-After": b"3", "content-type": "application/problem+json"},
        {"RETRY-AFTER": "3", "retry-after": "9"},  # the first of a repeated name counts
    ],
)
def test_headers_of_every_form_read_once(shop, headers):
    body = errdex.render(shop.error("AUTH-ERR-4", age=1), "problem").body
    pairs = list(headers.items()) if isinstance(headers, dict) else headers
    one_shot = iter(pairs)  # an iterator is read once, by the fast path and pipeline alike
    for given_headers in (headers, one_shot):
        err = errdex.decode(401, given_headers, body, catalog=shop)
        assert err.retry_after == 3 and err.retryable is True
    batch = errdex.runtime.decode_batch(401, iter(pairs), body, catalog=shop)
    assert batch[0] is not None and batch[0].retry_after == 3


def test_a_json_rpc_error_without_data_is_found_by_its_code(examples):
    alchemy = examples["alchemy"]
    body = b'{"jsonrpc":"2.0","error":{"code":-32000,"message":"already known"},"id":1}'
    err = errdex.decode(200, {}, body, catalog=alchemy)
    index = decode_index(alchemy)
    slow = _pipeline(index, 200, {}, orjson.loads(body), "", None)
    assert state(err) == state(slow) and err.entry is not None and err.variant is not None
