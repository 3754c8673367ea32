"""The Python examples of docs/runtime.md and docs/integrations.md run, and print what
their comments say.

A code line followed by a comment line holding a Python literal (``# b'{"code":…}'``,
``# {"jsonrpc": …}``) must evaluate to that literal. Signature blocks
(``render(error, profile=…) -> Rendered``) and blocks that need a service around
them (a URL, a Flask app, the example gRPC service) are not run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

import errdex
from catalogs import ROOT

DOCS = ROOT / "docs"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
NEEDS_A_SERVICE = (
    "client.post(",
    "install(app, cat",
    "@app.get",
    "if not allowed",
    "grpc_app.channel(",  # the example gRPC service listening on 127.0.0.1:50051
)


def python_blocks(path: Path) -> list[str]:
    return _BLOCK.findall(path.read_text(encoding="utf-8"))


def runnable(block: str) -> bool:
    if any(marker in block for marker in NEEDS_A_SERVICE):
        return False
    try:
        ast.parse(block)
    except SyntaxError:  # a signature such as "render(...) -> Rendered"
        return False
    return True


def run(block: str, namespace: dict[str, Any]) -> int:
    """Run ``block`` statement by statement; check each ``# literal`` comment against the
    value of the expression just before it. Returns how many comments were checked."""
    checked = 0
    lines = block.splitlines()
    tree = ast.parse(block)
    for node in tree.body:
        code = compile(ast.Module([node], []), "<doc>", "exec")
        following = lines[node.end_lineno] if node.end_lineno < len(lines) else ""
        if isinstance(node, ast.Expr) and following.startswith("# "):
            try:
                expected = ast.literal_eval(following[2:])
            except (ValueError, SyntaxError):
                expected = None  # a prose comment, not a value
            if expected is not None and "…" not in following:
                value = eval(compile(ast.Expression(node.value), "<doc>", "eval"), namespace)
                assert value == expected, (ast.unparse(node), value)
                checked += 1
                continue
        exec(code, namespace)
    return checked


@pytest.fixture
def namespace(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from starlette.applications import Starlette
    from starlette.routing import Route

    monkeypatch.chdir(ROOT)  # the docs load "examples/…" from the repository root
    return {
        "errdex": errdex,
        "render": errdex.render,
        "subquery": errdex.load("examples/subquery-indexer-proxy"),
        "csghub": errdex.load("examples/csghub"),
        "zan": errdex.load("examples/zan"),
        "Starlette": Starlette,
        "Route": Route,
    }


@pytest.mark.parametrize("doc", ["runtime.md", "integrations.md"])
def test_doc_examples_run(doc: str, namespace: dict[str, Any]) -> None:
    blocks = [b for b in python_blocks(DOCS / doc) if runnable(b)]
    assert blocks, f"no runnable example in {doc}"
    checked = sum(run(block, dict(namespace)) for block in blocks)
    assert checked >= 1, f"no example of {doc} states a value to check"
