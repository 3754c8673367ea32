"""``errdex conformance run``: generated code, built with the real toolchain, passes the vectors.

Every example catalog (and the feature-complete shop catalog) in every language
whose toolchain and driver are present; the hand-written vectors file in all
four. A language that cannot run here is skipped with the reason named.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conformance_cases import CATALOGS, HAND_WRITTEN, SHOP

from errdex.cli.main import cli
from errdex.conformance.toolchain import ToolchainMissing, toolchain

LANGS = ("python", "typescript", "go", "rust")


def _available(lang: str) -> None:
    """Skip, naming why, when ``lang``'s driver or toolchain is not here."""
    try:
        chain = toolchain(lang)
    except ToolchainMissing as exc:
        pytest.skip(str(exc))
    check = getattr(chain, "check", None)
    if check is not None:
        try:
            check()
        except ToolchainMissing as exc:
            pytest.skip(str(exc))


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["conformance", "run", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(CATALOGS))
def test_generated_code_passes_the_catalogs_vectors(name: str, lang: str) -> None:
    _available(lang)
    code, output = _run(str(CATALOGS[name]), "--lang", lang)
    assert code == 0, output[-3000:]
    assert " passed, 0 failed" in output


@pytest.mark.parametrize("lang", LANGS)
def test_hand_written_vectors_run_in_every_language(lang: str) -> None:
    _available(lang)
    code, output = _run(str(CATALOGS["csghub"]), "--lang", lang, "--vectors", str(HAND_WRITTEN))
    assert code == 0, output[-3000:]
    assert output.startswith("13 passed, 0 failed")


def test_a_wrong_expectation_fails_with_a_diff(tmp_path: Path) -> None:
    lines = HAND_WRITTEN.read_text("utf-8").split("\n")
    wrong = [
        line.replace('"retryable": false, "retry_after": null', '"retryable": true')
        if "csghub body back" in line
        else line
        for line in lines
    ]
    vectors = tmp_path / "wrong.jsonl"
    vectors.write_text("\n".join(wrong), "utf-8")
    code, output = _run(str(CATALOGS["csghub"]), "--lang", "python", "--vectors", str(vectors))
    assert code == 1
    assert output.startswith("12 passed, 1 failed")
    assert "FAIL csghub body back" in output
    assert "-retryable: true" in output and "+retryable: false" in output


def test_vectors_for_another_catalog_are_refused(tmp_path: Path) -> None:
    code, output = _run(str(SHOP), "--lang", "python", "--vectors", str(HAND_WRITTEN))
    assert code == 2
    assert "for catalog 'csghub', not 'shop'" in output


def test_a_malformed_vectors_file_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    head = json.dumps({"kind": "header", "format": "errdex-wire-vectors", "version": 1,
                       "catalog": "shop"})  # fmt: skip
    bad.write_text(head + '\n{"kind": "render"', "utf-8")
    code, output = _run(str(SHOP), "--lang", "python", "--vectors", str(bad))
    assert code == 2
    assert f"{bad}:2:" in output and "not JSON" in output and "Traceback" not in output


def test_a_missing_toolchain_exits_2_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    for lang in ("go", "rust", "typescript"):
        code, output = _run(str(SHOP), "--lang", lang)
        assert code == 2, output
        assert lang in output or "not found" in output


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", ["alchemy", "shop"])
def test_variant_renders_pass_in_every_language(name: str, lang: str, tmp_path: Path) -> None:
    import errdex
    from errdex.conformance.make import make_cases
    from errdex.conformance.vectors import dump_lines, header

    _available(lang)
    catalog = errdex.load(CATALOGS[name])
    cases = [c for c in make_cases(catalog) if "variant" in c]
    assert cases  # both catalogs have variants, and the vectors errdex writes have them
    vectors = tmp_path / "variants.jsonl"
    vectors.write_text(dump_lines(header(catalog.meta.id, "test"), cases), "utf-8")
    code, output = _run(str(CATALOGS[name]), "--lang", lang, "--vectors", str(vectors))
    assert code == 0, output[-3000:]
    assert output.startswith(f"{len(cases)} passed, 0 failed")


def test_keep_leaves_the_built_code_for_a_look(tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    code, output = _run(str(CATALOGS["zan"]), "--lang", "python", "--keep", str(folder))
    assert code == 0, output[-2000:]
    assert {"driver.py", "conformance_catalog.py", "conformance_catalog.pyi"} <= {
        p.name for p in folder.iterdir()
    }
