"""``errdex.check.registry``: a check is registered with the rules it reports."""

from __future__ import annotations

import pytest

import errdex.check.rules  # noqa: F401  (fills CHECKS)
from errdex.check import registry
from errdex.io.diagnostic import rule


def test_check_registers_the_function_unchanged_with_its_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "CHECKS", [])
    e101, e102 = rule("E101"), rule("E102")

    def one(ctx):  # type: ignore[no-untyped-def]
        return []

    assert registry.check(e101, e102)(one) is one
    assert [((e101, e102), one)] == registry.CHECKS


def test_the_rule_modules_register_each_check_once_with_known_rules() -> None:
    funcs = [func for _, func in registry.CHECKS]
    assert len(funcs) == len(set(funcs)) >= 20
    assert all(rules and all(r.id for r in rules) for rules, _ in registry.CHECKS)
    ids = {r.id for rules, _ in registry.CHECKS for r in rules}
    assert {"E114", "E115", "E116", "W701", "W203"} <= ids
