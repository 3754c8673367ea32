"""The one catalog a single-catalog command reads from a folder without ``errdex.toml``.

``errdex check ex/apps`` checks every catalog found in a folder that is no catalog
folder itself (:func:`errdex.io.find_catalogs`: the catalog folders and files
directly inside it). The commands that read one catalog (``export``, ``gen``,
``hash``, ``diff``, ``i18n extract`` and ``update``, ``build`` without ``--site``)
accept such a folder by the same discovery when it holds exactly one catalog,
and refuse it (exit 2) when it holds several, naming them and how to pick one.
A catalog folder, a file, ``-`` and anything else are passed on as given, so
reading them reports what is wrong.
"""

from __future__ import annotations

import os
from pathlib import Path

from errdex.cli.common import refuse
from errdex.io import find_catalogs
from errdex.io.load import MAIN_NAMES

SHOWN = 5
"""How many of several catalogs a refusal names."""


def one_catalog(path: str) -> str:
    """``path``, or the one catalog a folder without a main file holds (see the module)."""
    folder = Path(path)
    if path == "-" or not folder.is_dir() or any(os.path.lexists(folder / n) for n in MAIN_NAMES):
        return path
    found = find_catalogs(folder)
    if found == [folder]:  # nothing inside: reading the folder says what it lacks
        return path
    if len(found) == 1:
        return str(found[0])
    names = ", ".join(p.name for p in found[:SHOWN]) + (", …" if len(found) > SHOWN else "")
    refuse(
        f"{path} holds {len(found)} catalogs ({names}); this command reads one",
        f"name one of them, e.g. {found[0]}, or run errdex check {path} for all of them",
    )
