"""Code generator benchmarks (issue 3): import cost of the generated Python module.

Target: importing the module generated for 10,000 codes costs at most 0.25×
building the equivalent 10,000-member ``enum.Enum`` (functional API). Both are
measured in this process: the module is written to a temporary folder and
compiled once (so its ``.pyc`` exists, as after a user's first import); each
timed import removes it from ``sys.modules`` and clears the import caches, so
it pays for finding, unmarshalling and executing the module, as a user's
first import in a fresh interpreter does.
"""

from __future__ import annotations

import enum
import importlib
import importlib.util
import py_compile
import sys
import tempfile
from pathlib import Path

from errdex.convert.code import generate
from errdex.io import reads
from synth import catalog_data, to_json
from timing import Result, best_of

SUITE = "codegen"
N_CODES = 10_000
MODULE = "errdex_bench_generated_errors"


def run(quick: bool) -> list[Result]:
    """Run the suite (10,000 codes either way; ``quick`` takes fewer repeats)."""
    repeat = 5 if quick else 15
    catalog, problems = reads(to_json(catalog_data(N_CODES, 100)), "json")
    assert catalog is not None and not problems, problems[:3]
    members = {entry.name or f"E{entry.code}": entry.code for entry in catalog.entries}

    def floor() -> None:
        enum.Enum("E", members)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, data in generate(catalog, "python", MODULE).items():
            (folder / name).write_bytes(data)
        source = folder / f"{MODULE}.py"
        py_compile.compile(str(source), cfile=importlib.util.cache_from_source(str(source)))
        sys.path.insert(0, tmp)

        def op() -> None:
            sys.modules.pop(MODULE, None)
            importlib.invalidate_caches()
            importlib.import_module(MODULE)

        def first_use() -> None:
            op()
            module = sys.modules[MODULE]
            module.lookup(catalog.entries[N_CODES // 2].code)

        try:
            floor_time = best_of(floor, repeat=repeat)
            import_time = best_of(op, repeat=repeat)
            use_time = best_of(first_use, repeat=repeat)
        finally:
            sys.path.remove(tmp)
            sys.modules.pop(MODULE, None)
    label = f"{N_CODES:,} codes"
    floor_name = f"enum.Enum, {N_CODES:,} members"
    return [
        Result(
            SUITE, f"import generated module, {label}", import_time, floor_name, floor_time, 0.25
        ),
        Result(
            SUITE,
            f"import + first lookup, {label}",
            use_time,
            floor_name,
            floor_time,
            0.5,
            note="the first lookup builds the code index",
        ),
    ]
