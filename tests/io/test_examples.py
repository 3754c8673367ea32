"""Request examples and [verify] in the catalog format: loaded, checked, located."""

from __future__ import annotations

import pytest

from catalogs import HEAD
from errdex.io import reads
from errdex.model import Request


def _load(text: str) -> tuple[object, list[str]]:
    catalog, problems = reads(HEAD + "\n" + text, name="c.toml")
    return catalog, [f"{p.location}: {p.rule.id} {p.message}" for p in problems]


def test_a_request_example_loads_with_its_defaults() -> None:
    catalog, problems = _load(
        '[[errors]]\ncode = 1\nmessage = "x"\n\n[[errors.examples]]\n'
        'request = { path = "/rpc", jsonrpc = "eth_call", params = ["latest"] }\n'
        "expect = { status = 200, retryable = false }\n"
    )
    assert problems == []
    example = catalog.entries[0].examples[0]  # type: ignore[attr-defined]
    assert example.body == ""
    assert example.request == Request(
        method="POST", path="/rpc", jsonrpc="eth_call", params=["latest"]
    )
    assert (example.expect.status, example.expect.retryable) == (200, False)


@pytest.mark.parametrize(
    ("example", "problem"),
    [
        ('title = "x"', "c.toml:8:1: E004 example has neither a body nor a request"),
        ('request = { path = "v1" }', "c.toml:9:1: E005"),
        ('request = { path = "/", method = "FETCH" }', "c.toml:9:1: E005"),
        ('request = { path = "/", headers = "x" }', "c.toml:9:1: E003 headers is not a table"),
        ('request = { path = "/", headers = { A = [1] } }', "c.toml:9:1: E003 headers value 'A'"),
        ('request = { path = "/", params = [1] }', "c.toml:9:1: E003 params without a jsonrpc"),
        (
            'request = { path = "/", json = {}, body = "x" }',
            "c.toml:9:1: E003 the request has several",
        ),
        ('request = { path = "/", verb = "GET" }', "c.toml:9:1: E002 unknown field 'verb'"),
        ('body = "{}"\nexpect = { status = 401 }', "c.toml:10:1: E004 expect without a request"),
        ('request = { path = "/" }\nexpect = { status = 99 }', "c.toml:10:1: E005"),
    ],
)
def test_a_bad_example_is_located(example: str, problem: str) -> None:
    _, problems = _load(f'[[errors]]\ncode = 1\nmessage = "x"\n\n[[errors.examples]]\n{example}\n')
    assert any(p.startswith(problem) for p in problems), problems


def test_the_verify_table_loads_and_its_mistakes_are_located() -> None:
    catalog, problems = _load(
        '[verify]\nprofile = "jsonrpc"\nbase_url = "http://127.0.0.1:8545"\ntimeout = 3\n'
        'headers = { Authorization = "Bearer ${T}" }\nhosts = ["auth.local"]\n\n'
        '[[verify.setup]]\nmethod = "POST"\npath = "/login"\ncapture = { T = "/token" }\n'
    )
    assert problems == []
    verify = catalog.verify  # type: ignore[attr-defined]
    assert (verify.profile, verify.timeout, verify.concurrency) == ("jsonrpc", 3, 4)
    assert dict(verify.headers) == {"Authorization": "Bearer ${T}"}
    assert verify.setup[0].request.path == "/login" and dict(verify.setup[0].capture) == {
        "T": "/token"
    }
    _, bad = _load(
        '[verify]\nconcurrency = 0\n\n[[verify.setup]]\npath = "/x"\ncapture = { T = "token" }\n'
    )
    assert any(p.startswith("c.toml:5:1: E005") for p in bad), bad
    assert any("capture is not a table of JSON pointers" in p for p in bad), bad
