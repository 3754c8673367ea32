"""docs/catalog-format.md agrees with the format as code (:mod:`errdex.io.spec`).

Every key the loader accepts is documented in its table's section, every key
a section's table lists is accepted, every choice of an enum is named, and the
complete example at the top is a catalog that ``errdex check`` finds nothing in.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from errdex.check import check_catalog
from errdex.io import reads, spec

DOC = (Path(__file__).resolve().parents[2] / "docs" / "catalog-format.md").read_text("utf-8")

SECTIONS = {
    "## `[catalog]`": spec.CATALOG,
    "## `[spaces.NAME]`": spec.SPACE,
    "## `[modules.NAME]`": spec.MODULE,
    "## `[[errors]]`": {
        **spec.ENTRY,
        **spec.PARAM,
        **spec.VARIANT,
        **spec.EXAMPLE,
        **spec.REQUEST,
        **spec.EXPECT,
    },
    "## `[profiles.NAME]`": spec.PROFILE,
    "## `[[targets]]`": spec.TARGET,
    "## `[[compat.allow]]`": spec.COMPAT_ALLOW,
    "## `[scan]`": {**spec.SCAN, **spec.SCAN_PATTERN},
    "## `[verify]`": spec.VERIFY,
}


def section(title: str) -> str:
    start = DOC.index(title)
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end > 0 else None]


def table_keys(text: str) -> set[str]:
    """The keys named in the first column of the section's Markdown table."""
    cells = re.findall(r"^\| ([^|]+) \|", text, re.M)
    return {key for cell in cells for key in re.findall(r"`([a-z_]+)`", cell)}


@pytest.mark.parametrize("title", sorted(SECTIONS))
def test_every_key_of_a_table_is_documented_in_its_section(title: str) -> None:
    text = section(title)
    undocumented = [
        key
        for key in SECTIONS[title]
        # as `key` in a table or in prose, or in a {key, key = ...} list of a table's keys
        if f"`{key}`" not in text and not re.search(rf"[{{,] *{key}\b", text)
    ]
    assert undocumented == []


@pytest.mark.parametrize("title", sorted(SECTIONS))
def test_a_section_documents_no_key_the_loader_refuses(title: str) -> None:
    assert table_keys(section(title)) - set(SECTIONS[title]) == set()


def test_every_choice_of_every_enum_is_named() -> None:
    for title, fields in SECTIONS.items():
        text = section(title)
        for key, field in fields.items():
            for choice in field.choices:
                assert f"`{choice}`" in text or f'"{choice}"' in text, (title, key, choice)


def test_the_top_level_keys_and_the_translation_keys_are_documented() -> None:
    for key in spec.TOP:
        assert f"`{key}`" in DOC or f"[{key}" in DOC, key
    for key in spec.LOCALE_FILE["errors"].sub or {}:
        assert f"`{key}`" in DOC, key


def test_the_complete_example_is_a_clean_catalog() -> None:
    example = re.search(r"## A complete small catalog\n\n```toml\n(.*?)```", DOC, re.S)
    assert example is not None
    catalog, problems = reads(example.group(1), name="catalog-format.md")
    assert catalog is not None and problems == []
    assert [f"{d.location} {d.rule.id} {d.message}" for d in check_catalog(catalog)] == []
    assert catalog.get("SYS-ERR-0") is not None  # internal_error names a real entry
