"""``errdex reconcile`` through the real entry point: exit codes, formats, --suggest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import shop_service
from evidence_factory import write_har, write_jsonl

import errdex


def _run(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "errdex", "reconcile", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=120,
    )


def _shop(tmp_path: Path) -> Path:
    path = tmp_path / "shop.toml"
    path.write_text(shop_service.CATALOG, "utf-8")
    return path


def test_drift_exits_1_and_the_patch_holds_the_missing_code(tmp_path: Path) -> None:
    _shop(tmp_path)
    write_jsonl(tmp_path)
    done = _run(tmp_path, "shop.toml", "access.log", "--suggest", "patch.toml")
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode()
    assert "AUTH-ERR-77 ×3 (401 ×3) first at access.log:" in out
    assert out.splitlines()[-1] == "drift found"
    patch = (tmp_path / "patch.toml").read_text("utf-8")
    assert 'code = "AUTH-ERR-77"' in patch and 'message = "Key revoked."' in patch
    # the patch is valid TOML that makes a valid catalog once pasted in
    merged = shop_service.CATALOG + "\n" + patch
    assert errdex.loads(merged).get("AUTH-ERR-77") is not None


def test_json_and_markdown_reports(tmp_path: Path) -> None:
    _shop(tmp_path)
    write_har(tmp_path)
    done = _run(tmp_path, "shop.toml", "session.har", "--format", "json")
    doc = json.loads(done.stdout)
    assert doc["unknown_codes"][0]["code"] == "AUTH-ERR-77"
    assert doc["sources"][0]["kind"] == "har"
    md = _run(tmp_path, "shop.toml", "session.har", "--format", "markdown", "-o", "r.md")
    assert (tmp_path / "r.md").read_bytes() == md.stdout
    assert b"## Codes sent that the catalog does not have" in md.stdout


def test_stdin_and_a_clean_window_exit_0(tmp_path: Path) -> None:
    _shop(tmp_path)
    line = b'{"status":200}\n{"status":429,"error":{"code":"LIM-1"}}\n'
    done = _run(tmp_path, "shop.toml", "-", "--module", "limits", stdin=line)
    assert done.returncode == 0, done.stdout
    assert b"100.0% catalog errors" in done.stdout
    short = _run(tmp_path, "shop.toml", "-", "--min-share", "100", stdin=b'{"status":502}\n')
    assert short.returncode == 1
    assert b"below --min-share 100%" in short.stderr


def test_bad_input_exits_2_without_a_traceback(tmp_path: Path) -> None:
    _shop(tmp_path)
    cases = [
        ("shop.toml", "missing.log"),
        ("shop.toml", "-", "--field", "colour=x"),
        ("shop.toml", "-", "--suggest", "shop.toml"),
        ("nope.toml", "-"),
    ]
    for args in cases:
        done = _run(tmp_path, *args, stdin=b"")
        assert done.returncode == 2, (args, done.stdout)
        assert b"Traceback" not in done.stderr
    assert (tmp_path / "shop.toml").read_text("utf-8") == shop_service.CATALOG
