"""``errdex reconcile`` benchmarks (issue 11): JSON-lines throughput and flat memory.

The log is an access log of the shop service: about 240-byte records, one in
twenty an error response with its problem+json body (a dozen codes, a message
parameter that varies, so bodies differ), the rest successes. Floors, in the
same process and run, both reading the same file from the page cache:

- ``orjson.loads`` of every line (the issue's floor): reconcile must reach at
  least half its throughput (time ratio ≤ 2), and 200 MB/s on one core
  (reported as the time for 200 MB, target ≤ 1 s);
- memory: the peak RSS of a child process reconciling a log ten times larger
  (1 GB; 200 MB with ``--quick``) over the peak of one reconciling the smaller
  log, target ≤ 1.15 (flat: the tally and the caches are bounded). The child's
  own peak (``VmHWM``): Linux's ``ru_maxrss`` keeps the peak from before
  ``exec``, the benchmark process's, which both children would report.

A second throughput figure reconciles a log where every line is an error
(nothing for the prefilter to skip), for context.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

from timing import Result, best_of

SUITE = "reality"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CATALOG = """
[catalog]
id = "shop"

[modules.auth]
prefix = "AUTH-ERR-"
http_status = 401

""" + "\n".join(
    f'[[errors]]\ncode = "AUTH-ERR-{i}"\nmodule = "auth"\n'
    f'message = "The token {i} expired {{age}} seconds ago."\n'
    for i in range(12)
)


def _line(i: int, rng: random.Random, every: int) -> bytes:
    record: dict[str, object] = {
        "ts": f"2026-12-02T{i % 24:02d}:{i % 60:02d}:{i % 60:02d}.{i % 1000:03d}Z",
        "level": "info",
        "method": "GET",
        "path": f"/v1/repos/{i}",
        "status": 200,
        "ms": round(rng.random() * 100, 3),
        "ua": "Mozilla/5.0 (X11; Linux x86_64)",
        "trace": f"{rng.getrandbits(64):016x}",
    }
    if i % every == 0:
        code = i // every % 12
        body = {
            "type": "about:blank",
            "title": "Unauthorized",
            "status": 401,
            "detail": f"The token {code} expired {i % 5000} seconds ago.",
            "code": f"AUTH-ERR-{code}",
            "params": {"age": i % 5000},
        }
        record.update(status=401, level="warn", response={"body": orjson.dumps(body).decode()})
    return orjson.dumps(record)


def write_log(path: Path, megabytes: int, every: int = 20) -> int:
    """Write a log of about ``megabytes`` MB; return its size in bytes."""
    rng = random.Random(7)
    block = [_line(i, rng, every) for i in range(20_000)]
    size = 0
    target = megabytes * 1_000_000
    with open(path, "wb") as out:
        n = 0
        while size < target:
            lines = b"\n".join(block) + b"\n"
            out.write(lines)
            size += len(lines)
            n += 1
            # the next block's errors carry other ages: bodies keep differing
            if n < 4:
                block = [_line(i + n * 20_000, rng, every) for i in range(20_000)]
    return size


def _floor(path: Path) -> None:
    loads = orjson.loads
    with open(path, "rb") as f:
        for line in f:
            loads(line)


def _reconcile(catalog_path: Path, log: Path) -> None:
    from errdex.io import load
    from errdex.reality.reconcile import reconcile

    reconcile(load(catalog_path), [str(log)])


CHILD = """
import resource, sys
sys.path.insert(0, {src!r})
from errdex.io import load
from errdex.reality.reconcile import reconcile


def peak_kib():
    # VmHWM is this process's own peak; Linux's ru_maxrss keeps the peak the process
    # had before exec, i.e. the benchmark's own, which would hide the child's
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


result = reconcile(load({catalog!r}), [{log!r}])
print(peak_kib(), result.tally.errors)
"""


def _peak_rss(catalog: Path, log: Path) -> tuple[int, int]:
    code = CHILD.format(src=str(ROOT / "src"), catalog=str(catalog), log=str(log))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=3600
    )
    peak, errors = done.stdout.split()
    return int(peak), int(errors)


def run(quick: bool) -> list[Result]:
    """The reconcile figures; logs are written to a temporary folder and removed."""
    results = []
    small_mb, big_mb = (20, 200) if quick else (100, 1000)
    with tempfile.TemporaryDirectory(prefix="errdex-bench-") as tmp:
        folder = Path(tmp)
        catalog = folder / "shop.toml"
        catalog.write_text(CATALOG, "utf-8")
        log = folder / "access.log"
        size = write_log(log, small_mb)
        repeat = 3
        floor = best_of(lambda: _floor(log), repeat=repeat, clock=time.process_time)
        took = best_of(lambda: _reconcile(catalog, log), repeat=repeat, clock=time.process_time)
        mb_s = size / took / 1e6
        results.append(
            Result(
                SUITE,
                f"reconcile {size // 1_000_000} MB JSON-lines log (5% errors)",
                took,
                "orjson.loads of every line",
                floor,
                2.0,
                note=f"{mb_s:.0f} MB/s; floor {size / floor / 1e6:.0f} MB/s",
            )
        )
        results.append(
            Result(
                SUITE,
                "reconcile: time for 200 MB (≤ 1 s is ≥ 200 MB/s)",
                took * 200e6 / size,
                "one second",
                1.0,
                1.0,
                note=f"{mb_s:.0f} MB/s on one core",
            )
        )
        errors_only = folder / "errors.log"
        esize = write_log(errors_only, max(5, small_mb // 5), every=1)
        efloor = best_of(lambda: _floor(errors_only), repeat=repeat, clock=time.process_time)
        etook = best_of(
            lambda: _reconcile(catalog, errors_only), repeat=repeat, clock=time.process_time
        )
        results.append(
            Result(
                SUITE,
                f"reconcile {esize // 1_000_000} MB log, every line an error",
                etook,
                "orjson.loads of every line",
                efloor,
                float("inf"),
                note=f"{esize / etook / 1e6:.0f} MB/s (context: nothing to skip)",
            )
        )
        os.remove(errors_only)
        big = folder / "big.log"
        bsize = write_log(big, big_mb)
        small_peak, small_errors = _peak_rss(catalog, log)
        big_peak, big_errors = _peak_rss(catalog, big)
        results.append(
            Result(
                SUITE,
                f"reconcile peak RSS, {bsize // 1_000_000} MB log",
                big_peak / 1024,
                f"peak RSS with the {size // 1_000_000} MB log",
                small_peak / 1024,
                1.15,
                note=f"{big_peak // 1024} MB vs {small_peak // 1024} MB; "
                f"{big_errors:,} vs {small_errors:,} errors counted",
            )
        )
    return results
