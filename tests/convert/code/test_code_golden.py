"""Golden files: the generated code for every example catalog and language, byte for byte.

The files live in ``tests/convert/code/golden/<example>/<file>.golden``. After
an intended change to a generator (or to an example catalog), regenerate them
with ``UPDATE_GOLDEN=1 python -m pytest tests/convert/code/test_code_golden.py``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from codegen_cases import EXAMPLES, example

from errdex.convert.code import LANGS, generate

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_generated_code_matches_golden(name: str, lang: str) -> None:
    files = generate(example(name), lang)
    for file, data in files.items():
        golden = GOLDEN / name / f"{file}.golden"
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(data)
        assert golden.is_file(), f"no golden file {golden}: run with UPDATE_GOLDEN=1"
        assert data == golden.read_bytes(), f"{file} differs from {golden} (UPDATE_GOLDEN=1)"


@pytest.mark.parametrize("lang", LANGS)
def test_generation_is_deterministic(lang: str) -> None:
    catalog = example("alchemy")
    assert generate(catalog, lang) == generate(catalog, lang)
