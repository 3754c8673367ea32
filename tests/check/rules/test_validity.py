"""``errdex.check.rules.validity``: the integer, locale and target invariants in a check run."""

from __future__ import annotations

import pytest

from catalogs import HEAD
from errdex.check import check_catalog
from errdex.io import loads

ENTRY = '[[errors]]\ncode = 1\nmessage = "a"\n'


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("E114", HEAD + ENTRY + "retry_after = 9007199254740993\n"),
        ("E115", HEAD + 'locales = ["en", "a/../b"]\n' + ENTRY),
        (
            "E116",
            HEAD + ENTRY + '[[targets]]\nkind = "docs"\nformat = "markdown"\n'
            'output = "../../out.md"\n',
        ),
    ],
)
def test_check_reports_what_a_strict_load_refuses(rule: str, text: str) -> None:
    found = [d for d in check_catalog(loads(text, lenient=True)) if d.rule.id == rule]
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].hint


def test_a_valid_catalog_breaks_none_of_them() -> None:
    found = check_catalog(loads(HEAD + 'locales = ["en", "zh-CN"]\n' + ENTRY))
    assert not [d for d in found if d.rule.id in ("E114", "E115", "E116")]
