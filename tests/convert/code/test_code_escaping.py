"""Catalog texts that are code in some language still give code that compiles and keeps them.

Every text field of the catalog below holds quotes, backslashes, comment ends
(``*/``), template openers (``${``), format specifiers, a byte order mark, a
NUL, line and paragraph separators, CRLF and wide characters. Each language's
generated module must build with its real toolchain, and a program reading the
entries back must print every message and title byte for byte.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from codegen_cases import run_go, run_rust

from errdex.convert.code import generate
from errdex.io import loads
from errdex.model import Catalog

NASTY = (
    "\ufeff\x00q\"uote 's' back\\slash */ /* ${x} `tick` {{brace}} }} é中😀 \t tab\n"
    'new line\r\n crlf <script>&amp; | \\u0041 \\n ?? #{x} %s %d \u2028sep\u2029 """ end"'
)


TSC_FLAGS = ("--strict", "--target", "es2020", "--module", "commonjs", "--skipLibCheck")


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


TEXT = _toml(NASTY)
CATALOG = (
    "[catalog]\n"
    'id = "nasty"\n'
    f"title = {_toml('Title */ ' + NASTY)}\n"
    f"version = {_toml('1.0' + chr(10) + '*/ 2')}\n"
    f"\n[spaces.app]\ntitle = {TEXT}\n"
    f"\n[modules.m]\ntitle = {TEXT}\ndescription = {TEXT}\nprefix = 'M\"-'\n"
    "\n[profiles.weird]\n"
    f'body = {{ code = "$code", {_toml("we" + chr(34) + "i" + chr(92) + "rd */")} = '
    '{ msg = "$message" } }\n'
    "\n[[errors]]\n"
    "code = 'M\"-1'\n"
    'name = "weird*/name"\n'
    'module = "m"\n'
    f"title = {TEXT}\nmessage = {TEXT}\ndescription = {TEXT}\nsolution = {TEXT}\n"
    "\n[[errors]]\n"
    "code = 'M\"-2'\n"
    'name = "class"\n'
    'module = "m"\n'
    'message = "plain"\n'
    f"description = {_toml(NASTY + chr(34))}\n"
)


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


def test_go_compiles_and_keeps_the_texts(catalog, tmp_path, go):
    _write(catalog, "go", tmp_path / "gen")
    (tmp_path / "main.go").write_text(
        "package main\n\n"
        'import (\n\t"fmt"\n\n\t"example.com/errgen/gen"\n)\n\n'
        "func main() {\n"
        "\tfor _, e := range gen.Entries {\n"
        '\t\tfmt.Printf("%x %x\\n", e.Message, e.Title)\n'
        "\t}\n"
        "}\n"
    )
    assert run_go(go, tmp_path).splitlines() == _expected(catalog)


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
