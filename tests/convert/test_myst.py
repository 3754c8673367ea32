"""The MyST export: ``(label)=`` targets carrying the ids, one ``{csv-table}`` per module."""

from __future__ import annotations

import csv
import io

from errdex.convert.myst import label, render_myst
from errdex.model import Catalog


def test_labels_join_ids_with_double_dashes() -> None:
    assert label("shop") == "shop"
    assert label("shop", "app", "auth") == "shop--app--auth"


def test_headings_carry_labels_and_each_code_has_its_target(doc_catalog: Catalog) -> None:
    lines = render_myst(doc_catalog).splitlines()
    assert lines[:2] == ["(shop)=", "# Shop API"]
    assert lines[lines.index("## Auth Errors") - 1] == "(shop--app--auth)="
    at = lines.index("```{csv-table}")
    for code in ("AUTH-1", "AUTH-2", "AUTH-3"):  # in its row's code cell, not above the table
        row = lines.index(f'"(shop--app--code-{code})=')
        assert row > at and lines[row + 1].startswith(f'{code}", ')


def test_a_module_is_one_csv_table_whose_rows_parse_as_csv(doc_catalog: Catalog) -> None:
    text = render_myst(doc_catalog)
    body = text.split("```{csv-table}\n", 1)[1].split("\n```", 1)[0]
    options, rows = body.split("\n\n", 1)
    header = options.splitlines()[1].removeprefix(":")
    assert next(csv.reader([header], skipinitialspace=True))[:3] == [
        "Error Code",
        "Error Name",
        "Error Message",
    ]
    parsed = list(csv.reader(io.StringIO(rows), skipinitialspace=True))
    assert [r[0] for r in parsed] == [f"(shop--app--code-AUTH-{n})=\nAUTH-{n}" for n in (1, 2, 3)]
    assert parsed[0][2] == "The token expired {age} seconds ago."
    assert parsed[2][-1] == "removed: merged"


def test_the_locale_picks_the_translation_and_chinese_headers(doc_catalog: Catalog) -> None:
    text = render_myst(doc_catalog, locale="zh-CN")
    assert '"错误码"' in text and "令牌已于 {age} 秒前过期。" in text
