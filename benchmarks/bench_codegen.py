"""Code generator benchmarks: the generated Python import, and Go/Rust/TypeScript speed.

Generated Go, Rust and TypeScript (issue 13): rendering an error costs at most 2×
the language's own serialisation of the same literal (Go ``json.Marshal`` of a
struct, Rust a ``format!``-built string, TypeScript ``JSON.stringify``) and
decoding its body at most 4× the language's parse of that body (Go
``json.Unmarshal``, TypeScript ``JSON.parse``; Rust has no JSON in std, so the
floor is the generated module's own parser). Each language times both sides
in one program run (``benchmarks/codegen/bench.*``, best of 7 rounds); a
missing toolchain skips its language with a note.

Generated Python (issue 3): importing the module generated for 10,000 codes
costs at most 0.25× building the equivalent 10,000-member ``enum.Enum``
(functional API). Both are
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
import json
import os
import py_compile
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from errdex.convert.code import generate
from errdex.io import reads
from synth import catalog_data, to_json
from timing import Result, best_of

SUITE = "codegen"
N_CODES = 10_000
MODULE = "errdex_bench_generated_errors"


HERE = Path(__file__).resolve().parent / "codegen"
TSC = Path.home() / ".cache" / "errdex" / "tsc" / "node_modules" / "typescript" / "bin" / "tsc"
CATALOG = """
[catalog]
id = "shop"
docs_url = "https://errors.example.com/shop/{code}"
[spaces.app]
kind = "app"
[modules.auth]
space = "app"
prefix = "AUTH-ERR-"
http_status = 401
[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"
module = "auth"
message = "The token expired {age} seconds ago."
[errors.params]
age = { type = "int" }
user = { type = "str", public = false }
"""
"""The benchmarked entry: a problem+json render with one public and one private parameter."""


def _go(folder: Path, catalog: Any) -> list[str] | None:
    go = shutil.which("go")
    if go is None:
        return None
    (folder / "gen").mkdir()
    for name, data in generate(catalog, "go", "gen").items():
        (folder / "gen" / name).write_bytes(data)
    (folder / "go.mod").write_text("module errdexdriver\n\ngo 1.19\n")
    shutil.copy(HERE / "bench.go", folder / "main.go")
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local"}
    subprocess.run([go, "build", "-o", "bench", "."], cwd=folder, env=env, check=True)
    return [str(folder / "bench")]


def _rust(folder: Path, catalog: Any) -> list[str] | None:
    rustc = shutil.which("rustc")
    if rustc is None:
        return None
    (folder / "gen.rs").write_bytes(generate(catalog, "rust", "gen")["gen.rs"])
    shutil.copy(HERE / "bench.rs", folder / "main.rs")
    cmd = [rustc, "--edition", "2021", "-C", "opt-level=3", "-o", "bench", "main.rs"]
    subprocess.run(cmd, cwd=folder, check=True)
    return [str(folder / "bench")]


def _typescript(folder: Path, catalog: Any) -> list[str] | None:
    node = shutil.which("node")
    tsc = [shutil.which("tsc") or ""] if shutil.which("tsc") else [node or "", str(TSC)]
    if node is None or not Path(tsc[-1]).is_file():
        return None
    (folder / "gen.ts").write_bytes(generate(catalog, "typescript", "gen")["gen.ts"])
    shutil.copy(HERE / "bench.ts", folder / "main.ts")
    (folder / "package.json").write_text('{"type": "module"}\n')
    flags = ["--strict", "--target", "es2022", "--module", "es2022", "--moduleResolution", "node"]
    subprocess.run([*tsc, *flags, "gen.ts", "main.ts"], cwd=folder, check=True)
    return [node, str(folder / "main.js")]


FLOORS = {
    "go": ("json.Marshal of a struct", "json.Unmarshal of the body"),
    "rust": ("a format!-built string", "parsing the body (the module's std-only parser)"),
    "typescript": ("JSON.stringify of the literal", "JSON.parse of the body"),
}


def run_languages() -> list[Result]:
    """Render and decode in each generated language, each against its own floor."""
    catalog, problems = reads(CATALOG, "toml")
    assert catalog is not None and not problems, problems[:3]
    out: list[Result] = []
    for lang, build in (("go", _go), ("rust", _rust), ("typescript", _typescript)):
        with tempfile.TemporaryDirectory() as tmp:
            command = build(Path(tmp), catalog)
            if command is None:
                print(f"codegen: {lang} toolchain not found, its benchmark is skipped")
                continue
            done = subprocess.run(command, capture_output=True, text=True, check=True)
        ns = json.loads(done.stdout.split("\n", 1)[0])
        render_floor, decode_floor = FLOORS[lang]
        out += [
            Result(
                SUITE,
                f"{lang}: render problem+json",
                ns["render"] / 1e9,
                render_floor,
                ns["floor_render"] / 1e9,
                2.0,
            ),
            Result(
                SUITE,
                f"{lang}: decode problem+json",
                ns["decode"] / 1e9,
                decode_floor,
                ns["floor_decode"] / 1e9,
                4.0,
            ),
        ]
    return out


def run(quick: bool) -> list[Result]:
    """Run the suite (10,000 codes either way; ``quick`` takes fewer repeats)."""
    return run_python(quick) + run_languages()


def run_python(quick: bool) -> list[Result]:
    """The generated Python's import cost."""
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
