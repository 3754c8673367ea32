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
  ``name``, as a hand-edited file has): the canonical text with the comments
  placed where the formatter puts them, only the commented tables read
  (:mod:`errdex.io.fmt.toml_placed`), target 1.5×;
- the canonical file with an empty line between two keys of every hundredth
  entry (kept by the formatter): recognised as formatted, target 1.5×;
- a folder catalog (``errdex.toml``, one module file per module holding its
  entries, a ``zh-CN`` locale file), formatted: every file recognised, target
  1.5× loading the folder.
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
        "with comments, every entry to reformat": (_shuffled(commented), 1.5),
        "an empty line between two keys, formatted": (_spaced(canonical), 1.5),
    }
    out: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, (text, target) in texts.items():
            path = Path(folder) / name.replace(" ", "_").replace('"', "") / "errdex.toml"
            path.parent.mkdir()
            path.write_text(text, encoding="utf-8")
            out.append(_timed(f"{label}, {name}", path, path, target, repeat, len(text)))
        root = Path(folder) / "folder"
        size = _folder(root, data)
        out.append(_timed(f"{label}, folder catalog, formatted", root, root, 1.5, repeat, size))
    return out


def _timed(name: str, path: Path, catalog: Path, target: float, repeat: int, size: int) -> Result:
    """``format_paths`` of ``path`` against ``errdex.load`` of ``catalog``."""
    results = format_paths([path])
    assert all(r.problems == [] for r in results), (name, results[0].problems[:3])
    assert any(r.changed for r in results) == ("reformat" in name), name
    load: Callable[[], object] = lambda: errdex.load(catalog)  # noqa: E731
    fmt: Callable[[], object] = lambda: format_paths([path])  # noqa: E731
    floor = best_of(load, repeat=repeat, clock=time.process_time)
    took = best_of(fmt, repeat=repeat, clock=time.process_time)
    return Result(
        SUITE,
        f"errdex fmt --check, {name}",
        took,
        "errdex.load (same TOML)",
        floor,
        target,
        note=f"{size / 1e6:.1f} MB",
    )


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


def _spaced(text: str) -> str:
    """``text`` with an empty line above the ``message`` of every hundredth entry."""
    entries = text.split("\n\n[[errors]]\n")
    for i in range(1, len(entries), 100):
        entries[i] = entries[i].replace("\nmessage = ", "\n\nmessage = ", 1)
    return "\n\n[[errors]]\n".join(entries)


def _folder(root: Path, data: dict) -> int:
    """Write ``data`` as a folder catalog at ``root`` in canonical form: the catalog in
    ``errdex.toml``, each module's entries in ``modules/<id>.toml`` and the translations
    in ``locales/zh-CN.toml``; returns the bytes written."""
    (root / "modules").mkdir(parents=True)
    (root / "locales").mkdir()
    files = {root / "errdex.toml": to_toml({"catalog": data["catalog"]})}
    by_module: dict[str, list[dict]] = {}
    locale: list[str] = []
    for entry in data["errors"]:
        entry = dict(entry)
        texts = entry.pop("translations", {}).get("zh-CN")
        by_module.setdefault(entry.pop("module"), []).append(entry)
        if texts:
            body = to_toml({"catalog": {"title": texts["message"]}}).split("\n", 1)[1]
            locale.append(f"[errors.{entry['code']}]\nmessage = {body[len('title = ') :]}")
    for mid, entries in by_module.items():
        title = data["modules"][mid]["title"]
        files[root / "modules" / f"{mid}.toml"] = f'[module]\ntitle = "{title}"\n\n' + to_toml(
            {"errors": entries}
        )
    files[root / "locales" / "zh-CN.toml"] = "\n".join(locale)
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return sum(len(t) for t in files.values())
