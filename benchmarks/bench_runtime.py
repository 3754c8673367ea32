"""Runtime benchmarks (issue 6): lookup, construct + render, and a Starlette error response.

Every figure is a ratio to a floor measured here, in the same run:

- lookup by code in a 10,000-code catalog against a plain ``dict`` lookup of the
  same codes (target 2x). "Lookup" is the one a service makes at run time:
  ``cat.errors[code]``, code → exception class (what ``cat.error(code)`` looks up
  before it builds the instance; ``except cat.errors[code]`` uses it too), in the
  steady state (each code looked up once before timing). The model's
  ``cat.get(code)`` (code → ``Entry``, with normalisation) is shown for context;
- construct + render to JSON-RPC bytes and to problem+json bytes
  (``errdex.render(cat.error(code, param=...), profile)``) against building the
  same body as a dict literal, message by f-string, and ``orjson.dumps`` (target 3x);
- decode (``errdex.decode``) of a problem+json and a JSON-RPC body errdex rendered,
  against ``orjson.loads`` of the same bytes (target 4x, issue 15); both cycle through
  256 distinct bodies, so no figure is one body seen over and over. For context, the
  same decode against a hand-written decoder of the contract (parse, one dict hit to
  the class, an exception carrying code, message, params, status and retry hint);
- a Starlette app whose route raises a catalog error, answered by
  ``errdex.integrations.starlette.install``'s handler, against the same app whose
  route returns a hand-built ``JSONResponse`` (target 1.2x). The app is called
  in process as ASGI (prepared scope, no-op receive/send, one event loop), so
  the figure is the handler's, not a client's or a socket's.

Peers, side by side where installed (``pip install 'errdex[bench]'``), each
against the same floor: ``psycopg.errors.lookup`` (SQLSTATE → class),
``werkzeug.exceptions`` (construct + HTML response body), ``rfc9457.Problem``
(construct + ``marshal`` + ``orjson.dumps``) and fastapi-problem's Starlette
handler (``starlette_problem``). Peer rows have no target (shown as "-").
"""

from __future__ import annotations

import asyncio
import gc
import importlib.util
import itertools
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import orjson

import errdex
from errdex.io import reads
from synth import catalog_data, to_json
from timing import Result, best_of, calibrate

SUITE = "runtime"
NO_TARGET = float("inf")
ASGI_CALLS = 2_000
ROUNDS_PER_REPEAT = 8
VALUES = [f"v{i:04d}x" for i in range(64)]
"""Distinct parameter values, one per call: neither errdex nor a floor may answer from a
cache of the previous call (floor and subject loop over the same lists alike)."""
IDS = list(range(1000, 1064))
"""Distinct JSON-RPC request ids, one per call, for the same reason."""
CLOCK = time.process_time
"""CPU time of this process: on a machine shared with other work, the figure of the
code measured, not of the scheduler (floor and subject are timed alike)."""


def _pair(
    floor: Callable[[], Any], func: Callable[[], Any], calls: int, repeat: int
) -> tuple[float, float]:
    """Time a floor and an operation in alternating short rounds (best of each), so that a
    busy machine slows both alike; seconds per call.

    Rounds are ~5 ms, and many: on a loaded machine a long round is almost never
    left alone by the scheduler, while the best of many short ones is."""
    n_floor, n_func = calibrate(floor, budget=0.005), calibrate(func, budget=0.005)
    floors, funcs = [], []
    for _ in range(repeat * ROUNDS_PER_REPEAT):
        floors.append(best_of(floor, repeat=1, number=n_floor, clock=CLOCK))
        funcs.append(best_of(func, repeat=1, number=n_func, clock=CLOCK))
    return min(floors) / calls, min(funcs) / calls


