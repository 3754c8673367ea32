"""``errdex fmt`` on a big catalog (issue 10, item 5): ≤ 1.5× loading the same TOML.

What ``errdex fmt`` and ``errdex fmt --check`` run on a file
(:func:`errdex.io.fmt.format_paths`: read, format, verify; the command only
adds writing the result) against :func:`errdex.load` of the same file, both
in this process, in CPU time, the collector run before each timing.

Three files of the synthetic catalog (``synth.py``):

- as errdex writes it (an import, an earlier ``fmt``): canonical, target 1.5×;
- with its locale tables quoted (``[errors.translations."zh-CN"]``), a spelling
  the formatter keeps: canonical too, target 1.5×;
- the same with one comment line: the formatter's full path (it keeps
  comments in place), for context — what a file with comments costs.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import errdex
from errdex.io.fmt import format_paths
from errdex.io.fmt.toml_writer import to_toml
from synth import catalog_data
from synth import to_toml as quoted_toml
from timing import Result, best_of

SUITE = "fmt"
NO_TARGET = float("inf")


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses 10,000 codes and fewer repeats."""
    n = 10_000 if quick else 100_000
    repeat = 2 if quick else 3
    data = catalog_data(n, 100)
    label = f"{n:,} codes"
    texts = {
        "as errdex writes it": to_toml(data),
        'locale tables quoted ("zh-CN")': quoted_toml(data),
    }
    texts["with one comment (full formatter)"] = (
        "# the catalog of every service\n" + texts["as errdex writes it"]
    )
    out: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, text in texts.items():
            path = Path(folder) / name.split()[0] / "errdex.toml"
            path.parent.mkdir()
            path.write_text(text, encoding="utf-8")
            [result] = format_paths([path])
            assert result.problems == [] and not result.changed, (name, result.problems[:3])
            load: Callable[[], object] = lambda path=path: errdex.load(path)  # noqa: E731
            fmt: Callable[[], object] = lambda path=path: format_paths([path])  # noqa: E731
            floor = best_of(load, repeat=repeat, clock=time.process_time)
            took = best_of(fmt, repeat=repeat, clock=time.process_time)
            full = "full" in name
            out.append(
                Result(
                    SUITE,
                    f"errdex fmt --check, {label}, {name}",
                    took,
                    "errdex.load (same TOML)",
                    floor,
                    NO_TARGET if full else 1.5,
                    note=f"{len(text) / 1e6:.1f} MB",
                )
            )
    return out
