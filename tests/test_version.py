"""``errdex._version``: the one version constant, the package metadata and the face agree."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import errdex
from catalogs import ROOT
from errdex._version import __version__


def test_the_version_is_a_release_number() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?(?:\.dev\d+)?", __version__)


def test_the_package_face_and_the_metadata_say_the_same() -> None:
    assert errdex.__version__ == __version__
    assert metadata.version("errdex") == __version__


def test_pyproject_reads_it_from_the_module() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/errdex/_version.py"
