"""Vectors the generated Go, Rust and TypeScript must answer like the Python runtime.

:func:`vectors` builds, for one catalog, cases in the format of ``docs/wire.md``
section 1 — render cases (entries × every profile × no locale, each catalog
locale and an ``Accept-Language`` header; hostile parameters, ids, data,
sub-errors, a plain exception, JSON-RPC batches) and decode cases (every
rendered response, with and without its status; bodies from other servers,
``Retry-After`` in both forms, batches) — each with its ``expect`` computed
right here by ``errdex.render`` / ``errdex.decode``: the reference every
driver is compared with, case by case.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import errdex
from errdex.model import Catalog
from errdex.runtime.decode import decode_batch

NOW = 1767225600
"""The clock decode cases run at (2026-01-01), so HTTP-date ``Retry-After`` is exact."""

HOSTILE: tuple[Any, ...] = (
    'quote " backslash \\ slash / <b>&amp;</b>',
    "new\nline\ttab\r\x00\x1f\x7f",
    "中文 «ü» emoji 🎉 \u2028 \u202e bidi",
    "x" * 300,
    2**53,
    -(2**53),
    1.5,
    1e-7,
    1e16,
    True,
    0,
)
"""Parameter values from the issue's list: quotes, controls, CJK, emoji, huge values."""

OTHER_SERVERS: tuple[tuple[int | None, list[list[str]], str], ...] = (
    (502, [["Content-Type", "text/html"]], "<html><body>Bad gateway</body></html>"),
    (503, [["Retry-After", "120"]], ""),
    (429, [["Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT"]], '{"code": 429, "message": "slow"}'),
    (429, [["retry-after", "Wednesday, 31-Dec-25 23:59:00 GMT"]], "busy"),
    (503, [["Retry-After", "Thu Jan  1 00:01:00 2026"]], "{}"),
    (None, [], '{"error": "nope"}'),
    (404, [], '{"code": "NOPE-1", "msg": "who knows"}'),
    (200, [], '[{"jsonrpc": "2.0", "result": 1, "id": 1}]'),
    (400, [], '{"jsonrpc":"2.0","error":{"code":-32099,"message":"custom"},"id":3}'),
    (200, [], '{"jsonrpc":"2.0","error":{"code":-32000,"message":"already known"},"id":3}'),
    (500, [], '{"type":"about:blank","title":"Oops","status":500}'),
    (
        400,
        [],
        '{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT","details":['
        '{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"1.500s"}]}}',
    ),
    (None, [], "not json at all"),
    (418, [], '{"code": 987654321, "detail": "nobody knows", "retryable": true}'),
    (None, [], '{"code": "1051", "error": "x", "retry_after": 2.5}'),
    (401, [], '{"code": 3.5, "message": "odd"}'),
)
"""Bodies no errdex renderer wrote: HTML, empty, dates, foreign envelopes, unknown codes."""


def entry_label(entry: Any) -> str:
    """How a decode result names an entry: its name, else its code as a string."""
    return entry.name if entry.name else str(entry.code)


def _error(catalog: Catalog, item: dict[str, Any]) -> BaseException:
    if item.get("code") is None:
        return RuntimeError("boom")
    options: dict[str, Any] = {}
    if "data" in item:
        options["data"] = item["data"]
    subs = [_error(catalog, s) for s in item.get("sub_errors", ())]
    if subs:
        options["sub_errors"] = subs
    params = {k: v for k, v in item.get("params", {}).items() if v is not None}
    return catalog.error(item["code"], space=item.get("space"), params=params, **options)


def _response(done: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"status": done.status, "headers": [list(h) for h in done.headers]}
    try:
        out["body"] = done.body.decode("utf-8")
    except UnicodeDecodeError:
        out["body_b64"] = base64.b64encode(done.body).decode()
    return out


def _render(catalog: Catalog, case: dict[str, Any]) -> dict[str, Any]:
    done = errdex.render(
        _error(catalog, case),
        case["profile"],
        locale=case.get("locale"),
        id=case.get("id"),
        catalog=catalog,
    )
    return {**case, "expect": _response(done)}


