"""One paging bound for the command line and the server (:mod:`errdex.directory.paging`)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from catalogs import EXAMPLES
from errdex.directory import Registry
from errdex.directory.paging import MAX_OFFSET
from errdex.directory.web import create_app


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(Registry.from_paths([EXAMPLES])))


def test_the_server_accepts_the_bound_and_refuses_past_it(client: TestClient) -> None:
    ok = client.get("/api/search", params={"q": "rate", "offset": str(MAX_OFFSET)})
    assert ok.status_code == 200 and ok.json()["offset"] == MAX_OFFSET
    past = client.get("/api/search", params={"q": "rate", "offset": str(MAX_OFFSET + 1)})
    assert past.status_code == 400
    huge = client.get("/api/search", params={"q": "rate", "offset": "9" * 25})
    assert huge.status_code == 400


def test_the_command_line_uses_the_same_bound() -> None:
    from click.testing import CliRunner

    from errdex.cli.main import cli

    args = ["search", "--catalog-path", str(EXAMPLES), "rate", "--offset"]
    assert CliRunner().invoke(cli, [*args, str(MAX_OFFSET)]).exit_code == 0
    refused = CliRunner().invoke(cli, [*args, str(MAX_OFFSET + 1)])
    assert refused.exit_code == 2 and str(MAX_OFFSET) in refused.output
