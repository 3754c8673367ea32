"""The attack suite, generated: hypothesis throws hostile catalogs, responses and objects.

- **load**: catalog text in TOML, JSON and YAML built from a valid catalog with
  hostile values put anywhere (integers of every size and base, NaN and
  infinity, control, bidi and escape characters, braces, huge digit strings,
  repeated keys, deep nesting). ``errdex.loads`` gives a catalog or raises
  :class:`errdex.CatalogError` with located diagnostics — never anything else;
  a catalog it gives is usable: exported, checked, every entry rendered in
  every profile and decoded back to its code.
- **decode**: any status, headers and body (bytes, text, parsed JSON) give an
  :class:`errdex.Error` with a usable code and retry hint; never an exception.
- **render**: parameters, data, context and ids whose ``__str__``,
  ``__format__``, ``__float__`` … raise, integers beyond any printer, NaN, nested
  containers: the body is JSON; bad options fail at the call as the documented
  ``TypeError``/``ValueError`` naming the option.

Runs are derandomized (the same examples in every CI run) and bounded:
:data:`EXAMPLES` examples per test, no deadline.
"""

from __future__ import annotations

import json
import math
from typing import Any

import orjson
import tomlkit
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import errdex
from data_paths import value_paths
from errdex.check import check_catalog
from errdex.io import CatalogError, reads
from errdex.io.export import to_json

EXAMPLES = 40
ATTACK = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILES = ("problem", "jsonrpc", "google")

BASE: dict[str, Any] = {
    "catalog": {
        "id": "attack",
        "title": "Attack",
        "default_locale": "en",
        "locales": ["en", "de"],
        "docs_url": "https://errors.example.com/{code}",
        "internal_error": "SYS-1",
    },
    "modules": {"auth": {"title": "Auth", "prefix": "AUTH-", "http_status": 401}},
    "profiles": {"flat": {"body": {"code": "$code", "msg": "$message"}}},
    "errors": [
        {
            "code": "AUTH-1",
            "module": "auth",
            "name": "tokenExpired",
            "message": "Token expired {age} seconds ago.",
            "description": "The token is too old.",
            "retryable": False,
            "translations": {"de": {"message": "Token vor {age} Sekunden abgelaufen."}},
        },
        {"code": 1054, "name": "busy", "message": "Busy.", "http_status": 429, "retry_after": 5},
        {"code": "SYS-1", "name": "internal", "message": "Internal error.", "http_status": 500},
        {
            "code": 7,
            "name": "gone",
            "status": "removed",
            "replaced_by": 1054,
            "reason": "merged",
        },
    ],
}

