"""Import CSV: a header row naming the columns, then one row per code.

Columns are recognised by their header like table columns
(:mod:`errdex.convert.labels`), plus ``space`` and ``module`` holding ids, so
the CSV errdex exports reads back with its spaces and modules. A row with only
its first cell set, bold (``**SECTION**,,``), opens a module. A file with no
header row (every row starts with a number) is read by position — code,
message, description, solution — and says so. A row that does not parse is
reported with its line; the rest is imported.
"""

from __future__ import annotations

import csv
import re
from pathlib import PureWindowsPath
from typing import Any

from errdex.convert.escape import csv_uncell
from errdex.convert.importers.draft import INT_RE, Draft, slug
from errdex.convert.importers.tabular import add_rows, header_roles
from errdex.io import Diagnostic, SourceFile
from errdex.io.progress import Steps, counted

_SECTION = re.compile(r"^\*\*(?P<t>.+)\*\*$|^#+\s*(?P<h>.+)$")


def _section_title(cells: list[str]) -> str | None:
    """``**SECTION**,,`` (only the first cell set, and bold or a heading): a section row."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) != 1 or not cells[0].strip():
        return None
    m = _SECTION.match(cells[0].strip())
    if m is None:
        return None
    return (m.group("t") or m.group("h")).strip()


def _headerless(rows: list[tuple[int, list[str]]]) -> list[str | None] | None:
    """Roles by position when the first row is data (its first cell is a code like the others).

    Only a file whose every row starts with a number is read this way: code,
    then message, then description, then solution.
    """
    data = [cells for _, cells in rows if _section_title(cells) is None]
    if len(data) < 2 or not all(INT_RE.fullmatch(c[0].strip()) for c in data if c):
        return None
    width = max(len(c) for c in data)
    order: list[str | None] = ["code", "message", "description", "solution"]
    return (order + [None] * width)[:width]


_STATUS_FILE = re.compile(r"(?P<status>[1-5][0-9][0-9])[_ -](?P<title>[^/\\]+?)\.[ct]sv", re.I)
"""``401_UNAUTHORIZED.tsv``: a file per HTTP status (Pyrogram's error sources)."""


def _status_from_name(draft: Draft, roles: list[str | None], name: str, line: int) -> None:
    """Rows of a file named for an HTTP status take that status and a module of its title."""
    m = _STATUS_FILE.search(PureWindowsPath(name).name)  # either separator
    if m is None or "http_status" in roles or not draft.entries:
        return
    status, title = int(m.group("status")), m.group("title").strip()
    module = draft.add_module(None, title, "app")
    draft.spaces.setdefault("app", {})
    for entry in draft.entries:
        entry.setdefault("http_status", status)
        if "_section" not in entry and "_module" not in entry:
            entry["module"] = module
    draft.guessed(
        line,
        f"the file's name gives every row HTTP status {status} and module {title!r}",
        hint="add an HTTP status column to state it per row",
    )


def import_csv(
    text: str,
    source: SourceFile,
    *,
    catalog_id: str | None = None,
    name: str = "<input>",
    progress: Steps | None = None,
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Import CSV text; return catalog data and the problems found. ``progress`` hears
    how many lines, then rows, are read."""
    draft = Draft(source, progress)
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    sample = "".join(lines[:5])
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(
        counted(lines, "Reading CSV lines", progress), delimiter=delimiter, strict=False
    )
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
    headerless = _headerless(rows)
    roles: list[str | None] | None
    if headerless is not None:
        roles = headerless
        draft.guessed(
            header_line,
            "the file has no header row; columns read by position: "
            + ", ".join(r or "-" for r in roles),
            hint="add a header row naming the columns to be sure",
        )
        data_rows = rows
    else:
        data_rows = rows[1:]
        plain_rows = [cells for _, cells in data_rows if _section_title(cells) is None]
        roles = header_roles(draft, header, header_line, plain_rows)
    if roles is None:
        draft.unplaced(
            header_line,
            "the header row names no code column; nothing imported",
            hint="name the code column code, Error Code or 错误码",
        )
        return None, draft.diagnostics
    section: list[str | None] = [None]

    def place(entry: dict[str, Any]) -> None:
        if section[0] is not None:
            entry["_section"] = section[0]

    plain: list[tuple[int, list[str]]] = []
    for line, cells in data_rows:
        title = _section_title(cells)
        if title is not None:
            add_rows(draft, roles, plain, csv_uncell, place)
            plain = []
            section[0] = title
            continue
        plain.append((line, cells))
    add_rows(draft, roles, plain, csv_uncell, place)
    _status_from_name(draft, roles, name, header_line)
    sections: dict[str, str] = {}
    for entry in draft.entries:
        title = entry.pop("_section", None)
        if title is not None and "_module" not in entry:
            if title not in sections:
                sections[title] = draft.add_module(None, title, "app")
                draft.spaces.setdefault("app", {})
            entry["module"] = sections[title]
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
