"""Commands that edit a catalog take its lock: two ``errdex new`` at once keep both entries."""

from __future__ import annotations

import subprocess
import sys

import pytest

from catalogs import HEAD
from errdex.io import load
from errdex.io.edit import LockTimeout, catalog_lock, lock_path

CATALOG = (
    HEAD
    + """
[modules.auth]
prefix = "AUTH-"

[[errors]]
code = "AUTH-1"
name = "first"
module = "auth"
message = "First."
"""
)


def _new(path, name: str) -> subprocess.Popen[str]:
    args = ["new", str(path), "--module", "auth", "--name", name, "--message", f"{name}."]
    return subprocess.Popen(
        [sys.executable, "-m", "errdex", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("layout", ["file", "folder"])
def test_parallel_new_processes_allocate_distinct_codes_and_keep_every_entry(tmp_path, layout):
    if layout == "file":
        path = tmp_path / "shop.toml"
        path.write_text(CATALOG)
    else:
        path = tmp_path / "shop"
        path.mkdir()
        (path / "errdex.toml").write_text(CATALOG)
    names = [f"parallel{i}" for i in range(4)]
    procs = [_new(path, name) for name in names]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err for _, err in outs]
    codes = sorted(out.strip() for out, _ in outs)
    assert len(set(codes)) == 4, codes
    catalog = load(path)
    assert {e.name for e in catalog.entries} == {"first", *names}
    assert sorted(str(e.code) for e in catalog.entries if e.name != "first") == codes


def test_a_held_lock_makes_the_next_writer_wait_then_give_up(tmp_path):
    path = tmp_path / "shop.toml"
    path.write_text(CATALOG)
    with catalog_lock(path), pytest.raises(LockTimeout, match="another process"):  # noqa: SIM117
        with catalog_lock(path, timeout=0.2):
            pass
    with catalog_lock(path, timeout=0.2):  # released: free again
        pass
    assert lock_path(path) == tmp_path / ".shop.toml.lock"
    assert lock_path(tmp_path) == tmp_path / ".errdex.lock"
