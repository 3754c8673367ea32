"""Import Markdown and MyST error documents: bullet lists, tables, a heading per code.

Headings make a tree. The first level-1 heading is the catalog title and the
prose under it the catalog description. A section that holds codes becomes a
module; when codes sit two heading levels deep, the top sections become code
spaces (Alchemy's "HTTP Status Codes" above its table). A MyST ``(label)=``
target names the section after it (``catalog--space--module`` as errdex's
MyST export writes it). Inside a section:

- a table with a code column: one entry per row (:mod:`.tabular`);
- a MyST ``{csv-table}``: the same, from CSV rows;
- bullets ``- `CODE` - text``: one entry per bullet, the text as its message;
- a heading ``### `CODE``` followed by ``- **Label:** value`` bullets: one entry;
- a heading ``### -1000 UNKNOWN`` (code, then a name or a title) followed by
  bullets of messages: one entry, the first bullet its message, the others
  its variants;
- ``**Known Messages** (`CODE`):`` and a list of ``"message": description``:
  variants of that code; ``**Caption** (`CODE`):`` and a code fence: an example;
- blocks of a bold name line, description lines and ``HTTP Status Code: N``
  (AWS API references): one entry each (:mod:`.boldblocks`);
- other prose: the section's description. A code fence with no caption is an
  example of the code before it (reported as a guess) when it sits in that
  code's section or below it, or, when it shows a response (JSON, a data
  language), in a sibling section (ZAN's ``### 响应示例``); elsewhere it is
  reported, not attached (a C++ program under CANN's ``## 调用示例``).

Everything else — a table without a code column, a row whose code is a range,
an unknown directive — is reported with its line.
"""

from __future__ import annotations

import csv
import json
import re
from typing import Any

from errdex.convert.escape import md_cell_unescape, md_unescape, myst_cell_unescape, strip_code_span
from errdex.convert.importers.blocks import Block, scan
from errdex.convert.importers.boldblocks import BoldBlocks
from errdex.convert.importers.draft import IDENT_RE, Draft, parse_code
from errdex.convert.importers.tabular import add_rows, header_roles
from errdex.convert.labels import is_example_label, is_variants_label, lifecycle_of, role_of
from errdex.io import Diagnostic, SourceFile
from errdex.io.progress import Steps, counted

_CAPTION = re.compile(
    r"^\*\*(?P<caption>.+?)\*\*\s*\((?P<fence>`+)\s?(?P<code>.+?)\s?(?P=fence)\):?$", re.S
)
_CAPTION_MAX = 1000
"""Longest paragraph read as an example or known-messages caption."""
_BULLET = re.compile(
    r"^(?P<fence>`+)(?P<code>[^`]+?)(?P=fence)(?:\s*[-–—:]\s?(?P<text>.*))?$", re.S
)
_PLAIN_BULLET = re.compile(r"^(?P<code>[+-]?\d+)\s+[-–—:]\s?(?P<text>.*)$", re.S)
_NAMED_HEADING = re.compile(
    r"^(?P<fence>`?)(?P<code>[+-]?\d+|[A-Z][A-Z0-9]*[-_.]?\d+[A-Z0-9]*)(?P=fence)"
    r"\s+(?:[-–—:]\s+)?(?P<rest>\S.*)$"
)
_ERROR_WORDS = re.compile(
    r"error|\berr\b|exception|fault|failure|status|code|reason|错误|异常|失败|状态|返回码|错误码",
    re.I,
)
"""Words that say a section lists errors (in its heading, the title, or the text before)."""
_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"[^\"]*\"\s*/?>\s*(?:</a>)?", re.I)
"""An invisible HTML anchor (DITA-generated docs put one in every heading; errdex's
Markdown export one before every code)."""


def _unanchored(text: str) -> str:
    """``text`` without the invisible anchors it starts with (``<a id="http-400"></a>`400```)."""
    rest = text.lstrip()
    if not rest.startswith("<"):
        return text
    found = False
    while (m := _ANCHOR.match(rest)) is not None:
        rest, found = rest[m.end() :], True
    return rest if found else text


