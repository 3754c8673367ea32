"""``errdex verify`` through the real entry point: exit codes, formats, --app and --output."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import shop_service

SHOP_SERVICE = Path(shop_service.__file__)


def _project(tmp_path: Path, drift: str | None = None) -> Path:
    (tmp_path / "shop.toml").write_text(shop_service.CATALOG, "utf-8")
    (tmp_path / "shop_service.py").write_text(SHOP_SERVICE.read_text("utf-8"), "utf-8")
    (tmp_path / "service.py").write_text(
        f"from shop_service import starlette_app\napp = starlette_app(drift={drift!r})\n", "utf-8"
    )
    return tmp_path


def _verify(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, **shop_service.ENV, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "errdex", "verify", *args],
        cwd=cwd,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_service_as_declared_exits_0(tmp_path: Path) -> None:
    done = _verify(_project(tmp_path), "shop.toml", "--app", "service:app")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "4 passed, 0 failed, 1 without an example"


def test_drift_exits_1_and_strict_fails_on_missing_examples(tmp_path: Path) -> None:
    done = _verify(_project(tmp_path, "status"), "shop.toml", "--app", "service:app")
    assert done.returncode == 1
    assert "status  expected 401" in done.stdout
    strict = _verify(_project(tmp_path), "shop.toml", "--app", "service:app", "--strict")
    assert strict.returncode == 1


def test_junit_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "reports" / "verify.xml"
    done = _verify(
        _project(tmp_path), "shop.toml", "--app", "service:app", "--format", "junit", "-o", str(out)
    )
    assert done.returncode == 0
    assert ET.parse(out).getroot().find("testsuite").get("tests") == "5"  # type: ignore[union-attr]


def test_what_cannot_run_exits_2_with_the_reason(tmp_path: Path) -> None:
    project = _project(tmp_path)
    no_target = _verify(project, "shop.toml")
    assert no_target.returncode == 2
    assert "give --base-url URL" in no_target.stderr
    bad_app = _verify(project, "shop.toml", "--app", "service")
    assert bad_app.returncode == 2 and "is not module:attr" in bad_app.stderr
    both = _verify(project, "shop.toml", "--app", "service:app", "--base-url", "http://x")
    assert both.returncode == 2
    missing = _verify(project, "nope.toml", "--app", "service:app")
    assert missing.returncode == 2
    for done in (no_target, bad_app, both, missing):
        assert "Traceback" not in done.stderr
