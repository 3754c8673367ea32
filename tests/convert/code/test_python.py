"""The generated Python module: classes, lookup, fallback, decode, stub, no TOML at run time."""

from __future__ import annotations

import ast
import importlib.util
import pickle
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest
from codegen_cases import EXAMPLES, decode_cases, example, expected_output

import errdex.runtime
from catalogs import HEAD
from errdex.convert.code import generate
from errdex.convert.code.python import BEGIN, END, RESERVED, space_idents
from errdex.convert.code.table import code_table
from errdex.io import loads
from errdex.model import Catalog

SMALL = (
    HEAD
    + """

[modules.auth]
title = "Auth Errors"
prefix = "AUTH-ERR-"
http_status = 401

[modules.billing]
range = [1000, 1999]
retryable = true
retry_after = 30

[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"
module = "auth"
message = "The token expired {age} seconds ago; {{literal}} {missing}."
description = "The JWT is malformed or expired."

[[errors]]
code = 1001
name = "UNSUPPORTED_REQUEST"
module = "billing"

[[errors]]
code = 1002
name = "unsupported-request"
module = "billing"

[[errors]]
code = 1003
name = "None"
module = "billing"

[[errors]]
code = 1004
module = "billing"

[[errors]]
code = 7
name = "lookup"
"""
)


