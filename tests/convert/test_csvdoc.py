"""The CSV export: fixed columns, effective values, RFC 4180, spreadsheet-safe cells."""

from __future__ import annotations

import csv
import io

from errdex.convert.csvdoc import COLUMNS, render_csv
from errdex.model import Catalog


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_header_is_the_fixed_column_list_and_lines_end_in_crlf(doc_catalog: Catalog) -> None:
    text = render_csv(doc_catalog)
    assert text.split("\r\n", 1)[0] == ",".join(COLUMNS)
    assert text.endswith("\r\n") and text.count("\r\n") == 1 + len(doc_catalog.entries)
    assert "\n" not in text.replace("\r\n", "")


def test_cells_hold_effective_values_and_unset_values_are_empty(doc_catalog: Catalog) -> None:
    first, second, removed = _rows(render_csv(doc_catalog))
    assert (first["code"], first["space"], first["module"], first["name"]) == (
        "AUTH-1",
        "app",
        "auth",
        "invalidJWT",
    )
    assert first["http_status"] == "401"  # the module's default
    assert (first["retryable"], first["jsonrpc_code"], first["title"]) == ("false", "", "")
    assert second["http_status"] == "403"
    assert (first["status"], removed["status"]) == ("active", "removed")


def test_a_formula_like_cell_gets_a_leading_quote(doc_catalog: Catalog) -> None:
    second = _rows(render_csv(doc_catalog))[1]
    assert second["message"] == "'=cmd|' /C calc'!A0"


def test_texts_are_in_the_requested_locale_falling_back_to_the_source(
    doc_catalog: Catalog,
) -> None:
    first, second, _ = _rows(render_csv(doc_catalog, locale="zh-CN"))
    assert first["消息描述"] == "令牌已于 {age} 秒前过期。"
    assert first["说明"] == "The token is *bad*."  # not translated
    assert second["消息描述"] == "'=cmd|' /C calc'!A0"


def test_the_header_is_labelled_in_the_locales_language_and_reads_back(
    doc_catalog: Catalog,
) -> None:
    from errdex.convert import import_document
    from errdex.convert.labels import labels_for

    zh = render_csv(doc_catalog, locale="zh-CN")
    assert zh.split("\r\n", 1)[0] == ",".join(labels_for("zh-CN")[c] for c in COLUMNS)
    # a language the table lacks, and English, keep the field names
    for locale in ("fr", "en", None):
        assert render_csv(doc_catalog, locale=locale).split("\r\n", 1)[0] == ",".join(COLUMNS)
    english = import_document(render_csv(doc_catalog), "csv").data
    chinese = import_document(zh, "csv").data
    assert english is not None and chinese is not None
    strip = [
        {k: v for k, v in e.items() if k not in ("message", "description")}
        for e in english["errors"]
    ]
    assert [
        {k: v for k, v in e.items() if k not in ("message", "description")}
        for e in chinese["errors"]
    ] == strip  # every column read back under its Chinese header


def test_tombstones_carry_their_reason_and_replacement_and_read_back() -> None:
    from pathlib import Path

    import errdex
    from errdex.convert.importers import import_text

    catalog = errdex.load(Path(__file__).parent / "fixtures" / "review" / "errdex.toml")
    text = render_csv(catalog)
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["AUTH-2"]["status"] == "removed"
    assert rows["AUTH-2"]["reason"] == "Replaced by *AUTH-1* <u>now</u>"
    assert rows["AUTH-2"]["replaced_by"] == "AUTH-1"
    assert rows["AUTH-3"]["reason"] == "use AUTH-1" and rows["AUTH-1"]["reason"] == ""
    data = import_text(text, "csv", name="review.csv").data
    assert data is not None
    back = {e["code"]: e for e in data["errors"]}
    assert back["AUTH-2"]["reason"] == "Replaced by *AUTH-1* <u>now</u>"
    assert back["AUTH-2"]["replaced_by"] == "AUTH-1"
    assert "reason" not in back["AUTH-1"]
