"""Fixtures for the integration tests: the example catalogs the integrations serve, and the
gRPC shop server with a channel to it (for the gRPC tests, which importorskip grpc first)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from catalogs import example
from errdex.model import Catalog


@pytest.fixture(scope="session")
def zan() -> Catalog:
    """ZAN: JSON-RPC codes mapped to HTTP statuses, Chinese by default, English translations."""
    return example("zan")


@pytest.fixture(scope="session")
def alchemy() -> Catalog:
    """Alchemy: JSON-RPC errors answered with HTTP 200, -32000 with message variants."""
    return example("alchemy")


@pytest.fixture(scope="session")
def csghub() -> Catalog:
    """CSGHub: string codes in modules, an internal_error entry, zh-CN translations."""
    return example("csghub")


@pytest.fixture(scope="module")
def server(app_shop: Catalog) -> Iterator[int]:
    """The port of a sync gRPC ``shop.Orders`` server (``grpc_shop.SyncServer``) on 127.0.0.1."""
    from grpc_shop import SyncServer

    running = SyncServer(app_shop)
    yield running.port
    running.server.stop(0)


@pytest.fixture()
def channel(server: int) -> Iterator[Any]:
    """A plain insecure channel to :func:`server`, closed after the test."""
    import grpc

    with grpc.insecure_channel(f"127.0.0.1:{server}") as ch:
        yield ch


@pytest.fixture()
def decoding(server: int, app_shop: Catalog) -> Iterator[Any]:
    """A channel to :func:`server` through ``ErrorClientInterceptor`` (``METHOD`` idempotent)."""
    import grpc
    from grpc_shop import METHOD

    from errdex.integrations.grpc_client import ErrorClientInterceptor

    interceptor = ErrorClientInterceptor(app_shop, idempotent={METHOD})
    with grpc.insecure_channel(f"127.0.0.1:{server}") as ch:
        yield grpc.intercept_channel(ch, interceptor)
