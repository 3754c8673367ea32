"""errdex's own rule ids: one literal table, documented, emitted, never removed or reused."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from errdex.io.rules import CLASSES, RULES, TABLE, rule

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "errdex"
PINNED = Path(__file__).with_name("rule_ids.txt")


def _pinned() -> dict[str, str]:
    lines = PINNED.read_text(encoding="utf-8").splitlines()
    return dict(line.split() for line in lines if line and not line.startswith("#"))


def test_ids_and_slugs_are_unique_and_well_formed() -> None:
    assert len({r.id for r in TABLE}) == len(TABLE)
    assert len({r.slug for r in TABLE}) == len(TABLE)
    for r in TABLE:
        assert re.fullmatch(r"[A-Z]\d{3}", r.id), r
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.slug), r
        assert r.severity in ("error", "warning", "note"), r
        assert r.kind in CLASSES, r
        assert r.summary and not r.summary.endswith("."), r


def test_no_id_is_ever_removed_or_reused() -> None:
    pinned = _pinned()
    for rule_id, slug in pinned.items():
        assert rule_id in RULES, f"{rule_id} was removed: keep its line, marked retired"
        assert RULES[rule_id].slug == slug, f"{rule_id} was reused for {RULES[rule_id].slug}"
    assert set(RULES) <= set(pinned), "pin new ids in tests/io/rule_ids.txt"


def test_every_id_is_documented() -> None:
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for r in TABLE:
        assert f"\n## {r.id} {r.slug}\n" in doc, f"docs/rules.md has no section for {r.id}"


def _uses() -> dict[str, list[str]]:
    """Rule id -> the source files (outside the table) that take the rule from the table."""
    found: dict[str, list[str]] = {}
    for path in SRC.rglob("*.py"):
        if path.name == "rules.py" and path.parent.name == "io":
            continue
        for rule_id in re.findall(r"""\brule\(["']([A-Z]\d{3})["']\)""", path.read_text("utf-8")):
            found.setdefault(rule_id, []).append(str(path.relative_to(SRC)))
    return found


def test_every_live_id_is_emitted_by_some_code_path() -> None:
    uses = _uses()
    for r in TABLE:
        if r.retired:
            assert r.id not in uses, f"{r.id} is retired but still emitted by {uses[r.id]}"
            continue
        assert r.id in uses, f"{r.id} is in the table but no code takes it (retire it?)"
        # the constant it is bound to is used again (a report, a check, an import)
        for rel in uses[r.id]:
            text = (SRC / rel).read_text("utf-8")
            name = re.search(rf"""(\w+) = rule\(["']{r.id}["']\)""", text)
            if name:
                pattern = re.compile(rf"\b{name.group(1)}\b")
                count = sum(len(pattern.findall(p.read_text("utf-8"))) for p in SRC.rglob("*.py"))
                assert count >= 2, f"{r.id} ({name.group(1)} in {rel}) is never reported"


def test_check_rules_are_all_registered_checks() -> None:
    from errdex.check.engine import CHECKS, _load_rules

    _load_rules()
    reported = {r.id for rules, _ in CHECKS for r in rules}
    check_ids = {r.id for r in TABLE if re.fullmatch(r"[EW][1-37]\d\d", r.id)}
    assert check_ids == reported


def test_unknown_id_names_the_table() -> None:
    try:
        rule("E999")
    except KeyError as exc:
        assert "errdex.io.rules.TABLE" in str(exc)
    else:
        raise AssertionError("rule('E999') did not raise")


def test_the_table_does_not_depend_on_what_was_imported() -> None:
    script = (
        "import errdex.io.rules as r; n = len(r.RULES); import errdex.check.rules, "
        "errdex.check.scan.compare, errdex.convert.importers.draft, errdex.directory.registry; "
        "print(n, len(r.RULES))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    first, after = out.stdout.split()
    assert first == after == str(len(TABLE)), out.stderr


def test_sarif_lists_the_full_table() -> None:
    import orjson

    from errdex.check.engine import CheckResult
    from errdex.check.output.sarif import sarif

    log = orjson.loads(sarif(CheckResult([], 0, ())))
    listed = {r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert listed == set(RULES)