def _decoded(err: Any) -> dict[str, Any]:
    return {
        "code": err.code,
        "space": err.space,
        "entry": entry_label(err.entry) if err.entry is not None else None,
        "variant": err.variant.message if err.variant is not None else None,
        "message": err.message,
        "status": err.status,
        "params": dict(err.params),
        "retryable": err.retryable,
        "retry_after": err.retry_after,
        "sub_errors": [_decoded(s) for s in err.sub_errors],
    }


def _decode(catalog: Catalog, case: dict[str, Any]) -> dict[str, Any]:
    import time
    from unittest import mock

    headers = [tuple(h) for h in case["headers"]]
    body = case["body"].encode()
    with mock.patch.object(time, "time", return_value=float(NOW)):
        if case["kind"] == "decode_batch":
            items = decode_batch(case["status"], headers, body, catalog=catalog)
            expect: dict[str, Any] = {"items": [None if e is None else _decoded(e) for e in items]}
        else:
            expect = _decoded(errdex.decode(case["status"], headers, body, catalog=catalog))
    return {**case, "now": NOW, "expect": expect}


def _sample(entries: list[Any], limit: int | None) -> list[Any]:
    if limit is None or len(entries) <= limit:
        return entries
    step = len(entries) / limit
    return [entries[int(i * step)] for i in range(limit)]


def render_cases(catalog: Catalog, limit: int | None = None) -> list[dict[str, Any]]:
    """Render cases (without ``expect``) for a sample of ``limit`` entries (None: all)."""
    profiles = ["problem", "jsonrpc", "google", *catalog.profiles]
    entries = _sample([e for e in catalog.entries if e.status != "removed"], limit)
    locales: list[str | None] = [None, *dict.fromkeys([catalog.meta.default_locale, "zh", "fr"])]
    locales += ["zh-Hans-CN;q=0.9, en;q=0.5, *;q=0.1", "en;q=0, *", ""]
    out: list[dict[str, Any]] = []
    for n, e in enumerate(entries):
        base = {"kind": "render", "code": e.code, "space": e.space}
        for profile in profiles:
            for locale in locales:
                vid = f"render/{e.space}/{e.code}/{profile}/{locale}"
                out.append(
                    {
                        **base,
                        "vector": vid,
                        "params": {},
                        "profile": profile,
                        "locale": locale,
                        "id": None,
                    }
                )
            value = HOSTILE[n % len(HOSTILE)]
            params = {"field": value, "n": n, "why": HOSTILE[(n + 3) % len(HOSTILE)], "no": None}
            out.append(
                {
                    **base,
                    "vector": f"render/{e.space}/{e.code}/{profile}/params",
                    "params": params,
                    "profile": profile,
                    "locale": None,
                    "id": [n, "req-7", None, "x\ny"][n % 4],
                }
            )
            for k in range(len(HOSTILE)) if e.params else ():  # declared: every kind of value
                declared = {p: HOSTILE[(k + i) % len(HOSTILE)] for i, p in enumerate(e.params)}
                out.append(
                    {
                        **base,
                        "vector": f"render/{e.space}/{e.code}/{profile}/declared/{k}",
                        "params": declared,
                        "profile": profile,
                        "locale": [None, "zh-CN"][k % 2],
                        "id": "r",
                    }
                )
    if len(entries) >= 3:
        parent, a, b = entries[0], entries[1], entries[2]
        subs = [
            {"code": a.code, "space": a.space, "params": {"field": "name"}},
            {"code": b.code, "space": b.space, "params": {}},
        ]
        for profile in profiles:
            common = {"kind": "render", "profile": profile, "locale": None, "id": 7}
            out.append(
                {
                    **common,
                    "vector": f"render/subs/{profile}",
                    "code": parent.code,
                    "space": parent.space,
                    "params": {},
                    "sub_errors": subs,
                }
            )
            out.append(
                {
                    **common,
                    "vector": f"render/data/{profile}",
                    "code": parent.code,
                    "space": parent.space,
                    "params": {},
                    "data": {"z": [1, 2.5, None, "é"], "a": {"b": True}},
                }
            )
            out.append(
                {**common, "vector": f"render/exception/{profile}", "code": None, "locale": "zh"}
            )
    return out


