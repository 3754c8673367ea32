"""Reconcile's counts: capped tables that still count what goes past the cap."""

from __future__ import annotations

from errdex.reality.reconcile.tally import Source, Tally, bump


def test_bump_adds_to_a_known_key_and_refuses_a_new_one_when_full() -> None:
    table: dict[str, int] = {}
    assert bump(table, "a", 2, cap=2) and bump(table, "a", 3, cap=2)
    assert bump(table, "b", 1, cap=2)
    assert not bump(table, "c", 1, cap=2)
    assert bump(table, "b", 1, cap=2)  # a known key is still counted when full
    assert table == {"a": 5, "b": 2}


def test_the_window_spans_every_source_that_carries_times() -> None:
    tally = Tally()
    assert tally.window is None
    tally.sources += [
        Source("a.log", "jsonl", first_time="2026-12-02T10:00:00.000Z",
               last_time="2026-12-02T11:00:00.000Z"),
        Source("b.har", "har"),
        Source("c.log", "jsonl", first_time="2026-12-01T09:00:00.000Z",
               last_time="2026-12-02T10:30:00.000Z"),
    ]  # fmt: skip
    assert tally.window == ("2026-12-01T09:00:00.000Z", "2026-12-02T11:00:00.000Z")


def test_the_share_of_catalog_errors() -> None:
    tally = Tally()
    assert tally.share is None
    tally.errors, tally.catalog_errors = 8, 6
    assert tally.share == 0.75
