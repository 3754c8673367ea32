"""``errdex.check.compat.kinds``: the stable ids and severities of every kind of change."""

from __future__ import annotations

from pathlib import Path

import pytest

from errdex.check.compat.kinds import KINDS, SEVERITIES, Kind, severity_rank

DOCS = Path(__file__).resolve().parents[3] / "docs" / "compatibility.md"


def test_every_kind_is_registered_under_its_own_id_with_a_known_severity() -> None:
    assert len(KINDS) >= 30
    for id, kind in KINDS.items():
        assert isinstance(kind, Kind) and kind.id == id
        assert kind.severity in SEVERITIES, kind
        assert kind.summary and kind.summary == kind.summary.strip()


def test_every_breaking_kind_says_how_to_avoid_it() -> None:
    assert [k.id for k in KINDS.values() if k.severity == "breaking" and not k.hint] == []


def test_every_kind_id_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert [id for id in KINDS if f"`{id}`" not in text] == []


def test_severities_sort_worst_first() -> None:
    assert [severity_rank(s) for s in ("breaking", "notice", "compatible")] == [0, 1, 2]
    assert sorted(["compatible", "breaking", "notice"], key=severity_rank) == list(SEVERITIES)
    with pytest.raises(ValueError):
        severity_rank("fatal")
