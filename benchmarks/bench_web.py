"""Web directory load test (issue 5): the lookup and search JSON APIs under 64 connections.

Both APIs are driven on loopback with 64 concurrent connections for a fixed
time (``wrk`` when installed — ``apt-get install wrk`` — else a Python
asyncio/httpx load generator), each over a rotating set of real queries.
The floor is a minimal Starlette app returning a fixed JSON body, run by
uvicorn with the same settings (one worker, httptools/uvloop when
installed, no access log) and measured in the same run, before and after
the directory; the faster of its two runs is used.

Targets per API: ≥ 0.7× the floor's requests/s, ≥ 2,000 requests/s, p99 ≤
50 ms, zero errors (any error fails the throughput rows). Run one server:
``python benchmarks/bench_web.py --serve floor|directory --port N``.
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
FIXED = b'{"status":"ok","catalogs":5,"entries":392}'

LOOKUPS = [
    "1003",
    "invalidJWT",
    "0x3EB",
    "AUTH-ERR-4",
    "429",
    "-32000",
    "auth-err-4",
    "1051",
    "404",
    "-32602",
]
SEARCHES = [
    "rate limit",
    "白名单",
    "token expired",
    "not found",
    "jwt",
    "限制",
    "invalid params",
    "timeout",
    "权限",
    "repository",
]


def floor_app() -> object:
    """The floor: a minimal Starlette app returning a fixed JSON body."""
    from starlette.applications import Starlette
    from starlette.responses import Response
    from starlette.routing import Route

    async def fixed(request: object) -> Response:
        return Response(FIXED, media_type="application/json")

    return Starlette(routes=[Route("/fixed", fixed)])


def directory_app() -> object:
    """The web directory over the bundled examples."""
    from errdex.directory import Registry
    from errdex.directory.web import create_app

    return create_app(Registry.from_paths([HERE.parent / "examples"]))


def serve(kind: str, port: int) -> None:
    """Run one app with uvicorn: one worker, the fastest loop and parser there, no access log."""
    import gc

    import uvicorn

    app = floor_app() if kind == "floor" else directory_app()
    gc.collect()
    gc.freeze()  # as `errdex serve` does
    uvicorn.run(
        app, host="127.0.0.1", port=port, log_level="warning", access_log=False, server_header=False
    )


class Load(NamedTuple):
    """What one load run measured."""

    requests: int
    seconds: float
    errors: int
    p99: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One app served by uvicorn in a subprocess, for the duration of a ``with`` block."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        cmd = [sys.executable, str(Path(__file__)), "--serve", self.kind, "--port", str(self.port)]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"{self.kind} server exited: "
                    + (self.proc.stderr.read().decode() if self.proc.stderr else "")
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return f"http://127.0.0.1:{self.port}"
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


def wrk(base: str, paths: list[str], seconds: float) -> Load:
    """Drive ``paths`` (in turn) with wrk: one thread, :data:`CONNECTIONS` connections."""
    lua = "local paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
    lua += "local i = 0\nrequest = function()\n  i = i + 1\n"
    lua += "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(lua)
        script = fh.name
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t1",
                f"-c{CONNECTIONS}",
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
    p99 = re.search(r"99%\s+(\S+)", out)
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


def pyload(base: str, paths: list[str], seconds: float) -> Load:
    """The same load from Python (asyncio + httpx) where wrk is not installed."""
    import httpx

    async def main() -> Load:
        latencies: list[float] = []
        errors = 0
        stop = time.perf_counter() + seconds
        limits = httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:

            async def worker(n: int) -> None:
                nonlocal errors
                i = n
                while time.perf_counter() < stop:
                    start = time.perf_counter()
                    try:
                        r = await client.get(paths[i % len(paths)])
                        if r.status_code != 200:
                            errors += 1
                    except httpx.HTTPError:
                        errors += 1
                    latencies.append(time.perf_counter() - start)
                    i += 1

            begin = time.perf_counter()
            await asyncio.gather(*(worker(n) for n in range(CONNECTIONS)))
            elapsed = time.perf_counter() - begin
        latencies.sort()
        p99 = latencies[int(len(latencies) * 0.99) - 1] if latencies else float("inf")
        return Load(len(latencies), elapsed, errors, p99)

    return asyncio.run(main())


def drive(base: str, paths: list[str], seconds: float) -> tuple[Load, str]:
    """Warm the server up, then load it; return the figures and the generator's name."""
    tool = "wrk" if shutil.which("wrk") else "python"
    gen = wrk if tool == "wrk" else pyload
    gen(base, paths, 1)
    return gen(base, paths, seconds), tool


# -- the suite -----------------------------------------------------------------


def _rows(api: str, load: Load, floor: Load, tool: str) -> list[Result]:
    note = (
        f"{load.rps:,.0f} req/s, p99 {load.p99 * 1000:.1f} ms, {load.errors} errors, "
        f"{load.requests:,} requests; floor {floor.rps:,.0f} req/s, "
        f"p99 {floor.p99 * 1000:.1f} ms ({tool}, {CONNECTIONS} connections)"
    )
    per_request = 1 / load.rps if load.rps and not load.errors else float("inf")
    return [
        Result(
            SUITE,
            f"{api} API req/s vs floor (≥0.7×)",
            per_request,
            "minimal Starlette fixed JSON",
            1 / floor.rps,
            1 / 0.7,
            note,
        ),
        Result(
            SUITE,
            f"{api} API ≥ 2,000 req/s",
            per_request,
            "2,000 req/s budget",
            1 / 2000,
            1.0,
            note,
        ),
        Result(SUITE, f"{api} API p99 ≤ 50 ms", load.p99, "50 ms p99 budget", 0.050, 1.0, note),
    ]


def run(quick: bool) -> list[Result]:
    """Run the load test; ``quick`` loads each API for 3 s instead of 10 s."""
    seconds = 3.0 if quick else 10.0
    lookup_paths = [f"/api/lookup?q={quote(q)}" for q in LOOKUPS]
    search_paths = [f"/api/search?q={quote(q)}" for q in SEARCHES]
    with Server("floor") as base:
        floor_a, _ = drive(base, ["/fixed"], seconds)
    with Server("directory") as base:
        drive(base, lookup_paths + search_paths, 1)  # warm both APIs before timing either
        lookup, tool = drive(base, lookup_paths, seconds)
        search, _ = drive(base, search_paths, seconds)
    with Server("floor") as base:
        floor_b, _ = drive(base, ["/fixed"], seconds)
    floor = max(floor_a, floor_b, key=lambda x: x.rps)
    return _rows("lookup", lookup, floor, tool) + _rows("search", search, floor, tool)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--serve", choices=["floor", "directory"], help="run one server (used by the suite)"
    )
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.port)
    else:
        for r in run(args.quick):
            print(f"{r.name:<34} {'ok ' if r.ok else 'NO '} {r.note}")
