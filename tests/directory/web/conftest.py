"""Fixtures for the web directory: the example registry, a hostile catalog, test clients,
headless Chromium for the browser tests."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from catalogs import CONTROLS, ODD, ODD_CODES, ROOT

pytest.importorskip("starlette")
pytest.importorskip("jinja2")

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what the extras install
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from errdex.directory import Registry
from errdex.directory.web import create_app

MEGA = "A" * 1_000_000
"""A 1 MB string."""
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Debian's ``chromium`` and its flags: headless, in a container, with no traffic of its own."""


def hostile_catalog(path: Path) -> Path:
    """Write a catalog whose every text tries to inject markup, script or size; return its file."""
    data = {
        "catalog": {
            "id": "evil",
            "title": f"Evil {XSS}",
            "version": "1.0.0",
            "description": f"[click](javascript:alert(1)) and <b onclick=x>bold</b> {XSS}",
            "homepage": "javascript:alert(1)",
            "docs_url": "https://errors.example.com/evil/{code}",
            "default_locale": "en",
            "locales": ["en", "zh-CN"],
        },
        "spaces": {"app": {"kind": "app", "title": f"space {XSS}"}},
        "modules": {"m": {"space": "app", "title": f"Module {XSS}", "prefix": "E-"}},
        "errors": [
            {
                "code": "E-1",
                "name": "scriptName",
                "module": "m",
                "message": f"msg {XSS}",
                "description": (
                    "[a link](javascript:alert(1)) [ok](https://example.com/x?a=1&b=2) "
                    '`<script>` **<i>strong</i>** "><svg onload=alert(1)> ' + XSS
                ),
                "solution": "[data](data:text/html,<script>alert(1)</script>)",
                "translations": {"zh-CN": {"description": f"中文 {XSS}"}},
            },
            {
                "code": "E-2",
                "name": "huge",
                "module": "m",
                "message": MEGA,
                "description": MEGA,
                "solution": MEGA,
            },
        ],
    }
    file = path / "evil.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    return file


@pytest.fixture(scope="session")
def odd_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the catalog of odd string codes (``catalogs.ODD``) alone."""
    folder = tmp_path_factory.mktemp("odd")
    (folder / "errdex.toml").write_text(ODD, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def odd_registry(odd_folder: Path) -> Registry:
    """A registry of the catalog of odd string codes."""
    reg = Registry.from_paths([odd_folder])
    assert len(reg.catalog("odd")) == len(ODD_CODES), [d.message for d in reg.problems]
    return reg


@pytest.fixture(scope="session")
def controls_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the catalog of control and bidi characters (``catalogs.CONTROLS``)."""
    folder = tmp_path_factory.mktemp("controls")
    (folder / "errdex.toml").write_text(CONTROLS, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def controls_client(controls_folder: Path) -> TestClient:
    """A test client over the catalog of control and bidi characters."""
    reg = Registry.from_paths([controls_folder])
    assert "evil" in reg.catalogs, [d.message for d in reg.problems]
    return TestClient(create_app(reg))


@pytest.fixture(scope="session")
def registry() -> Registry:
    """The registry of the bundled examples."""
    reg = Registry.default([str(Path(__file__).resolve().parents[3] / "examples")])
    assert reg.catalogs, reg.problems
    return reg


@pytest.fixture(scope="session")
def client(registry: Registry) -> TestClient:
    """A test client of the web directory over the examples."""
    return TestClient(create_app(registry))


@pytest.fixture(scope="session")
def evil_registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    """A registry of the hostile catalog alone."""
    file = hostile_catalog(tmp_path_factory.mktemp("evil"))
    reg = Registry.from_paths([file])
    assert "evil" in reg.catalogs, [d.message for d in reg.problems]
    return reg


@pytest.fixture(scope="session")
def evil_client(evil_registry: Registry) -> TestClient:
    """A test client over the hostile catalog."""
    return TestClient(create_app(evil_registry))


# -- live servers (browser and load tests) ----------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def errdex_serve(*paths: str | Path, timeout: float = 60.0) -> Iterator[str]:
    """Run ``errdex serve PATH... --port N`` and yield its base URL once ``/healthz`` answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "errdex", "serve", *map(str, paths), "--port", str(port)]
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"errdex serve exited with {proc.returncode}: {out}")
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("errdex serve did not answer /healthz in time")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def static_server(root: Path) -> Iterator[str]:
    """Serve a folder over HTTP on a free port (a stand-in for any static host)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def live_url() -> Iterator[str]:
    """The base URL of ``errdex serve examples`` running in a subprocess."""
    with errdex_serve(ROOT / "examples") as url:
        yield url


@pytest.fixture(scope="session")
def odd_url(odd_folder: Path) -> Iterator[str]:
    """The base URL of ``errdex serve`` over the catalog of odd codes (a subprocess)."""
    with errdex_serve(odd_folder) as url:
        yield url


@pytest.fixture(scope="session")
def controls_url(controls_folder: Path) -> Iterator[str]:
    """The base URL of ``errdex serve`` over the catalog of control and bidi characters."""
    with errdex_serve(controls_folder) as url:
        yield url


@pytest.fixture
def serve_static() -> Callable[[Path], AbstractContextManager[str]]:
    """A function serving a folder over HTTP as a static host would (a context manager)."""
    return static_server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium driven by Playwright, one per test module; skips the test, with the
    reason shown, when Playwright or Chromium is missing."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
    )
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh Chromium page; the test fails when a script error happened in it (a module
    that needs another viewport or its own checks defines its own ``page``)."""
    context = browser.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    assert errors == [], errors
    context.close()
