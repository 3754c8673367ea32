"""Property tests: any parameters, template text, locale header or response → no exception,
and every rendered body is valid JSON."""

from __future__ import annotations

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import errdex
from catalogs import SHOP
from errdex.model import CatalogMeta, Entry, Space, Translation
from errdex.runtime import decode, render

SHOP_CAT = errdex.loads(SHOP)
PROFILES = ("problem", "jsonrpc", "google", "flat", "nested")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Weird:
    def __str__(self) -> str:
        raise RuntimeError("no str for you")


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.binary(max_size=50),
    st.just(Weird()),
    st.just(object()),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
param_names = st.text(min_size=1, max_size=12).filter(
    lambda n: n not in errdex.runtime.errors.OPTIONS
)


def valid(rendered: errdex.Rendered) -> None:
    assert 100 <= rendered.status <= 599
    assert all(type(k) is str and type(v) is str for k, v in rendered.headers)
    orjson.loads(rendered.body)


@SETTINGS
@given(params=st.dictionaries(param_names, values, max_size=5), data=values)
def test_any_parameters_render_to_valid_json(params, data):
    for code in ("AUTH-ERR-4", "REQ-ERR-1"):
        err = SHOP_CAT.error(code, params=params, data=data)
        for profile in PROFILES:
            valid(render(err, profile, id=data if isinstance(data, (int, str)) else None))
        str(err)
        repr(err)


def _catalog(message: str, translated: str) -> errdex.Catalog:
    entry = Entry(
        code=1,
        key=1,
        space="app",
        name="one",
        message=message,
        translations={"zh-CN": Translation(message=translated)},
    )
    meta = CatalogMeta(id="prop", locales=("en", "zh-CN"), docs_url="https://x/{code}")
    return errdex.Catalog(meta, {"app": Space("app")}, {}, [entry])


@SETTINGS
@given(
    message=st.text(max_size=80),
    translated=st.text(max_size=80),
    params=st.dictionaries(param_names, values, max_size=3),
)
def test_any_template_text_renders_to_valid_json(message, translated, params):
    cat = _catalog(message, translated)
    err = cat.error(1, params=params)
    for profile in ("problem", "jsonrpc", "google"):
        for locale in (None, "zh-CN"):
            valid(render(err, profile, locale=locale))


@SETTINGS
@given(header=st.text(max_size=200))
def test_any_accept_language_header_renders(header):
    err = SHOP_CAT.error("AUTH-ERR-4", age=3)
    for profile in PROFILES:
        valid(render(err, profile, locale=header))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "code",
                    "message",
                    "error",
                    "data",
                    "status",
                    "details",
                    "jsonrpc",
                    "detail",
                    "type",
                    "title",
                    "space",
                    "params",
                    "errors",
                    "@type",
                    "metadata",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@SETTINGS
@given(
    status=st.one_of(st.none(), st.integers(-5, 700)), body=json_values, raw=st.binary(max_size=100)
)
def test_decode_never_raises(status, body, raw):
    for payload in (orjson.dumps(body), raw):
        err = decode(status, {"retry-after": "x"}, payload, catalog=SHOP_CAT)
        assert isinstance(err, errdex.Error)
        valid(render(err, "problem"))
        valid(render(err, "jsonrpc"))


def _full_path_twin(err: errdex.Error) -> errdex.Error:
    """The same error with one attribute set that changes no envelope (``context`` is not
    rendered by problem or JSON-RPC): it takes the full dict + orjson path."""
    twin = type(err)(params=dict(err.params))
    twin.context = None
    return twin


short_text = st.text(max_size=300)
fast_values = st.one_of(
    short_text, st.integers(), st.floats(), st.booleans(), st.none(), st.binary(max_size=5)
)


@SETTINGS
@given(
    code=st.sampled_from(["AUTH-ERR-4", "AUTH-ERR-5", "REQ-ERR-1", "SYS-ERR-0", ("fields", 7)]),
    params=st.one_of(
        st.dictionaries(st.sampled_from(["age", "user", "count", "field", "x"]), fast_values),
        st.dictionaries(param_names, short_text, max_size=3),
    ),
    request_id=st.one_of(st.none(), st.integers(), short_text, st.just(2**70)),
)
def test_fast_path_bytes_equal_the_full_path(code, params, request_id):
    space, code = code if type(code) is tuple else (None, code)
    for profile in ("problem", "jsonrpc"):
        for _ in range(2):  # the first render of a class precomputes, the second splices
            err = SHOP_CAT.error(code, space=space, params=params)
            fast = render(err, profile, id=request_id)
            full = render(_full_path_twin(err), profile, id=request_id)
            assert fast == full


@SETTINGS
@given(message=st.text(max_size=60), value=short_text, request_id=st.one_of(st.none(), short_text))
def test_fast_path_bytes_equal_the_full_path_for_any_template(message, value, request_id):
    cat = _catalog(message + "{v}", message)
    for profile in ("problem", "jsonrpc"):
        for _ in range(2):
            err = cat.error(1, v=value)
            assert render(err, profile, id=request_id) == render(
                _full_path_twin(err), profile, id=request_id
            )


@SETTINGS
@given(
    lead=st.text(max_size=20),
    middle=st.text(max_size=20),
    params=st.one_of(
        st.fixed_dictionaries({"a": short_text, "b": short_text}),
        st.fixed_dictionaries({"b": short_text, "a": short_text}),
        st.dictionaries(st.sampled_from(["a", "b", "c"]), fast_values, max_size=3),
    ),
    request_id=st.one_of(st.none(), st.integers(), short_text),
    locale=st.sampled_from([None, "zh-CN", "zh-CN,zh;q=0.9,en;q=0.8", "fr"]),
)
def test_fast_path_bytes_equal_the_full_path_for_two_placeholders_and_locales(
    lead, middle, params, request_id, locale
):
    """The unrolled fronts (static, one and two placeholders) and the per-locale
    renderers give the bytes and headers of the full path."""
    for message in (lead, lead + "{a}" + middle, lead + "{a}" + middle + "{b}."):
        cat = _catalog(message, middle + "{b}" + lead + "{a}")
        for profile in ("problem", "jsonrpc"):
            for _ in range(2):  # the first render of a class precomputes, the second splices
                err = cat.error(1, params=params)
                fast = render(err, profile, id=request_id, locale=locale)
                assert fast == render(_full_path_twin(err), profile, id=request_id, locale=locale)
