"""The repository itself: nothing half-merged is ever committed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_MARKER = re.compile(r"^(<{7}|>{7})( |$)", re.M)


def _tracked() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "ls-files", "-z"],
            capture_output=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        pytest.skip("not a git checkout (or git is missing): no tracked files to read")
    return [ROOT / name for name in out.decode("utf-8", "replace").split("\0") if name]


def test_no_tracked_text_file_holds_merge_conflict_markers():
    found = []
    for path in _tracked():
        if path.suffix not in (".md", ".py", ".toml", ".yaml", ".yml", ".json", ".txt", ""):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "/fixtures/" in path.as_posix() or "/heldout/" in path.as_posix():
            continue  # real public files kept verbatim
        for match in _MARKER.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(ROOT)}:{line}")
    assert found == [], "merge conflict markers: " + ", ".join(found)
