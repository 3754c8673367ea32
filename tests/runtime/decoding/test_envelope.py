"""The decode pipeline (``errdex.runtime.decoding``): each step on its own, and the
envelope a decoded error names (``err.envelope``)."""

from __future__ import annotations

import orjson
import pytest

import errdex
from errdex.runtime.decode import decode_index
from errdex.runtime.decoding.envelope import UNPARSED, header_map, parse_body, recognise
from errdex.runtime.decoding.match import fallback_class, find_entry


@pytest.mark.parametrize("profile", ["problem", "jsonrpc", "google"])
def test_envelope_of_each_builtin_profile(shop, profile):
    sent = errdex.render(shop.error("AUTH-ERR-4", age=2), profile, id=3)
    err = errdex.decode(sent.status, sent.headers, sent.body, catalog=shop)
    assert err.envelope == profile and err.code == "AUTH-ERR-4"


def test_envelope_of_plain_generic_and_no_json(shop):
    for name in shop.profiles:
        sent = errdex.render(shop.error("AUTH-ERR-4", age=2), name)
        assert errdex.decode(sent.status, sent.headers, sent.body, catalog=shop).envelope == name
    bare = errdex.loads('[catalog]\nid = "bare"\n[[errors]]\ncode = 7\nmessage = "Seven."\n')
    generic = orjson.dumps({"code": 7, "msg": "x"})
    assert errdex.decode(400, {}, generic, catalog=bare).envelope == "generic"
    assert errdex.decode(502, {}, b"<html>bad gateway</html>", catalog=shop).envelope is None


def test_steps_run_one_after_another(shop):
    index = decode_index(shop)
    assert decode_index(shop) is index  # precomputed once per catalog
    hdrs = header_map([(b"Content-Type", b"application/problem+json"), ("Retry-After", "3")])
    assert hdrs == {"content-type": "application/problem+json", "retry-after": "3"}
    body, text = parse_body(orjson.dumps({"code": "AUTH-ERR-4", "detail": "d", "status": 401}))
    wire = recognise(index, None, hdrs, body, text)
    assert wire.envelope == "problem" and wire.status == 401 and wire.fields["header_retry"] == 3
    entry = find_entry(index, wire.fields, wire.status)
    assert entry is not None and entry.code == "AUTH-ERR-4"
    assert parse_body(b"<html>")[0] is UNPARSED
    unknown = fallback_class(index, "AUTH-ERR-999", None, 401, False)
    assert unknown is shop.module_error("auth")
