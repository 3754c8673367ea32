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
from errdex.convert.importers.draft import HTTP_STATUSES, Draft, parse_code
from errdex.convert.labels import role_of
from errdex.io.progress import counted

_BOLD = re.compile(r"^\*\*((?:(?!\*\*).)*)\*\*$|^__((?:(?!__).)*)__$", re.S)
_CARRIED_SPLIT = re.compile(r"<br\s*/?>|[\n,;、\s]+", re.I)


def strip_emphasis(text: str) -> str:
    """``**text**`` → ``text`` (whole-cell bold only)."""
    m = _BOLD.fullmatch(text.strip())
    if m:
        return (m.group(1) if m.group(1) is not None else m.group(2)).strip()
    return text.strip()


_SYMBOL = re.compile(r"[A-Z0-9][A-Z0-9_.-]*[A-Z0-9_]|[A-Z]")
"""A code written as a symbol: ``ABOUT_TOO_LONG``, ``FLOOD_WAIT_X``, ``2FA_CONFIRM_WAIT_X``."""
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


_ID_HEADERS = frozenset({"id", "identifier", "key", "symbol"})
"""Headers of a column that holds each row's identifier (Pyrogram's ``id\tmessage``)."""


def _by_values(
    header: Sequence[str], named: list[str | None], rows: Sequence[Sequence[str]]
) -> tuple[int, list[int]] | None:
    """With no column named code: a ``name`` or ``id`` column of unique symbols is the code.

    Telegram's ``name,codes,description``: the name *is* the code
    (``ABOUT_TOO_LONG``) and the unnamed ``codes`` column holds HTTP statuses.
    Returns the code column and the unnamed columns whose cells are (nine in ten at
    least) HTTP statuses.
    """
    candidates = [
        i
        for i, role in enumerate(named)
        if role == "name" or (role is None and header[i].strip().lower() in _ID_HEADERS)
    ]
    if len(rows) < 2 or not candidates:
        return None
    column = candidates[0]
    values = [r[column].strip() for r in rows if column < len(r)]
    if len(values) < len(rows) or not all(_WORD.fullmatch(v) for v in values):
        return None
    if sum(1 for v in values if _SYMBOL.fullmatch(v)) * 5 < len(values) * 4:
        return None  # mostly UPPER_SNAKE symbols (Telegram keeps a `Timeout` among them)
    if len(set(values)) != len(values):
        return None
    statuses = []
    for i, role in enumerate(named):
        cells = [r[i].strip() for r in rows if i < len(r) and r[i].strip()]
        hits = sum(1 for c in cells if HTTP_STATUSES.fullmatch(c))
        if role is None and cells and hits * 10 >= len(cells) * 9:
            statuses.append(i)  # the odd cell that is no status (Telegram's -503) is reported
    return column, statuses


def _symbol_beside_number(
    header: Sequence[str], named: list[str | None], rows: Sequence[Sequence[str]]
) -> None:
    """Two code columns, one of symbols and one of numbers: the number is the code.

    Huawei CANN's ``返回码 | 错误码 | 描述``: ``ACLNN_ERR_PARAM_NULLPTR`` beside
    ``161001``; the symbol is the constant's name.
    """
    columns = [i for i, role in enumerate(named) if role == "code"]
    if (
        len(columns) != 2
        or not rows
        or any(re.search(r"status|http|状态", header[i], re.I) for i in columns)
    ):
        return

    def cells(i: int) -> list[str]:
        return [r[i].strip() for r in rows if i < len(r) and r[i].strip()]

    numbers = [
        i for i in columns if cells(i) and all(re.fullmatch(r"[+-]?\d+", c) for c in cells(i))
    ]
    symbols = [i for i in columns if cells(i) and all(_WORD.fullmatch(c) for c in cells(i))]
    if len(numbers) == 1 and (other := next(i for i in columns if i != numbers[0])) in symbols:
        named[other] = "name"


def header_roles(
    draft: Draft, header: Sequence[str], line: int, rows: Sequence[Sequence[str]] = ()
) -> list[str | None] | None:
    """The role of each header cell; None (and a report) when there is no code column.

    ``rows`` (the data rows, when known) let a table with no column named code be
    read by its values: a ``name`` column of unique symbols is the code.
    """
    roles: list[str | None] = []
    seen: set[str] = set()
    named = [role_of(cell) for cell in header]
    if "code" not in named and (found := _by_values(header, named, rows)) is not None:
        column, statuses = found
        named[column] = "code"
        for i in statuses:
            named[i] = "http_status"
        shown = ", ".join(f"{header[i].strip()!r}" for i in statuses)
        draft.guessed(
            line,
            f"no column is named code: column {column + 1} {header[column].strip()!r} holds "
            "unique symbols and is read as the code"
            + (f"; {shown} holds HTTP statuses" if statuses else ""),
            hint="name the code column code to be sure",
        )
    two_codes = named.count("code") > 1
    if two_codes:
        _symbol_beside_number(header, named, rows)
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
    for line, cells in counted(rows, "Reading table rows", draft.progress):
        if len(cells) > len(roles) and any(c.strip() for c in cells[len(roles) :]):
            draft.unplaced(
                line,
                f"the row has {len(cells)} cells but the header {len(roles)}; "
                "the extra cells are not imported",
            )
        raw_code = cells[code_col] if code_col < len(cells) else ""
        # the code cell is escaped like every other cell (md_cell, csv_cell): undo it too
        code = parse_code(strip_code_span(unescape(strip_emphasis(raw_code).strip())))
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
