"""Web directory load test (issues 5 and 10): lookup API, code pages and search, on loopback.

A real HTTP client (``wrk`` when installed — ``apt-get install wrk`` — else a
Python asyncio/httpx load generator) drives the real server (uvicorn with
the options of ``errdex serve``: one worker, httptools/uvloop, the bounded
protocol) on 127.0.0.1. Every request has a key of its own (a counter in
the query string), so the response cache never answers: each lookup and
search is computed.

- **lookup** (64 connections): ``/api/lookup?q=`` over every code and name of
  the examples, against the floor — a minimal Starlette app, served the same
  way, doing the same dict lookup (query → the same answer data) and
  ``orjson.dumps``, measured before and after (the faster run counts).
  Target ≥ 0.8× the floor's requests/s, zero errors.
- **code page** (64 connections): the HTML page of every code of the
  examples, in turn. Target p99 ≤ 20 ms. The server keeps a rendered page
  per path and language (a bounded LRU that the query string does not
  key), so a second figure serves the same pages with that LRU off: every
  request renders its page, as for a catalog bigger than the LRU (the
  page's request-independent parts still come from the server's fragment
  memo, :mod:`errdex.directory.web.fragments`, and its frame from the one
  kept per language, as they do in ``serve``; a code past the 64 MiB memo
  renders those too, ~120 µs instead of ~50 µs in process).
- **search, 100,000 codes**: ``/api/search?q=`` over the queries of
  ``bench_search`` on the synthetic catalog of ``synth.py``, one connection
  (the latency of one search, queueing left out). Target p99 ≤ 50 ms.

Run one server: ``python benchmarks/bench_web.py --serve floor|directory|big --port N``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from timing import Result

SUITE = "web"
HERE = Path(__file__).resolve().parent
CONNECTIONS = 64


def examples() -> object:
    from errdex.directory import Registry

    return Registry.from_paths([HERE.parent / "examples"])


def lookup_queries(registry: object) -> list[str]:
    """Every code and name of the registry once: the lookup keys."""
    out: dict[str, None] = {}
    for _, entry in registry.entries():  # type: ignore[attr-defined]
        out[str(entry.code)] = None
        if entry.name:
            out[entry.name] = None
    return list(out)


def page_paths(registry: object) -> list[str]:
    """The permalink path of every code (each once)."""
    out: dict[str, None] = {}
    for cid, entry in registry.entries():  # type: ignore[attr-defined]
        out[quote(registry.entry_url_path(cid, entry))] = None  # type: ignore[attr-defined]
    return list(out)


def floor_app(secure: bool = False) -> object:
    """The floor: a minimal Starlette app doing the lookup API's dict lookup + orjson.dumps.

    The dict maps each lookup query to the very data ``/api/lookup`` answers for it,
    so both send the same body; the floor only skips computing it. With ``secure`` it
    also sends the directory's security headers (its middleware), so both send the
    same bytes.
    """
    import orjson
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from errdex.directory.web.views import Views

    registry = examples()
    views = Views(registry.warm())  # type: ignore[attr-defined]
    table = {q: views.lookup(q, catalog=None, space=None) for q in lookup_queries(registry)}

    async def lookup(request: Request) -> Response:
        data = table.get(request.query_params.get("q", ""))
        return Response(orjson.dumps(data), media_type="application/json")

    if not secure:
        return Starlette(routes=[Route("/api/lookup", lookup)])
    from starlette.middleware import Middleware

    from errdex.directory.web.security import SecurityMiddleware

    return Starlette(
        routes=[Route("/api/lookup", lookup)], middleware=[Middleware(SecurityMiddleware)]
    )


def directory_app(kind: str) -> object:
    """The web directory over the bundled examples, or (``big``) the synthetic catalog;
    ``directory-render`` keeps no rendered page (each request renders its own)."""
    from errdex.directory import Registry
    from errdex.directory.diskcache import IndexCache
    from errdex.directory.web import create_app
    from errdex.directory.web.cache import ResponseCache

    if kind == "big":
        path = os.environ["ERRDEX_BENCH_CATALOG"]
        return create_app(Registry.from_paths([path], cache=IndexCache.default()))
    app = create_app(examples())  # type: ignore[arg-type]
    if kind == "directory-render":
        app.state.directory.page_cache = ResponseCache(size=0)
    return app


def serve(kind: str, port: int) -> None:
    """Run one app as ``errdex serve`` runs it (its uvicorn options: no access log)."""
    import gc

    import uvicorn

    from errdex.cli.serve import server_options

    if kind.startswith("floor"):
        app = floor_app(secure=kind == "floor-secure")
    else:
        app = directory_app(kind)
    gc.collect()
    gc.freeze()  # as `errdex serve` does
    uvicorn.run(
        app,  # type: ignore[arg-type]
        host="127.0.0.1",
        port=port,
        **server_options(),
    )


class Load(NamedTuple):
    """What one load run measured."""

    requests: int
    seconds: float
    errors: int
    p99: float
    cpu: float = float("nan")
    """The server process's CPU seconds (user + system) per request; NaN where unknown."""

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


