"""errdex verify against a real Go service that renders its errors with the generated Go.

The shop catalog becomes a Go package through ``errdex gen --lang go`` (the real
command), a small net/http service raises its entries with it, and ``errdex
verify`` proves the service over loopback HTTP — passing as written, failing
with the diff once the service sends a code with the wrong status.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from shop_service import CATALOG, ENV

import errdex
from errdex.reality.verify import verify

SERVICE = """package main

import (
	"fmt"
	"net"
	"net/http"
	"os"

	"shopservice/shop"
)

func send(w http.ResponseWriter, r *http.Request, err *shop.Error) {
	status := 0
	fmt.Sscan(os.Getenv("SHOP_FORCE_STATUS"), &status)
	resp, _ := shop.Render(err, "problem", shop.Locale(r.Header.Get("Accept-Language")))
	for _, h := range resp.Headers {
		w.Header().Set(h[0], h[1])
	}
	if status == 0 {
		status = resp.Status
	}
	w.WriteHeader(status)
	w.Write(resp.Body)
}

func main() {
	http.HandleFunc("/v1/repos", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer expired-token" {
			send(w, r, shop.New("AUTH-ERR-4", "", shop.Param{Name: "age", Value: 5}))
			return
		}
		send(w, r, shop.New("AUTH-ERR-5", ""))
	})
	http.HandleFunc("/v1/orders", func(w http.ResponseWriter, r *http.Request) {
		send(w, r, shop.New("LIM-1", ""))
	})
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	fmt.Println(listener.Addr().String())
	http.Serve(listener, nil)
}
"""


@pytest.fixture(scope="module")
def service_binary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    go = shutil.which("go")
    if go is None:
        pytest.skip("go not found: apt-get install golang-go (see .ci/run)")
    folder = tmp_path_factory.mktemp("gosvc")
    (folder / "shop.toml").write_text(CATALOG, "utf-8")
    gen = subprocess.run(
        [
            sys.executable,
            "-m",
            "errdex",
            "gen",
            "shop.toml",
            "--lang",
            "go",
            "-o",
            "shop",
            "--package",
            "shop",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert gen.returncode == 0, gen.stderr
    (folder / "go.mod").write_text("module shopservice\n\ngo 1.19\n")
    (folder / "main.go").write_text(SERVICE)
    env = {
        **os.environ,
        "GOCACHE": os.environ.get("GOCACHE", str(Path.home() / ".cache" / "go-build")),
        "GOPATH": str(folder / "gopath"),
        "GOFLAGS": "-mod=mod",
        "GOTOOLCHAIN": "local",
        "GOPROXY": "off",
    }
    build = subprocess.run(
        [go, "build", "-o", "service", "."],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    return folder / "service"


@contextmanager
def running(binary: Path, **env: str) -> Iterator[str]:
    process = subprocess.Popen(
        [str(binary)], stdout=subprocess.PIPE, text=True, env={**os.environ, **env}
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        assert address.startswith("127.0.0.1:"), address
        yield f"http://{address}"
    finally:
        process.kill()
        process.wait(10)


def test_a_go_service_speaking_the_generated_code_passes(service_binary: Path) -> None:
    with running(service_binary) as url:
        run = verify(errdex.loads(CATALOG, name="shop.toml"), base_url=url, environ=ENV)
    assert [(o.case.label, o.mismatches, o.error) for o in run.outcomes] == [
        ("AUTH-ERR-4 invalidJWT", (), None),
        ("AUTH-ERR-4 invalidJWT", (), None),
        ("AUTH-ERR-5 noToken", (), None),
        ("LIM-1 slowDown", (), None),
    ]


def test_a_go_service_with_a_drifted_status_fails_with_the_diff(service_binary: Path) -> None:
    with running(service_binary, SHOP_FORCE_STATUS="403") as url:
        run = verify(errdex.loads(CATALOG, name="shop.toml"), base_url=url, environ=ENV)
    assert run.failed == 4
    status = run.outcomes[3].mismatches[0]
    assert (status.what, status.expected, status.got) == ("status", "429", "403")
