"""docs/rules.md: every rule has a section, and its examples fail and pass as they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from errdex.check import check_catalog, rules
from errdex.io import Diagnostic, Rule, diagnostic, reads
from errdex.io.rules import RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
SECTION = re.compile(r"^## (\w+) ([a-z-]+)\n(.*?)(?=^## |\Z)", re.M | re.S)
BLOCK = re.compile(r"^(Fails|Fixed):\n\n```toml\n(.*?)```", re.M | re.S)


def checked_rules() -> dict[str, Rule]:
    """The rules of loading (errdex.io.diagnostic) and of the check rule modules."""
    modules = [diagnostic, *(getattr(rules, name) for name in rules.__all__)]
    return {v.id: v for m in modules for v in vars(m).values() if isinstance(v, Rule) and v.id}


def own_rules() -> dict[str, Rule]:
    """Every rule of errdex's table (errdex.io.rules): check's and other commands'."""
    return dict(RULES)


def sections() -> dict[str, tuple[str, dict[str, str]]]:
    out = {}
    for m in SECTION.finditer(DOC.read_text("utf-8")):
        out[m.group(1)] = (m.group(2), dict(BLOCK.findall(m.group(3))))
    return out


def diagnose(text: str) -> list[Diagnostic]:
    catalog, problems = reads(text, name="rules.md")
    return problems + (check_catalog(catalog) if catalog is not None else [])


def test_every_rule_has_a_section_with_its_slug():
    documented = sections()
    known = own_rules()
    assert set(documented) == set(known)
    for rule_id, (slug, _) in documented.items():
        assert known[rule_id].slug == slug


@pytest.mark.parametrize("rule_id", sorted(sections()))
def test_examples_fail_and_pass(rule_id):
    _, blocks = sections()[rule_id]
    if rule_id == "E006" or rule_id not in checked_rules():  # a path; another command's rule
        assert not blocks
        return
    assert set(blocks) == {"Fails", "Fixed"}
    failing = diagnose(blocks["Fails"])
    assert rule_id in {d.rule.id for d in failing}
    assert diagnose(blocks["Fixed"]) == []
