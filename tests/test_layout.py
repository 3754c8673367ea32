"""The tests mirror the package: ``src/errdex/<pkg…>/<mod>.py`` is tested in
``tests/<pkg…>/test_<mod>.py``, and every folder of tests is a package's.

A module's own tests are where a maintainer looks first, so every module has that
file (other test files in the folder may test several modules together). A module
named with underscores (``__main__.py``, ``_version.py``, ``cli/import_.py``) is
tested in ``test_<name without the underscores>.py``. ``__init__.py`` is a package
face, not a module with its own concept; the top-level face is tested in
``tests/test_face.py``. Folders that hold only data (``golden/``, ``fixtures/``,
``tests/shop``, the shared catalog) have no tests and mirror nothing; support modules
beside the tests (``catalogs.py``, ``check_helpers.py`` …) are not test files.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "errdex"
TESTS = ROOT / "tests"

NOT_A_PACKAGE = {
    "attack": "hostile input thrown at every command: a suite across all layers",
    "examples": "the example catalogs checked against their seed documents: data, not code",
}
"""Folders of tests that mirror no package, with the reason."""


def _modules() -> list[Path]:
    """Every module of the package but the package faces, relative to ``src/errdex``."""
    return sorted(p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py") if p.name != "__init__.py")


def _test_files(module: Path) -> list[Path]:
    """The test files ``module`` may have its tests in (either name will do)."""
    names = dict.fromkeys([f"test_{module.stem.strip('_')}.py", f"test_{module.stem}.py"])
    return [TESTS / module.parent / name for name in names]


def _test_folders() -> list[Path]:
    """Every folder pytest collects tests from (a ``test_*.py`` or a ``conftest.py``)."""
    found = {p.parent for p in TESTS.rglob("test_*.py")} | set(TESTS.rglob("conftest.py"))
    return sorted({p if p.is_dir() else p.parent for p in found} - {TESTS})


def test_the_underscore_rule_names_the_file() -> None:
    assert _test_files(Path("__main__.py")) == [TESTS / "test_main.py", TESTS / "test___main__.py"]
    assert _test_files(Path("cli/import_.py")) == [
        TESTS / "cli" / "test_import.py",
        TESTS / "cli" / "test_import_.py",
    ]
    assert _test_files(Path("runtime/decode.py")) == [TESTS / "runtime" / "test_decode.py"]


def test_the_package_has_modules_and_tests_have_folders() -> None:
    # the walks below must see something, or the rules would pass on nothing
    assert Path("runtime/decode.py") in _modules()
    assert Path("__init__.py") not in _modules()
    assert TESTS / "runtime" in _test_folders()


def test_every_module_has_its_test_file() -> None:
    missing = [
        _test_files(m)[0].relative_to(ROOT).as_posix()
        for m in _modules()
        if not any(f.is_file() for f in _test_files(m))
    ]
    assert not missing, (
        f"{len(missing)} modules of src/errdex have no test file; write these:\n  "
        + "\n  ".join(missing)
    )


def test_every_test_folder_is_a_package() -> None:
    strays = []
    for folder in _test_folders():
        relative = folder.relative_to(TESTS)
        if relative.parts[0] in NOT_A_PACKAGE:
            continue
        if not (PACKAGE / relative / "__init__.py").is_file():
            strays.append(folder.relative_to(ROOT).as_posix())
    assert not strays, (
        "these folders of tests mirror no package of src/errdex (move their tests to the "
        "package's folder, or list the folder in NOT_A_PACKAGE with a reason):\n  "
        + "\n  ".join(strays)
    )


def test_every_folder_that_mirrors_no_package_still_exists() -> None:
    assert [name for name in NOT_A_PACKAGE if not (TESTS / name).is_dir()] == []
