"""Fixtures for the report tests: one small checked catalog with an error, a warning
and a place whose file name needs escaping in every format."""

from __future__ import annotations

import pytest
from check_helpers import HEADER

from errdex.check import CheckResult, check_catalog
from errdex.io import reads

BODY = """
[[errors]]
code = 1
message = "Failed to operate rockdb: 100% down, retry."

[[errors]]
code = 1
description = ""
"""
"""Two entries with one code (E101), an empty description (E106), an unknown word (W203)."""


@pytest.fixture(scope="module")
def result() -> CheckResult:
    catalog, problems = reads(HEADER + BODY, name="cat,a:log.toml")
    assert catalog is not None and not problems
    return CheckResult(check_catalog(catalog), 1, ())


@pytest.fixture(scope="module")
def body() -> str:
    """The catalog text after the header that ``result`` checked."""
    return BODY
