"""``errdex.model.envelopes``: the JSON Schemas of the built-in profiles match what they send."""

from __future__ import annotations

import jsonschema
import orjson
import pytest

import errdex
from errdex.model.envelopes import SCHEMAS


def test_one_schema_per_built_in_profile() -> None:
    assert set(SCHEMAS) == {"problem", "jsonrpc", "google"}
    for schema in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("profile", sorted(SCHEMAS))
def test_every_rendered_error_of_the_shop_is_valid(shop, profile: str) -> None:
    for entry in shop.entries:
        if entry.is_removed:
            continue
        params = {name: 1 if p.type == "int" else "x" for name, p in entry.params.items()}
        err = errdex.runtime.error_of(shop, entry.code, space=entry.space, **params)
        body = orjson.loads(errdex.render(err, profile, id=1).body)
        jsonschema.validate(body, SCHEMAS[profile])


def test_a_body_missing_a_required_member_is_invalid(shop) -> None:
    body = orjson.loads(errdex.render(shop.error("AUTH-ERR-4", age=1), "jsonrpc", id=1).body)
    del body["error"]["code"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(body, SCHEMAS["jsonrpc"])
