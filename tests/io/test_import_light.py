"""``import errdex`` stays light: no command-line, web, template, YAML or locale libraries.

Checked in a fresh interpreter, since the test process has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = [
    "click",
    "rich",
    "jinja2",
    "starlette",
    "yaml",
    "babel",
    "tomlkit",
    "pydantic",
    "fastapi",
    "flask",
    "httpx",
    "errdex.cli",
    "errdex.runtime",
    "errdex.check",
]


def _imported_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nimport json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    loaded = set(json.loads(out))
    return [m for m in HEAVY if m in loaded]


def test_import_errdex_loads_none_of_the_heavy_libraries() -> None:
    assert _imported_after("import errdex") == []


def test_loading_a_toml_catalog_needs_none_of_them_either(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[catalog]\nid = "x"\n[[errors]]\ncode = 1\nmessage = "m"\n')
    code = f"import errdex\ncat = errdex.load({str(path)!r})\nassert cat.entry(1).message == 'm'"
    assert _imported_after(code) == []
