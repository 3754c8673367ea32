"""Each entry's origin names the item of its file's ``errors`` list it was read from."""

from __future__ import annotations

from pathlib import Path

from errdex.io import read, reads
from errdex.io.origins import Origins


def test_origins_skip_the_entries_left_out() -> None:
    text = (
        '[catalog]\nid = "x"\n'
        '[[errors]]\ncode = 1\n[[errors]]\nname = "no code"\n[[errors]]\ncode = 3\n'
    )
    catalog, problems = reads(text)
    assert catalog is not None and problems  # the entry without a code is reported, left out
    assert [e.code for e in catalog.entries] == [1, 3]
    assert [path for _, path in catalog.origins] == [("errors", 0), ("errors", 2)]
    assert catalog.origin(1)[1] == ("errors", 2) and catalog.origin(2) is None


def test_origins_follow_the_files_of_a_folder_catalog(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()
    (tmp_path / "errdex.toml").write_text('[catalog]\nid = "x"\n[[errors]]\ncode = 1\n')
    (tmp_path / "modules" / "m.toml").write_text("[module]\n[[errors]]\ncode = 2\n")
    catalog, _ = read(tmp_path)
    assert catalog is not None
    files = [src.path.name for src, _ in catalog.origins]
    assert files == ["errdex.toml", "m.toml"]
    assert catalog.origin(1) == catalog.origins[-1]


def test_a_sequence_like_a_tuple() -> None:
    origins = Origins()
    origins.add("a", range(2))  # type: ignore[arg-type]
    origins.add("b", [1])  # type: ignore[arg-type]
    assert len(origins) == 3 and list(origins) == [origins[0], origins[1], origins[2]]
    assert origins[-1] == ("b", ("errors", 1)) and origins[1:] == [origins[1], origins[2]]


def test_the_origins_of_many_entries_at_once() -> None:
    whole = Origins()
    whole.add("a", range(3))  # type: ignore[arg-type]
    assert whole.of([2, 0]) == [whole[2], whole[0]] == [("a", ("errors", 2)), ("a", ("errors", 0))]
    assert whole.of([-1]) == [whole[-1]] and whole.of([]) == []
    runs = Origins()
    runs.add("a", [0, 2])  # type: ignore[arg-type]
    runs.add("b", range(2))  # type: ignore[arg-type]
    assert runs.of(range(4)) == list(runs)