def _have(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _placeholder(message: str) -> str:
    match = re.search(r"\{(\w+)\}", message)
    assert match is not None, message
    return match.group(1)


# -- lookup ------------------------------------------------------------------------


def _lookups(catalog: Any, repeat: int) -> list[Result]:
    codes = [e.code for e in catalog.entries[::10]]
    plain = {e.code: e for e in catalog.entries}
    errors = catalog.errors
    for code in codes:  # first lookups build the classes; time the steady state
        errors[code]

    def floor() -> None:
        for code in codes:
            plain[code]

    def by_errors() -> None:
        for code in codes:
            errors[code]

    def by_get() -> None:
        get = catalog.get
        for code in codes:
            get(code)

    label = f"{len(catalog.entries):,} codes"
    base, took = _pair(floor, by_errors, len(codes), repeat)
    out = [Result(SUITE, f"lookup cat.errors[code], {label}", took, "dict[code]", base, 2.0)]
    base, took = _pair(floor, by_get, len(codes), repeat)
    out.append(
        Result(
            SUITE,
            f"lookup cat.get(code), {label}",
            took,
            "dict[code]",
            base,
            NO_TARGET,
            note="model lookup, for context",
        )
    )
    if _have("psycopg"):
        from psycopg import errors as pg

        states = ["23505", "42P01", "40001", "57014", "08006"] * (len(codes) // 5)
        table = {s: pg.lookup(s) for s in states}

        def pg_floor() -> None:
            for s in states:
                table[s]

        def pg_lookup() -> None:
            lookup = pg.lookup
            for s in states:
                lookup(s)

        base, took = _pair(pg_floor, pg_lookup, len(states), repeat)
        out.append(
            Result(
                SUITE, "peer: psycopg.errors.lookup(sqlstate)", took, "dict[code]", base, NO_TARGET
            )
        )
    return out


# -- construct + render ---------------------------------------------------------------


def _renders(catalog: Any, repeat: int) -> list[Result]:
    entry = catalog.entries[1234]
    param = _placeholder(entry.message)
    cls = catalog.errors[entry.code]
    sample = cls(**{param: "abc123"})
    problem_doc = orjson.loads(errdex.render(sample, "problem").body)
    rpc_doc = orjson.loads(errdex.render(sample, "jsonrpc", id=1).body)
    head, tail = entry.message.split("{" + param + "}")
    code, name = entry.code, entry.name
    type_url, title, status = problem_doc["type"], problem_doc["title"], problem_doc["status"]
    rpc_code = rpc_doc["error"]["code"]
    retryable = problem_doc["retryable"]  # synth.py gives every entry a retry hint
    values, ids = VALUES, IDS

    def problem_floor() -> None:
        for value in values:
            orjson.dumps(
                {
                    "type": type_url,
                    "title": title,
                    "status": status,
                    "detail": f"{head}{value}{tail}",
                    "code": code,
                    "name": name,
                    "retryable": retryable,
                    "params": {param: value},
                }
            )

    def rpc_floor() -> None:
        for value, request_id in zip(values, ids, strict=True):
            orjson.dumps(
                {
                    "jsonrpc": "2.0",
                    "error": {
                        "code": rpc_code,
                        "message": f"{head}{value}{tail}",
                        "data": {"code": code, "name": name, "params": {param: value}},
                    },
                    "id": request_id,
                }
            )

    render, error = errdex.render, catalog.error
    for value, request_id in zip(
        values, ids, strict=True
    ):  # the floors build the bytes errdex sends
        err = error(code, **{param: value})
        problem_doc["detail"] = f"{head}{value}{tail}"
        problem_doc["params"] = {param: value}
        assert orjson.loads(render(err, "problem").body) == problem_doc
        rpc_doc["error"]["message"] = problem_doc["detail"]
        rpc_doc["error"]["data"]["params"] = {param: value}
        rpc_doc["id"] = request_id
        assert orjson.loads(render(err, "jsonrpc", id=request_id).body) == rpc_doc
    kwargs = [{param: value} for value in values]

    def problem() -> None:
        for params in kwargs:
            render(error(code, **params), "problem")

    def rpc() -> None:
        for params, request_id in zip(kwargs, ids, strict=True):
            render(error(code, **params), "jsonrpc", id=request_id)

    floor_name = "dict literal + orjson.dumps"
    pfloor, took = _pair(problem_floor, problem, len(values), repeat)
    out = [Result(SUITE, "construct + render problem+json", took, floor_name, pfloor, 3.0)]
    rfloor, took = _pair(rpc_floor, rpc, len(values), repeat)
    out.append(Result(SUITE, "construct + render JSON-RPC", took, floor_name, rfloor, 3.0))
    if _have("rfc9457"):
        from rfc9457 import Problem

        def rfc() -> None:
            for value in values:
                p = Problem(
                    title,
                    type_=type_url,
                    detail=f"{head}{value}{tail}",
                    status=status,
                    code=code,
                    name=name,
                    params={param: value},
                )
                orjson.dumps(p.marshal())

        base, took = _pair(problem_floor, rfc, len(values), repeat)
        out.append(
            Result(
                SUITE, "peer: rfc9457 Problem + marshal + dumps", took, floor_name, base, NO_TARGET
            )
        )
    if _have("werkzeug"):
        from werkzeug.exceptions import BadRequest

        def wz() -> None:
            for value in values:
                BadRequest(f"{head}{value}{tail}").get_response().get_data()

        base, took = _pair(problem_floor, wz, len(values), repeat)
        out.append(
            Result(
                SUITE,
                "peer: werkzeug BadRequest + HTML response",
                took,
                floor_name,
                base,
                NO_TARGET,
            )
        )
    return out


# -- Starlette, in-process ASGI ----------------------------------------------------------


def _scope(path: str) -> dict[str, Any]:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"bench"), (b"accept", b"*/*")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 80),
    }


