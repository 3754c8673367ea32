"""Negative codes as plain arguments through the real entry point (``python -m errdex``)."""

from __future__ import annotations

import orjson
from cli_process import EXAMPLES, errdex


def test_negative_codes_are_plain_arguments() -> None:
    explained = errdex("explain", "-32000", "--catalog-path", str(EXAMPLES))
    assert explained.returncode == 0, explained.stderr
    assert "error[-32000]" in explained.stdout and "zan" in explained.stdout
    found = errdex("search", "-32000", "--json", "--catalog-path", str(EXAMPLES))
    data = orjson.loads(found.stdout)
    assert {h["code"] for h in data["hits"][:3]} == {-32000}
    before = errdex("explain", "--catalog", "zan", "-32000", "--catalog-path", str(EXAMPLES))
    assert before.returncode == 0 and "Unauthorized" in before.stdout
    hexed = errdex("explain", "-0x7D00", "--catalog-path", str(EXAMPLES), "--json")
    assert hexed.returncode == 0 and orjson.loads(hexed.stdout)["matches"]


def test_an_option_value_that_looks_negative_stays_the_options() -> None:
    result = errdex("search", "limit", "--offset", "-1", "--catalog-path", str(EXAMPLES))
    assert result.returncode == 2 and "-1" in result.stderr  # --offset refuses it, as before
