"""``errdex.io.progress``: the ``progress(label, done, total)`` calls long work makes.

``Steps`` is only the shape of the callback; these tests hold the work that takes one to
it: a call per batch, ``done`` counting up to ``total``, and no call at all without one.
"""

from __future__ import annotations

from pathlib import Path

from catalogs import HEAD
from errdex.io.fmt import format_paths
from errdex.io.progress import Steps


def test_formatting_a_folder_reports_each_file_then_the_verification(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()
    (tmp_path / "errdex.toml").write_text(HEAD)
    for name in ("a", "b"):
        (tmp_path / "modules" / f"{name}.toml").write_text(
            f'[module]\nprefix = "{name.upper()}-"\n'
        )
    calls: list[tuple[str, int, int | None]] = []
    progress: Steps = lambda label, done, total: calls.append((label, done, total))  # noqa: E731
    format_paths([tmp_path], progress=progress)
    assert calls, "no progress was told"
    assert all(type(label) is str and label for label, _, _ in calls)
    totals = {total for _, _, total in calls}
    assert len(totals) == 1 and None not in totals
    (total,) = totals
    assert [done for _, done, _ in calls] == sorted(done for _, done, _ in calls)
    assert all(0 <= done <= total for _, done, _ in calls)
    assert calls[-1][0] == "Verifying the formatted catalog"
    assert any("a.toml" in label for label, _, _ in calls)


def test_without_a_callback_nothing_is_told(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text(HEAD)
    assert [r.path.name for r in format_paths([tmp_path / "c.toml"])] == ["c.toml"]


def test_counted_tells_the_label_before_every_batch_and_at_the_end() -> None:
    from errdex.io.progress import counted

    heard: list[tuple[str, int, int | None]] = []
    items = list(range(5))
    assert list(counted(items, "Reading rows", lambda *call: heard.append(call), every=2)) == items
    assert heard == [("Reading rows", n, 5) for n in (0, 2, 4, 5)]
    assert counted(items, "Reading rows", None) is items  # nobody listens: nothing added