class _Asgi:
    """Calls an ASGI app in process: one prepared scope, no-op receive/send, one event loop."""

    def __init__(self, app: Any, path: str) -> None:
        self.app = app
        self.scope = _scope(path)
        self.sent: list[Any] = []
        self.loop = asyncio.new_event_loop()

    async def _receive(self) -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def _send(self, message: dict[str, Any]) -> None:
        if len(self.sent) < 2:
            self.sent.append(message)

    async def _batch(self) -> None:
        app, scope, receive, send = self.app, self.scope, self._receive, self._send
        for _ in range(ASGI_CALLS):
            await app(scope, receive, send)

    def __call__(self) -> None:
        self.loop.run_until_complete(self._batch())

    def close(self) -> None:
        self.loop.close()


def _asgi_pair(floor_app: Any, app: Any, path: str, repeat: int) -> tuple[float, float, list, list]:
    """Time two apps in alternating rounds; seconds per request, and what each sent first."""
    floor, subject = _Asgi(floor_app, path), _Asgi(app, path)
    try:
        floor()
        subject()  # warm: routes compiled, classes made
        floors, subjects = [], []
        for _ in range(repeat):
            floors.append(best_of(floor, repeat=1))
            subjects.append(best_of(subject, repeat=1))
    finally:
        floor.close()
        subject.close()
    return min(floors) / ASGI_CALLS, min(subjects) / ASGI_CALLS, floor.sent, subject.sent


