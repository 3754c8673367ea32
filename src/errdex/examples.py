"""Where the bundled example catalogs are: inside an installed wheel, or in a checkout."""

from __future__ import annotations

from pathlib import Path

EXAMPLE_IDS = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")


def examples_dir() -> Path | None:
    """The folder holding the bundled example catalogs, or None when there is none.

    A wheel carries them as ``errdex/_examples``; an editable install or a
    source checkout has them in the repository's ``examples/``.
    """
    here = Path(__file__).resolve().parent
    for candidate in (here / "_examples", here.parents[1] / "examples"):
        if (candidate / EXAMPLE_IDS[0] / "errdex.toml").is_file():
            return candidate
    return None
