"""``errdex.conformance.drivers.python_driver``: the driver generated Python is judged by.

The driver runs in a child interpreter without errdex (``python -I -S``); these tests
import it in-process and drive a generated module directly, so a wrong answer shows the
case, and a driver error the exception.
"""

from __future__ import annotations

import base64
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import errdex
from catalogs import SHOP
from errdex.conformance.compare import diff
from errdex.conformance.drivers import python_driver
from errdex.conformance.make import make_cases
from errdex.conformance.toolchain import driver_source
from errdex.conformance.vectors import dump_lines, header
from errdex.convert.code import generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    folder = tmp_path_factory.mktemp("driver")
    for name, data in generate(errdex.loads(SHOP), "python", "driver_shop").items():
        (folder / name).write_bytes(data)
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("driver_shop")
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop("driver_shop", None)


def test_bodies_travel_as_text_or_base64() -> None:
    assert python_driver.body_fields("é".encode()) == {"body": "é"}
    assert python_driver.body_fields(b"\xff") == {"body_b64": base64.b64encode(b"\xff").decode()}
    assert python_driver.body_bytes({"body_b64": "/w=="}) == b"\xff"
    assert python_driver.body_bytes({"body": "é"}) == "é".encode()
    assert python_driver.body_bytes({}) == b""


def test_a_null_code_is_an_exception_outside_the_catalog(generated: ModuleType) -> None:
    err = python_driver.build(generated, {"code": None})
    assert isinstance(err, RuntimeError) and str(err) == python_driver.BOOM


def test_every_shop_case_answers_what_the_runtime_expects(generated: ModuleType) -> None:
    cases = make_cases(errdex.loads(SHOP))
    failures = []
    for case in cases:
        got = python_driver.run(generated, case, case.get("now"))
        found = diff(case["expect"], got)
        if found is not None:
            failures.append(f"{case['vector']}\n{found}")
    assert len(cases) > 100 and failures == []


def test_an_unknown_kind_is_a_value_error(generated: ModuleType) -> None:
    with pytest.raises(ValueError, match="unsupported kind 'nope'"):
        python_driver.run(generated, {"kind": "nope"}, None)


def test_main_answers_one_line_per_case_and_survives_a_failing_one(tmp_path: Path) -> None:
    for name, data in generate(errdex.loads(SHOP), "python", "main_shop").items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "driver.py").write_text(driver_source("python_driver.py"), "utf-8")
    case = next(c for c in make_cases(errdex.loads(SHOP)) if c["kind"] == "render")
    broken = {"kind": "render", "vector": "broken", "code": "NO-SUCH-CODE", "profile": "problem"}
    text = dump_lines(header("shop", "test"), [case, broken])
    done = subprocess.run(
        [sys.executable, "-I", "-S", "driver.py", "main_shop"],
        cwd=tmp_path,
        input=text.encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.decode().splitlines())
    assert first["vector"] == case["vector"] and diff(case["expect"], first["got"]) is None
    assert second["vector"] == "broken" and "NO-SUCH-CODE" in second["error"]