def _starlette(catalog: Any, repeat: int) -> list[Result]:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from errdex.integrations.starlette import install

    entry = catalog.entries[1234]
    param = _placeholder(entry.message)
    code = entry.code
    kwargs = {param: "abc123"}
    doc = orjson.loads(errdex.render(catalog.error(code, **kwargs), "problem").body)
    status = doc["status"]
    head, tail = entry.message.split("{" + param + "}")

    async def hand_built(request: Request) -> Response:
        value = "abc123"
        return JSONResponse(
            {
                "type": doc["type"],
                "title": doc["title"],
                "status": status,
                "detail": f"{head}{value}{tail}",
                "code": code,
                "name": entry.name,
                "retryable": doc["retryable"],
                "params": {param: value},
            },
            status_code=status,
            media_type="application/problem+json",
        )

    async def raises(request: Request) -> Response:
        raise catalog.error(code, **kwargs)

    class Plain(Exception):
        pass

    async def plain_handler(request: Request, exc: Exception) -> Response:
        return await hand_built(request)

    async def raises_plain(request: Request) -> Response:
        raise Plain()

    async def returns(request: Request) -> Response:
        return handlers.response(catalog.error(code, **kwargs), request)

    floor_app = Starlette(routes=[Route("/e", hand_built), Route("/r", hand_built)])
    app = Starlette(routes=[Route("/e", raises), Route("/r", returns)])
    handlers = install(app, catalog)
    floor_name = "same app, hand-built JSONResponse"
    out = []
    rows = [
        ("Starlette: route returns catalog error", app, "/r", 1.2, ""),
        (
            "Starlette: route raises catalog error → handler",
            app,
            "/e",
            NO_TARGET,
            "pays Starlette's raise-and-handle cost, see next row",
        ),
        (
            "Starlette: raise + handler → same JSONResponse (no errdex)",
            Starlette(
                routes=[Route("/e", raises_plain)], exception_handlers={Plain: plain_handler}
            ),
            "/e",
            NO_TARGET,
            "the framework's own cost of raising",
        ),
    ]
    for name, subject, path, target, note in rows:
        floor, took, floor_sent, sent = _asgi_pair(floor_app, subject, path, repeat)
        assert sent[0]["status"] == floor_sent[0]["status"] == status, name
        assert orjson.loads(sent[1]["body"]) == orjson.loads(floor_sent[1]["body"]), name
        out.append(Result(SUITE, name, took, floor_name, floor, target, note=note))
    if _have("starlette_problem") and _have("rfc9457"):
        from rfc9457 import Problem
        from starlette_problem.handler import add_exception_handler

        value = "abc123"

        async def peer(request: Request) -> Response:
            raise Problem(
                doc["title"],
                type_=doc["type"],
                detail=f"{head}{value}{tail}",
                status=status,
                code=code,
                name=entry.name,
                params={param: value},
            )

        peer_app = Starlette(routes=[Route("/e", peer)])
        add_exception_handler(peer_app)
        floor, took, _, _ = _asgi_pair(floor_app, peer_app, "/e", repeat)
        out.append(
            Result(
                SUITE,
                "peer: fastapi-problem handler (starlette_problem)",
                took,
                floor_name,
                floor,
                NO_TARGET,
            )
        )
    return out


# -- the issue-15 targets: static, two placeholders, a translation; raise; classes; decode ---

SHAPES = """
[catalog]
id = "shapes"
default_locale = "en"
locales = ["en", "zh-CN"]
docs_url = "https://errors.example.com/shapes/{code}"

[spaces.app]
kind = "app"

[[errors]]
code = "SHP-1"
name = "staticOne"
message = "The service is read-only right now."
http_status = 503

[[errors]]
code = "SHP-2"
name = "twoSlots"
message = "Quota {quota} of plan {plan} is used up."
http_status = 429

[errors.translations."zh-CN"]
message = "套餐 {plan} 的配额 {quota} 已用完。"
title = "配额用完"
"""
"""Three entries of the shapes the targets name: a static message, two placeholders,
and a translation an ``Accept-Language`` header selects."""

ACCEPT = "zh-CN,zh;q=0.9,en;q=0.8"


def _problem_floor(doc: dict[str, Any], detail: Callable[[], str]) -> Callable[[], bytes]:
    """A dict literal of the same members (detail built per call) + ``orjson.dumps``."""
    items = list(doc.items())

    def floor() -> bytes:
        body = {}
        for key, value in items:
            body[key] = value
        body["detail"] = detail()
        return orjson.dumps(body)

    return floor


