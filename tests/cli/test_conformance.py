"""``errdex conformance``: vectors to a file or stdout, and ``run`` with its refusals."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from catalogs import EXAMPLES
from errdex.cli.main import cli


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["conformance", *args])
    return result.exit_code, result.output


def test_dash_writes_the_vectors_to_standard_output(shop_folder: Path) -> None:
    code, out = _run(str(shop_folder), "-o", "-")
    assert code == 0
    lines = out.splitlines()
    header = json.loads(lines[0])
    assert (header["kind"], header["format"], header["catalog"]) == (
        "header",
        "errdex-wire-vectors",
        "shop",
    )
    assert all(json.loads(line)["vector"] for line in lines[1:])


def test_run_in_python_passes_every_vector_and_exits_0(shop_folder: Path) -> None:
    code, out = _run("run", str(shop_folder), "--lang", "python")
    assert code == 0, out
    passed, total = out.split(" passed, 0 failed (")
    assert int(passed) > 100 and total == f"{passed} vectors)\n"


def test_run_refuses_a_malformed_vectors_file(shop_folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", "utf-8")
    code, out = _run("run", str(shop_folder), "--lang", "python", "--vectors", str(bad))
    assert code == 2
    assert f"errdex conformance: {bad}:1:1: not JSON" in out
    assert "= help: see docs/wire.md section 1 for the format" in out


def test_run_refuses_vectors_made_for_another_catalog(shop_folder: Path, tmp_path: Path) -> None:
    zan = tmp_path / "zan.jsonl"
    assert _run(str(EXAMPLES / "zan"), "-o", str(zan))[0] == 0
    code, out = _run("run", str(shop_folder), "--lang", "python", "--vectors", str(zan))
    assert code == 2
    assert "the vectors are for catalog 'zan', not 'shop'" in out
    assert "= help: pass the catalog the vectors were made for" in out


def test_run_needs_a_known_language() -> None:
    code, out = _run("run", "x.toml", "--lang", "cobol")
    assert code == 2 and "'cobol' is not one of 'python', 'typescript', 'go', 'rust'" in out
    code, out = _run("run", "x.toml")
    assert code == 2 and "errdex conformance run: missing option '--lang'" in out


def test_the_usage_shows_both_forms() -> None:
    code, out = _run("--help")
    assert code == 0
    assert out.startswith(
        "Usage: errdex conformance PATH -o FILE | run PATH --lang LANG [--vectors FILE]"
    )
