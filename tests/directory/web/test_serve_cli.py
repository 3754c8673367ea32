"""``errdex serve``: runs the directory; a tiny bounded load has zero errors."""

from __future__ import annotations

import asyncio

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