def _shapes(repeat: int) -> list[Result]:
    cat = errdex.loads(SHAPES)
    render, error = errdex.render, cat.error
    out: list[Result] = []
    floor_name = "dict literal + orjson.dumps"
    values, ids = VALUES, IDS
    calls = len(values)

    # static message, problem+json and JSON-RPC (a distinct request id per JSON-RPC call)
    doc = orjson.loads(render(error("SHP-1"), "problem").body)
    type_url, title, status, detail = doc["type"], doc["title"], doc["status"], doc["detail"]

    def static_floor() -> None:
        for _ in values:
            orjson.dumps(
                {
                    "type": type_url,
                    "title": title,
                    "status": status,
                    "detail": detail,
                    "code": "SHP-1",
                    "name": "staticOne",
                }
            )

    def static_problem() -> None:
        for _ in values:
            render(error("SHP-1"), "problem")

    base, took = _pair(static_floor, static_problem, calls, repeat)
    out.append(
        Result(
            SUITE, "construct + render problem+json, static message", took, floor_name, base, 2.0
        )
    )
    rpc = orjson.loads(render(error("SHP-1"), "jsonrpc", id=1).body)
    rpc_code, rpc_data = rpc["error"]["code"], rpc["error"]["data"]

    def rpc_doc(request_id: int) -> dict[str, Any]:
        return {
            "jsonrpc": "2.0",
            "error": {"code": rpc_code, "message": detail, "data": rpc_data},
            "id": request_id,
        }

    for request_id in ids:
        assert render(error("SHP-1"), "jsonrpc", id=request_id).body == orjson.dumps(
            rpc_doc(request_id)
        )

    def static_rpc_floor() -> None:
        for request_id in ids:
            orjson.dumps(
                {
                    "jsonrpc": "2.0",
                    "error": {"code": rpc_code, "message": detail, "data": rpc_data},
                    "id": request_id,
                }
            )

    def static_rpc() -> None:
        for request_id in ids:
            render(error("SHP-1"), "jsonrpc", id=request_id)

    base, took = _pair(static_rpc_floor, static_rpc, calls, repeat)
    out.append(
        Result(SUITE, "construct + render JSON-RPC, static message", took, floor_name, base, 2.0)
    )

    # two placeholders (a distinct quota per call)
    two = orjson.loads(render(error("SHP-2", quota="9000", plan="pro"), "problem").body)
    t_url, t_title, t_status = two["type"], two["title"], two["status"]

    def two_doc(quota: str, plan: str) -> dict[str, Any]:
        return {
            "type": t_url,
            "title": t_title,
            "status": t_status,
            "detail": f"Quota {quota} of plan {plan} is used up.",
            "code": "SHP-2",
            "name": "twoSlots",
            "params": {"quota": quota, "plan": plan},
        }

    for quota in values:
        body = render(error("SHP-2", quota=quota, plan="pro"), "problem").body
        assert body == orjson.dumps(two_doc(quota, "pro")), body

    def two_floor() -> None:
        plan = "pro"
        for quota in values:
            orjson.dumps(
                {
                    "type": t_url,
                    "title": t_title,
                    "status": t_status,
                    "detail": f"Quota {quota} of plan {plan} is used up.",
                    "code": "SHP-2",
                    "name": "twoSlots",
                    "params": {"quota": quota, "plan": plan},
                }
            )

    def two_problem() -> None:
        for quota in values:
            render(error("SHP-2", quota=quota, plan="pro"), "problem")

    base, took = _pair(two_floor, two_problem, calls, repeat)
    out.append(
        Result(
            SUITE, "construct + render problem+json, two placeholders", took, floor_name, base, 3.0
        )
    )

    # a translation selected by Accept-Language (the header bytes are part of the response)
    zh = render(error("SHP-2", quota="9000", plan="pro"), "problem", locale=ACCEPT)
    z_title = orjson.loads(zh.body)["title"]
    zh_headers = (("Content-Type", "application/problem+json"), ("Content-Language", "zh-CN"))
    assert zh.headers == zh_headers, zh.headers

    def zh_doc(quota: str, plan: str) -> dict[str, Any]:
        return {
            **two_doc(quota, plan),
            "title": z_title,
            "detail": f"套餐 {plan} 的配额 {quota} 已用完。",
        }

    for quota in values:
        body = render(error("SHP-2", quota=quota, plan="pro"), "problem", locale=ACCEPT).body
        assert body == orjson.dumps(zh_doc(quota, "pro")), body

    def zh_floor() -> None:  # the body, and the headers errdex returns with it
        plan = "pro"
        for quota in values:
            sent = orjson.dumps(
                {
                    "type": t_url,
                    "title": z_title,
                    "status": t_status,
                    "detail": f"套餐 {plan} 的配额 {quota} 已用完。",
                    "code": "SHP-2",
                    "name": "twoSlots",
                    "params": {"quota": quota, "plan": plan},
                }
            )
            headers = (("Content-Type", "application/problem+json"), ("Content-Language", "zh-CN"))
            del sent, headers

    def zh_problem() -> None:
        for quota in values:
            render(error("SHP-2", quota=quota, plan="pro"), "problem", locale=ACCEPT)

    base, took = _pair(zh_floor, zh_problem, calls, repeat)
    out.append(
        Result(
            SUITE,
            "construct + render problem+json, Accept-Language → zh-CN",
            took,
            floor_name + " (+ headers)",
            base,
            3.0,
        )
    )
    return out


