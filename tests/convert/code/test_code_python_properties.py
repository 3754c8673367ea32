"""The embedded Python runtime against the errdex runtime, on generated inputs (hypothesis).

JSON bytes, message filling and locale negotiation are where two implementations
drift apart first; these compare the embedded copy with the reference on
arbitrary values.
"""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.convert.code.embedded import python as embedded
from errdex.convert.code.wire import template_parts
from errdex.runtime.locale import negotiate
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


tags = st.sampled_from(
    ["en", "en-US", "zh", "zh-CN", "zh-Hans-CN", "zh-TW", "no", "nb-NO", "fr", "de-AT", "*",
     "x-private", "EN_us", "i-klingon", "pt-BR", "sr-Latn-RS"]
)  # fmt: skip
weights = st.sampled_from(["", ";q=0", ";q=0.5", ";q=1", ";q=abc", ";q=0.001", ";level=1"])
headers = st.lists(st.tuples(tags, weights), max_size=5).map(
    lambda items: ", ".join(t + w for t, w in items)
)
available = st.lists(
    st.sampled_from(["en", "zh-CN", "zh-TW", "nb-NO", "fr-FR", "de", "pt"]),
    min_size=1,
    max_size=4,
    unique=True,
)


@settings(max_examples=400, deadline=None)
@given(headers, available)
def test_negotiation_picks_what_the_runtime_picks(header: str, locales: list[str]) -> None:
    assert embedded.negotiate(header, locales, locales[0]) == negotiate(header, locales, locales[0])
