"""``errdex fmt`` on a big catalog (issue 10, item 5): ≤ 1.5× loading the same TOML.

What ``errdex fmt`` and ``errdex fmt --check`` run on a file
(:func:`errdex.io.fmt.format_paths`: read, format, verify; the command only
adds writing the result) against :func:`errdex.load` of the same file, both
in this process, in CPU time, the collector run before each timing.

Four files of the synthetic catalog (``synth.py``):

- as errdex writes it (an import, an earlier ``fmt``): canonical, target 1.5×;
- with its locale tables quoted (``[errors.translations."zh-CN"]``), a spelling
  the formatter keeps: canonical too, target 1.5×;
- the same with comments where the formatter keeps them (a block at the top, a
  comment above every hundredth entry, a trailing comment on every hundredth
  entry's code), as teams' catalogs have: the ``fmt --check`` and pre-commit
  case, recognised as a fixed point without the formatter's reader, target 1.5×;
- that commented file with every entry needing changes (``code`` moved below
  ``name``, as a hand-edited file has): the formatter's full path, which reads
  and writes every statement, checks the data and (the keys having moved)
  builds the catalog before and after; target 12×: its
  statement reader and writer are Python per statement, run once (the result
  is recognised as stable without a second run).
"""

from __future__ import annotations

import re
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


def run(quick: bool) -> list[Result]:
    """Run the suite; ``quick`` uses 10,000 codes and fewer repeats."""
    n = 10_000 if quick else 100_000
    repeat = 2 if quick else 3
    data = catalog_data(n, 100)
    label = f"{n:,} codes"
    canonical = to_toml(data)
    commented = _commented(canonical)
    texts = {
        "as errdex writes it": (canonical, 1.5),
        'locale tables quoted ("zh-CN")': (quoted_toml(data), 1.5),
        "with comments, formatted": (commented, 1.5),
        "with comments, every entry to reformat": (_shuffled(commented), 12.0),
    }
    out: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, (text, target) in texts.items():
            path = Path(folder) / name.replace(" ", "_").replace('"', "") / "errdex.toml"
            path.parent.mkdir()
            path.write_text(text, encoding="utf-8")
            [result] = format_paths([path])
            assert result.problems == [], (name, result.problems[:3])
            assert result.changed == ("reformat" in name), name
            load: Callable[[], object] = lambda path=path: errdex.load(path)  # noqa: E731
            fmt: Callable[[], object] = lambda path=path: format_paths([path])  # noqa: E731
            floor = best_of(load, repeat=repeat, clock=time.process_time)
            took = best_of(fmt, repeat=repeat, clock=time.process_time)
            out.append(
                Result(
                    SUITE,
                    f"errdex fmt --check, {label}, {name}",
                    took,
                    "errdex.load (same TOML)",
                    floor,
                    target,
                    note=f"{len(text) / 1e6:.1f} MB",
                )
            )
    return out


def _commented(text: str) -> str:
    """``text`` with comments where the formatter keeps them: a block at the top, one
    line above every hundredth entry and a trailing comment on its ``code``."""
    entries = text.split("\n\n[[errors]]\n")
    for i in range(1, len(entries), 100):
        code, _, rest = entries[i].partition("\n")
        entries[i] = f"{code}  # entry {i}: see the changelog\n{rest}"
        entries[i - 1] += f"\n\n# -- entries from {i} on, kept in order"
    head = "# The catalog of every service.\n#\n# Edit by hand; `errdex fmt` keeps this.\n\n"
    return head + "\n\n[[errors]]\n".join(entries)


def _shuffled(text: str) -> str:
    """``text`` with each entry's ``code`` line moved below its ``name`` line."""
    return re.sub(r"\n(code = [^\n]*)\n(name = [^\n]*)\n", r"\n\2\n\1\n", text)
