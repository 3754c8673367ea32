"""Catalog core benchmarks (issue 2): import cost, load from TOML and JSON, check.

Floors: ``python -c pass`` for the import; a bare ``tomllib.loads`` /
``orjson.loads`` of the same text for loading, both sides in a fresh child
process with the collector paused (errdex's load pauses it itself), and the
parser imported before the clock starts on both sides (errdex's own modules,
imported by its first load, are timed); the load itself for ``check``. errdex
reads TOML with tomllib's compiled twin when installed
(:mod:`errdex.io.toml_parse`), so a third row compares the TOML load with that
parser too: errdex's own cost on top of the parser it uses.

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
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import errdex
from errdex.check import check_catalog
from errdex.io import reads
from synth import catalog_data, to_json, to_toml
from timing import Result, best_of

SUITE = "catalog"
CPU = time.process_time


def _startup(code: str) -> float:
    """The CPU time (user + system) a fresh interpreter spends running ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", code], check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


_CHILD = """
import gc, sys, time
path, what = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
if what == "orjson":
    import orjson
    parse = lambda: orjson.loads(text)
elif what == "tomllib":
    import tomllib
    parse = lambda: tomllib.loads(text)
elif what == "toml_parse":  # the TOML parser errdex reads with (tomli 2.3 when installed)
    from errdex.io import toml_parse
    loads = toml_parse.parser()[0]
    parse = lambda: loads(text)
else:
    import errdex
    # The parser is imported outside the timing on both sides, as a bare parse imports
    # its parser first; errdex's own modules, imported on the first load, are inside.
    if what == "json":
        import orjson
    else:
        from errdex.io import toml_parse
        toml_parse.parser()
    parse = lambda: errdex.loads(text, what)
gc.disable()
start = time.process_time()
parse()
print(time.process_time() - start)
"""


PARSER_NAMES = {"toml_parse": "the TOML parser errdex uses"}


def _child_load(path: Path, what: str) -> float:
    """CPU time of one strict load (or bare parse) of ``path`` in a fresh interpreter."""
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), what], capture_output=True, text=True, check=True
    )
    return float(run.stdout)


def _pair(floor: Callable[[], Any], func: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Best CPU times of ``floor`` and ``func``, timed in turns."""
    floors, funcs = [], []
    for _ in range(repeat):
        floors.append(best_of(floor, repeat=1, clock=CPU))
        funcs.append(best_of(func, repeat=1, clock=CPU))
    return min(floors), min(funcs)


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

    def load_json() -> Any:
        return reads(json_text, "json")

    # Load against the parser alone, each measured in a fresh child process (no warm
    # caches, nothing left over from another row) with the same GC setting: paused,
    # as errdex's load runs, so the floor is not slowed by collections errdex avoids.
    few = max(2, repeat - 2)  # a TOML parse of 100,000 codes takes seconds
    rows = (
        ("json", "orjson", 2.5, repeat),
        ("toml", "tomllib", 1.15, few),
        ("toml", "toml_parse", 1.15, few),
    )
    with tempfile.TemporaryDirectory(prefix="errdex-bench-") as tmp:
        folder = Path(tmp)
        (folder / "c.toml").write_text(toml_text, encoding="utf-8")
        (folder / "c.json").write_text(json_text, encoding="utf-8")
        for fmt, parser, target, turns in rows:
            floor = took = float("inf")
            for _ in range(turns):  # in turns, the least of each
                floor = min(floor, _child_load(folder / f"c.{fmt}", parser))
                took = min(took, _child_load(folder / f"c.{fmt}", fmt))
            results.append(
                Result(
                    SUITE,
                    f"errdex.loads {fmt.upper()}, {label} (fresh process)",
                    took,
                    f"{PARSER_NAMES.get(parser, parser + '.loads')} (fresh process, GC paused)",
                    floor,
                    target,
                )
            )

    catalog, problems = load_json()
    assert catalog is not None and not problems, problems[:3]
    floor, took = _pair(load_json, lambda: check_catalog(catalog), repeat)
    results.append(Result(SUITE, f"check, {label}", took, "load JSON (same catalog)", floor, 1.0))
    return results
