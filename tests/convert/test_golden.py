"""Golden files: every document format of every example catalog, byte for byte.

The files live in ``tests/convert/golden/<example>.<kind>``. After an intended
change to a generator, regenerate them with::

    UPDATE_GOLDEN=1 python -m pytest tests/convert/test_golden.py -p no:cacheprovider

and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import errdex
from catalogs import ROOT
from errdex.convert import render_doc

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = ("subquery-indexer-proxy", "csghub", "alchemy", "zan", "yuanrong")
KINDS = {
    "list.md": ("markdown", "list"),
    "table.md": ("markdown", "table"),
    "sections.md": ("markdown", "sections"),
    "myst.md": ("myst", None),
    "rst": ("rst", None),
    "csv": ("csv", None),
    "html": ("html", None),
    "openapi.json": ("openapi", None),
}


@pytest.fixture(scope="module")
def examples() -> dict[str, errdex.Catalog]:
    return {name: errdex.load(ROOT / "examples" / name) for name in EXAMPLES}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_golden(examples, example, kind):
    fmt, style = KINDS[kind]
    text = render_doc(examples[example], fmt, style=style)
    path = GOLDEN / f"{example}.{kind}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"{path.name} is missing: run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_bytes().decode("utf-8"), (
        f"{path.name} differs: review, then UPDATE_GOLDEN=1"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_output_is_deterministic(examples, kind):
    fmt, style = KINDS[kind]
    catalog = examples["alchemy"]
    assert render_doc(catalog, fmt, style=style) == render_doc(catalog, fmt, style=style)


def test_zan_english_locale_falls_back_to_source(examples):
    text = render_doc(examples["zan"], "markdown", style="table", locale="en")
    assert '| <a id="http-400"></a>400 | Bad Request |' in text  # translated title
    assert (
        '| <a id="jsonrpc--32700"></a>-32700 | Parse error | Invalid JSON |' in text
    )  # no translation: the source text
    assert "| Status Code | Title | JSON-RPC Codes | Solution |" in text  # English labels
