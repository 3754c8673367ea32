"""Run errdex's benchmarks: ``python benchmarks/run.py [--quick] [--json FILE] [SUITE...]``.

Each benchmark reports a ratio to a floor measured in the same run (a bare
parse, a plain dict lookup, a hand-built ``orjson.dumps``…) and the target
that ratio must meet. Prints a table; ``--json`` also writes the figures.
Exit status 1 when a target is missed, so a CI job can watch it; the test
suite never asserts timings.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SUITES = {
    "catalog": "bench_catalog",
    "codegen": "bench_codegen",
    "diff": "bench_diff",
    "fmt": "bench_fmt",
    "convert": "bench_convert",
    "runtime": "bench_runtime",
    "web": "bench_web",
    "search": "bench_search",
    "reality": "bench_reality",
    "services": "bench_services",
    "site": "bench_site",
    "siteindex": "bench_site_index",
    "big": "bench_big",
}
"""Suite name → module in this folder exposing ``run(quick) -> list[Result]``."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "suites", nargs="*", help="suites to run (default: all): " + ", ".join(SUITES)
    )
    parser.add_argument("--quick", action="store_true", help="smaller inputs and fewer repeats")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    args = parser.parse_args(argv)
    unknown = [s for s in args.suites if s not in SUITES]
    if unknown:
        parser.error(f"unknown suite(s): {', '.join(unknown)}; choose from {', '.join(SUITES)}")
    results = []
    for name in args.suites or SUITES:
        module = importlib.import_module(SUITES[name])
        results += module.run(args.quick)

    width = max(len(r.name) for r in results)
    print(
        f"{'benchmark':<{width}}  {'time':>10}  {'floor':>10}  {'figure':>9}  {'target':>7}"
        "  ok  floor is"
    )
    for r in results:
        unit = " ms" if r.mode in ("diff", "abs") else "x"
        scale, measure = (1 / 1000, "kB") if r.mode == "bytes" else (1000, "ms")
        print(
            f"{r.name:<{width}}  {r.seconds * scale:>8.2f}{measure}  "
            f"{r.floor_seconds * scale:>8.2f}{measure}  "
            f"{r.ratio:>7.2f}{unit:<2} {r.target:>6.2f}{unit.strip()}  "
            f"{'yes' if r.ok else 'NO ':3} {r.floor_name}"
        )
    if args.json:
        payload = {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "quick": args.quick,
            "results": [r.to_dict() for r in results],
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
