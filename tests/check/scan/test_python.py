"""``errdex.check.scan.python``: code uses in Python found through the AST, not by regex."""

from __future__ import annotations

import pytest

from errdex.check.scan.python import python_uses
from errdex.io.source import SourceFile

CALLS = ("error", "fail")


def uses(text: str) -> list[tuple[object, int, int, str | None]]:
    source = SourceFile(None, text, "python", "app.py")
    return [(u.code, u.line, u.col, u.space) for u in python_uses(source, CALLS)]


def test_first_argument_of_a_wanted_call_and_code_keyword_of_an_error_class() -> None:
    text = (
        "raise cat.error(1051, limit=n)\n"
        "fail(-7)\n"
        "raise QuotaError(code='Q-1')\n"
        "cat.error(-32000, space='rpc')\n"
        "other(1234)\n"  # not a wanted call
        "Thing(code=5)\n"  # a keyword 'code' outside an error class
    )
    assert uses(text) == [
        (1051, 1, 17, None),
        (-7, 2, 6, None),
        ("Q-1", 3, 23, None),
        (-32000, 4, 11, "rpc"),
    ]


def test_comments_strings_and_names_are_not_uses() -> None:
    text = "# cat.error(1)\nDOC = 'cat.error(2)'\ncat.error(code)\ncat.error(1 + 1)\ncat.error()\n"
    assert uses(text) == []


def test_logger_calls_and_sentences_are_skipped() -> None:
    text = (
        "log.error('boom')\n"
        "self.logger.error('viaName')\n"
        "errors.error('Something went wrong.')\n"
        "errors.error('viaName')\n"
    )
    assert uses(text) == [("viaName", 4, 14, None)]


def test_a_file_that_does_not_parse_raises_syntax_error_naming_it() -> None:
    source = SourceFile(None, "def f(:\n", "python", "broken.py")
    with pytest.raises(SyntaxError) as caught:
        list(python_uses(source, CALLS))
    assert caught.value.filename == "broken.py" and caught.value.lineno == 1
