"""``errdex conformance PATH -o FILE``: a catalog turned into test vectors.

:func:`make_vectors` lists the cases (``docs/wire.md`` §1) for one catalog and
fills each ``expect`` from the Python runtime, the reference implementation:

- every entry (removed ones excepted) × every profile it can use (problem,
  JSON-RPC, google and each plain profile the catalog declares) × every locale
  (none, each catalog locale, a weighted ``Accept-Language`` header, ``*``),
  with request ids;
- non-catalog exceptions, ``data``, sub-errors, JSON-RPC batches (and the empty one);
- hostile parameters: quotes, backslashes, newlines, control and bidi
  characters, CJK, emoji, a huge value, 2^53, floats, booleans;
- decode cases: every rendered response read back, unknown codes in every
  envelope, known message variants, both ``Retry-After`` forms, google
  ``RetryInfo``, and the responses of other servers (:mod:`.foreign`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from errdex.conformance import foreign
from errdex.conformance.reference import answer
from errdex.conformance.vectors import body_bytes, body_fields, header
from errdex.model import Catalog, Entry

HOSTILE: dict[str, Any] = {
    "quote": "say \"hi\" \\ 'x' </script> & {name} ${x} %s",
    "newline": "line one\nline two\r\n\ttabbed",
    "controls": "\x00\x01\x1f\x7f\u0085\u2028\u2029",
    "bidi": "abc\u202edcba\u2066x\u2069",
    "cjk": "身份验证令牌（JWT）格式错误",
    "emoji": "😀👍🏽👨‍👩‍👧 \U0001f1ef\U0001f1f5",
    "huge": "x" * 300 + "-end",
    "big_int": 2**53,
    "neg": -32768,
    "ratio": 1.5,
    "tenth": 0.1,
    "flag": False,
    "nothing": None,
}
"""Parameters no template, envelope or escaper may choke on."""

SAMPLE_VALUES = {"str": "sample", "int": 42, "float": 2.5, "bool": True}
PAST_DATES = (
    "Wed, 21 Oct 2015 07:28:00 GMT",
    "Wednesday, 21-Oct-15 07:28:00 GMT",
    "Wed Oct 21 07:28:00 2015",
)
"""``Retry-After`` HTTP-dates in the three RFC 9110 forms, all in the past (wait 0)."""
TWO_DIGIT_YEARS = (
    "Thursday, 21-Oct-55 07:28:00 GMT",
    "Sunday, 21-Oct-68 07:28:00 GMT",
    "Tuesday, 21-Oct-69 07:28:00 GMT",
)
"""RFC 850 dates whose two-digit year falls each side of the pivot: 2055, 2068, then 1969."""
CLOCK = 1_445_412_470
"""A decode case's ``now`` for :data:`PAST_DATES`: ten seconds before them (2015-10-21
07:27:50 GMT), so each case pins how a decoder reads a date against the caller's clock."""


def catalog_locales(catalog: Catalog) -> list[str]:
    """Every locale the catalog has texts in, the default first."""
    found = [catalog.meta.default_locale, *catalog.meta.locales]
    for entry in catalog.entries:
        found.extend(entry.translations)
    return list(dict.fromkeys(found))


def sample_params(entry: Entry) -> dict[str, Any]:
    """Parameters for an entry: one value of the declared type per parameter and placeholder."""
    from errdex.runtime.template import compile_template

    params: dict[str, Any] = {}
    for name in compile_template(entry.message or "").names:
        params[name] = f"<{name}>"
    for name, param in entry.params.items():
        params[name] = SAMPLE_VALUES.get(param.type or "str", "sample")
    return params


def _locales(catalog: Catalog) -> list[str | None]:
    found = catalog_locales(catalog)
    last = found[-1]
    return [None, *found, f"fr-CA;q=0.9, {last};q=0.5, *;q=0.1", "*"]


def _profiles(catalog: Catalog) -> list[str]:
    return ["problem", "jsonrpc", "google", *catalog.profiles]


