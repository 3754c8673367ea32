"""Integers too big for any reader are located E114 errors where the file is parsed."""

from __future__ import annotations

import pytest

import errdex
from errdex.io import CatalogError, reads
from errdex.io.huge_ints import LIMIT_BITS

HEX = "0x" + "f" * 5000  # 20,000 bits: str() of it raises

CASES = {
    "a TOML hexadecimal code": (
        "toml",
        f'[catalog]\nid = "x"\n[[errors]]\ncode = {HEX}\nmessage = "a"\n',
        4,
        1,
    ),
    "a TOML octal status": (
        "toml",
        '[catalog]\nid = "x"\n[[errors]]\ncode = 1\nhttp_status = 0o' + "7" * 2000 + "\n",
        5,
        1,
    ),
    "a YAML hexadecimal code": ("yaml", f"catalog: {{id: x}}\nerrors:\n  - code: {HEX}\n", 3, 11),
    "a YAML octal code": (
        "yaml",
        "catalog: {id: x}\nerrors:\n  - code: 0" + "7" * 5000 + "\n",
        3,
        11,
    ),
    "a YAML base-60 code": (
        "yaml",
        "catalog: {id: x}\nerrors:\n  - code: 1" + ":30" * 400 + "\n",
        3,
        11,
    ),
    "a YAML tagged integer": (
        "yaml",
        "catalog: {id: x}\nerrors:\n  - code: 1\n    retry_after: !!int " + HEX + "\n",
        4,
        18,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_integer_beyond_the_limit_is_refused_at_its_place(case: str) -> None:
    fmt, text, line, col = CASES[case]
    catalog, (diag,) = reads(text, fmt)
    assert catalog is None
    assert diag.rule.id == "E114" and (diag.line, diag.col) == (line, col), diag.location
    assert "bits" in diag.message and diag.hint
    with pytest.raises(CatalogError):
        errdex.loads(text, fmt)


def test_integers_up_to_the_limit_go_on_to_the_range_rules() -> None:
    text = '[catalog]\nid = "x"\n[[errors]]\ncode = 0x' + "f" * (LIMIT_BITS // 4) + "\n"
    catalog, problems = reads(text, "toml")
    assert catalog is not None and problems == []
    with pytest.raises(CatalogError, match="E114"):
        errdex.loads(text)


def test_hexadecimal_words_in_texts_are_no_integers() -> None:
    text = '[catalog]\nid = "x"\n[[errors]]\ncode = 1\nmessage = "Bad value 0x' + "f" * 3000 + '"\n'
    assert errdex.loads(text).entries[0].message.startswith("Bad value 0x")
