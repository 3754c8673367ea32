"""The package face (``errdex/__init__.py``): exactly the public names, typed, light."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path

import errdex

PUBLIC = {
    "AmbiguousCodeError",
    "Catalog",
    "CatalogError",
    "Diagnostic",
    "Entry",
    "Error",
    "RemovedCodeError",
    "Rendered",
    "UnknownCodeError",
    "__version__",
    "decode",
    "load",
    "loads",
    "render",
}


def test_all_is_exactly_the_public_names():
    assert sorted(errdex.__all__) == sorted(PUBLIC)
    for name in errdex.__all__:
        assert getattr(errdex, name) is not None, name
    assert set(dir(errdex)) >= PUBLIC


def test_public_names_are_the_runtime_and_model_objects():
    from errdex.runtime.errors import Error
    from errdex.runtime.raising import RemovedCodeError

    assert errdex.Error is Error and errdex.RemovedCodeError is RemovedCodeError
    assert issubclass(errdex.Catalog, errdex.model.Catalog)
    assert issubclass(errdex.RemovedCodeError, LookupError)


def test_py_typed_marker_ships_in_the_package():
    package = Path(errdex.__file__).parent
    assert (package / "py.typed").is_file()


def test_cat_error_is_typed_as_errdex_error():
    from errdex.runtime.index import ErrorClasses
    from errdex.runtime.state import CatalogRuntime

    names = {"Error": errdex.Error, "ErrorClasses": ErrorClasses, "CatalogRuntime": CatalogRuntime}
    hints = typing.get_type_hints(errdex.Catalog.error, localns=names)
    assert hints["return"] is errdex.Error
    assert (
        typing.get_type_hints(errdex.Catalog.errors.fget, localns=names)["return"] is ErrorClasses
    )
    module_hint = typing.get_type_hints(errdex.Catalog.module_error, localns=names)["return"]
    assert module_hint == type[errdex.Error]


def test_import_and_load_import_no_runtime():
    code = (
        "import sys, errdex\n"
        "cat = errdex.load(sys.argv[1])\n"
        "assert type(cat) is errdex.Catalog\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('errdex.runtime'))\n"
        "assert not loaded, loaded\n"
        "raise cat.error('AUTH-ERR-4') if False else SystemExit(0)\n"
    )
    examples = Path(__file__).resolve().parents[1] / "examples" / "csghub"
    subprocess.run([sys.executable, "-c", code, str(examples)], check=True)
