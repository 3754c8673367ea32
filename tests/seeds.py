"""The five seed documents (``../shared/seeds`` beside the repository), or a visible skip.

A clone from a public host has no ``../shared``: the tests that compare the
example catalogs with their source documents then skip and say why, instead
of failing (``pytest -ra`` lists the reason).
"""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
"""Where the seed documents are: ``../shared/seeds`` next to the repository."""

REASON = (
    "the seed documents are absent (../shared/seeds beside the repository; "
    "see examples/*/errdex.toml for each one's origin)"
)


def seed_path(name: str, *, module: bool = False) -> Path:
    """The path of seed ``name``; skip the test (or, with ``module``, the whole module)
    when the seeds are not there."""
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(REASON, allow_module_level=module)
    return path


def seed_text(name: str, *, module: bool = False) -> str:
    """The text of seed ``name`` (see :func:`seed_path`)."""
    return seed_path(name, module=module).read_text(encoding="utf-8")
