"""errdex's own jobs work with its core dependencies alone: no extra is needed to check,
export, generate, build the static site, search or explain (``pip install errdex``).

Each command runs in a child process where importing any extra's package fails, as it
would in a plain install; a job that needs an extra must say so, never crash.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from catalogs import ROOT

ZAN = ROOT / "examples" / "zan"


def _names(requirements: list[str]) -> set[str]:
    """Distribution names of requirement strings (``Jinja2>=3.1; …`` → ``jinja2``)."""
    return {
        re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].strip().lower().replace("_", "-")
        for r in requirements
    }


def _extras_only() -> tuple[str, ...]:
    """Top-level modules installed only by an extra, read from pyproject.toml: what a plain
    ``pip install errdex`` lacks (a module a core dependency also provides is not listed)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = _names(project["dependencies"])
    extras = set().union(*(_names(r) for r in project["optional-dependencies"].values()))
    only = extras - core - {"errdex"}
    modules = {
        module
        for module, dists in packages_distributions().items()
        if dists and all(d.lower().replace("_", "-") in only for d in dists)
    }
    return tuple(sorted(m for m in modules if m.isidentifier()))


EXTRAS_ONLY = _extras_only()


BLOCK = f"""
import sys
BLOCKED = {EXTRAS_ONLY!r}
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}} (blocked: an extra)", name=name)
        return None
sys.meta_path.insert(0, Block())
from errdex.cli.main import main
sys.argv = ["errdex", *sys.argv[1:]]
main()
"""


def _errdex(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BLOCK, *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={"PYTHONPATH": str(ROOT / "src"), "ERRDEX_CACHE_DIR": str(cwd / "cache")},
    )


@pytest.mark.parametrize(
    "args",
    [
        ("check", "{zan}"),
        ("export", "{zan}", "--format", "html", "-o", "{tmp}/z.html"),
        ("export", "{zan}", "--format", "openapi", "-o", "{tmp}/z.json"),
        ("gen", "{zan}", "--lang", "go", "-o", "{tmp}/go"),
        ("gen", "{zan}", "--lang", "typescript", "-o", "{tmp}/ts"),
        ("build", "{zan}", "--site", "{tmp}/site"),
        ("search", "rate limit", "--catalog-path", "{zan}"),
        ("explain", "-32005", "--catalog-path", "{zan}"),
        ("conformance", "{zan}", "-o", "{tmp}/v.jsonl"),
    ],
    ids=[
        "check",
        "export-html",
        "export-openapi",
        "gen-go",
        "gen-typescript",
        "build-site",
        "search",
        "explain",
        "conformance",
    ],
)
def test_a_core_job_runs_without_any_extra(tmp_path: Path, args: tuple[str, ...]) -> None:
    filled = [a.format(zan=ZAN, tmp=tmp_path) for a in args]
    result = _errdex(*filled, cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 1: check's findings


def test_the_extras_block_list_is_read_from_pyproject() -> None:
    assert {"uvicorn", "fastapi", "grpc", "tree_sitter"} <= set(EXTRAS_ONLY)
    assert not {"jinja2", "markdown_it", "orjson", "click"} & set(EXTRAS_ONLY)  # core


def test_a_job_that_needs_an_extra_names_it_without_a_traceback(tmp_path: Path) -> None:
    result = _errdex("serve", str(ZAN), "--port", "0", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "pip install 'errdex[server]'" in result.stderr + result.stdout
