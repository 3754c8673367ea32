"""The engine: rule selection, reading many paths, exit codes."""

from __future__ import annotations

from pathlib import Path

from errdex.check import CheckResult, Selection, check_catalog, rules, run
from errdex.io import RULES, Rule, loads


def test_selection_by_id_prefix_and_slug():
    sel = Selection(["E1", "typo"], ["E101"])
    assert RULES["E102"] in sel and RULES["W202"] in sel
    assert RULES["E101"] not in sel and RULES["W201"] not in sel
    assert Selection().unknown() == [] and Selection(["nope"]).unknown() == ["nope"]


def test_every_rule_has_an_id_slug_severity_and_summary():
    mine = [v for name in rules.__all__ for v in vars(getattr(rules, name)).values()]
    for rule in {v for v in mine if isinstance(v, Rule)}:
        assert RULES[rule.id] is rule
        assert rule.id[0] in "EW" and rule.id[1:].isdigit()
        assert rule.slug == rule.slug.lower() and " " not in rule.slug
        assert rule.severity in ("error", "warning", "note") and rule.summary


def test_run_reads_folders_and_reports_unreadable(tmp_path: Path):
    (tmp_path / "a.toml").write_text('[catalog]\nid = "a"\n[[errors]]\ncode = 1\nmessage = "Hi."\n')
    (tmp_path / "b.toml").write_text('[catalog]\nid = "b"\n[[errors]]\ncode = 1\n')
    result = run([tmp_path])
    assert result.catalogs == 2 and not result.unreadable
    assert [d.rule.id for d in result.diagnostics] == ["E105"]
    assert result.exit_code() == 1
    missing = run([tmp_path / "missing"])
    assert missing.unreadable and missing.exit_code() == 2


def test_exit_codes():
    catalog = loads(
        '[catalog]\nid = "x"\n[[errors]]\ncode = 1\nmessage = "Failed to operate rockdb."\n'
    )
    warnings = CheckResult(check_catalog(catalog), 1, ())
    assert warnings.exit_code() == 0 and warnings.exit_code(strict=True) == 1
    assert CheckResult([], 1, ()).exit_code(strict=True) == 0
