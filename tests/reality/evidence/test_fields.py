"""Field paths: the per-key-set plans of the picker find what the paths find."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.reality.evidence.fields import ROLES, Picker, fields

values = st.one_of(st.none(), st.integers(0, 600), st.text(max_size=4))
nested: Any = st.recursive(
    values,
    lambda inner: st.dictionaries(
        st.sampled_from(["code", "status", "body", "message", "statusCode", "response"]),
        inner,
        max_size=3,
    ),
    max_leaves=6,
)
KEYS = [
    "status",
    "http",
    "http.response.status_code",
    "response",
    "response.body",
    "res",
    "error",
    "error.code",
    "err",
    "errdex",
    "ts",
    "time",
    "body",
    "other",
]
records = st.dictionaries(st.sampled_from(KEYS), nested, max_size=6)
PATHS = [
    fields(),
    fields(["status=res.statusCode,http.response.status_code", "code=a.b.c,error.code"]),
]


@settings(max_examples=400, deadline=None)
@given(records, st.sampled_from(PATHS))
def test_the_picker_finds_what_each_role_finds(record: dict[str, Any], paths: Any) -> None:
    picker = Picker(paths)
    expected = [paths.get(record, role) for role in ROLES]
    assert picker.values(record) == expected
    assert picker.values(dict(record)) == expected  # the second time, from the cached plan


def test_anything_but_an_object_has_no_fields() -> None:
    assert Picker(fields()).values([1, 2]) == [None] * len(ROLES)
