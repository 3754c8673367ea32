"""Big catalogs (issue 14, item 8): ``check`` within budget, ``fmt`` and ``build --site`` linear.

Every command runs as ``errdex`` does, in a fresh child process, on a synthetic
catalog (:mod:`synth`) of about 50 MB (5 MB with ``--quick``) in which nine
entries in ten have no translation: ``check`` reports, locates and prints a
warning for each of them, the worst case for the places of diagnostics.
Figures are the child's CPU time (user + system from ``wait4``: steadier than
wall time on a shared machine) and its own peak RSS (``VmHWM``; ``ru_maxrss``
would report the benchmark's own peak from before ``exec``).

- ``check`` of TOML, JSON and YAML: CPU time against the 10 s budget and peak
  RSS against the 1 GB budget (figures ≤ 1.0 meet them), and, for context,
  against a bare parse of the same file in a fresh process.
- ``fmt --check`` (TOML) and ``build --site``: the cost per MB of the big
  catalog against the cost per MB of one a tenth its size, measured in the
  same run; a figure near 1.0 is linear, above the target (1.3) worse.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from synth import catalog_data, to_json, to_toml, to_yaml
from timing import Result

SUITE = "big"
MB = 1_000_000

_PEAK = """
import os
def _peak():
    # VmHWM is this process's own peak: Linux's ru_maxrss keeps the peak from before
    # exec (the benchmark process's, holding the generated catalog), which would hide it
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_COMMAND = (
    _PEAK
    + """
import sys
from errdex.cli.main import main
sys.argv = ["errdex", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
finally:
    with open(os.environ["ERRDEX_BENCH_PEAK"], "w") as out:
        out.write(str(_peak()))
"""
)

_PARSE = (
    _PEAK
    + """
import sys
path, fmt = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
if fmt == "json":
    import orjson
    orjson.loads(text)
elif fmt == "yaml":
    import yaml
    yaml.load(text, Loader=yaml.CSafeLoader)
else:
    from errdex.io import toml_parse
    toml_parse.loads(text)
with open(os.environ["ERRDEX_BENCH_PEAK"], "w") as out:
    out.write(str(_peak()))
"""
)

WRITERS = {"toml": to_toml, "json": to_json, "yaml": to_yaml}
PARSERS = {"toml": "the TOML parser errdex uses", "json": "orjson.loads", "yaml": "yaml.load"}


def _child(code: str, *args: str) -> tuple[float, float]:
    """CPU seconds (from ``wait4``) and the child's own peak RSS (MB) of
    ``python -c code args``; its output is discarded."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        env = {**os.environ, "ERRDEX_BENCH_PEAK": peak.name}
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        err = proc.stderr.read().decode() if proc.stderr else ""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if "Traceback" in err:
            raise RuntimeError(f"errdex {' '.join(args)} failed:\n{err[-2000:]}")
        megabytes = float(Path(peak.name).read_text() or "nan")
    return usage.ru_utime + usage.ru_stime, megabytes


def _best(code: str, *args: str, repeat: int) -> tuple[float, float]:
    runs = [_child(code, *args) for _ in range(repeat)]
    return min(r[0] for r in runs), min(r[1] for r in runs)


def write_catalog(folder: Path, fmt: str, megabytes: float) -> Path:
    """A synthetic catalog of about ``megabytes`` MB in ``fmt``; returns its path."""
    write: Any = WRITERS[fmt]
    sample = len(write(catalog_data(2_000, 20)).encode())
    n = max(100, int(megabytes * MB * 2_000 / sample))
    path = folder / f"c{megabytes:g}.{fmt}"
    path.write_text(write(catalog_data(n, 100)), encoding="utf-8")
    return path


def _scaling(
    name: str, small: tuple[float, float], big: tuple[float, float], sizes: tuple[int, int]
) -> list[Result]:
    (t_small, m_small), (t_big, m_big) = small, big
    s_mb, b_mb = sizes[0] / MB, sizes[1] / MB
    return [
        Result(
            SUITE,
            f"{name}: CPU s per MB, {b_mb:.0f} MB vs {s_mb:.1f} MB",
            t_big / b_mb,
            f"CPU s per MB at {s_mb:.1f} MB",
            t_small / s_mb,
            1.3,
            note=f"{t_small:.1f} s at {s_mb:.0f} MB, {t_big:.1f} s at {b_mb:.0f} MB",
        ),
        Result(
            SUITE,
            f"{name}: peak RSS per MB, {b_mb:.0f} MB vs {s_mb:.1f} MB",
            m_big / b_mb,
            f"peak RSS per MB at {s_mb:.1f} MB",
            m_small / s_mb,
            1.3,
            note=f"{m_small:.0f} MB at {s_mb:.0f} MB, {m_big:.0f} MB at {b_mb:.0f} MB",
        ),
    ]


def run(quick: bool, site: bool = True) -> list[Result]:
    """Run the suite; ``quick`` uses 5 MB catalogs (and 0.5 MB for the small side)."""
    big_mb = 5.0 if quick else 50.0
    repeat = 1 if quick else 2
    results: list[Result] = []
    tmp = Path(tempfile.mkdtemp(prefix="errdex-bench-big-"))
    try:
        for fmt in ("toml", "json", "yaml"):
            path = write_catalog(tmp, fmt, big_mb)
            mb = path.stat().st_size / MB
            took, peak = _best(_COMMAND, "check", str(path), repeat=repeat)
            parse, _ = _best(_PARSE, str(path), fmt, repeat=1)  # context only
            label = f"check {mb:.0f} MB {fmt.upper()}"
            results += [
                Result(SUITE, f"{label}: CPU time", took, "the 10 s budget", 10.0, 1.0),
                Result(SUITE, f"{label}: peak RSS (MB)", peak, "the 1 GB budget", 1024.0, 1.0),
                Result(
                    SUITE,
                    f"{label}: CPU time vs a bare parse",
                    took,
                    f"{PARSERS[fmt]} (fresh process)",
                    parse,
                    float("inf"),
                    note="context: the parse is part of check",
                ),
            ]
            if fmt != "toml":
                path.unlink()
        small = write_catalog(tmp, "toml", big_mb / 10)
        big = tmp / f"c{big_mb:g}.toml"
        sizes = (small.stat().st_size, big.stat().st_size)
        results += _scaling(
            "fmt --check TOML",
            _best(_COMMAND, "fmt", "--check", str(small), repeat=repeat),
            _best(_COMMAND, "fmt", "--check", str(big), repeat=repeat),
            sizes,
        )
        if site:
            figures = []
            for path in (small, big):
                out = tmp / "site"
                figures.append(_best(_COMMAND, "build", str(path), "--site", str(out), repeat=1))
                shutil.rmtree(out, ignore_errors=True)
            results += _scaling("build --site", figures[0], figures[1], sizes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results