def _render_cases(catalog: Catalog) -> Iterator[dict[str, Any]]:
    entries = [e for e in catalog.entries if e.status != "removed"]
    locales = _locales(catalog)
    for index, entry in enumerate(entries):
        params = sample_params(entry)
        base = {"code": entry.code, "space": entry.space, "params": params}
        for profile in _profiles(catalog):
            for lnum, locale in enumerate(locales):
                case = {"kind": "render", **base, "profile": profile, "locale": locale}
                case["id"] = (
                    None if lnum else (index + 1 if profile == "jsonrpc" else f"req-{index + 1}")
                )
                yield {"vector": f"render/{entry.space}/{entry.code}/{profile}/{lnum}", **case}
    if not entries:
        return
    first = entries[0]
    subs = [e for e in entries if e.space in _carried(catalog, first)] or entries[1:3]
    for profile in _profiles(catalog):
        yield {
            "vector": f"render/internal/{profile}",
            "kind": "render",
            "code": None,
            "profile": profile,
            "locale": None,
            "id": "req-boom",
        }
        for i, entry in enumerate(entries[:3]):
            yield {
                "vector": f"render/hostile/{i}/{profile}",
                "kind": "render",
                "code": entry.code,
                "space": entry.space,
                "params": HOSTILE,
                "profile": profile,
                "locale": None,
                "id": 'id "with" quotes\n',
            }
        yield {
            "vector": f"render/data/{profile}",
            "kind": "render",
            "code": first.code,
            "space": first.space,
            "data": {"k": [1, "two", None, {"nested": True}]},
            "profile": profile,
            "locale": None,
            "id": None,
        }
        if subs:
            items: list[dict[str, Any]] = [
                {"code": e.code, "space": e.space, "params": {"field": f"f{i}"}}
                for i, e in enumerate(subs[:2])
            ]
            items[0]["pointer"] = '#/items/0/q"ty~1é'  # a JSON pointer, escaped as JSON
            if len(items) > 1:
                items[-1]["parameter"] = "page"
            yield {
                "vector": f"render/subs/{profile}",
                "kind": "render",
                "code": first.code,
                "space": first.space,
                "sub_errors": items,
                "profile": profile,
                "locale": locales[-2],
                "id": None,
            }
    batch: list[dict[str, Any]] = [
        {"code": e.code, "space": e.space, "params": sample_params(e), "id": i + 1}
        for i, e in enumerate(entries[:3])
    ]
    batch.insert(1, {"response": {"jsonrpc": "2.0", "result": "0x1", "id": 99}})
    batch.append({"code": None, "id": "last"})
    yield {"vector": "render_batch/mixed", "kind": "render_batch", "items": batch, "locale": None}
    yield {
        "vector": "render_batch/localized",
        "kind": "render_batch",
        "items": batch[:2],
        "locale": locales[-2],
    }
    yield {"vector": "render_batch/empty", "kind": "render_batch", "items": [], "locale": None}


def _variant_renders(catalog: Catalog) -> Iterator[dict[str, Any]]:
    """Render cases for every known variant (the optional ``variant`` member of §1.2)."""
    entries = [e for e in catalog.entries if e.status != "removed"]
    locales = _locales(catalog)
    for entry in entries:
        for j, variant in enumerate(entry.variants):
            for profile in _profiles(catalog):
                for lnum, locale in ((0, None), (1, locales[-3])):
                    yield {
                        "vector": f"render/variant/{entry.space}/{entry.code}/{j}/{profile}/{lnum}",
                        "kind": "render",
                        "code": entry.code,
                        "space": entry.space,
                        "variant": variant.message,
                        "profile": profile,
                        "locale": locale,
                        "id": None,
                    }


def _carried(catalog: Catalog, entry: Entry) -> set[str]:
    return {s.id for s in catalog.spaces.values() if s.carried_in == entry.space}


def _decode(vector: str, status: Any, headers: Any, body: bytes, **extra: Any) -> dict[str, Any]:
    return {
        "vector": vector,
        "kind": "decode",
        "status": status,
        "headers": [list(h) for h in headers],
        **body_fields(body),
        **extra,
    }


def _unknown_cases(catalog: Catalog) -> Iterator[dict[str, Any]]:
    strings = [m.prefix for m in catalog.modules.values() if m.prefix]
    ranges = [m.range for m in catalog.modules.values() if m.range]
    codes: list[Any] = ["NO-SUCH-CODE-1", 987654321, -32099]
    codes += [p + "999999" for p in strings[:2]] + [r[1] for r in ranges[:2]]
    for i, code in enumerate(codes):
        text = f"unknown code {i}"
        for status in (400, 503, 200):
            bodies = {
                "problem": {
                    "type": "about:blank",
                    "title": "Bad",
                    "status": status,
                    "detail": text,
                    "code": code,
                },
                "jsonrpc": {
                    "jsonrpc": "2.0",
                    "error": {
                        "code": code if type(code) is int else -32000,
                        "message": text,
                        "data": {"code": code},
                    },
                    "id": 1,
                },
                "generic": {"code": code, "message": text},
            }
            for name, body in bodies.items():
                raw = _json(body)
                yield _decode(
                    f"decode/unknown/{i}/{status}/{name}",
                    status,
                    (("Content-Type", "application/json"),),
                    raw,
                )


def _json(value: Any) -> bytes:
    import orjson

    return orjson.dumps(value)


