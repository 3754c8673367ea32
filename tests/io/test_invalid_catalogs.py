"""Invalid is not the same as imperfect: a strict load refuses an invalid catalog, lists why,
and never stops for a finding; ``lenient=True`` reads it anyway."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import errdex
from catalogs import HEAD
from errdex.io import CatalogError, loads, read_valid, refusals
from errdex.io.invariants import invalid
from errdex.io.rules import RULES

ROOT = Path(__file__).resolve().parents[2]

INVALID = {
    "E101": HEAD + '[[errors]]\ncode = 1\nmessage = "a"\n[[errors]]\ncode = 1\nmessage = "b"\n',
    "E102": HEAD + '[[errors]]\ncode = 1\nname = "x"\n[[errors]]\ncode = 2\nname = "X"\n',
    "E109": HEAD + '[[errors]]\ncode = 1\nmessage = "a"\nhttp_status = 0\n',
    "E110": HEAD + '[spaces.rpc]\nkind = "jsonrpc"\n[[errors]]\ncode = -32500\nmessage = "a"\n',
    "E111": HEAD
    + '[[errors]]\ncode = 1\nstatus = "removed"\n[[errors]]\ncode = 1\nmessage = "again"\n',
    "E113": HEAD + '[[errors]]\ncode = 1\nmessage = "a"\nretry_after = -1\n',
    "E114": HEAD + '[[errors]]\ncode = 1\nmessage = "a"\nretry_after = 9007199254740993\n',
    "E115": HEAD.replace('"shop"\n', '"shop"\nlocales = ["en", "a/../b"]\n')
    + '[[errors]]\ncode = 1\nmessage = "a"\n',
    "E112": HEAD + '[[errors]]\ncode = 1\nstatus = "removed"\nreplaced_by = 4242\n',
    "E116": HEAD + '[[errors]]\ncode = 1\nmessage = "a"\n'
    '[[targets]]\nkind = "docs"\nformat = "markdown"\noutput = "../../out.md"\n',
}


@pytest.mark.parametrize("rule_id", sorted(INVALID))
def test_a_strict_load_refuses_an_invalid_catalog_listing_why(rule_id: str) -> None:
    assert RULES[rule_id].kind == "invalid"
    with pytest.raises(CatalogError) as caught:
        errdex.loads(INVALID[rule_id])
    assert rule_id in {d.rule.id for d in caught.value.diagnostics}
    assert rule_id in str(caught.value) and "<string>:" in str(caught.value)
    assert loads(INVALID[rule_id], lenient=True).meta.id == "shop"


def test_integers_beyond_64_bits_are_located_diagnostics() -> None:
    text = HEAD + "[[errors]]\ncode = 1\nmessage = 'a'\njsonrpc_code = " + "9" * 30 + "\n"
    (diag,) = invalid(loads(text, lenient=True))
    assert diag.rule.id == "E114" and diag.line == 6
    assert "32-bit" in diag.message and len(diag.message) < 200


def test_jsonrpc_space_codes_are_int32_and_app_codes_safe_integers() -> None:
    rpc = HEAD + '[spaces.rpc]\nkind = "jsonrpc"\n[[errors]]\ncode = 3000000000\nmessage = "a"\n'
    assert [d.rule.id for d in invalid(loads(rpc, lenient=True))] == ["E114"]
    app = HEAD + '[[errors]]\ncode = 3000000000\nmessage = "a"\n'
    assert errdex.loads(app).entries[0].code == 3000000000


def test_a_locale_file_named_by_no_bcp47_tag_is_invalid(tmp_path: Path) -> None:
    (tmp_path / "errdex.toml").write_text(HEAD + '[[errors]]\ncode = 1\nmessage = "a"\n')
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "zh CN.toml").write_text('[errors.1]\nmessage = "甲"\n')
    catalog, diagnostics = read_valid(tmp_path)
    assert catalog is not None
    (diag,) = refusals(diagnostics)
    assert diag.rule.id == "E115" and "zh CN.toml" in diag.message
    with pytest.raises(CatalogError):
        errdex.load(tmp_path)


def test_findings_never_stop_a_load() -> None:
    text = HEAD + '[[errors]]\ncode = 1\nmessage = "Teh token expird"\ndescription = ""\n'
    assert len(errdex.loads(text).entries) == 1


@pytest.mark.parametrize("name", ["subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong"])
def test_the_examples_load_strictly(name: str) -> None:
    catalog = errdex.load(ROOT / "examples" / name)
    assert invalid(catalog) == []


@pytest.mark.parametrize(
    "command", [["export", "--format", "json"], ["gen", "--lang", "python", "-o", "OUT"]]
)
def test_consuming_commands_refuse_an_invalid_catalog(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "errdex.toml"
    path.write_text(INVALID["E109"])
    argv = [str(tmp_path / "out") if arg == "OUT" else arg for arg in command]
    run = subprocess.run(
        [sys.executable, "-m", "errdex", *argv, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stdout + run.stderr
    assert "E109" in run.stderr and "Traceback" not in run.stderr
    assert run.stdout == "" and not (tmp_path / "out").exists()


ENTRY = '[[errors]]\ncode = 1\nname = "a"\nmessage = "Fine."\n'

REFUSED = {
    # (catalog text, rule, line, column, words of the message)
    "internal_error naming no code": (
        HEAD + "internal_error = 99999\n" + ENTRY,
        "E112",
        3,
        1,
        "internal_error names 99999",
    ),
    "replaced_by naming no code": (
        HEAD + ENTRY + 'status = "removed"\nreplaced_by = 4242\n',
        "E112",
        8,
        1,
        "replaced_by 4242",
    ),
    "replaced_by naming itself": (
        HEAD + ENTRY + 'status = "removed"\nreplaced_by = 1\n',
        "E112",
        8,
        1,
        "replaced_by itself",
    ),
    "a target output outside its folder": (
        HEAD + ENTRY + '[[targets]]\nkind = "docs"\nformat = "markdown"\noutput = "../x.md"\n',
        "E116",
        10,
        1,
        "goes up with '..'",
    ),
    "an absolute target output": (
        HEAD + ENTRY + '[[targets]]\nkind = "docs"\nformat = "markdown"\noutput = "/tmp/x.md"\n',
        "E116",
        10,
        1,
        "absolute path",
    ),
    "a Windows drive as target output": (
        HEAD + ENTRY + '[[targets]]\nkind = "docs"\nformat = "json"\noutput = "C:\\\\x.json"\n',
        "E116",
        10,
        1,
        "absolute path",
    ),
    "a code holding a line break": (
        HEAD + '[[errors]]\ncode = "A\\nB"\nmessage = "a"\n',
        "E005",
        4,
        1,
        "U+000A",
    ),
    "a code holding a bidi control": (
        HEAD + '[[errors]]\ncode = "AB\\u202eC"\nmessage = "a"\n',
        "E005",
        4,
        1,
        "U+202E",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_each_invalid_catalog_is_refused_at_its_place_with_a_fix(case: str) -> None:
    text, rule_id, line, col, words = REFUSED[case]
    assert RULES[rule_id].kind == "invalid"
    with pytest.raises(CatalogError) as caught:
        errdex.loads(text)
    (diag,) = [d for d in caught.value.diagnostics if d.rule.id == rule_id]
    assert (diag.line, diag.col) == (line, col), diag.location
    assert words in diag.message and diag.hint


def test_a_printable_string_code_with_inner_spaces_still_loads() -> None:
    text = HEAD + '[[errors]]\ncode = "AUTH ERR 4"\nmessage = "a"\n'
    assert errdex.loads(text).entries[0].code == "AUTH ERR 4"
