"""``errdex.runtime.profiles.plain``: the catalog's own ``[profiles.NAME]`` envelopes."""

from __future__ import annotations

import orjson
import pytest

import errdex
from errdex.runtime.profiles.plain import field_map, read_plain


def test_references_are_filled_and_literals_kept(shop) -> None:
    sent = errdex.render(shop.error("AUTH-ERR-4", age=3), "nested", id=5)
    assert sent.status == 200  # the profile's fixed status
    assert orjson.loads(sent.body) == {
        "ok": False,
        "cost": "$5",  # "$$" is a literal dollar
        "request": 5,
        "error": {
            "id": "AUTH-ERR-4",
            "text": "The token expired 3 seconds ago.",
            "help": "https://errors.example.com/shop/AUTH-ERR-4",
        },
    }
    flat = errdex.render(shop.error("AUTH-ERR-4", age=3), "flat")
    assert flat.status == 401 and orjson.loads(flat.body)["msg"].startswith("The token")


def test_field_map_says_where_each_reference_sits(shop) -> None:
    assert field_map(shop.profiles["nested"].body) == {
        "id": ("request",),
        "code": ("error", "id"),
        "message": ("error", "text"),
        "docs_url": ("error", "help"),
    }
    assert field_map({"a": ["x", "$code"]}) == {"code": ("a", 1)}


def test_read_plain_picks_the_profile_that_fits_best(shop) -> None:
    flat = {"code": "AUTH-ERR-4", "msg": "m", "data": None, "context": None}
    name, fields = read_plain(flat, shop)
    assert name == "flat" and (fields["code"], fields["message"]) == ("AUTH-ERR-4", "m")
    nested = orjson.loads(errdex.render(shop.error("AUTH-ERR-4", age=3), "nested", id=5).body)
    name, fields = read_plain(nested, shop)
    assert name == "nested" and fields["id"] == 5 and fields["code"] == "AUTH-ERR-4"
    assert read_plain({"unrelated": 1}, shop) is None


def test_an_unknown_profile_name_is_a_clear_error(shop) -> None:
    with pytest.raises(Exception, match="nope"):
        errdex.render(shop.error("AUTH-ERR-4", age=3), "nope")