def batch_cases(catalog: Catalog) -> list[dict[str, Any]]:
    """JSON-RPC batch render cases: errors, a built response, a plain exception; and empty."""
    entries = [e for e in catalog.entries if e.status != "removed"][:3]
    items: list[dict[str, Any]] = [
        {"code": e.code, "space": e.space, "params": {"n": i}, "id": i}
        for i, e in enumerate(entries)
    ]
    items.insert(1, {"response": {"jsonrpc": "2.0", "result": "0x1", "id": 99}})
    items.append({"code": None, "id": "last"})
    return [
        {"kind": "render_batch", "vector": "batch/mixed", "locale": None, "items": items},
        {"kind": "render_batch", "vector": "batch/empty", "locale": None, "items": []},
    ]


def _render_batch(catalog: Catalog, case: dict[str, Any]) -> dict[str, Any]:
    items: list[Any] = []
    for item in case["items"]:
        if "response" in item:
            items.append(item["response"])
        else:
            items.append((_error(catalog, item), item.get("id")))
    done = errdex.render(items, "jsonrpc", locale=case.get("locale"), catalog=catalog)
    return {**case, "expect": _response(done)}


def decode_cases(rendered: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Decode cases (without ``expect``): every rendered response, then other servers' bodies."""
    out: list[dict[str, Any]] = []
    for case in rendered:
        done = case["expect"]
        if "body" not in done:
            continue
        kind = "decode_batch" if case["kind"] == "render_batch" else "decode"
        vid = "decode/" + case["vector"]
        out.append(
            {
                "kind": kind,
                "vector": vid,
                "status": done["status"],
                "headers": done["headers"],
                "body": done["body"],
            }
        )
        if case.get("locale") is None and kind == "decode":
            out.append(
                {
                    "kind": kind,
                    "vector": vid + "/nostatus",
                    "status": None,
                    "headers": [],
                    "body": done["body"],
                }
            )
    for n, (status, headers, body) in enumerate(OTHER_SERVERS):
        out.append(
            {
                "kind": "decode",
                "vector": f"decode/other/{n}",
                "status": status,
                "headers": headers,
                "body": body,
            }
        )
    return out


def vectors(catalog: Catalog, limit: int | None = None) -> list[dict[str, Any]]:
    """Every case of ``catalog`` with its ``expect``: render, batch, then decode cases."""
    rendered = [_render(catalog, c) for c in render_cases(catalog, limit)]
    rendered += [_render_batch(catalog, c) for c in batch_cases(catalog)]
    decoded = [_decode(catalog, c) for c in decode_cases(rendered)]
    return rendered + decoded


def to_lines(catalog: Catalog, cases: list[dict[str, Any]]) -> str:
    """A vectors file: the header, then one case per line."""
    header = {
        "kind": "header",
        "format": "errdex-wire-vectors",
        "version": 1,
        "catalog": catalog.meta.id,
        "now": NOW,
    }
    lines = [json.dumps(header), "# cases from tests/convert/code/wire_cases.py"]
    lines += [json.dumps(c, ensure_ascii=False) for c in cases]
    return "\n".join(lines) + "\n"


def failures(cases: list[dict[str, Any]], answers: list[dict[str, Any]]) -> list[str]:
    """One line per case whose answer differs from its ``expect`` (none: all pass)."""
    if len(answers) != len(cases):
        return [f"{len(answers)} answers for {len(cases)} cases"]
    out = []
    for case, answer in zip(cases, answers, strict=True):
        got = answer.get("got")
        if answer.get("vector") != case["vector"] or got != case["expect"]:
            out.append(
                f"{case['vector']}\n  case   {json.dumps(case, ensure_ascii=False)[:500]}\n"
                f"  got    {json.dumps(answer, ensure_ascii=False)[:700]}"
            )
    return out