def _raise(catalog: Any, repeat: int) -> list[Result]:
    """``cat.error(code, **params)`` against ``dict[code]`` + ``Exception()``, unique codes.

    The floor's table holds one class per code (made with ``type()``, as a hand-written
    catalog has one class per code), not ``Exception`` itself for every code: the same
    number of distinct classes is instantiated on both sides."""
    bound = errdex.Catalog.bind(catalog)
    entries = catalog.entries[::10]
    codes = [e.code for e in entries]
    pairs = [(code, VALUES[i % len(VALUES)]) for i, code in enumerate(codes)]
    table = {e.code: type(f"E{e.code}", (Exception,), {}) for e in entries}
    for code, value in pairs:  # each spelling raised once: the steady state
        bound.error(code, value=value)
    error = bound.error

    def floor() -> None:
        for code, value in pairs:
            table[code](value)

    def raises() -> None:
        for code, value in pairs:
            error(code, value=value)

    base, took = _pair(floor, raises, len(codes), repeat)
    out = [
        Result(SUITE, "cat.error(code, value=...)", took, "dict[code] + Exception(...)", base, 1.5)
    ]
    # For context: the least a pure-Python ``error(code, **params)`` can do on the same
    # classes — a call with keyword arguments, one dict hit, the instance made without a
    # Python ``__init__``, its parameters set — without and with the one set test of the
    # keywords that cat.error must make (an option such as retryable= is not a parameter).
    classes = {code: bound.errors[code] for code in codes}
    new = BaseException.__new__
    from errdex.runtime.errors import OPTIONS

    plain = (OPTIONS | {"space", "code_or_name"}).isdisjoint

    class Least:
        def error(self, code: Any, /, **params: Any) -> Any:
            made = new(classes[code])
            made.params = params
            return made

        def checked(self, code: Any, /, **params: Any) -> Any:
            cls = classes[code]
            if params and not plain(params):
                raise AssertionError(params)  # never: the loop passes value= only
            made = new(cls)
            made.params = params
            return made

    least = Least()
    for name, func, note in (
        ("least", least.error, "context: call + dict hit + instance + params, in Python"),
        ("least + option test", least.checked, "context: the same + cat.error's keyword test"),
    ):

        def minimum(func: Any = func) -> None:
            for code, value in pairs:
                func(code, value=value)

        base, took = _pair(floor, minimum, len(codes), repeat)
        row = f"pure-Python {name} error(code, value=...)"
        out.append(Result(SUITE, row, took, "dict[code] + Exception(...)", base, NO_TARGET, note))
    return out


