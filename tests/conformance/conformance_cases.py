"""Shared by the conformance tests: the catalogs every language is checked on."""

from __future__ import annotations

from pathlib import Path

from catalogs import EXAMPLE_NAMES, EXAMPLES, SHOP_FOLDER

SHOP = SHOP_FOLDER
"""The shared catalog using every wire feature (``tests/shop``, see ``tests/catalogs.py``)."""
HAND_WRITTEN = Path(__file__).parent / "hand_written.jsonl"
"""Vectors for examples/csghub written by hand, not by errdex."""
CATALOGS = {
    **{name: EXAMPLES / name for name in EXAMPLE_NAMES},
    "shop": SHOP,
}
