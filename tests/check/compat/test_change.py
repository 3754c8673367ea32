"""``errdex.check.compat.change``: one change, a summarised shift, and the report's verdict."""

from __future__ import annotations

from catalogs import HEAD
from errdex.check.compat.change import Change, Report, Shift
from errdex.check.compat.kinds import ADDED, DEPRECATED, REMOVED, RENUMBERED
from errdex.io import loads


def change(kind, code=1, **fields) -> Change:
    return Change(kind, code=code, space="app", name="a", message=f"{kind.id} {code}", **fields)


def test_a_breaking_change_fails_until_it_is_allowed() -> None:
    removed = change(REMOVED)
    assert removed.severity == "breaking" and removed.is_failing
    removed.allowed = "nobody raised it"
    assert not removed.is_failing
    assert not change(DEPRECATED).is_failing and not change(ADDED).is_failing


def test_to_dict_has_every_field_and_no_place_without_a_source() -> None:
    assert change(REMOVED, old="A", new=None).to_dict() == {
        "kind": "removed",
        "severity": "breaking",
        "code": 1,
        "space": "app",
        "name": "a",
        "old": "A",
        "new": None,
        "message": "removed 1",
        "file": None,
        "line": None,
        "col": None,
        "allowed": None,
    }
    assert repr(change(ADDED, code="X-1")) == "<Change added 'X-1' in 'app': added X-1>"


def test_a_change_with_a_source_is_placed_at_its_key_path() -> None:
    catalog = loads(HEAD + '\n[[errors]]\ncode = 1\nmessage = "m"\n', name="shop.toml")
    placed = change(ADDED, source=catalog.sources[0], path=("errors", 0, "message"))
    data = placed.to_dict()
    assert (data["file"], data["line"], data["col"]) == ("shop.toml", 6, 1)


def test_a_shift_sums_up_its_renumberings() -> None:
    moved = tuple(change(RENUMBERED, code=c) for c in (11, 12, 13))
    shift = Shift("app", 10, 12, 1, moved)
    assert shift.message == (
        "codes 10 … 12 in space 'app' shifted by +1: 3 entries renumbered "
        "(a line inserted into or removed from a numbered block?)"
    )
    assert "shifted by -2:" in Shift("app", 10, 12, -2, moved).message
    assert shift.to_dict()["count"] == 3 and shift.to_dict()["delta"] == 1


def test_the_report_counts_severities_and_exits_1_on_a_failing_change() -> None:
    allowed = change(REMOVED, code=2)
    allowed.allowed = "retired"
    changes = (change(ADDED), allowed, change(DEPRECATED, code=3))
    report = Report("old", "new", changes, ())
    assert report.counts() == {"breaking": 1, "notice": 1, "compatible": 1, "allowed": 1}
    assert report.of("notice") == [changes[2]]
    assert report.failing == [] and report.exit_code == 0
    failing = Report("old", "new", (*changes, change(REMOVED, code=4)), ())
    assert [c.code for c in failing.failing] == [4] and failing.exit_code == 1