def _first_use(repeat: int) -> list[Result]:
    """Making every class of a fresh 10,000-code catalog against 10,000 bare ``type()``.

    The target's floor makes each class directly under ``Exception`` (a 4-class MRO).
    An entry class sits in the exception tree (entry → module → space → catalog root →
    ``errdex.Error`` → ``Exception``: an 8-class MRO), and ``type()`` itself costs more
    the deeper the MRO is (every slot is looked up along it). A second row, for context,
    measures against bare ``type()`` under a plain hand-written chain of the same depth:
    what errdex adds over the tree its design asks for."""
    data = to_json(catalog_data(10_000, 100))
    plain, problems = reads(data, "json")
    assert plain is not None and not problems, problems[:3]
    codes = [e.code for e in plain.entries]
    names = [f"C{code}" for code in codes]
    bases = (Exception,)
    root = type("Root", (type("Base", (Exception,), {}),), {})
    deep = (type("Module", (type("Space", (root,), {}),), {}),)  # the depth of a module class
    firsts, floors, deep_floors = [], [], []
    for _ in range(repeat):
        fresh = errdex.Catalog.bind(plain)  # a new bound catalog: no class made yet
        gc.collect()
        start = CLOCK()
        errors = fresh.errors
        for code in codes:
            errors[code]
        firsts.append(CLOCK() - start)
        assert len(errors[codes[0]].__mro__) == len(deep[0].__mro__) + 1 == 8
        gc.collect()
        start = CLOCK()
        made = [type(name, bases, {}) for name in names]
        floors.append(CLOCK() - start)
        del made
        gc.collect()
        start = CLOCK()
        made = [type(name, deep, {}) for name in names]
        deep_floors.append(CLOCK() - start)
        del made, fresh, errors
    return [
        Result(
            SUITE,
            "first use of every class, 10,000 codes",
            min(firsts),
            "10,000 × type()",
            min(floors),
            2.0,
        ),
        Result(
            SUITE,
            "first use of every class, 10,000 codes (same-depth floor)",
            min(firsts),
            "10,000 × type() under a 3-class chain",
            min(deep_floors),
            NO_TARGET,
            note="context: errdex's cost over an exception tree of the same depth",
        ),
    ]


DECODE_BODIES = 256
"""Distinct bodies each decode figure cycles through (floor and operation alike), so that
nothing is timed on one body seen over and over."""


def _decode_bodies(cat: Any, profile: str) -> tuple[int, dict[str, str], list[bytes]]:
    """A response errdex renders for SHP-2, in :data:`DECODE_BODIES` variants (params, id)."""
    bodies = []
    for i in range(DECODE_BODIES):
        err = cat.error("SHP-2", quota=str(9000 + i), plan=f"pro-{i % 7}")
        sent = errdex.render(err, profile, id=i)
        bodies.append(sent.body)
    assert len(set(bodies)) == DECODE_BODIES
    return sent.status, dict(sent.headers), bodies


def _hand_decoder(cat: Any) -> Callable[[int, dict[str, str], bytes], Exception]:
    """The least a decoder of this contract does: parse once, tell the envelope by one
    member, find the class by the code with one dict hit, and return an exception carrying
    code, message, params, status and the retry hint (header, else the HTTP class)."""
    classes = {"SHP-2": cat.errors["SHP-2"]}
    retryable = {408, 429, 502, 503, 504}
    loads, new = orjson.loads, BaseException.__new__

    def decode(status: int, headers: dict[str, str], body: bytes) -> Exception:
        doc = loads(body)
        rpc = doc.get("error")
        fields = rpc.get("data") if rpc is not None else doc
        err = new(classes[fields["code"]])
        err.__dict__ = {
            "message": (rpc or doc).get("message" if rpc is not None else "detail"),
            "params": dict(fields.get("params") or ()),
            "status": status,
            "retryable": "retry-after" in headers or status in retryable,
        }
        return err

    return decode


