"""Split Markdown (and MyST) text into blocks with line numbers.

A small line scanner, not a full CommonMark parser: it knows what error
documents are made of — front matter, ATX headings, MyST ``(label)=``
targets, fenced code and directives (backticks, tildes, ``:::`` colons), GFM
pipe tables, raw HTML ``<table>`` elements (:mod:`.html_table`), bullet lists
with indented continuation lines, and paragraphs.
It never fails: any line ends up in some block.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_COLON = re.compile(r"^ {0,3}(:{3,})\s*(.*)$")
_LABEL = re.compile(r"^ {0,3}\(([^()\s]+)\)=\s*$")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_DELIM = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_ITEM = re.compile(r"^( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_SPLIT = re.compile(r"(?<!\\)\|")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
"""A thematic break (``---``, ``***``): layout between sections, never text of one."""


class Block(NamedTuple):
    """One block: ``kind``, first line (1-based), and kind-specific parts.

    kinds: ``front`` (text), ``heading`` (level, text), ``label`` (name),
    ``fence`` (info, body, body_line), ``colon`` (info, body, body_line),
    ``table`` (header cells, rows of (line, cells), ``"html"`` for an HTML
    table whose cells are plain text), ``list`` (items of
    (line, text)), ``para`` (text).
    """

    kind: str
    line: int
    a: object = None
    b: object = None
    c: object = None


def split_row(line: str) -> list[str]:
    """The cells of a pipe-table row (``\\|`` does not split)."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [c.strip() for c in _SPLIT.split(text)]


def _starts_block(lines: list[str], i: int) -> bool:
    line = lines[i]
    if not line.strip():
        return True
    if _FENCE.match(line) or _COLON.match(line) or _LABEL.match(line) or _HEADING.match(line):
        return True
    if _ITEM.match(line) or "<table" in line.lower():
        return True
    return (
        "|" in line
        and i + 1 < len(lines)
        and bool(_DELIM.match(lines[i + 1]))
        and "-" in lines[i + 1]
    )


def scan(text: str) -> list[Block]:
    """Split ``text`` into blocks."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    n = len(lines)
    i = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, n):
            if lines[j].strip() in ("---", "..."):
                blocks.append(Block("front", 1, "\n".join(lines[1:j])))
                i = j + 1
                break
    while i < n:
        line = lines[i]
        if not line.strip() or (_RULE.match(line) and (i == 0 or not lines[i - 1].strip())):
            i += 1
            continue
        m = _FENCE.match(line) or _COLON.match(line)
        if m:
            mark = m.group(1)
            kind = "colon" if mark[0] == ":" else "fence"
            if kind == "fence" and mark[0] == "`" and "`" in m.group(2):
                m = None  # an inline code span, not a fence
            else:
                body: list[str] = []
                j = i + 1
                while j < n:
                    close = lines[j].strip()
                    if close and set(close) == {mark[0]} and len(close) >= len(mark):
                        break
                    body.append(lines[j])
                    j += 1
                blocks.append(Block(kind, i + 1, m.group(2).strip(), "\n".join(body), i + 2))
                i = j + 1
                continue
        m = _LABEL.match(line)
        if m:
            blocks.append(Block("label", i + 1, m.group(1)))
            i += 1
            continue
        if "<table" in line.lower():
            from errdex.convert.importers.html_table import read_table

            found = read_table(lines, i)
            if found is not None:
                end, header, rows = found
                blocks.append(Block("table", i + 1, header, rows, "html"))
                i = max(end, i + 1)
                continue
        m = _HEADING.match(line)
        if m:
            blocks.append(Block("heading", i + 1, len(m.group(1)), (m.group(2) or "").strip()))
            i += 1
            continue
        if "|" in line and i + 1 < n and _DELIM.match(lines[i + 1]) and "-" in lines[i + 1]:
            header = split_row(line)
            rows = []
            j = i + 2
            while j < n and lines[j].strip() and "|" in lines[j] and not _starts_other(lines, j):
                rows.append((j + 1, split_row(lines[j])))
                j += 1
            blocks.append(Block("table", i + 1, header, rows))
            i = j
            continue
        m = _ITEM.match(line)
        if m:
            items = []
            j = i
            while j < n:
                m = _ITEM.match(lines[j])
                if not m:
                    break
                indent = len(m.group(1)) + len(m.group(2)) + 1
                start = j + 1
                parts = [m.group(3) or ""]
                j += 1
                pending_blank = 0
                while j < n:
                    cont = lines[j]
                    if not cont.strip():
                        pending_blank += 1
                        j += 1
                        continue
                    lead = len(cont) - len(cont.lstrip(" "))
                    if "<table" in cont.lower():
                        break  # an HTML table inside an item is a table of its own (CANN docs)
                    if lead >= min(indent, 2) and not (lead < indent and _ITEM.match(cont)):
                        parts += [""] * pending_blank
                        parts.append(cont[min(lead, indent) :])
                        pending_blank = 0
                        j += 1
                        continue
                    if pending_blank == 0 and not _starts_block(lines, j):
                        parts.append(cont.strip())  # a lazy continuation line
                        j += 1
                        continue
                    break
                items.append((start, "\n".join(parts).rstrip()))
                if j < n and not lines[j].strip():
                    j += 1
            blocks.append(Block("list", items[0][0], items))
            i = j
            continue
        para = [line.strip()]
        j = i + 1
        while j < n and not _starts_block(lines, j):
            para.append(lines[j].strip())
            j += 1
        blocks.append(Block("para", i + 1, "\n".join(para)))
        i = j
    return blocks


def _starts_other(lines: list[str], j: int) -> bool:
    line = lines[j]
    return bool(_FENCE.match(line) or _HEADING.match(line) or _LABEL.match(line))