PIDS: dict[str, int] = {}
"""The process id of each running server, by its base URL."""


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used; NaN off Linux."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    """One app served by uvicorn in a subprocess, for the duration of a ``with`` block."""

    def __init__(self, kind: str, env: dict[str, str] | None = None) -> None:
        self.kind = kind
        self.env = env
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        cmd = [sys.executable, str(Path(__file__)), "--serve", self.kind, "--port", str(self.port)]
        self.proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.env
        )
        deadline = time.monotonic() + 900  # the big catalog loads and indexes first
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.kind} server exited: "
                    + (self.proc.stderr.read().decode() if self.proc.stderr else "")
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    base = f"http://127.0.0.1:{self.port}"
                    PIDS[base] = self.proc.pid
                    return base
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.kind} server did not start")

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# -- load generators -----------------------------------------------------------

_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _seconds(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not m:
        raise ValueError(f"cannot read wrk latency {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def _unique(path: str, i: int) -> str:
    """``path`` with a counter in its query string: a key of its own for each request."""
    return f"{path}{'&' if '?' in path else '?'}n={i}"


def wrk(
    base: str, paths: list[str], seconds: float, connections: int = CONNECTIONS, unique: bool = True
) -> Load:
    """Drive ``paths`` (in turn) with wrk: one thread, ``connections`` connections; with
    ``unique`` each request gets a counter in its query string (no cached answer)."""
    lua = "local paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
    lua += "local i = 0\nrequest = function()\n  i = i + 1\n"
    lua += "  local p = paths[(i % #paths) + 1]\n"
    if unique:
        lua += "  if string.find(p, '?', 1, true) then p = p .. '&n=' .. i"
        lua += " else p = p .. '?n=' .. i end\n"
    lua += "  return wrk.format('GET', p)\nend\n"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(lua)
        script = fh.name
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--latency",
                "-s",
                script,
                base,
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=seconds + 60,
        ).stdout
    finally:
        os.unlink(script)
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", out)
    p99 = re.search(r"^\s*99%\s+(\S+)", out, re.MULTILINE)
    if not total or not p99:
        raise RuntimeError(f"cannot read wrk output:\n{out}")
    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if sockets:
        errors += sum(int(x) for x in sockets.groups())
    return Load(
        int(total.group(1)),
        _seconds(total.group(2) + total.group(3)),
        errors,
        _seconds(p99.group(1)),
    )


def pyload(
    base: str, paths: list[str], seconds: float, connections: int = CONNECTIONS, unique: bool = True
) -> Load:
    """The same load from Python (asyncio + httpx) where wrk is not installed."""
    import httpx

    async def main() -> Load:
        latencies: list[float] = []
        errors = 0
        stop = time.perf_counter() + seconds
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:

            async def worker(n: int) -> None:
                nonlocal errors
                i = n
                while time.perf_counter() < stop:
                    start = time.perf_counter()
                    try:
                        path = paths[i % len(paths)]
                        r = await client.get(_unique(path, i) if unique else path)
                        if r.status_code != 200:
                            errors += 1
                    except httpx.HTTPError:
                        errors += 1
                    latencies.append(time.perf_counter() - start)
                    i += 1

            begin = time.perf_counter()
            await asyncio.gather(*(worker(n) for n in range(connections)))
            elapsed = time.perf_counter() - begin
        latencies.sort()
        p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("inf")
        return Load(len(latencies), elapsed, errors, p99)

    return asyncio.run(main())


def drive(
    base: str, paths: list[str], seconds: float, connections: int = CONNECTIONS
) -> tuple[Load, str]:
    """Warm the server up, then load it; return the figures and the generator's name.

    The figures include the server's CPU time per request, steadier than
    requests/s on a shared machine (it leaves out the time the server waited
    for a core)."""
    tool = "wrk" if shutil.which("wrk") else "python"
    gen = wrk if tool == "wrk" else pyload
    gen(base, paths, 1, connections)
    pid = PIDS.get(base)
    before = _cpu_seconds(pid) if pid else float("nan")
    load = gen(base, paths, seconds, connections)
    used = _cpu_seconds(pid) - before if pid else float("nan")
    return load._replace(cpu=used / load.requests if load.requests else float("nan")), tool


# -- the suite -----------------------------------------------------------------


def _note(load: Load, tool: str, connections: int = CONNECTIONS) -> str:
    return (
        f"{load.rps:,.0f} req/s, p99 {load.p99 * 1000:.1f} ms, {load.errors} errors, "
        f"{load.requests:,} requests ({tool}, {connections} connection(s), unique keys)"
        + (f", server CPU {load.cpu * 1e6:.0f} µs/request" if load.cpu == load.cpu else "")
    )


def _warm(base: str, paths: list[str]) -> None:
    """Request every path once (renders and caches what the server keeps per page)."""
    import httpx

    with httpx.Client(base_url=base, timeout=30) as client:
        for path in paths:
            client.get(path)


def run(quick: bool) -> list[Result]:
    """Run the load tests; ``quick`` loads for 3 s instead of 10 s and searches 10,000 codes.

    The floor and the directory run side by side and are loaded in turn, three
    rounds each; the best round of each counts (the machine is shared)."""
    seconds = 3.0 if quick else 10.0
    registry = examples()
    lookups = [f"/api/lookup?q={quote(q)}" for q in lookup_queries(registry)]
    pages = page_paths(registry)
    floors: list[Load] = []
    secures: list[Load] = []
    ours: list[Load] = []
    views: list[Load] = []
    renders: list[Load] = []
    with (
        Server("floor") as floor_base,
        Server("floor-secure") as secure_base,
        Server("directory") as base,
        Server("directory-render") as render_base,
    ):
        _warm(base, pages)
        for _ in range(3):
            floors.append(drive(floor_base, lookups, seconds)[0])
            secures.append(drive(secure_base, lookups, seconds)[0])
            load, tool = drive(base, lookups, seconds)
            ours.append(load)
            views.append(drive(base, pages, seconds)[0])
            renders.append(drive(render_base, pages, seconds)[0])
    floor = max(floors, key=lambda x: x.rps)
    secure = max(secures, key=lambda x: x.rps)
    lookup = max(ours, key=lambda x: x.rps)
    page = min(views, key=lambda x: x.p99)
    render = min(renders, key=lambda x: x.p99)
    per_request = 1 / lookup.rps if lookup.rps and not lookup.errors else float("inf")
    floor_note = f"; floor {floor.rps:,.0f} req/s, p99 {floor.p99 * 1000:.1f} ms; best of 3"
    cpu = min(x.cpu for x in ours)
    floor_cpu, secure_cpu = min(x.cpu for x in floors), min(x.cpu for x in secures)
    floor_note += (
        f"; server CPU per request {cpu * 1e6:.1f} µs, floor {floor_cpu * 1e6:.1f} µs "
        f"({floor_cpu / cpu:.2f}×), floor with headers {secure_cpu * 1e6:.1f} µs "
        f"({secure_cpu / cpu:.2f}×)"
    )
    results = [
        Result(
            SUITE,
            "lookup API req/s vs floor (≥0.8×)",
            per_request,
            "Starlette dict lookup + orjson.dumps",
            1 / floor.rps,
            1 / 0.8,
            _note(lookup, tool) + floor_note,
        ),
        Result(
            SUITE,
            "lookup API req/s vs floor + security headers",
            per_request,
            "the floor sending the directory's headers",
            1 / secure.rps,
            1 / 0.8,
            _note(lookup, tool) + f"; floor with headers {secure.rps:,.0f} req/s, "
            f"p99 {secure.p99 * 1000:.1f} ms; best of 3",
        ),
        Result(
            SUITE,
            "code page p99, 64 connections (ms)",
            page.p99 if not page.errors else float("inf"),
            "20 ms budget",
            0.020,
            20.0,
            _note(page, tool) + f"; {len(pages)} pages in turn, kept once rendered; best of 3",
            mode="abs",
        ),
        Result(
            SUITE,
            "code page p99, each rendered (ms)",
            render.p99 if not render.errors else float("inf"),
            "20 ms budget",
            0.020,
            20.0,
            _note(render, tool) + f"; {len(pages)} pages in turn, no page kept; best of 3",
            mode="abs",
        ),
    ]
    results.append(_search(quick, seconds))
    return results


def _search(quick: bool, seconds: float) -> Result:
    """Search p99 over the synthetic catalog (100,000 codes; 10,000 when ``quick``)."""
    from bench_search import QUERIES
    from synth import catalog_data, to_json

    n = 10_000 if quick else 100_000
    data = catalog_data(n, 100)
    name = data["errors"][n // 2]["name"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.json"
        path.write_text(to_json(data), encoding="utf-8")
        env = {
            **os.environ,
            "ERRDEX_BENCH_CATALOG": str(path),
            "ERRDEX_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        paths = []
        for q, filters in QUERIES:
            params = {"q": name if q == "NAME" else q}
            params.update({k: str(v).lower() for k, v in filters.items()})
            paths.append("/api/search?" + "&".join(f"{k}={quote(v)}" for k, v in params.items()))
        started = time.perf_counter()
        with Server("big", env) as base:
            start = time.perf_counter() - started
            load, tool = drive(base, paths, seconds, connections=1)
        started = time.perf_counter()
        with Server("big", env):  # a second start: the index comes from the cache
            again = time.perf_counter() - started
    return Result(
        SUITE,
        f"search p99, {n:,} codes, uncached (ms)",
        load.p99 if not load.errors else float("inf"),
        "50 ms budget",
        0.050,
        50.0,
        _note(load, tool, 1)
        + f"; server start {start:.1f} s (load + index build), again {again:.1f} s (cached index)",
        mode="abs",
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--serve",
        choices=["floor", "floor-secure", "directory", "directory-render", "big"],
        help="run one server (used by the suite)",
    )
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port)
    else:
        for r in run(args.quick):
            print(f"{r.name:<34} {'ok ' if r.ok else 'NO '} {r.note}")
