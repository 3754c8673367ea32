"""The generated TypeScript compiles under ``tsc --strict`` and looks up and decodes every case."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from codegen_cases import EXAMPLES, decode_cases, example, expected_output, lookups

from errdex.convert.code import generate

PROGRAM = """import * as m from "./gen_NAME";

const lookups: ReadonlyArray<readonly [string | number, string]> = LOOKUPS;
for (const [code, space] of lookups) console.log(`L ${m.lookup(code, space) ?? "-"}`);
const bodies: readonly string[] = BODIES;
for (const body of bodies) {
  const e = m.decode(body);
  if (e === null) throw new Error("no error decoded from " + body);
  console.log(`D ${e.kind ?? "-"} ${String(e.code)} ${e.message}`);
}
"""

FLAGS = [
    "--strict",
    "--noUnusedLocals",
    "--noUnusedParameters",
    "--noImplicitReturns",
    "--skipLibCheck",  # the generated files are checked in full; the standard library is not
    "--target",
    "es2020",
    "--module",
    "commonjs",
]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory, tsc: list[str]) -> Path:
    """Every example's module and test program, compiled by one tsc run (tsc starts slowly)."""
    root = tmp_path_factory.mktemp("ts")
    sources = []
    for name in EXAMPLES:
        catalog = example(name)
        ident = name.replace("-", "_")
        ((_, source),) = generate(catalog, "typescript", f"gen_{ident}").items()
        (root / f"gen_{ident}.ts").write_bytes(source)
        pairs = [[int(c) if is_int else c, space] for c, space, is_int in lookups(catalog)]
        bodies = [case.body for case in decode_cases(catalog)]
        program = PROGRAM.replace("NAME", ident)
        program = program.replace("LOOKUPS", json.dumps(pairs)).replace(
            "BODIES", json.dumps(bodies)
        )
        (root / f"main_{ident}.ts").write_text(program)
        sources += [f"gen_{ident}.ts", f"main_{ident}.ts"]
    result = subprocess.run(
        [*tsc, *FLAGS, "--outDir", "out", *sources], cwd=root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.mark.parametrize("name", EXAMPLES)
def test_typescript_compiles_and_runs(name: str, compiled: Path, node: str) -> None:
    script = compiled / "out" / f"main_{name.replace('-', '_')}.js"
    run = subprocess.run([node, str(script)], capture_output=True, text=True, check=True)
    assert run.stdout.splitlines() == expected_output(example(name))


def test_typescript_error_class_is_named_after_the_catalog() -> None:
    ((name, source),) = generate(example("csghub"), "typescript").items()
    assert name == "csghub.ts"
    assert b"export class CsghubError extends Error" in source
    assert source.startswith(b"// --- BEGIN GENERATED ---")
