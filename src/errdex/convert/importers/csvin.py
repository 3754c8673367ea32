"""Import CSV: a header row naming the columns, then one row per code.

Columns are recognised by their header like table columns
(:mod:`errdex.convert.labels`), plus ``space`` and ``module`` holding ids, so
the CSV errdex exports reads back with its spaces and modules. A row that does
not parse is reported with its line; the rest is imported.
"""

from __future__ import annotations

import csv
from typing import Any

from errdex.convert.escape import csv_uncell
from errdex.convert.importers.draft import Draft, slug
from errdex.convert.importers.tabular import add_rows, header_roles
from errdex.io import Diagnostic, SourceFile


def import_csv(
    text: str, source: SourceFile, *, catalog_id: str | None = None, name: str = "<input>"
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Import CSV text; return catalog data and the problems found."""
    draft = Draft(source)
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    sample = "".join(lines[:5])
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    start = 1
    try:
        for row in reader:
            if row and any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        draft.unplaced(start, f"not valid CSV ({exc}); the rest of the file is not imported")
    if not rows:
        draft.unplaced(1, "the file holds no CSV rows")
        return None, draft.diagnostics
    header_line, header = rows[0]
    roles = header_roles(draft, header, header_line)
    if roles is None:
        draft.unplaced(
            header_line,
            "the header row names no code column; nothing imported",
            hint="name the code column code, Error Code or 错误码",
        )
        return None, draft.diagnostics
    add_rows(draft, roles, rows[1:], csv_uncell, lambda entry: None)
    for entry in draft.entries:
        sid = entry.pop("_space", None)
        mid = entry.pop("_module", None)
        if sid is not None:
            sid = slug(sid) or "app"
            draft.spaces.setdefault(sid, {})
        if mid is not None:
            mid = slug(mid) or "module"
            module = draft.modules.get(mid)
            if module is None:
                draft.modules[mid] = {"space": sid or "app"}
                draft.spaces.setdefault(sid or "app", {})
            entry["module"] = mid
            if sid is not None and draft.modules[mid]["space"] != sid:
                entry["space"] = sid
        elif sid is not None:
            entry["space"] = sid
    return draft.finish(catalog_id, name), sorted(draft.diagnostics, key=lambda d: d.position)