def _lifecycle_line(item: str) -> tuple[str, tuple[str, str | None, str | None] | None]:
    """A bullet without its last line when that line is a lifecycle note (``removed:
    merged (use [`E2`](#app-E2) instead)``, the list export's line under a tombstone),
    and the note read as (state, reason, replacement)."""
    head, newline, last = item.rstrip().rpartition("\n")
    if not newline:
        return item, None
    life = lifecycle_of(last.strip())
    return (head, life) if life is not None else (item, None)


_CELL_LABEL = re.compile(r"^\s*\([^()\s]+\)=[ \t]*\n")
"""A MyST target opening a ``{csv-table}`` cell: errdex's MyST export puts each code's
label in its code cell, ``"(shop--app--code-E1)=\nE1"``."""


_FIELD = re.compile(r"^\*\*(?P<label>[^*]+?)\*\*\s*(?P<value>.*)$", re.S)
_ADMONITIONS = {
    "note",
    "warning",
    "tip",
    "important",
    "hint",
    "attention",
    "caution",
    "danger",
    "error",
    "seealso",
    "admonition",
}


_CODE_TEXT = re.compile(
    r"[A-Z][A-Z0-9]*(?:[_.-][A-Z0-9]+)+|[A-Z]+[_.-]?\d+[A-Z0-9]*|[A-Z][A-Za-z]+\d*"
)


def _code_like(codes: list[int | str]) -> bool:
    """Codes of one scheme: all numbers of three digits or more, or all ``UPPER_CASE`` /
    ``E1001`` / ``CamelCase`` strings — not method names, chain ids or footnote numbers."""
    if not codes:
        return False
    if all(type(c) is int for c in codes):
        return all(abs(int(c)) >= 100 for c in codes)
    return all(isinstance(c, str) and _CODE_TEXT.fullmatch(c) for c in codes)


class _Node:
    """A heading and what it holds."""

    def __init__(
        self, level: int, title: str | None, label: str | None, line: int, parent: _Node | None
    ):
        self.level = level
        self.title = title
        self.label = label
        self.line = line
        self.parent = parent
        self.children: list[_Node] = []
        self.entries: list[int] = []
        self.prose: list[str] = []
        self.prose_line = 0

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth


_RESPONSE_LANGS = frozenset(
    {"", "json", "jsonc", "json5", "javascript", "js", "http", "text", "txt", "xml", "yaml", "yml"}
)
"""Fence languages a response body is written in (ZAN's 响应示例 blocks are ``javascript``)."""


def _response_like(info: str, body: str) -> bool:
    """A fence that shows a response: written in a data language, or a JSON body."""
    lang = info.split()[0].lower() if info.split() else ""
    if lang in _RESPONSE_LANGS:
        return True
    return body.lstrip()[:1] in ("{", "[")


def _within(node: _Node, home: _Node) -> bool:
    """Whether ``node`` is ``home`` or a section below it."""
    current: _Node | None = node
    while current is not None:
        if current is home:
            return True
        current = current.parent
    return False


