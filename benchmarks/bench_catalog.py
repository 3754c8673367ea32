"""Catalog core benchmarks (issue 2): import cost, load from TOML and JSON, check.

Floors: ``python -c pass`` for the import; a bare ``tomllib.loads`` /
``orjson.loads`` of the same text for loading; the load itself for ``check``.

Times are CPU times (of the child interpreter for the import, of this process
otherwise), and each operation is timed in turns with its floor, so a machine
busy with other work disturbs the ratios as little as it can. Loading pauses
the cyclic garbage collector (see :mod:`errdex.io.load`) while a bare parse
runs with it, as a user's code would: two rows without a target show the load
against floors with the collector paused too, i.e. errdex's own cost on top of
the parser.
"""

from __future__ import annotations

import compileall
import gc
import resource
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

import errdex
from errdex.check import check_catalog
from errdex.io import reads
from synth import catalog_data, to_json, to_toml
from timing import Result, best_of

SUITE = "catalog"
NO_TARGET = float("inf")
CPU = time.process_time


def _startup(code: str) -> float:
    """The CPU time (user + system) a fresh interpreter spends running ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _pair(floor: Callable[[], Any], func: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Best CPU times of ``floor`` and ``func``, timed in turns."""
    floors, funcs = [], []
    for _ in range(repeat):
        floors.append(best_of(floor, repeat=1, clock=CPU))
        funcs.append(best_of(func, repeat=1, clock=CPU))
    return min(floors), min(funcs)


def _paused(func: Callable[[], Any]) -> Callable[[], Any]:
    """``func`` run with the cyclic garbage collector paused, as errdex's load runs."""

    def run() -> Any:
        gc.disable()
        try:
            return func()
        finally:
            gc.enable()

    return run


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses 10,000 codes and fewer repeats."""
    n = 10_000 if quick else 100_000
    repeat = 3 if quick else 5
    results = []
    # An installed package has its bytecode (pip compiles on install); an
    # editable checkout run with PYTHONDONTWRITEBYTECODE=1 would not.
    compileall.compile_dir(str(Path(errdex.__file__).parent), quiet=1)
    bare = imported = float("inf")
    for _ in range(repeat * 4):  # in turns, the least of each
        bare = min(bare, _startup("pass"))
        imported = min(imported, _startup("import errdex"))
    results.append(
        Result(
            SUITE, "import errdex (ms added)", imported, "python -c pass", bare, 40.0, mode="diff"
        )
    )

    data = catalog_data(n, 100)
    toml_text, json_text = to_toml(data), to_json(data)
    label = f"{n:,} codes"

    def load_toml() -> Any:
        return reads(toml_text, "toml")

    def load_json() -> Any:
        return reads(json_text, "json")

    def parse_toml() -> Any:
        return tomllib.loads(toml_text)

    def parse_json() -> Any:
        return orjson.loads(json_text)

    few = max(2, repeat - 2)  # a TOML parse of 100,000 codes takes seconds
    floor, took = _pair(parse_toml, load_toml, few)
    results.append(Result(SUITE, f"load TOML, {label}", took, "tomllib.loads", floor, 1.3))
    floor = best_of(_paused(parse_toml), repeat=few, clock=CPU)
    results.append(
        Result(SUITE, f"load TOML, {label}", took, "tomllib.loads, GC paused", floor, NO_TARGET)
    )

    floor, json_took = _pair(parse_json, load_json, repeat)
    results.append(Result(SUITE, f"load JSON, {label}", json_took, "orjson.loads", floor, 4.0))
    floor = best_of(_paused(parse_json), repeat=repeat, clock=CPU)
    results.append(
        Result(SUITE, f"load JSON, {label}", json_took, "orjson.loads, GC paused", floor, NO_TARGET)
    )

    catalog, problems = load_json()
    assert catalog is not None and not problems, problems[:3]
    floor, took = _pair(load_json, lambda: check_catalog(catalog), repeat)
    results.append(Result(SUITE, f"check, {label}", took, "load JSON (same catalog)", floor, 1.0))
    return results
