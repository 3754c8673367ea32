"""Catalog core benchmarks (issue 2): import cost, load from TOML and JSON, check.

Floors: ``python -c pass`` for the import; a bare ``tomllib.loads`` /
``orjson.loads`` of the same text for loading; the load itself for ``check``.
"""

from __future__ import annotations

import compileall
import subprocess
import sys
import tomllib
from pathlib import Path

import orjson
from synth import catalog_data, to_json, to_toml
from timing import Result, best_of

import errdex
from errdex.check import check_catalog
from errdex.io import reads

SUITE = "catalog"


def _startup(code: str, repeat: int) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-c", code], check=True)

    return best_of(run, repeat=repeat)


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses 10,000 codes and fewer repeats."""
    n = 10_000 if quick else 100_000
    repeat = 3 if quick else 5
    results = []
    # An installed package has its bytecode (pip compiles on install); an
    # editable checkout run with PYTHONDONTWRITEBYTECODE=1 would not.
    compileall.compile_dir(str(Path(errdex.__file__).parent), quiet=1)
    bare = _startup("pass", repeat * 4)
    imported = _startup("import errdex", repeat * 4)
    results.append(
        Result(SUITE, "import errdex (ms added)", imported, "python -c pass", bare, 40.0, mode="diff")
    )

    data = catalog_data(n, 100)
    toml_text, json_text = to_toml(data), to_json(data)
    label = f"{n:,} codes"

    floor = best_of(lambda: tomllib.loads(toml_text), repeat=max(2, repeat - 2))
    took = best_of(lambda: reads(toml_text, "toml"), repeat=max(2, repeat - 2))
    results.append(Result(SUITE, f"load TOML, {label}", took, "tomllib.loads", floor, 1.3))

    floor = best_of(lambda: orjson.loads(json_text), repeat=repeat)
    load_json = best_of(lambda: reads(json_text, "json"), repeat=repeat)
    results.append(Result(SUITE, f"load JSON, {label}", load_json, "orjson.loads", floor, 4.0))

    catalog, problems = reads(json_text, "json")
    assert catalog is not None and not problems, problems[:3]
    took = best_of(lambda: check_catalog(catalog), repeat=repeat)
    results.append(Result(SUITE, f"check, {label}", took, "load JSON (same catalog)", load_json, 1.0))
    return results
