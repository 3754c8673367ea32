"""The pre-commit hooks errdex offers: a fixing fmt hook, a check hook that shows warnings."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from catalogs import HEAD, ROOT

HOOKS = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}


def run_hook(hook_id: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a hook's entry as pre-commit does (entry + args), through this Python's errdex."""
    entry = shlex.split(HOOKS[hook_id]["entry"])
    assert entry[0] == "errdex"
    return subprocess.run(
        [sys.executable, "-m", "errdex", *entry[1:], *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _messy(tmp_path: Path) -> Path:
    catalog = tmp_path / "errdex.toml"
    catalog.write_text(
        HEAD + '\n[spaces.app]\nkind = "app"\n\n'
        '[[errors]]\nmessage = "Cart is empty."\ncode = 1\nname = "cartEmpty"\n'
    )
    return catalog


def test_every_hook_is_complete() -> None:
    assert {"errdex-check", "errdex-fmt", "errdex-fmt-check", "errdex-diff"} <= set(HOOKS)
    for hook in HOOKS.values():
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["language"] == "python"


def test_the_fmt_hook_fixes_the_file_and_fails_only_by_changing_it(tmp_path: Path) -> None:
    catalog = _messy(tmp_path)
    before = catalog.read_text()
    first = run_hook("errdex-fmt", tmp_path, str(catalog))
    assert first.returncode == 0, first.stderr
    after = catalog.read_text()
    assert after != before and after.index("code = 1") < after.index("message")
    second = run_hook("errdex-fmt", tmp_path, str(catalog))
    assert second.returncode == 0 and catalog.read_text() == after  # idempotent


def test_the_fmt_check_hook_changes_nothing_and_shows_a_diff(tmp_path: Path) -> None:
    catalog = _messy(tmp_path)
    before = catalog.read_text()
    result = run_hook("errdex-fmt-check", tmp_path, str(catalog))
    assert result.returncode == 1 and '+message = "Cart is empty."' in result.stdout
    assert catalog.read_text() == before


def test_the_check_hook_shows_warnings_although_it_passes(tmp_path: Path) -> None:
    catalog = tmp_path / "errdex.toml"
    catalog.write_text(
        HEAD + '\n[spaces.app]\nkind = "app"\n\n'
        '[[errors]]\ncode = 1\nname = "cartEmpty"\nmessage = "the cart is emtpy"\n'
    )
    result = run_hook("errdex-check", tmp_path, str(catalog))
    assert result.returncode == 0
    assert HOOKS["errdex-check"]["verbose"] is True  # pre-commit prints output of a passing hook
    assert "warning" in result.stdout
