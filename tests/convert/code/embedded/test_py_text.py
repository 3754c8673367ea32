"""The embedded Python runtime's JSON writer and message filling against the runtime (hypothesis).

JSON bytes and message filling are where two implementations drift apart first;
these compare the embedded copy with the reference on arbitrary values.
"""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.convert.code.embedded import py_text as embedded
from errdex.convert.code.wire import template_parts
from errdex.runtime.render import dumps
from errdex.runtime.template import compile_template

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_are_written_as_orjson_writes_them(value: float) -> None:
    assert embedded.dumps(value) == orjson.dumps(value)


@settings(max_examples=300, deadline=None)
@given(values)
def test_any_body_serialises_to_the_runtimes_bytes(value: Any) -> None:
    assert embedded.dumps(value) == dumps(value)


names = st.sampled_from(["a", "b", "name", "x1"])
pieces = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=5),
        names.map(lambda n: "{" + n + "}"),
        st.sampled_from(["{{", "}}", "{", "}", "{a.b}", "{}", "{ a }"]),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(pieces, st.dictionaries(names, scalars, max_size=3))
def test_templates_fill_like_the_runtime(parts: list[str], params: dict[str, Any]) -> None:
    source = "".join(parts)
    want = compile_template(source).render(params)
    assert embedded.fill(template_parts(source), params) == want
