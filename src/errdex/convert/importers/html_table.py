"""Raw HTML ``<table>`` elements inside Markdown, read with the standard library's HTML parser.

Cloud docs generated from DITA (Huawei Cloud, Open Telekom Cloud) and many
Chinese API docs put their error tables in Markdown as HTML. :func:`read_table`
parses one table starting at a line: the header cells (``<th>``, else the
first row), then each row's cell texts with the line its ``<tr>`` starts on.
A cell spanning rows or columns (``rowspan``, ``colspan``) is repeated in
every row it spans (the first column it spans; the others are empty). Cell
text keeps its words verbatim: tags are dropped, ``<br>`` and paragraph
ends become line breaks, character references are decoded, runs of blanks
inside a line become one space.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})
_SPACES = re.compile(r"[ \t\r\f\v]+")


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.done = False
        self.rows: list[tuple[int, bool, list[str]]] = []
        self.cell: list[str] | None = None
        self.row: list[tuple[str, int, int]] | None = None
        self.span = (1, 1)
        self.carry: dict[int, tuple[int, str]] = {}  # column -> (rows left, text) of a rowspan
        self.row_line = 0
        self.row_header = False
        self.end_line = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "table":
            self.depth += 1
            return
        if self.depth != 1:
            if self.cell is not None and tag == "br":
                self.cell.append("\n")
            return
        if tag == "tr":
            self._close_row()
            self.row, self.row_line, self.row_header = [], self.getpos()[0], False
        elif tag in ("td", "th"):
            if self.row is None:
                self.row, self.row_line, self.row_header = [], self.getpos()[0], False
            self._close_cell()
            self.cell = []
            self.span = (_int(dict(attrs).get("rowspan")), _int(dict(attrs).get("colspan")))
            self.row_header = self.row_header or tag == "th"
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if tag == "table":
            self.depth -= 1
            if self.depth == 0:
                self._close_row()
                self.done = True
                self.end_line = self.getpos()[0]
            return
        if self.depth != 1:
            if self.cell is not None and tag in _BLOCK_TAGS:
                self.cell.append("\n")
            return
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif self.cell is not None and tag in _BLOCK_TAGS:
            self.cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.done:
            self.cell.append(data)

    def _close_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append((_clean("".join(self.cell)), *self.span))
        self.cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self.row is not None:
            cells: list[str] = []
            pending = list(self.row)
            column = 0
            while pending or any(c >= column for c in self.carry):
                if column in self.carry:
                    left, text = self.carry[column]
                    cells.append(text)
                    if left > 1:
                        self.carry[column] = (left - 1, text)
                    else:
                        del self.carry[column]
                    column += 1
                    continue
                if not pending:
                    break
                text, rowspan, colspan = pending.pop(0)
                for extra in range(colspan):
                    cells.append(text if extra == 0 else "")
                    if rowspan > 1:
                        self.carry[column] = (rowspan - 1, text if extra == 0 else "")
                    column += 1
            self.rows.append((self.row_line, self.row_header, cells))
        self.row = None


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n")


def read_table(
    lines: list[str], start: int
) -> tuple[int, list[str], list[tuple[int, list[str]]]] | None:
    """The table starting on line index ``start``: (index after it, header, rows with line numbers).

    None when no complete table starts there (the text is then read as a paragraph).
    """
    parser = _TableParser()
    for index in range(start, len(lines)):
        parser.feed(lines[index] + "\n")
        if parser.done:
            break
    else:
        parser.close()
    if not parser.done or not parser.rows:
        return None
    end = start + parser.end_line  # parser lines count from 1 at ``start``
    rows = [(start + line, header, cells) for line, header, cells in parser.rows]
    if rows[0][1] or len(rows) > 1:
        _head_line, _, header = rows[0]
        body = [(line, cells) for line, _, cells in rows[1:]]
        return end, header, body
    return None
