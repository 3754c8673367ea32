"""``fault`` and ``retry`` in the Markdown, MyST, reST and HTML exports: a column (or a
bullet) where an entry states them, escaped as the format's other cells, read back by the
importers — and nothing new for a catalog that states none."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from catalogs import HEAD
from errdex.convert import import_document, render_doc
from errdex.io import loads

CATALOG = (
    HEAD
    + """\
title = "Shop"
default_locale = "en"

[spaces.app]
kind = "app"
fault = "server"

[modules.pay]
title = "Payments"
prefix = "PAY-"

[[errors]]
code = "PAY-1"
module = "pay"
message = "Declined <b>|*card*|</b>"
http_status = 402
fault = "dependency"
retry = "outcome-unknown"

[[errors]]
code = "PAY-2"
module = "pay"
message = "Busy"
http_status = 503
retry = "safe"

[[errors]]
code = "PAY-3"
module = "pay"
message = "Plain"
http_status = 500
fault = "server"

[modules.auth]
title = "Auth"
prefix = "AUTH-"

[[errors]]
code = "AUTH-1"
module = "auth"
message = "Who are you?"
http_status = 401
"""
)


@pytest.fixture(scope="module")
def shop():
    return loads(CATALOG)


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def test_markdown_table_columns_only_where_stated(shop):
    text = render_doc(shop, "markdown", style="table")
    pay, auth = text.split("## Auth")
    assert "| Error Code | Error Message | HTTP Status | Fault | Retry Class |" in pay
    assert (
        '| <a id="app-PAY-1"></a>PAY-1 | Declined &lt;b>\\|*card*\\|&lt;/b> | 402 '
        "| dependency | outcome-unknown |" in pay
    )
    # PAY-3's fault is the space's: said once by the space, not per entry
    assert '| <a id="app-PAY-3"></a>PAY-3 | Plain | 500 |  |  |' in pay
    assert "Fault" not in auth and "Retry" not in auth


def test_markdown_sections_bullets(shop):
    text = render_doc(shop, "markdown", style="sections")
    assert "- **Fault:** dependency\n- **Retry Class:** outcome-unknown" in text
    assert '### <a id="app-PAY-2"></a>`PAY-2`' in text and "- **Retry Class:** safe" in text


def test_rst_csv_table(shop):
    text = render_doc(shop, "rst")
    assert (
        '   :header: "Error Code", "Error Message", "HTTP Status", "Fault", "Retry Class"' in text
    )
    assert (
        '   ".. _shop--app--code-PAY-1:\n\n'
        '   PAY-1", "Declined \\<b\\>\\|\\ *card*\\ \\|\\</b\\>", "402", '
        '"dependency", "outcome-unknown"' in text
    )


def test_html_cells(shop):
    parser = _Cells()
    parser.feed(render_doc(shop, "html"))
    head, first = parser.rows[0], parser.rows[1]
    assert head[:5] == ["Error Code", "Error Message", "HTTP Status", "Fault", "Retry Class"]
    assert first[0] == "PAY-1" and first[3:5] == ["dependency", "outcome-unknown"]
    assert first[1] == "Declined <b>|card|</b>"  # the text, escaped: no element was made


def test_chinese_labels(shop):
    text = render_doc(shop, "markdown", style="table", locale="zh-CN")
    assert "| 责任方 | 重试类别 |" in text


@pytest.mark.parametrize(
    ("fmt", "style"),
    [("markdown", "table"), ("markdown", "sections"), ("myst", None), ("csv", None)],
)
def test_read_back(shop, fmt, style):
    text = render_doc(shop, fmt, style=style)
    result = import_document(text, fmt, name=f"shop.{fmt}")
    problems = [d.message for d in result.diagnostics if d.severity != "note"]
    assert not problems, problems
    back = {str(e.code): e for e in loads(result.to_toml(), lenient=True).entries}
    assert (back["PAY-1"].fault, back["PAY-1"].retry) == ("dependency", "outcome-unknown")
    assert back["PAY-2"].retry == "safe"


def test_a_yes_no_retry_column_is_the_shorthand():
    text = (
        "# Shop\n\n| Error Code | Error Message | Retry |\n"
        "| --- | --- | --- |\n| E1 | x | yes |\n| E2 | y | safe |\n"
    )
    result = import_document(text, "markdown", name="retry.md")
    one, two = loads(result.to_toml(), lenient=True).entries
    assert (one.retryable, one.retry) == (True, None)
    assert two.retry == "safe"


def test_a_bad_value_read_back_is_reported_not_imported():
    text = (
        "# Shop\n\n| Error Code | Error Message | Fault |\n"
        "| --- | --- | --- |\n| E1 | x | nobody |\n"
    )
    result = import_document(text, "markdown", name="bad.md")
    assert any("fault 'nobody'" in d.message for d in result.diagnostics)
    (entry,) = loads(result.to_toml(), lenient=True).entries
    assert entry.fault is None
