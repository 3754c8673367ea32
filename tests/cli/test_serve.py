"""``errdex serve``: the port check, the server's bounds, and clean refusals (exit 2)."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest

from errdex.cli.serve import _check_port, server_options


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


def test_check_port_says_why_a_port_cannot_be_listened_on() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        why = _check_port("127.0.0.1", port)
        assert why is not None and why[0].startswith(f"cannot listen on 127.0.0.1:{port}: ")
        assert "--port" in why[1]
    assert _check_port("127.0.0.1", 0) is None
    unresolved = _check_port("no-such-host.invalid", 80)
    assert unresolved is not None
    assert unresolved[0].startswith("cannot resolve host 'no-such-host.invalid': ")
    assert unresolved[1] == "choose another --host"


def test_server_options_bound_what_one_client_can_hold() -> None:
    pytest.importorskip("uvicorn", reason="the server extra is not installed")
    from errdex.directory.web import limits

    options = server_options()
    assert options["server_header"] is False
    assert options["timeout_keep_alive"] == limits.KEEP_ALIVE
    assert options["limit_concurrency"] == limits.MAX_CONNECTIONS
    assert options["h11_max_incomplete_event_size"] == limits.MAX_HEAD
    assert options["access_log"] is False and options["log_level"] == "warning"
    if "http" in options:
        assert options["http"].__name__ == "BoundedHttpToolsProtocol"
