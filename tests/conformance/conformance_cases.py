"""Shared by the conformance tests: the catalogs every language is checked on."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SHOP = Path(__file__).parent / "shop"
"""A small catalog using every wire feature (a copy of the runtime tests' ``SHOP``)."""
HAND_WRITTEN = Path(__file__).parent / "hand_written.jsonl"
"""Vectors for examples/csghub written by hand, not by errdex."""
CATALOGS = {
    **{p.name: p for p in sorted(EXAMPLES.iterdir()) if (p / "errdex.toml").is_file()},
    "shop": SHOP,
}
