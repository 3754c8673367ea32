"""The model/runtime join (``errdex/bound.py``): ``errdex.load`` gives a catalog with errors,
while the model's catalog stays free of the runtime."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

import errdex
from errdex.io import load as io_load
from errdex.model import Catalog as ModelCatalog
from errdex.runtime import error_of, errors_of

CSGHUB = Path(__file__).resolve().parents[1] / "examples" / "csghub"


def test_model_catalog_has_no_errors_api():
    for name in ("error", "errors", "module_error", "space_error", "_runtime"):
        assert not hasattr(ModelCatalog, name), name
    source = Path(errdex.model.catalog.__file__).read_text()
    assert "errdex.runtime" not in source


def test_load_returns_the_bound_catalog_equal_to_the_model_one():
    bound, plain = errdex.load(CSGHUB), io_load(CSGHUB)
    assert type(bound) is errdex.Catalog and type(plain) is ModelCatalog
    assert bound == plain and bound.entry("AUTH-ERR-4") == plain.entry("AUTH-ERR-4")
    assert errdex.Catalog.bind(plain) == plain and errdex.Catalog.bind(bound) is bound
    with pytest.raises(AttributeError, match="immutable"):
        bound.meta = None  # type: ignore[misc]


def test_bound_catalog_raises_its_own_classes():
    cat = errdex.load(CSGHUB)
    err = cat.error("AUTH-ERR-4", age=3)
    assert isinstance(err, cat.errors["AUTH-ERR-4"]) and isinstance(err, cat.module_error("auth"))
    assert isinstance(err, errdex.Error) and err.catalog is cat
    assert cat.error("AUTH-ERR-4") is not cat.error("AUTH-ERR-4")
    with pytest.raises(errdex.UnknownCodeError):
        cat.error("NOPE-1")
    with pytest.raises(errdex.UnknownCodeError):
        cat.error(["unhashable"])  # type: ignore[arg-type]


def test_plain_catalog_gets_errors_through_the_runtime():
    plain = io_load(CSGHUB)
    classes = errors_of(plain)
    assert errors_of(plain) is classes
    err = error_of(plain, "AUTH-ERR-4", age=1)
    assert isinstance(err, classes["AUTH-ERR-4"]) and err.params == {"age": 1}
    assert errdex.render(err, "problem").status == 400
    decoded = errdex.decode(400, {}, errdex.render(err).body, catalog=plain)
    assert isinstance(decoded, classes["AUTH-ERR-4"])


def test_plain_catalog_state_does_not_outlive_the_catalog():
    plain = io_load(CSGHUB)
    errors_of(plain)["AUTH-ERR-4"]
    ref = weakref.ref(plain)
    del plain
    gc.collect()
    assert ref() is None


SMALL = """
[catalog]
id = "small"

[spaces.app]
kind = "app"

[[errors]]
code = "X-1"
name = "one"
message = "Bad {v}."
http_status = 400
"""
"""One entry with one placeholder: cat.error's fast path and the keywords its slow path reads."""


def test_error_takes_its_code_positionally_or_by_keyword():
    cat = errdex.loads(SMALL)
    by_keyword = cat.error(code_or_name="X-1", v="x")
    assert by_keyword == cat.error("X-1", v="x")
    assert dict(by_keyword.params) == {"v": "x"}
    with pytest.raises(TypeError, match="code_or_name"):
        cat.error(v="x")
    with pytest.raises(TypeError, match="multiple values"):
        cat.error("X-1", code_or_name="X-1")


def test_error_reads_space_and_options_from_its_keywords():
    cat = errdex.loads(SMALL)
    err = cat.error("X-1", space="app", v="x", retryable=True)
    assert type(err) is cat.errors["X-1"]
    assert dict(err.params) == {"v": "x"} and err.retryable is True
    for _ in range(2):  # the second raise of a spelling takes the fast path
        plain = cat.error("X-1", v="y")
        assert vars(plain) == {"params": {"v": "y"}}
        assert cat.error("X-1", retryable=False, v="y").retryable is False
    with pytest.raises(errdex.UnknownCodeError):
        cat.error("X-1", space="nowhere")
    with pytest.raises(errdex.UnknownCodeError):
        cat.error(["unhashable"])
