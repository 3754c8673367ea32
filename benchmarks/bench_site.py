"""``errdex build --site`` on big catalogs: the build must scale linearly with the codes.

The same synthetic catalog generator is built as a static site at ``n`` and
``4n`` codes (with translations, so every page is written twice). The floor
of the big build is four times the small one, measured in the same run: a
figure near 1.0 is linear, above the target (1.3) is worse than linear (a
per-page cost that grows with the catalog, such as a list rebuilt per page).
Memory is not measured here; see ``bench_catalog`` for load costs.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from errdex.directory import Registry
from errdex.directory.site import build_site
from errdex.io import reads
from synth import catalog_data, to_json
from timing import Result

SUITE = "site"


def _build(n: int, out: Path) -> float:
    catalog, problems = reads(to_json(catalog_data(n, max(1, n // 100))), "json")
    assert catalog is not None and not problems, problems[:3]
    registry = Registry([catalog])
    start = time.perf_counter()
    build_site(registry, out)
    return time.perf_counter() - start


def run(quick: bool) -> list[Result]:
    """Build the site at ``n`` and ``4n`` codes; ``quick`` uses 500 and 2,000."""
    small = 500 if quick else 2_500
    tmp = Path(tempfile.mkdtemp(prefix="errdex-bench-site-"))
    try:
        _build(small // 5, tmp / "warm")  # imports, templates: not part of either figure
        t_small = _build(small, tmp / "small")
        t_big = _build(small * 4, tmp / "big")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    note = f"{small:,} codes in {t_small:.2f} s, {small * 4:,} in {t_big:.2f} s"
    return [
        Result(
            SUITE,
            f"build --site, {small * 4:,} codes vs 4 x {small:,}",
            t_big,
            f"4 x the {small:,}-code build",
            4 * t_small,
            1.3,
            note,
        )
    ]
