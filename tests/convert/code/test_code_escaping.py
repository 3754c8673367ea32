"""Catalog texts that are code in some language still give code that compiles and keeps them.

Every text field of the catalog below holds quotes, backslashes, comment ends
(``*/``), template openers (``${``), format specifiers, a byte order mark, a
NUL, line and paragraph separators, CRLF and wide characters. Each language's
generated module must build with its real toolchain, and a program reading the
entries back must print every message and title byte for byte. (Go, and the
other languages as they move to the shared runtime, go further: the ``nasty``
catalog is one of :data:`langs_catalogs.CATALOGS`, rendered and decoded byte for
byte like the Python runtime in ``test_code_<lang>.py``.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from codegen_cases import run_rust
from langs_catalogs import CATALOG

from errdex.convert.code import generate
from errdex.io import loads
from errdex.model import Catalog

TSC_FLAGS = ("--strict", "--target", "es2020", "--module", "commonjs", "--skipLibCheck")


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return loads(CATALOG)


def _expected(catalog: Catalog) -> list[str]:
    return [
        f"{(e.message or '').encode().hex()} {(e.title or '').encode().hex()}"
        for e in catalog.entries
    ]


def _write(catalog: Catalog, lang: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = generate(catalog, lang, "gen")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder / next(iter(files))


def test_python_module_and_stub_compile_and_keep_the_texts(catalog, tmp_path):
    main = _write(catalog, "python", tmp_path)
    compile(main.with_suffix(".pyi").read_bytes(), "gen.pyi", "exec")
    program = (
        "import gen\n"
        "import json\n"
        "for row in gen._ROWS:\n"
        "    data = json.loads(row)\n"
        "    entry = gen.lookup(data[1], data[3]).entry\n"
        "    print((entry.message or '').encode().hex(),\n"
        "          (entry.texts[entry.own_locale][3] or '').encode().hex())\n"
        "assert gen.__doc__ and gen.MError.__doc__\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", program], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    described = [  # the Python module keeps message and description (its title is the wire's)
        f"{(e.message or '').encode().hex()} {(e.description or '').encode().hex()}"
        for e in catalog.entries
    ]
    assert run.stdout.splitlines() == described


def test_typescript_compiles_and_keeps_the_texts(catalog, tmp_path, tsc, node):
    _write(catalog, "typescript", tmp_path)
    (tmp_path / "main.ts").write_text(
        'import { Errors } from "./gen";\n'
        "for (const e of Object.values(Errors)) {\n"
        "  const hex = (s: string | null) => Buffer.from(s ?? '', 'utf8').toString('hex');\n"
        "  console.log(`${hex(e.message)} ${hex(e.title)}`);\n"
        "}\n"
        "declare const Buffer: { from(s: string, e: string): { toString(e: string): string } };\n"
    )
    build = subprocess.run(
        [*tsc, *TSC_FLAGS, "--outDir", "out", "gen.ts", "main.ts"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    run = subprocess.run([node, "out/main.js"], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == _expected(catalog)


def test_rust_compiles_and_keeps_the_texts(catalog, tmp_path, rustc):
    _write(catalog, "rust", tmp_path)
    (tmp_path / "main.rs").write_text(
        "mod gen;\n\n"
        "fn hex(s: Option<&str>) -> String {\n"
        '    s.unwrap_or("").bytes().map(|b| format!("{:02x}", b)).collect()\n'
        "}\n\n"
        "fn main() {\n"
        "    for kind in gen::KINDS {\n"
        "        let e = kind.entry();\n"
        '        println!("{} {}", hex(e.message), hex(e.title));\n'
        "    }\n"
        "}\n"
    )
    assert run_rust(rustc, tmp_path).splitlines() == _expected(catalog)