def _variant_cases(catalog: Catalog) -> Iterator[dict[str, Any]]:
    for entry in catalog.entries:
        for j, variant in enumerate(entry.variants):
            for k, text in enumerate(
                (variant.message, variant.message.upper() + ".", variant.message + ": 0xdeadbeef")
            ):
                rpc = entry.jsonrpc_code if entry.jsonrpc_code is not None else entry.code
                body = {"jsonrpc": "2.0", "error": {"code": rpc, "message": text}, "id": 1}
                yield _decode(
                    f"decode/variant/{entry.space}/{entry.code}/{j}/{k}",
                    200,
                    (("Content-Type", "application/json"),),
                    _json(body),
                )


def _retry_cases(catalog: Catalog) -> Iterator[dict[str, Any]]:
    entry = next((e for e in catalog.entries if e.status != "removed"), None)
    if entry is None:
        return
    values = ["7", " 120 ", "0", *PAST_DATES, "soon", "-5", "1.5", "99999999999999"]
    for status in (429, 503, 400):
        body = _json({"code": entry.code, "message": "slow down"})
        for i, value in enumerate(values):
            yield _decode(
                f"decode/retry-after/{status}/{i}",
                status,
                (("Content-Type", "application/json"), ("retry-after", value)),
                body,
            )
    body = _json({"code": entry.code, "message": "slow down"})
    for i, date in enumerate(PAST_DATES):  # the same dates, read against a given clock
        for j, offset in enumerate((0, 0.5, 9.5, 10, 3600)):
            yield _decode(
                f"decode/retry-after-now/{i}/{j}",
                503,
                (("Content-Type", "application/json"), ("Retry-After", date)),
                body,
                now=CLOCK + offset,
            )
    for i, date in enumerate(TWO_DIGIT_YEARS):  # RFC 850's YY on each side of the 69 pivot
        yield _decode(
            f"decode/retry-after-yy/{i}",
            503,
            (("Content-Type", "application/json"), ("Retry-After", date)),
            body,
            now=CLOCK,
        )
    for i, delay in enumerate(("3s", "1.5s", "0.000000001s", "forever")):
        body = _json(
            {
                "error": {
                    "code": 429,
                    "message": "Quota",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [
                        {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": delay}
                    ],
                }
            }
        )
        yield _decode(f"decode/retry-info/{i}", 429, (("Content-Type", "application/json"),), body)
    for i, (flag, after) in enumerate(((True, None), (False, 30), (None, 12.5), (False, None))):
        doc: dict[str, Any] = {
            "type": "about:blank",
            "title": "x",
            "status": 503,
            "code": entry.code,
        }
        if flag is not None:
            doc["retryable"] = flag
        if after is not None:
            doc["retry_after"] = after
        yield _decode(
            f"decode/body-retry/{i}",
            503,
            (("Content-Type", "application/problem+json"),),
            _json(doc),
        )


def _foreign_cases() -> Iterator[dict[str, Any]]:
    for sample in foreign.SAMPLES:
        yield _decode(
            f"decode/foreign/{sample.slug}",
            sample.status,
            sample.headers,
            sample.body,
            source=sample.source,
        )


VARIANT_RENDERS = True
"""Whether render cases with a ``variant`` are written (every language's driver sets
variants: Python ``variant=``, TypeScript ``{variant}``, Go ``WithVariant``, Rust
``with_variant``)."""


def make_cases(catalog: Catalog, *, variants: bool = VARIANT_RENDERS) -> list[dict[str, Any]]:
    """Every case for ``catalog``, each with its ``expect`` from the runtime."""
    cases: list[dict[str, Any]] = []
    renders = [*_render_cases(catalog), *(_variant_renders(catalog) if variants else ())]
    for case in renders:
        case["expect"] = answer(catalog, case)
        cases.append(case)
        kind = "decode" if case["kind"] == "render" else "decode_batch"
        got = case["expect"]
        back = {
            "vector": "decode/" + case["vector"],
            "kind": kind,
            "status": got["status"],
            "headers": got["headers"],
            **body_fields(body_bytes(got)),
        }
        back["expect"] = answer(catalog, back)
        cases.append(back)
    for case in (
        *_unknown_cases(catalog),
        *_variant_cases(catalog),
        *_retry_cases(catalog),
        *_foreign_cases(),
    ):
        case["expect"] = answer(catalog, case)
        cases.append(case)
    return cases


def make_vectors(catalog: Catalog) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The header and the cases of ``catalog``'s vectors file."""
    from errdex._version import __version__

    return header(catalog.meta.id, f"errdex {__version__}"), make_cases(catalog)


__all__ = ["HOSTILE", "catalog_locales", "make_cases", "make_vectors", "sample_params"]
