"""CSV: one row per entry with fixed columns, RFC 4180 (``csv`` module, CRLF line ends).

Columns: ``code, space, module, name, title, message, description, solution,
http_status, jsonrpc_code, retryable, retry_after, fault, retry, status, reason,
replaced_by``: the header row
names them so in English (and with no locale), and with their labels
(:data:`errdex.convert.labels.LABELS`: 错误码, 消息描述…) for a locale of another
language the table has. Values are the entry's effective values (module and space
defaults applied), written as data (``true``, ``deprecated``); texts are in the
requested locale, falling back to the source. An empty cell is an unset value. The
importer reads the same columns back, under either header.
"""

from __future__ import annotations

import csv
import io

from errdex.convert.escape import csv_cell
from errdex.convert.labels import labels_for
from errdex.convert.layout import text_getter
from errdex.model import Catalog

COLUMNS = (
    "code",
    "space",
    "module",
    "name",
    "title",
    "message",
    "description",
    "solution",
    "http_status",
    "jsonrpc_code",
    "retryable",
    "retry_after",
    "fault",
    "retry",
    "status",
    "reason",
    "replaced_by",
)
"""The header row of a CSV export in English (or with no locale)."""


def _cell(value: object) -> str:
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return csv_cell(str(value))


def render_csv(catalog: Catalog, *, locale: str | None = None) -> str:
    """Render ``catalog`` as CSV text (header row first)."""
    text = text_getter(catalog, locale)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    labels = labels_for(locale)
    writer.writerow(COLUMNS if labels is labels_for("en") else [labels[c] for c in COLUMNS])
    rows = []
    for e in catalog.entries:
        rows.append(
            (
                _cell(e.code),
                csv_cell(e.space),
                _cell(e.module),
                _cell(e.name),
                _cell(text(e, "title")),
                _cell(text(e, "message")),
                _cell(text(e, "description")),
                _cell(text(e, "solution")),
                _cell(e.http_status),
                _cell(e.jsonrpc_code),
                _cell(e.retryable),
                _cell(e.retry_after),
                _cell(e.fault),
                _cell(e.retry),
                csv_cell(e.status),
                _cell(e.reason),
                _cell(e.replaced_by),
            )
        )
    writer.writerows(rows)
    return buf.getvalue()
