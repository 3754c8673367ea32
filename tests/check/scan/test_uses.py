"""``errdex.check.scan.uses``: a code captured as source text becomes the catalog's code."""

from __future__ import annotations

import pytest

from errdex.check.scan.uses import CodeUse, literal_code
from errdex.io.source import SourceFile


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1051", 1051),
        ("-32000", -32000),
        (" 42 ", 42),
        ('"AUTH-ERR-4"', "AUTH-ERR-4"),
        ("'AUTH-ERR-4'", "AUTH-ERR-4"),
        ("`E1`", "E1"),
        ('"7"', 7),  # a quoted number is the number: codes compare as the catalog has them
        ("1.5", "1.5"),
        ("", ""),
    ],
)
def test_literal_code(text: str, code: object) -> None:
    assert literal_code(text) == code
    assert type(literal_code(text)) is type(code)


def test_a_use_has_no_message_or_space_unless_given() -> None:
    source = SourceFile(None, "x", "python")
    use = CodeUse(1051, source, 3, 7)
    assert (use.message, use.space) == (None, None)
    assert use._replace(space="rpc").space == "rpc"