# -- hostile values ------------------------------------------------------------------

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "\x1b[31mred\x1b]8;;http://x\x07",
    "a\r\nX-Injected: 1",
    "\u202eevil\u2066",
    "{",
    "}",
    "{name",
    "{1x}",
    "{{}}",
    "9" * 5000,
    "x" * 20_000,
    "../../etc/passwd",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
]
huge_ints = st.sampled_from(
    [2**31, -(2**31) - 1, 2**53, 2**53 + 1, 2**63, 2**64, -(2**64), 10**30, 2**1100]
)
hostile_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    huge_ints,
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=30),
)
hostile_values = st.recursive(
    hostile_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def hostile_catalogs(draw: st.DrawFn) -> dict[str, Any]:
    """:data:`BASE` with one to four of its values (or new keys) replaced by hostile ones."""
    data = json.loads(json.dumps(BASE))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        path = draw(st.sampled_from(value_paths(data)))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        if isinstance(parent, dict) and draw(st.booleans()):
            key = draw(st.sampled_from([*parent, "code", "message", "http_status", "x"]))
            parent[key] = draw(hostile_values)
        else:
            parent[path[-1]] = draw(hostile_values)
    return data


def _as_text(data: dict[str, Any], fmt: str) -> str | None:
    """``data`` written in ``fmt``; None where the format cannot say it (TOML has no null)."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False)  # NaN and huge integers as Python writes them
    if fmt == "yaml":
        return yaml.dump(
            data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True
        )
    try:
        return tomlkit.dumps(data)
    except Exception:
        return None


TEXT_ATTACKS = ["", "dup", "hex", "digits", "nan"]
"""Attacks on the text itself: none, a key written twice, an integer as a huge hexadecimal
literal, a string code of 5,000 digits, a NaN where a number belongs."""


def _attacked(text: str, fmt: str, attack: str) -> str:
    if attack == "dup":
        if fmt == "json":
            return text.replace('"name": ', '"name": "twice", "name": ', 1)
        if fmt == "yaml":
            return text.replace("\n  name: ", "\n  name: twice\n  name: ", 1)
        return text.replace("\nname = ", '\nname = "twice"\nname = ', 1)
    if attack == "hex" and fmt != "json":  # 20,000 bits: more digits than str() prints
        return text.replace("1054", "0x" + "f" * 5000)
    if attack == "digits":
        return text.replace("AUTH-1", "9" * 5000)
    if attack == "nan":
        nan = {"json": "NaN", "yaml": ".nan", "toml": "nan"}[fmt]
        return text.replace("429", nan, 1)
    return text


def _located(diagnostics: list[Any]) -> None:
    for d in diagnostics:
        assert d.rule.id and d.message and d.location
        line, col = d.position
        assert line >= 0 and col >= 0
        orjson.dumps(d.to_dict())


def _usable(catalog: errdex.Catalog) -> None:
    """Everything a consumer does with a loaded catalog works."""
    orjson.loads(to_json(catalog))
    _located(check_catalog(catalog))
    for entry in catalog.entries:
        if entry.status == "removed":
            continue
        err = catalog.error(entry.code, space=entry.space)
        for profile in (*PROFILES, *catalog.profiles):
            sent = errdex.render(err, profile, locale="de")
            orjson.loads(sent.body)
            assert all("\r" not in v and "\n" not in v for _, v in sent.headers)
        back = errdex.render(err, "problem")
        decoded = errdex.decode(back.status, back.headers, back.body, catalog=catalog)
        assert decoded.entry is not None and decoded.entry.key == entry.key


@settings(ATTACK, max_examples=3 * EXAMPLES)
@given(
    data=hostile_catalogs(),
    fmt=st.sampled_from(("toml", "json", "yaml")),
    attack=st.sampled_from(TEXT_ATTACKS),
)
def test_a_hostile_catalog_loads_usable_or_is_refused_with_located_diagnostics(
    data: dict[str, Any], fmt: str, attack: str
) -> None:
    text = _as_text(data, fmt)
    if text is None:
        return
    text = _attacked(text, fmt, attack)
    _catalog, diagnostics = reads(text, fmt)  # the lenient read: what check and fmt see
    _located(diagnostics)
    if _catalog is not None:
        _located(check_catalog(_catalog))
    try:
        catalog = errdex.loads(text, fmt)
    except CatalogError as exc:
        assert exc.diagnostics
        _located(exc.diagnostics)
        return
    _usable(catalog)


# -- decode ----------------------------------------------------------------------------

SHOP = errdex.loads(json.dumps(BASE), "json")

json_bodies = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**64 - 1),
        st.floats(allow_nan=False),
        st.sampled_from(HOSTILE_TEXT),
        st.sampled_from(["AUTH-1", "1054", "SYS-1", "7", "9" * 5000]),
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["code", "error", "message", "detail", "status", "data", "type", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=10,
)
header_values = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["120", "-5", "nan", "inf", "1e400", "9" * 5000, "Wed, 21 Oct 2015 07:28:00 GMT"]
    ),
)
headers = st.one_of(
    st.none(),
    st.dictionaries(
        st.sampled_from(["Content-Type", "Retry-After", "content-language", "X-Error-Code", "x"]),
        header_values,
        max_size=4,
    ),
    st.lists(st.tuples(st.text(max_size=12), header_values), max_size=4),
)
HOSTILE_CODES = [
    "AUTH-1",
    "auth-1",
    "1054",
    1054,
    "SYS-1",
    7,
    "9" * 5000,
    2**64,
    -(2**63),
    "",
    " ",
    "\x00",
    1.5,
    True,
    None,
    [],
    {},
]
envelopes = st.one_of(
    st.fixed_dictionaries(
        {"code": st.sampled_from(HOSTILE_CODES)},
        optional={"message": json_bodies, "detail": json_bodies, "status": json_bodies},
    ),
    st.fixed_dictionaries(
        {
            "error": st.fixed_dictionaries(
                {"code": st.sampled_from(HOSTILE_CODES)},
                optional={"message": json_bodies, "data": json_bodies},
            )
        },
        optional={"jsonrpc": st.just("2.0"), "id": json_bodies},
    ),
)
bodies = st.one_of(
    envelopes,
    envelopes.map(lambda b: json.dumps(b).encode()),  # big integers as JSON writes them
    st.binary(max_size=200),
    st.text(max_size=200),
    json_bodies,
    json_bodies.map(lambda b: orjson.dumps(b)),
)
statuses = st.one_of(
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, 200, 429, 500, 503, 999]),
)


@settings(ATTACK, max_examples=3 * EXAMPLES)
@given(status=statuses, headers=headers, body=bodies)
@example(status=400, headers=None, body={"code": "9" * 5000})  # found: int() of 5,000 digits
@example(status=None, headers={"Retry-After": "9" * 5000}, body=b'{"code": "AUTH-1"}')
def test_decode_of_any_response_gives_a_usable_error(status: Any, headers: Any, body: Any) -> None:
    err = errdex.decode(status, headers, body, catalog=SHOP)
    assert isinstance(err, errdex.Error)
    assert err.code is None or type(err.code) in (int, str)
    assert err.retryable in (True, False, None)
    wait = err.retry_after
    assert wait is None or (math.isfinite(wait) and wait >= 0)
    str(err)
    repr(err)
    for profile in PROFILES:
        orjson.loads(errdex.render(err, profile).body)


# -- render ----------------------------------------------------------------------------


class Hostile:
    """Every conversion a renderer might try raises."""

    def __str__(self) -> str:
        raise RuntimeError("str")

    def __repr__(self) -> str:  # hypothesis shows failing examples with repr
        return "Hostile()"

    def __format__(self, spec: str) -> str:
        raise RuntimeError("format")

    def __float__(self) -> float:
        raise RuntimeError("float")

    def __int__(self) -> int:
        raise RuntimeError("int")

    def __index__(self) -> int:
        raise RuntimeError("index")

    def __bool__(self) -> bool:
        raise RuntimeError("bool")

    def __len__(self) -> int:
        raise RuntimeError("len")

    def __iter__(self) -> Any:
        raise RuntimeError("iter")

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("eq")

    __hash__ = object.__hash__


class NoRepr(Hostile):
    """Hostile, and ``repr`` raises too (shown by hypothesis only if a test fails)."""

    def __repr__(self) -> str:
        raise RuntimeError("repr")


class HostileStr(str):
    """A str subclass whose methods lie or raise."""

    def __str__(self) -> str:
        raise RuntimeError("str")

    def encode(self, *args: Any, **kwargs: Any) -> bytes:  # type: ignore[override]
        raise RuntimeError("encode")


render_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**64, -(2**100)]),
    st.builds(pow, st.just(2), st.just(20_000)),  # beyond what str() prints
    st.builds(pow, st.just(10), st.just(5000)),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(HOSTILE_TEXT),
    st.binary(max_size=20),
    st.builds(Hostile),
    st.builds(NoRepr),
    st.builds(HostileStr, st.text(max_size=5)),
    st.just(object()),
)
render_values = st.recursive(
    render_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
OPTION_VALUES = {
    "retry_after": st.one_of(render_scalars, st.sampled_from([-1, 0, 2.5, "5", "5; x", 10**30])),
    "retryable": st.one_of(render_scalars, st.sampled_from(["no", 0, 1])),
    "sub_errors": st.one_of(
        render_values,
        st.lists(
            st.dictionaries(st.sampled_from(["pointer", "detail", "parameter"]), render_scalars),
            max_size=2,
        ),
    ),
}


@ATTACK
@given(
    age=render_values,
    data=render_values,
    context=render_values,
    rid=render_values,
    locale=st.one_of(st.none(), st.sampled_from(HOSTILE_TEXT), st.builds(Hostile)),
    code=st.sampled_from(["AUTH-1", 1054, "SYS-1"]),
)
def test_hostile_objects_render_to_json(
    age: Any, data: Any, context: Any, rid: Any, locale: Any, code: Any
) -> None:
    err = SHOP.error(code, age=age, data=data, context=context)
    for profile in (*PROFILES, "flat"):
        sent = errdex.render(err, profile, id=rid, locale=locale)
        assert 100 <= sent.status <= 599
        orjson.loads(sent.body)
        for name, value in sent.headers:
            assert type(name) is str and type(value) is str
            assert "\r" not in value and "\n" not in value and "\x00" not in value
    str(err)
    repr(err)


@ATTACK
@given(option=st.sampled_from(sorted(OPTION_VALUES)), data=st.data())
def test_a_bad_option_fails_at_the_call_naming_it(option: str, data: st.DataObject) -> None:
    value = data.draw(OPTION_VALUES[option])
    try:
        err = SHOP.error(1054, **{option: value})
    except (TypeError, ValueError) as exc:
        assert option in str(exc)
        return
    for profile in PROFILES:
        sent = errdex.render(err, profile)
        orjson.loads(sent.body)
        retry = dict(sent.headers).get("Retry-After")
        assert retry is None or retry.isdigit()
