"""``errdex.examples``: the bundled example catalogs are found in a wheel or a checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

import errdex.examples
from catalogs import EXAMPLE_NAMES, EXAMPLES
from errdex.examples import EXAMPLE_IDS, examples_dir


def test_in_a_checkout_they_are_the_repositorys_examples() -> None:
    # The checkout errdex is imported from (an editable install may point at another
    # clone than the one whose tests run): its examples/ folder is the one found.
    checkout = Path(errdex.examples.__file__).resolve().parents[2]
    if not (checkout / "pyproject.toml").is_file():
        pytest.skip(f"errdex is imported from an installed wheel ({checkout}), not a checkout")
    assert examples_dir() == (checkout / "examples").resolve()
    assert set(EXAMPLE_IDS) <= set(EXAMPLE_NAMES)
    assert {p.name for p in EXAMPLES.iterdir()} >= set(EXAMPLE_IDS)


def test_a_wheels_copy_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site" / "errdex"
    (package / "_examples" / EXAMPLE_IDS[0]).mkdir(parents=True)
    (package / "_examples" / EXAMPLE_IDS[0] / "errdex.toml").write_text("")
    monkeypatch.setattr(errdex.examples, "__file__", str(package / "examples.py"))
    assert examples_dir() == (package / "_examples").resolve()


def test_none_when_neither_is_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "lib" / "site" / "errdex"
    package.mkdir(parents=True)
    monkeypatch.setattr(errdex.examples, "__file__", str(package / "examples.py"))
    assert examples_dir() is None
