"""``errdex.conformance.lang_go``: Go is found, its version checked, built offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_tools import fake_tools

from errdex.conformance.lang_go import HINT, GoToolchain, go_env
from errdex.conformance.toolchain import ToolchainMissing


def test_go_env_is_offline_local_and_keeps_a_shared_cache(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GOCACHE", "/shared/cache")
    env = go_env(tmp_path)
    assert env["GOPATH"] == str(tmp_path / "gopath")
    assert (env["GOPROXY"], env["GOTOOLCHAIN"], env["GOFLAGS"]) == ("off", "local", "-mod=mod")
    assert env["GOCACHE"] == "/shared/cache"
    monkeypatch.delenv("GOCACHE")
    assert go_env(tmp_path)["GOCACHE"].endswith("go-build")


def test_no_go_on_path_names_the_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_tools(tmp_path, monkeypatch)
    with pytest.raises(ToolchainMissing, match=r"^go not found on PATH: install Go 1\.19"):
        GoToolchain().check()


def test_an_old_go_is_refused_a_new_one_accepted(tmp_path: Path, monkeypatch) -> None:
    fake_tools(tmp_path, monkeypatch, go="echo go version go1.18.3 linux/amd64")
    with pytest.raises(ToolchainMissing, match=r"go1\.18\.3 linux/amd64 is too old") as caught:
        GoToolchain().check()
    assert HINT in str(caught.value)
    folder = fake_tools(tmp_path, monkeypatch, go="echo go version go1.22.1 linux/amd64")
    assert GoToolchain().check() == str(folder / "go")


def test_a_go_that_prints_no_version_is_refused(tmp_path: Path, monkeypatch) -> None:
    fake_tools(tmp_path, monkeypatch, go="echo hello")
    with pytest.raises(ToolchainMissing, match="hello is too old"):
        GoToolchain().check()
