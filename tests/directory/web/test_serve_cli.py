"""``errdex serve``: runs the directory; a tiny bounded load has zero errors; clean failures."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys

import httpx


def test_serve_answers_and_a_small_load_has_no_errors(live_url: str) -> None:
    paths = [
        "/api/lookup?q=1003",
        "/api/search?q=rate%20limit",
        "/api/search?q=%E7%99%BD%E5%90%8D%E5%8D%95",
        "/",
    ]

    async def load() -> list[int]:
        async with httpx.AsyncClient(base_url=live_url, timeout=30) as client:
            sem = asyncio.Semaphore(16)

            async def one(i: int) -> int:
                async with sem:
                    return (await client.get(paths[i % len(paths)])).status_code

            return await asyncio.gather(*(one(i) for i in range(200)))

    statuses = asyncio.run(load())
    assert statuses.count(200) == 200


def test_serve_reports_a_taken_port_cleanly() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        run = subprocess.run(
            [sys.executable, "-m", "errdex", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert run.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in run.stderr and "Traceback" not in run.stderr


def test_serve_without_catalogs_exits_2(tmp_path: object) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "errdex", "serve", str(tmp_path), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