@contextmanager
def _import(catalog: Catalog, tmp_path: Path, package: str) -> Iterator[ModuleType]:
    files = generate(catalog, "python", package)
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    spec = importlib.util.spec_from_file_location(package, tmp_path / f"{package}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[package] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[package]


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[ModuleType]:
    with _import(loads(SMALL), tmp_path, "shop_errors") as module:
        yield module


def test_one_class_per_entry_under_its_module_base(shop: ModuleType) -> None:
    cls = shop.InvalidJWT
    assert issubclass(cls, shop.AuthError) and issubclass(cls, shop.Error)
    assert (cls.code, cls.name, cls.status, cls.module) == (
        "AUTH-ERR-4",
        "invalidJWT",
        401,
        "auth",
    )
    assert "malformed or expired" in (cls.__doc__ or "")
    assert shop.lookup("auth-err-4") is cls  # codes compare case-insensitively
    with pytest.raises(shop.AuthError):
        raise shop.lookup("AUTH-ERR-4")(age=3)


def test_names_are_sanitised_and_unique(shop: ModuleType) -> None:
    assert shop.lookup(1001).__name__ == "UnsupportedRequest"
    assert shop.lookup(1002).__name__ == "UnsupportedRequestApp"  # collision: space appended
    assert shop.lookup(1003).__name__ == "NoneApp"  # a keyword is never a class name
    assert shop.lookup(1004).__name__ == "E1004"
    assert shop.lookup(7).__name__ != "lookup" and callable(shop.lookup)
    assert shop.lookup(1001).retryable is True and shop.lookup(1001).retry_after == 30


def test_message_template_is_filled_safely(shop: ModuleType) -> None:
    error = shop.InvalidJWT(age=3)
    assert str(error) == "[AUTH-ERR-4] The token expired 3 seconds ago; {literal} {missing}."
    assert error.message == "The token expired 3 seconds ago; {literal} {missing}."
    assert error.params == {"age": 3}
    assert shop.InvalidJWT("custom text").message == "custom text"


def test_unknown_code_falls_back_to_module_base_and_keeps_raw_code(shop: ModuleType) -> None:
    with pytest.raises(KeyError):
        shop.lookup("AUTH-ERR-99")
    by_prefix = shop.error_for("auth-err-99", "gone")
    assert type(by_prefix) is shop.AuthError and by_prefix.code == "auth-err-99"
    by_range = shop.error_for(1500)
    assert type(by_range) is shop.BillingError and by_range.code == 1500
    assert type(shop.error_for(5)) is shop.Error


def test_classes_pickle_and_unknown_attributes_raise(shop: ModuleType) -> None:
    error = shop.InvalidJWT(age=1)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is shop.InvalidJWT and str(again) == str(error)
    with pytest.raises(AttributeError, match="NoSuchError"):
        shop.NoSuchError  # noqa: B018
    assert "InvalidJWT" in dir(shop)


def test_ambiguous_code_needs_a_space(tmp_path: Path) -> None:
    with _import(example("alchemy"), tmp_path, "alchemy_errors") as mod:
        _check_alchemy(mod)


def _check_alchemy(mod: ModuleType) -> None:
    with pytest.raises(LookupError, match="several spaces"):
        mod.lookup(429)
    assert mod.lookup(429, space="http").space == "http"
    decoded = mod.decode(200, {}, b'{"jsonrpc": "2.0", "error": {"code": 429, "message": "slow"}}')
    assert decoded.space == "jsonrpc" and decoded.message == "slow"
    assert mod.decode(429, {}, b"not json").space == "http"
    unknown = mod.decode(None, {}, b"{}")  # no envelope, no status: the catalog's root error
    assert type(unknown) is mod.Error and unknown.entry is None and unknown.code is None


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_lookup_every_code_and_decode_bodies(name: str, tmp_path: Path) -> None:
    catalog = example(name)
    with _import(catalog, tmp_path, f"gen_{name.replace('-', '_')}") as mod:
        lines = _exercise(catalog, mod)
    # Lookups as every language names them; decodes exactly as the errdex runtime decodes
    # (the wire contract; tests/conformance runs the full vectors).
    want = [line for line in expected_output(catalog, RESERVED) if line.startswith("L ")]
    for case in decode_cases(catalog, RESERVED):
        ref = errdex.runtime.decode(None, {}, case.body, catalog=catalog)
        ident = "-"
        if ref.entry is not None:
            ident = mod.lookup(ref.entry.code, space=ref.entry.space).__name__
        want.append(f"D {ident} {ref.code} {ref.message}")
    assert lines == want


def _exercise(catalog: Catalog, mod: ModuleType) -> list[str]:
    lines = [f"L {mod.lookup(e.code, space=e.space).__name__}" for e in catalog.entries]
    for entry in catalog.entries:
        cls = mod.lookup(entry.code, space=entry.space)
        assert cls.entry is not None
        assert (cls.code, cls.name, cls.entry.stated_status, cls.retryable) == (
            entry.code,
            entry.name,
            entry.http_status,
            entry.retryable,
        )
    for case in decode_cases(catalog, RESERVED):
        error = mod.decode(None, {}, case.body)
        known = error.entry is not None
        lines.append(f"D {type(error).__name__ if known else '-'} {error.code} {error.message}")
    return lines


@pytest.mark.parametrize("name", EXAMPLES)
def test_stub_declares_every_class_with_its_base(name: str) -> None:
    catalog = example(name)
    files = generate(catalog, "python", "mod")
    tree = ast.parse(files["mod.pyi"])
    bases = {n.name: ast.unparse(n.bases[0]) for n in tree.body if isinstance(n, ast.ClassDef)}
    table = code_table(catalog, (*RESERVED, *space_idents(catalog, RESERVED).values()))
    module_bases = {m.id: m.ident for m in table.modules}
    spaces = space_idents(catalog, RESERVED)
    for row in table.rows:
        expected = module_bases.get(row.entry.module or "") or spaces[row.entry.space]
        assert bases[row.ident] == expected
    declared = {"Entry", "Rendered", "Error", "ClientError", "ServerError", "RemovedCodeError"}
    declared.update(spaces.values())
    assert set(bases) == {*declared, *module_bases.values(), *(r.ident for r in table.rows)}


def test_generated_module_is_marked_and_needs_no_errdex(tmp_path: Path) -> None:
    files = generate(example("csghub"), "python", "csghub")
    text = files["csghub.py"].decode()
    assert text.startswith(BEGIN) and text.rstrip().endswith(END)
    assert "Do not edit" in text
    (tmp_path / "csghub.py").write_bytes(files["csghub.py"])
    script = (
        "import sys; sys.modules['errdex'] = None; sys.modules['tomllib'] = None\n"
        "import csghub\n"
        "try:\n"
        "    raise csghub.lookup('AUTH-ERR-4')()\n"
        "except csghub.InvalidJWT as e:\n"
        "    print(type(e).__name__, e.code)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["InvalidJWT", "AUTH-ERR-4"]
