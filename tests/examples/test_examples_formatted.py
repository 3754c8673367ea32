"""The bundled examples are in errdex's own canonical layout (``errdex fmt --check``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from errdex.io.fmt import format_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.parametrize("catalog", sorted(p.parent.name for p in EXAMPLES.glob("*/errdex.toml")))
def test_example_is_canonically_formatted(catalog: str) -> None:
    results = format_paths([EXAMPLES / catalog])
    assert results, f"no files found for {catalog}"
    for result in results:
        assert not result.problems, result.problems
        assert not result.changed, f"{result.path} is not formatted: run errdex fmt {catalog}"
