"""Blocks of a bold name, description lines and ``HTTP Status Code: N`` (AWS API references).

::

     **AccessDeniedException**
    You do not have sufficient access to perform this action\\.
    HTTP Status Code: 400

The bold name is the code, the lines up to the status line its description,
the number its HTTP status. The block may spread over paragraphs. Bold lines
between the name and the status line (an exception's member fields,
``** fieldList **``) are not errors: they are reported once, by name. A bold
name never closed by a status line is not an error either (a request
parameter, a response element): its text goes back to the section as prose.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from errdex.convert.escape import md_unescape

_NAME = re.compile(r"^\s*\*\*\s*(?P<name>[A-Za-z][\w.:-]*)\s*\*\*\s*(?:<a\s[^>]*>\s*</a>)?\s*$")
_STATUS = re.compile(r"^\s*HTTP Status Code:\s*(?P<status>\d{3})\s*$", re.I)


class _Reader(Protocol):
    draft: Any

    def new_entry(self, fields: dict[str, Any], line: int) -> dict[str, Any]: ...

    def prose(self, line: int, text: str) -> None: ...


class BoldBlocks:
    """Collects one bold-name block at a time for the Markdown reader."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.name: str | None = None
        self.line = 0
        self.text: list[str] = []
        self.members: list[str] = []
        self.raw: list[tuple[int, str]] = []
        self.reported = False

    def feed(self, line: int, para: str) -> bool:
        """Take a paragraph that is (part of) a block; False when it is none of it."""
        lines = para.split("\n")
        if self.name is None and not _NAME.match(lines[0]):
            return False
        for offset, raw in enumerate(lines):
            number = line + offset
            name = _NAME.match(raw)
            status = _STATUS.match(raw)
            if name and self.name is None:
                self.name, self.line, self.text, self.members = name["name"], number, [], []
                self.raw = [(number, raw)]
                continue
            if self.name is None:
                self.reader.prose(number, raw)
                continue
            self.raw.append((number, raw))
            if status:
                self._close(int(status["status"]))
            elif name and self.text:
                self.members.append(name["name"])
            elif name:
                self.flush()  # a bold line right after a bold line: prose, then a new block
                self.name, self.line, self.text, self.members = name["name"], number, [], []
                self.raw = [(number, raw)]
            elif not self.members:
                self.text.append(raw.strip())
        if self.name is not None and self.text and self.text[-1] != "":
            self.text.append("")  # a paragraph break inside the description
        return True

    def _close(self, status: int) -> None:
        description = "\n".join(self.text).strip("\n")
        description = re.sub(r"\n\n+", "\n\n", description)
        fields: dict[str, Any] = {"code": self.name}
        if description:
            fields["description"] = md_unescape(description)
        fields["http_status"] = status
        self.reader.new_entry(fields, self.line)
        if self.members and not self.reported:
            self.reported = True
            self.reader.draft.unplaced(
                self.line,
                f"member fields of {self.name} ({', '.join(self.members)}) are not catalog "
                "fields; not imported (reported once)",
            )
        self.name, self.text, self.members, self.raw = None, [], [], []

    def flush(self) -> None:
        """An open block that no status line closed is prose of its section."""
        if self.name is not None and self.raw:
            self.reader.prose(self.raw[0][0], "\n".join(raw for _, raw in self.raw))
        self.name, self.text, self.members, self.raw = None, [], [], []
