"""What the retry-library tests (tenacity, stamina) retry: a flaky call and decoded errors.

:class:`Flaky` stands for the call being retried; :func:`decoded` and :func:`over_http`
make the ``errdex.Error`` a client would raise for a server's response, the second
through a real ``httpx.Client`` so the request's method and headers count.
"""

from __future__ import annotations

import httpx

import errdex
from errdex.integrations.httpx import raise_for_error
from errdex.model import Catalog


class Flaky:
    """Fails with the given exceptions in turn, then returns "ok"; counts the calls."""

    def __init__(self, *failures: BaseException) -> None:
        self.failures = list(failures)
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.failures:
            raise self.failures.pop(0)
        return "ok"


def _raised(response: httpx.Response, catalog: Catalog) -> errdex.Error:
    try:
        raise_for_error(response, catalog)
    except errdex.Error as exc:
        return exc
    raise AssertionError(f"HTTP {response.status_code} raised no errdex.Error")


def decoded(catalog: Catalog, status: int, body: bytes, headers: dict[str, str]) -> errdex.Error:
    """The error ``raise_for_error`` makes of a JSON response with this status and body."""
    response = httpx.Response(
        status, content=body, headers={"Content-Type": "application/json", **headers}
    )
    return _raised(response, catalog)


def over_http(catalog: Catalog, status: int, method: str, headers: dict[str, str]) -> errdex.Error:
    """The error of a ``method`` request with ``headers`` that a server answered with ``status``."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json={"code": "NOPE", "message": "upstream"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    return _raised(client.request(method, "https://api.example/x", headers=headers), catalog)
