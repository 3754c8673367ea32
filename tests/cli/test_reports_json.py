"""``--format json`` (``--json``) of gen, hash, conformance and i18n extract, through the real
entry point: one JSON object on stdout that says what was written, the hash, or the result."""

from __future__ import annotations

import json
from pathlib import Path

from cli_process import EXAMPLES, errdex

from errdex.model import source_hash

ZAN = str(EXAMPLES / "zan")


def test_gen_json_lists_each_file_written_or_left_alone(tmp_path: Path) -> None:
    first = errdex("gen", ZAN, "--lang", "go", "-o", str(tmp_path), "--format", "json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    target = str(tmp_path / "zan.go")
    assert report == {
        "lang": "go",
        "package": None,
        "output": str(tmp_path),
        "files": [{"path": target, "status": "wrote"}],
    }
    assert Path(target).is_file() and first.stderr == ""
    again = json.loads(errdex("gen", ZAN, "--lang", "go", "-o", str(tmp_path), "--json").stdout)
    assert again["files"] == [{"path": target, "status": "unchanged"}]


def test_hash_json_is_the_code_and_its_source_hash() -> None:
    import errdex as api

    entry = api.load(ZAN).entry(-32000)
    done = errdex("hash", ZAN, "-32000", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {
        "code": -32000,
        "space": entry.space,
        "name": entry.name,
        "source_hash": source_hash(entry.message, entry.description, entry.solution),
    }
    assert done.stdout != errdex("hash", ZAN, "-32000").stdout  # text: the hash alone


def test_conformance_write_json_says_what_was_written_where(tmp_path: Path) -> None:
    out = tmp_path / "v.jsonl"
    done = errdex("conformance", ZAN, "-o", str(out), "--json")
    assert done.returncode == 0, done.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(done.stdout) == {
        "catalog": "zan",
        "vectors": len(lines) - 1,  # the header line, then one line per vector
        "output": str(out),
    }
    both = errdex("conformance", ZAN, "-o", "-", "--format", "json")
    assert both.returncode == 2 and both.stdout == ""
    assert both.stderr.startswith("errdex conformance: --format json and -o - would both print")


def test_conformance_run_json_is_the_result(tmp_path: Path) -> None:
    done = errdex("conformance", "run", ZAN, "--lang", "python", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["catalog"] == "zan" and report["lang"] == "python"
    assert report["passed"] == report["vectors"] > 100
    assert (report["failed"], report["failures"], report["error"]) == (0, [], None)
    # a vector whose expected answer is wrong is a failure, listed in full
    vectors = tmp_path / "v.jsonl"
    errdex("conformance", ZAN, "-o", str(vectors))
    lines = vectors.read_text(encoding="utf-8").splitlines()
    case = json.loads(lines[1])
    case["expect"]["status"] = 499  # the runtime answers 400
    lines[1] = json.dumps(case)
    vectors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failed = errdex(
        "conformance", "run", ZAN, "--lang", "python", "--vectors", str(vectors), "--json"
    )
    assert failed.returncode == 1, failed.stderr
    report = json.loads(failed.stdout)
    assert report["failed"] == 1 and report["passed"] == report["vectors"] - 1
    assert report["failures"][0]["vector"] == case["vector"]
    assert report["failures"][0]["line"] == 2


def test_i18n_extract_json_gives_the_template_or_where_it_went(tmp_path: Path) -> None:
    printed = json.loads(errdex("i18n", "extract", ZAN, "--json").stdout)
    assert printed["output"] is None and printed["messages"] > 10
    assert printed["pot"] == errdex("i18n", "extract", ZAN).stdout
    pot = tmp_path / "zan.pot"
    written = json.loads(errdex("i18n", "extract", ZAN, "-o", str(pot), "--json").stdout)
    assert written == {"output": str(pot), "messages": printed["messages"], "pot": None}
    assert pot.read_text(encoding="utf-8") == printed["pot"]
