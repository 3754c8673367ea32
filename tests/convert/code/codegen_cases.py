"""Shared cases for the generated-code tests: what every language must look up and decode.

Expectations come from the catalog itself (never hard-coded): each entry must
be found by its code in its space, and sample bodies in every envelope the
catalog uses must decode to the entry they name (an unknown code stays raw).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, NamedTuple

from catalogs import ROOT
from errdex.convert.code.table import CodeTable, code_table
from errdex.io import load
from errdex.model import Catalog, normalize_code

EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/errdex.toml"))
UNKNOWN_CODE = 987654321


class DecodeCase(NamedTuple):
    """A response body and what decoding it must give: identifier (or None), raw code, message."""

    body: str
    ident: str | None
    code: str
    message: str


def example(name: str) -> Catalog:
    """Load one example catalog."""
    return load(ROOT / "examples" / name)


def expected_ident(table: CodeTable, code: int | str, kind: str | None) -> str | None:
    """The entry a decoder must pick: same code, a space of ``kind`` first, else catalog order."""
    rows = [r for r in table.rows if r.entry.key == normalize_code(code)]
    preferred = [r for r in rows if r.space_kind == kind]
    found = preferred or rows
    return found[0].ident if found else None


def _fill(template: Any, entry_code: int | str, message: str) -> Any:
    if isinstance(template, dict):
        return {k: _fill(v, entry_code, message) for k, v in template.items()}
    if template == "$code":
        return entry_code
    if template == "$message":
        return message
    return None if isinstance(template, str) and template.startswith("$") else template


def decode_cases(catalog: Catalog, reserved: tuple[str, ...] = ()) -> list[DecodeCase]:
    """Bodies in JSON-RPC, problem+json and each plain profile, for a spread of entries."""
    table = code_table(catalog, reserved)
    rows = table.rows
    sample = [rows[i] for i in sorted({0, len(rows) // 2, len(rows) - 1})] if rows else []
    cases = []
    for n, row in enumerate(sample):
        code = row.entry.code
        message = f'sample message {n} «ü» "quoted"'
        if isinstance(code, int):
            body = {"jsonrpc": "2.0", "id": n, "error": {"code": code, "message": message}}
            cases.append(
                DecodeCase(
                    json.dumps(body), expected_ident(table, code, "jsonrpc"), str(code), message
                )
            )
        problem = {
            "type": "about:blank",
            "title": "t",
            "status": 400,
            "code": code,
            "detail": message,
        }
        cases.append(
            DecodeCase(json.dumps(problem), expected_ident(table, code, None), str(code), message)
        )
        for profile in catalog.profiles.values():
            body = _fill(profile.body, code, message)
            cases.append(
                DecodeCase(
                    json.dumps(body, ensure_ascii=False),
                    expected_ident(table, code, None),
                    str(code),
                    message,
                )
            )
    unknown = {"code": UNKNOWN_CODE, "detail": "nobody knows"}
    cases.append(DecodeCase(json.dumps(unknown), None, str(UNKNOWN_CODE), "nobody knows"))
    return cases


def expected_output(catalog: Catalog, reserved: tuple[str, ...] = ()) -> list[str]:
    """The lines every test program must print: one per lookup, then one per decode case."""
    table = code_table(catalog, reserved)
    lines = [f"L {r.ident}" for r in table.rows]
    lines += [f"D {c.ident or '-'} {c.code} {c.message}" for c in decode_cases(catalog, reserved)]
    return lines


def run_go(go: str, folder: Path) -> str:
    """Check that ``folder/gen`` is gofmt-clean and vets, run ``folder``'s main; its stdout."""
    env = dict(os.environ)
    env.setdefault("GOCACHE", str(Path.home() / ".cache" / "go-build"))
    env.update(GOPATH=str(folder / "gopath"), GOFLAGS="-mod=mod", GOTOOLCHAIN="local")
    (folder / "go.mod").write_text("module example.com/errgen\n\ngo 1.18\n")
    gofmt = [str(Path(go).with_name("gofmt")), "-l", "gen"]
    fmt = subprocess.run(gofmt, cwd=folder, capture_output=True, text=True)
    assert fmt.returncode == 0 and fmt.stdout == "", "gofmt would reformat: " + fmt.stdout
    vet = subprocess.run([go, "vet", "./..."], cwd=folder, env=env, capture_output=True, text=True)
    assert vet.returncode == 0, vet.stderr
    run = subprocess.run([go, "run", "."], cwd=folder, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def run_rust(rustc: str, folder: Path) -> str:
    """Build ``folder/main.rs`` (``mod gen;``) warning-free with rustc alone, run it; its stdout."""
    build = subprocess.run(
        [rustc, "--edition", "2021", "-D", "warnings", "-o", "prog", "main.rs"],
        cwd=folder,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    run = subprocess.run([str(folder / "prog")], cwd=folder, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def lookups(catalog: Catalog) -> list[tuple[str, str, bool]]:
    """(code text, space, code is an integer) for every entry, in catalog order."""
    return [(str(e.code), e.space, isinstance(e.code, int)) for e in catalog.entries]