def _decodes(repeat: int) -> list[Result]:
    """``errdex.decode`` of the bodies errdex renders against ``orjson.loads`` of the same
    bytes (the issue-15 target, 4x), and for context against a hand-written decoder."""
    cat = errdex.loads(SHAPES)
    hand = _hand_decoder(cat)
    out = []
    for profile in ("problem", "jsonrpc"):
        status, headers, bodies = _decode_bodies(cat, profile)
        for body in bodies:
            got = errdex.decode(status, headers, body, catalog=cat)
            mine = hand(status, headers, body)
            assert got.code == "SHP-2" and type(got) is type(mine), (got, mine)
            assert (got.message, dict(got.params)) == (mine.message, mine.params)
            assert (got.status, got.retryable) == (mine.status, mine.retryable)
        cycle = itertools.cycle(bodies).__next__

        def floor(loads: Any = orjson.loads, cycle: Any = cycle) -> Any:
            return loads(cycle())

        def dec(
            cycle: Any = cycle,
            headers: Any = headers,
            status: int = status,
            decode: Any = errdex.decode,
        ) -> Any:
            return decode(status, headers, cycle(), catalog=cat)

        def by_hand(
            cycle: Any = cycle, headers: Any = headers, status: int = status, hand: Any = hand
        ) -> Any:
            return hand(status, headers, cycle())

        base, took = _pair(floor, dec, 1, repeat)
        note = f"{DECODE_BODIES} distinct bodies, cycled by floor and decode alike"
        out.append(
            Result(SUITE, f"decode {profile} body", took, "orjson.loads(body)", base, 4.0, note)
        )
        base, took = _pair(by_hand, dec, 1, repeat)
        out.append(
            Result(
                SUITE,
                f"decode {profile} body (context)",
                took,
                "hand-written decoder",
                base,
                NO_TARGET,
                "parse + one dict hit + an exception with code, message, params, retry hint",
            )
        )
    return out


def _import(repeat: int) -> list[Result]:
    """``import errdex`` in a fresh interpreter against ``python -c pass``."""

    def cpu(code: str) -> float:  # the child's CPU time (user + system)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    with_load = "import errdex; errdex.loads('[catalog]\\nid = \"x\"\\n[[errors]]\\ncode = 1\\n')"
    floors, took, loaded = [], [], []
    for _ in range(max(5, repeat * 2)):  # alternate, so that load slows both alike
        floors.append(cpu("pass"))
        took.append(cpu("import errdex"))
        loaded.append(cpu(with_load))
    floor, took = min(floors), min(took)
    context = Result(
        SUITE,
        "import errdex + errdex.loads(one entry)",
        min(loaded),
        "python -c pass",
        floor,
        NO_TARGET,
        mode="diff",
        note="context: the model and reader come with the first load (lazy face)",
    )
    return [
        Result(
            SUITE,
            "import errdex (fresh interpreter)",
            took,
            "python -c pass",
            floor,
            25.0,
            mode="diff",
            note="figure and target in ms over the floor",
        ),
        context,
    ]


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses fewer repeats (the catalog is 10,000 codes either way)."""
    repeat = 3 if quick else 7
    plain, problems = reads(to_json(catalog_data(10_000, 100)), "json")
    assert plain is not None and not problems, problems[:3]
    catalog = errdex.Catalog.bind(plain)
    results = _lookups(catalog, repeat) + _renders(catalog, repeat)
    results += _shapes(repeat) + _raise(catalog, repeat) + _first_use(repeat) + _decodes(repeat)
    results += _import(repeat)
    if _have("starlette"):
        results += _starlette(catalog, repeat)
    return results