class _Reader:
    def __init__(self, text: str, source: SourceFile, progress: Steps | None = None) -> None:
        self.draft = Draft(source, progress)
        if progress is not None:
            progress("Splitting the document into blocks", 0, None)
        self.blocks = scan(text)
        self.root = _Node(0, None, None, 1, None)
        self.stack: list[_Node] = [self.root]
        self.places: list[_Node] = []  # per entry: the node that holds it
        self.pending_label: tuple[str, int] | None = None
        self.caption: tuple[str, str, int] | None = None
        self.titled = False
        self._skip: set[int] = set()  # ids of field-bullet lists already read by a code heading
        self.bold = BoldBlocks(self)

    @property
    def node(self) -> _Node:
        return self.stack[-1]

    # -- entries -----------------------------------------------------------------

    def new_entry(self, fields: dict[str, Any], line: int) -> dict[str, Any]:
        entry = self.draft.add_entry(fields, line)
        self.node.entries.append(len(self.draft.entries) - 1)
        self.places.append(self.node)
        return entry

    def find(self, code_text: str) -> dict[str, Any] | None:
        code = parse_code(code_text)
        for i in range(len(self.draft.entries) - 1, -1, -1):
            entry = self.draft.entries[i]
            if entry.get("code") == code or str(entry.get("code")).upper() == str(code).upper():
                return entry
        return None

    # -- blocks ------------------------------------------------------------------

    def run(self) -> None:
        blocks = self.blocks
        for index, block in enumerate(counted(blocks, "Reading blocks", self.draft.progress)):
            caption = self.caption
            self.caption = None
            if block.kind != "label" and self.pending_label and block.kind != "heading":
                name, line = self.pending_label
                self.draft.unplaced(
                    line, f"label ({name})= is not followed by a heading; not imported"
                )
                self.pending_label = None
            if block.kind != "para":
                self.bold.flush()
            handler = getattr(self, "on_" + block.kind)
            handler(block, blocks, index, caption)
        self.bold.flush()

    def on_front(self, block: Block, *_: Any) -> None:
        keys = []
        for line in str(block.a).split("\n"):
            m = re.match(r"^([A-Za-z_][\w-]*):\s*(.*)$", line)
            if not m:
                continue
            if m.group(1) == "title" and m.group(2).strip():
                self.draft.title = self.draft.title or m.group(2).strip().strip("'\"")
            else:
                keys.append(m.group(1))
        if keys:
            self.draft.unplaced(
                block.line,
                "front matter keys " + ", ".join(keys) + " are not catalog fields; not imported",
            )

    def on_label(self, block: Block, *_: Any) -> None:
        if "--code-" in str(block.a):  # a code's label (convert.layout.CodeLabels): its anchor
            return
        if self.pending_label:
            name, line = self.pending_label
            self.draft.unplaced(line, f"label ({name})= is not followed by a heading; not imported")
        self.pending_label = (str(block.a), block.line)

    def on_heading(self, block: Block, blocks: list[Block], index: int, _caption: Any) -> None:
        level, text = int(block.a), md_unescape(_ANCHOR.sub("", str(block.b)).strip())  # type: ignore[call-overload]
        label = self.pending_label[0] if self.pending_label else None
        self.pending_label = None
        if level == 1 and not self.titled and len(self.stack) == 1 and not self.draft.entries:
            self.titled = True
            self.draft.title = text or self.draft.title
            if label:
                self.draft.catalog_id = label.split("--")[0]
            return
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        while len(self.stack) > 1 and self.node.level >= level:
            self.stack.pop()
        if nxt is not None and nxt.kind == "list" and self._code_heading(text, nxt, block.line):
            return
        if nxt is not None and nxt.kind == "list" and self._named_heading(text, nxt, block.line):
            return
        node = _Node(level, text, label.split("--")[-1] if label else None, block.line, self.node)
        self.node.children.append(node)
        self.stack.append(node)

    def _code_heading(self, text: str, nxt: Block, line: int) -> bool:
        """A ``### `CODE``` heading followed by ``**Label:** value`` bullets: one entry."""
        code = parse_code(strip_code_span(text))
        if code is None:
            return False
        fields = []
        for item_line, item in nxt.a:  # type: ignore[attr-defined]
            m = _FIELD.match(item)
            role = role_of(m.group("label")) if m else None
            fields.append((item_line, role, m))
        if not any(role for _, role, _ in fields):
            return False
        entry = self.new_entry({"code": code}, line)
        carried: list[tuple[str, int]] = []
        for item_line, role, m in fields:
            if role is None:
                self.draft.unplaced(item_line, "bullet is not a catalog field; not imported")
                continue
            assert m is not None
            value = m.group("value")
            value = value[1:] if value.startswith(":") else value
            value = value.strip(" ") if "\n" not in value else value.lstrip(" ")
            if role == "code":
                if parse_code(strip_code_span(value)) != code:
                    self.draft.unplaced(
                        item_line,
                        f"code {value!r} differs from the heading's {text!r}; "
                        "the heading's is used",
                    )
                continue
            if role == "carried":
                carried += [(c.strip(), item_line) for c in value.split(",") if c.strip()]
                continue
            if role in ("name", "name_or_message"):
                value = strip_code_span(value)
            if role in ("space", "module"):
                self.draft.unplaced(
                    item_line, f"{role} bullets are not read from Markdown; not imported"
                )
                continue
            self.draft.set_value(entry, role, md_unescape(value), item_line)
            if role in ("title", "message", "description", "solution") and value == "":
                entry[role] = ""
        if carried:
            self.draft.carried(len(self.draft.entries) - 1, carried)
        self._skip.add(id(nxt))
        return True

    def _named_heading(self, text: str, nxt: Block, line: int) -> bool:
        """``### -1000 UNKNOWN`` (a code, then a name or a title) over bullets of messages.

        The bullets are the code's messages: the first is its message, the others
        its variants. Bullets that are `CODE` bullets or ``**Label:**`` fields are
        not messages: then the heading is an ordinary section.
        """
        m = _NAMED_HEADING.match(text)
        if m is None:
            return False
        items: list[tuple[int, str]] = nxt.a  # type: ignore[assignment]
        if any(_BULLET.match(t) or _PLAIN_BULLET.match(t) or _FIELD.match(t) for _, t in items):
            return False
        rest = md_unescape(m.group("rest").strip())
        fields: dict[str, Any] = {"code": parse_code(m.group("code"))}
        fields["name" if IDENT_RE.fullmatch(rest) else "title"] = rest
        messages = [md_unescape(t) for _, t in items if t.strip()]
        if messages:
            fields["message"] = messages[0]
        if len(messages) > 1:
            fields["variants"] = [{"message": t} for t in messages[1:]]
        self.new_entry(fields, line)
        self._skip.add(id(nxt))
        return True

    def on_list(
        self, block: Block, _blocks: Any, _index: Any, caption: tuple[str, str, int] | None
    ) -> None:
        if id(block) in self._skip:
            return
        items: list[tuple[int, str]] = block.a  # type: ignore[assignment]
        if caption is not None and is_variants_label(caption[0]):
            self._variants(items, caption)
            return
        parsed: list[tuple[int, str, int | str | None, re.Match[str] | None]] = []
        lives: dict[int, tuple[str, str | None, str | None]] = {}
        for line, item in items:
            text = _unanchored(item)
            text, life = _lifecycle_line(text)
            m = _BULLET.match(text) or _PLAIN_BULLET.match(text)
            text = text if m else item  # a prose item keeps what it says
            code = parse_code(m.group("code")) if m else None
            if m and life is not None:
                lives[len(parsed)] = life
            parsed.append((line, text, code, m))
        lead = 0
        while lead < len(parsed) and parsed[lead][2] is None:
            lead += 1
        if lead:  # items before the first code are prose (a list in a description)
            self.prose(block.line, "\n".join(f"- {text}" for _, text, _, _ in parsed[:lead]))
        codes = [code for _, _, code, _ in parsed[lead:] if code is not None]
        if parsed[lead:] and not (self._error_context() or _code_like(codes)):
            where = self.node.title or self.draft.title or "the top of the document"
            self.draft.unplaced(
                parsed[lead][0],
                f"list of {len(parsed) - lead} `CODE` bullets under {where!r} is not an error "
                "listing (its items are not all codes of one scheme, and no heading or text "
                "around it speaks of errors); not imported",
                hint="an error listing sits under a heading that names errors or codes",
            )
            return
        for n, (line, text, code, m) in enumerate(parsed[lead:], lead):
            if code is None or m is None:
                self.draft.unplaced(
                    line, f"list item {text[:60]!r} is not a `CODE` - text bullet; not imported"
                )
                continue
            fields: dict[str, Any] = {"code": code}
            message = m.group("text")
            if message:
                fields["message"] = md_unescape(message)
            if n in lives:
                state, reason, replacement = lives[n]
                fields["status"] = state
                if reason:
                    fields["reason"] = md_unescape(reason)
                if replacement:
                    fields["replaced_by"] = parse_code(replacement)
            self.new_entry(fields, line)

    def _error_context(self) -> bool:
        """Whether the headings above, the title or the text just before speak of errors."""
        texts = [n.title or "" for n in self.stack] + [self.draft.title or ""]
        texts += self.node.prose[-1:]
        return any(_ERROR_WORDS.search(t) for t in texts)

    def _variants(self, items: list[tuple[int, str]], caption: tuple[str, str, int]) -> None:
        entry = self.find(caption[1])
        if entry is None:
            self.draft.unplaced(
                caption[2], f"known messages of unknown code {caption[1]!r}; not imported"
            )
            return
        variants = entry.setdefault("variants", [])
        decoder = json.JSONDecoder()
        for line, text in items:
            try:
                message, end = decoder.raw_decode(text)
            except ValueError:
                message, end = None, 0
            if not isinstance(message, str):
                self.draft.unplaced(
                    line, 'a known message is written - "message": description; not imported'
                )
                continue
            variant: dict[str, Any] = {"message": md_unescape(message)}
            rest = text[end:]
            if rest.startswith(":"):
                variant["description"] = md_unescape(
                    rest[2:] if rest.startswith(": ") else rest[1:]
                )
            elif rest.strip():
                self.draft.unplaced(
                    line, f"text {rest.strip()[:40]!r} after a known message; not imported"
                )
            variants.append(variant)

    def on_para(self, block: Block, blocks: list[Block], index: int, _caption: Any) -> None:
        text = str(block.a)
        # a caption is one short line; the cap keeps the regex linear on huge paragraphs
        m = (
            _CAPTION.match(text)
            if len(text) <= _CAPTION_MAX and text.endswith((")", "):"))
            else None
        )
        nxt = blocks[index + 1] if index + 1 < len(blocks) else None
        if m and nxt is not None and nxt.kind in ("list", "fence"):
            self.caption = (md_unescape(m.group("caption")), m.group("code"), block.line)
            return
        if self.bold.feed(block.line, text):
            return
        text = _ANCHOR.sub("", text).strip()
        if text:
            self.prose(block.line, text)

    def prose(self, line: int, text: str) -> None:
        node = self.node
        if not node.prose:
            node.prose_line = line
        node.prose.append(md_unescape(text))

    def on_colon(self, block: Block, *_: Any) -> None:
        info = str(block.a)
        name = info.strip("{}").split()[0] if info else ""
        if name in _ADMONITIONS:
            body = "\n".join(
                ln for ln in str(block.b).split("\n") if not re.match(r"^:\w[\w-]*:", ln)
            ).strip()
            self.prose(block.line, body)
        else:
            self.draft.unplaced(block.line, f"directive {info!r} is not imported")

    def on_fence(
        self, block: Block, _blocks: Any, _index: Any, caption: tuple[str, str, int] | None
    ) -> None:
        info, body = str(block.a), str(block.b)
        if info.startswith("{"):
            name = info[1:].split("}")[0].strip()
            if name == "csv-table":
                self._csv_table(block)
            elif name in _ADMONITIONS:
                self.prose(block.line, body.strip())
            else:
                self.draft.unplaced(block.line, f"directive {{{name}}} is not imported")
            return
        lang = info.split()[0] if info.split() else None
        example: dict[str, Any] = {"body": body}
        if caption is not None:
            entry = self.find(caption[1])
            if entry is None:
                self.draft.unplaced(
                    block.line, f"example of unknown code {caption[1]!r}; not imported"
                )
                return
            if not is_example_label(caption[0]):
                example["title"] = caption[0]
        else:
            if not self.draft.entries:
                self.draft.unplaced(block.line, "code block before any error code; not imported")
                return
            entry = self.draft.entries[-1]
            node = self.node
            home = self.places[-1] if len(self.places) == len(self.draft.entries) else node
            beside = home.parent is not None and _within(node, home.parent)
            if not (_within(node, home) or (beside and _response_like(info, body))):
                # a program under "调用示例" after another function's error table is
                # an example of the API, not of the last error code read
                self.draft.unplaced(
                    block.line,
                    f"code block in section {node.title or '(top)'!r}, outside the section "
                    f"of code {entry['code']} ({home.title or '(top)'!r}); not imported",
                    hint="write a caption line **Example** (`CODE`): above it to attach it",
                )
                return
            if not node.entries and node.title and not node.prose:
                example["title"] = node.title
                node.title_used = True  # type: ignore[attr-defined]
            self.draft.guessed(
                block.line,
                f"code block taken as an example of {entry['code']}, the code before it",
                hint="write a caption line **Example** (`CODE`): above it to choose the code",
            )
        if lang:
            example["lang"] = lang
        entry.setdefault("examples", []).append(example)

    def _csv_table(self, block: Block) -> None:
        lines = str(block.b).split("\n")
        options: dict[str, str] = {}
        key = None
        i = 0
        while i < len(lines):
            m = re.match(r"^:([\w-]+):\s*(.*)$", lines[i])
            if m:
                key = m.group(1)
                options[key] = m.group(2)
            elif key and re.match(r"^:\s+\S", lines[i]):
                options[key] += " " + lines[i][1:].strip()
            else:
                break
            i += 1
        header_text = options.get("header", "").strip()
        if header_text.startswith(">") or header_text.startswith("|"):
            header_text = header_text[1:].lstrip("-+").strip()  # >, >-, |+ … (YAML block)
        body_start = int(block.c) + i  # type: ignore[call-overload]
        reader_header = (
            next(csv.reader([header_text], skipinitialspace=True), []) if header_text else []
        )
        if not reader_header:
            self.draft.unplaced(
                block.line,
                "{csv-table} without a :header: option; not imported",
                hint='add :header: "Error Code", "Description", ...',
            )
            return
        roles = header_roles(self.draft, reader_header, block.line)
        if roles is None:
            self.draft.unplaced(block.line, "{csv-table} has no code column; not imported")
            return
        body = lines[i:]
        rows = []
        try:
            reader = csv.reader([ln + "\n" for ln in body], skipinitialspace=True, strict=False)
            for row in reader:
                line = body_start + reader.line_num - 1
                if row and any(c.strip() for c in row):
                    rows.append((line, [_CELL_LABEL.sub("", c, count=1) for c in row]))
        except csv.Error as exc:
            self.draft.unplaced(
                body_start,
                f"the {{csv-table}} rows are not valid CSV ({exc}); the rest is not imported",
            )
        node = self.node
        self._add_table_rows(roles, rows, myst_cell_unescape, node)

    def on_table(self, block: Block, *_: Any) -> None:
        header: list[str] = block.a  # type: ignore[assignment]
        rows: list[tuple[int, list[str]]] = block.b  # type: ignore[assignment]
        if block.c != "html":
            rows = [(line, [_unanchored(c) for c in cells]) for line, cells in rows]
        roles = header_roles(self.draft, header, block.line, [cells for _, cells in rows])
        if roles is None:
            self.draft.unplaced(
                block.line,
                f"table with columns {' | '.join(header)[:80]!r} has no code column; "
                f"its {len(rows)} rows are not imported",
                hint="name the code column Code, Error Code or 错误码",
            )
            return
        unescape = (lambda text: text) if block.c == "html" else md_cell_unescape
        self._add_table_rows(roles, rows, unescape, self.node)

    def _add_table_rows(self, roles: Any, rows: Any, unescape: Any, node: _Node) -> None:
        added = add_rows(self.draft, roles, rows, unescape, lambda entry: None)
        node.entries += added
        self.places += [node] * len(added)

    # -- structure -------------------------------------------------------------------

    def finish(self, catalog_id: str | None, name: str) -> dict[str, Any] | None:
        draft = self.draft
        if self.pending_label:
            draft.unplaced(
                self.pending_label[1],
                f"label ({self.pending_label[0]})= is not followed by a heading; not imported",
            )
        if self.root.prose:
            draft.description = "\n\n".join(self.root.prose)
        holders = [n for n in self._walk(self.root) if n.entries and n is not self.root]
        two_level = any(n.depth >= 2 for n in holders)
        if two_level:
            for top in self.root.children:
                members = [n for n in self._walk(top) if n.entries]
                if not members and not top.prose:
                    self._unplaced_node(top)
                    continue
                sid = draft.add_space(top.label, top.title, "\n\n".join(top.prose) or None)
                for entry_index in top.entries:
                    draft.entries[entry_index]["space"] = sid
                for node in members:
                    if node is top:
                        continue
                    mid = draft.add_module(
                        node.label, node.title, sid, "\n\n".join(node.prose) or None
                    )
                    for entry_index in node.entries:
                        draft.entries[entry_index]["module"] = mid
                for node in self._walk(top):
                    if node is not top and not node.entries:
                        self._unplaced_node(node)
            if self.root.entries:
                sid = draft.add_space(None, None)
                for entry_index in self.root.entries:
                    draft.entries[entry_index]["space"] = sid
        else:
            for top in self.root.children:
                if top.entries:
                    mid = draft.add_module(
                        top.label, top.title, "app", "\n\n".join(top.prose) or None
                    )
                    for entry_index in top.entries:
                        draft.entries[entry_index]["module"] = mid
                for node in self._walk(top):
                    if not node.entries:
                        self._unplaced_node(node)
            if draft.modules:
                draft.spaces["app"] = {}
        self._category_modules()
        return draft.finish(catalog_id, name, http_codes=True)

    def _category_modules(self) -> None:
        """A Category/Module column: one module per value, in the space of the entry's section."""
        draft = self.draft
        made: dict[tuple[str, str], str] = {}
        for entry in draft.entries:
            category = entry.pop("_module", None)
            entry.pop("_space", None)
            if not category:
                continue
            section = entry.get("module")
            space = (
                draft.modules[section]["space"]
                if section in draft.modules
                else entry.get("space") or next(iter(draft.spaces), "app")
            )
            key = (space, category)
            if key not in made:
                made[key] = draft.add_module(None, category, space)
            entry["module"] = made[key]
            entry.pop("space", None)
        if made:
            draft.spaces.setdefault("app", {})

    def _walk(self, node: _Node) -> list[_Node]:
        out = [node]
        for child in node.children:
            out += self._walk(child)
        return out

    def _unplaced_node(self, node: _Node) -> None:
        if node.prose:
            self.draft.unplaced(
                node.prose_line,
                f"text of section {node.title!r} (line {node.line}) holds no codes; not imported",
            )
        elif node.title and not getattr(node, "title_used", False):
            self.draft.unplaced(node.line, f"heading {node.title!r} holds no codes; not imported")


def import_markdown(
    text: str,
    source: SourceFile,
    *,
    catalog_id: str | None = None,
    name: str = "<input>",
    progress: Steps | None = None,
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Import a Markdown or MyST document; return catalog data and the problems found.
    ``progress`` hears how many blocks (and table rows) are read."""
    reader = _Reader(text, source, progress)
    reader.run()
    data = reader.finish(catalog_id, name)
    diagnostics = sorted(reader.draft.diagnostics, key=lambda d: d.position)
    return data, diagnostics
