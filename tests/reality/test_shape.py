"""The key shape of a body: the keys two levels deep, the error's own data left out."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.reality.shape import FREE, body_shape


def reference(body: Any) -> frozenset[str]:
    """The shape, spelled out key by key."""
    if isinstance(body, list):
        body = body[0] if body else None
    if not isinstance(body, dict):
        return frozenset()
    keys = set()
    for key, value in body.items():
        keys.add(str(key))
        if isinstance(value, dict) and key not in FREE:
            keys.update(f"{key}.{inner}" for inner in value)
    return frozenset(keys)


names = st.sampled_from(["error", "code", "message", "data", "params", "context", "status"])
json: Any = st.recursive(
    st.one_of(st.none(), st.integers(), st.text(max_size=3)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(names, inner, max_size=4)),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(json)
def test_the_shape_is_the_keys_two_levels_deep(body: Any) -> None:
    assert body_shape(body) == reference(body)


def test_the_shape_of_a_json_rpc_error_and_a_batch() -> None:
    one = {"jsonrpc": "2.0", "id": 1, "error": {"code": -1, "message": "m", "data": {"x": 1}}}
    assert body_shape(one) == {
        "jsonrpc",
        "id",
        "error",
        "error.code",
        "error.message",
        "error.data",
    }
    assert body_shape([one, {}]) == body_shape(one)
    assert body_shape({"code": 1, "params": {"age": 3}}) == {"code", "params"}
