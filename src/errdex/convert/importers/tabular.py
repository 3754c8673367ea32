"""Rows of a table (Markdown, MyST ``{csv-table}`` or CSV) into entries, by column role.

The header decides each column's role (:func:`errdex.convert.labels.role_of`).
A table needs a code column; a column no role matches is reported once, with
its header's line, and its cells are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from errdex.convert.escape import strip_code_span
from errdex.convert.importers.draft import Draft, parse_code
from errdex.convert.labels import role_of

_BOLD = re.compile(r"^\*\*(.*)\*\*$|^__(.*)__$", re.S)
_CARRIED_SPLIT = re.compile(r"<br\s*/?>|[\n,;、\s]+", re.I)


def strip_emphasis(text: str) -> str:
    """``**text**`` → ``text`` (whole-cell bold only)."""
    m = _BOLD.fullmatch(text.strip())
    if m:
        return (m.group(1) if m.group(1) is not None else m.group(2)).strip()
    return text.strip()


def header_roles(draft: Draft, header: Sequence[str], line: int) -> list[str | None] | None:
    """The role of each header cell; None (and a report) when there is no code column."""
    roles: list[str | None] = []
    seen: set[str] = set()
    named = [role_of(cell) for cell in header]
    two_codes = named.count("code") > 1
    for i, cell in enumerate(header):
        role = named[i]
        if two_codes and role == "code" and re.search(r"status|http|状态", cell, re.I):
            role = "http_status"  # "Status Code" beside "Error Code" is the HTTP status
        if role is not None and role in seen:
            draft.unplaced(
                line,
                f"column {i + 1} {cell.strip()!r} repeats the {role} column; "
                "its cells are not imported",
            )
            role = None
        elif role is None and cell.strip():
            draft.unplaced(
                line,
                f"column {i + 1} {cell.strip()!r} is not a catalog field; "
                "its cells are not imported",
                hint="rename the header to one of: code, name, title, message, "
                "description, solution, HTTP status",
            )
        if role is not None:
            seen.add(role)
        roles.append(role)
    if "code" not in seen:
        return None
    return roles


def add_rows(
    draft: Draft,
    roles: Sequence[str | None],
    rows: Sequence[tuple[int, Sequence[str]]],
    unescape: Callable[[str], str],
    place: Callable[[dict[str, Any]], None],
) -> list[int]:
    """Add one entry per row; return the indexes of the entries added.

    ``unescape`` undoes the format's escaping of text cells; ``place`` sets the
    entry's module or space.
    """
    code_col = roles.index("code")
    added = []
    for line, cells in rows:
        if len(cells) > len(roles) and any(c.strip() for c in cells[len(roles) :]):
            draft.unplaced(
                line,
                f"the row has {len(cells)} cells but the header {len(roles)}; "
                "the extra cells are not imported",
            )
        raw_code = cells[code_col] if code_col < len(cells) else ""
        code = parse_code(strip_code_span(strip_emphasis(raw_code)))
        if code is None:
            shown = " | ".join(c.strip() for c in cells)
            draft.unplaced(
                line,
                f"row {shown[:80]!r} has no single code in its code column; not imported",
                hint="give each code its own row",
            )
            continue
        entry: dict[str, Any] = {"code": code}
        place(entry)
        carried: list[tuple[str, int]] = []
        for i, role in enumerate(roles):
            if role is None or role == "code" or i >= len(cells):
                continue
            raw = cells[i].strip()
            if not raw:
                continue
            if role == "carried":
                carried += [
                    (c, line) for c in _CARRIED_SPLIT.split(strip_emphasis(raw)) if c.strip()
                ]
                continue
            value = unescape(raw)
            if role in ("name", "name_or_message"):
                value = strip_code_span(value)
            draft.set_value(entry, role, value, line)
        draft.add_entry(entry, line)
        index = len(draft.entries) - 1
        if carried:
            draft.carried(index, carried)
        added.append(index)
    return added
