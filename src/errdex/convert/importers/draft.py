"""A catalog under construction by an importer: spaces, modules, entries and problems.

Importers add what they find in document order; :meth:`Draft.finish` guesses
what the document does not say (space kinds, the text language, ids from
titles), resolves cross references (an HTTP row listing the JSON-RPC codes it
carries) and returns catalog data in the format of ``errdex.toml``.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from errdex.convert.escape import strip_code_span
from errdex.convert.labels import lifecycle_of, value_of
from errdex.io import Diagnostic, SourceFile
from errdex.io.diagnostic import INVALID_VALUE
from errdex.io.progress import Steps
from errdex.io.rules import rule
from errdex.io.validate import bad_code, clean_code
from errdex.model.types import FAULTS, RETRY_CLASSES
from errdex.model.wire import INT32_MAX, INT32_MIN, SAFE_INTEGER

UNPLACED = rule("I001")
GUESSED = rule("I002")
OUT_OF_RANGE = rule("E114")
"""An integer no wire or target language holds: reported with ``errdex check``'s rule id,
and left out, so the catalog written is one ``check`` accepts."""

INT_RE = re.compile(r"[+-]?[0-9]+")
IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
HTTP_STATUSES = re.compile(r"([1-5][0-9][0-9])(?:[\s,/]+[1-5][0-9][0-9])*")
"""One HTTP status, or several in one cell (``400 403``, ``400, 406``); group 1 the first."""
_SLUG_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_BOOLS = {
    "true": True,
    "yes": True,
    "y": True,
    "1": True,
    "是": True,
    "false": False,
    "no": False,
    "n": False,
    "0": False,
    "否": False,
}
_STATUSES = ("active", "deprecated", "removed")


def slug(text: str) -> str:
    """An id from a title: lower case ASCII letters, digits, ``.``, ``_`` and ``-``."""
    value = _SLUG_UNSAFE.sub("-", text.strip().lower()).strip("-._")
    return value


def _shown(value: int) -> str:
    """An integer as a message shows it: a huge one shortened, with its length."""
    text = str(value)
    return text if len(text) <= 30 else f"{text[:12]}… ({len(text)} digits)"


def parse_code(text: str) -> int | str | None:
    """A code cell's value: an integer, a string without blanks, or None when it is no code."""
    value = text.strip()
    if not value or any(ch.isspace() for ch in value):
        return None
    if INT_RE.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # beyond Python's 4300 digits: no code at all (reported as such)
            return None
    return value


class Draft:
    """Collects what an importer finds; reports what it cannot place."""

    def __init__(self, source: SourceFile, progress: Steps | None = None) -> None:
        self.source = source
        self.progress = progress
        """Told how far the import is (:mod:`errdex.io.progress`); None: nobody asks."""
        self.diagnostics: list[Diagnostic] = []
        self.title: str | None = None
        self.description: str | None = None
        self.catalog_id: str | None = None
        self.spaces: dict[str, dict[str, Any]] = {}
        self.modules: dict[str, dict[str, Any]] = {}
        self.entries: list[dict[str, Any]] = []
        self._lines: list[int] = []
        self._carried: list[tuple[int, list[tuple[str, int]]]] = []

    # -- problems ----------------------------------------------------------------

    def unplaced(self, line: int, message: str, hint: str | None = None, col: int = 1) -> None:
        """Report something of the document that was not imported."""
        self.diagnostics.append(
            Diagnostic(
                UNPLACED,
                message,
                source=self.source,
                position=(max(line, 1), max(col, 1)),
                hint=hint,
            )
        )

    def out_of_range(self, line: int, message: str, hint: str, col: int = 1) -> None:
        """Report an integer beyond what the wire and every target language hold (E114)."""
        self.diagnostics.append(
            Diagnostic(
                OUT_OF_RANGE,
                message,
                source=self.source,
                position=(max(line, 1), max(col, 1)),
                hint=hint,
            )
        )

    def refused(self, line: int, message: str, hint: str, col: int = 1) -> None:
        """Report a value a catalog refuses (E005, the rule loading would give it)."""
        self.diagnostics.append(
            Diagnostic(
                INVALID_VALUE,
                message,
                source=self.source,
                position=(max(line, 1), max(col, 1)),
                hint=hint,
            )
        )

    def guessed(self, line: int, message: str, hint: str | None = None) -> None:
        """Report something placed by position or a guess."""
        self.diagnostics.append(
            Diagnostic(GUESSED, message, source=self.source, position=(max(line, 1), 1), hint=hint)
        )

    # -- structure -----------------------------------------------------------------

    def _unique(self, wanted: str, taken: dict[str, Any], fallback: str) -> str:
        base = slug(wanted) or fallback
        if not base[0].isalnum():
            base = fallback
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        return key

    def add_space(
        self, label: str | None, title: str | None, description: str | None = None
    ) -> str:
        """Declare a space; return its id (from the label, else the title)."""
        sid = self._unique(label or title or "", self.spaces, f"space-{len(self.spaces) + 1}")
        space: dict[str, Any] = {}
        if title is not None:
            space["title"] = title
        if description:
            space["description"] = description
        self.spaces[sid] = space
        return sid

    def add_module(
        self, label: str | None, title: str | None, space: str, description: str | None = None
    ) -> str:
        """Declare a module in ``space``; return its id."""
        mid = self._unique(label or title or "", self.modules, f"module-{len(self.modules) + 1}")
        module: dict[str, Any] = {}
        if title is not None:
            module["title"] = title
        if description:
            module["description"] = description
        module["space"] = space
        self.modules[mid] = module
        return mid

    def add_entry(self, fields: dict[str, Any], line: int) -> dict[str, Any]:
        """Add an entry (fields already converted); return its dict for later changes."""
        self.entries.append(fields)
        self._lines.append(line)
        return fields

    def carried(self, entry_index: int, codes: list[tuple[str, int]]) -> None:
        """Record that entry ``entry_index`` (an HTTP status) carries codes of other spaces."""
        self._carried.append((entry_index, codes))

    # -- values ----------------------------------------------------------------------

    def set_value(
        self, entry: dict[str, Any], role: str, raw: str, line: int, col: int = 1
    ) -> None:
        """Convert one cell's text for ``role`` and store it in ``entry`` (or report it)."""
        if raw == "":
            return
        if role in ("title", "message", "description", "solution"):
            entry[role] = raw
        elif role == "name":
            entry["name"] = raw
        elif role == "name_or_message":
            entry["name" if IDENT_RE.fullmatch(raw) else "message"] = raw
        elif role in ("http_status", "jsonrpc_code", "retry_after"):
            value = raw.strip()
            listed = HTTP_STATUSES.fullmatch(value) if role == "http_status" else None
            several = listed if listed is not None and listed.group(1) != value else None
            if several is not None:
                # "400 403": an entry sends one status; the first is kept, the rest named
                value = several.group(1)
                self.unplaced(
                    line,
                    f"HTTP statuses {raw.strip()!r} listed; the first, {value}, is imported",
                    col=col,
                    hint="keep one status per entry, or split the code into variants",
                )
            if not INT_RE.fullmatch(value):
                self.unplaced(line, f"{role} {raw!r} is not an integer; not imported", col=col)
                return
            number = int(value)
            if role == "http_status" and not 100 <= number <= 599:
                self.unplaced(
                    line, f"HTTP status {number} is outside 100-599; not imported", col=col
                )
                return
            if role == "retry_after" and number < 0:
                self.unplaced(line, f"retry_after {number} is negative; not imported", col=col)
                return
            low, high = (INT32_MIN, INT32_MAX) if role == "jsonrpc_code" else (0, SAFE_INTEGER)
            if not low <= number <= high:
                self.out_of_range(
                    line,
                    f"{role} {_shown(number)} is out of range ({low}..{high}); not imported",
                    f"write {role} within {low}..{high}",
                    col=col,
                )
                return
            entry[role] = number
        elif role == "retryable":
            flag = _BOOLS.get(raw.strip().lower())
            if flag is None:
                self.unplaced(
                    line, f"retryable {raw!r} is not yes/no or true/false; not imported", col=col
                )
                return
            entry["retryable"] = flag
        elif role == "retry" and raw.strip().lower() in _BOOLS:
            # a "Retry" column of yes/no (how documents usually write it): the shorthand
            entry["retryable"] = _BOOLS[raw.strip().lower()]
        elif role in ("fault", "retry"):
            value = raw.strip().lower()
            allowed = FAULTS if role == "fault" else RETRY_CLASSES
            if value not in allowed:
                self.unplaced(
                    line,
                    f"{role} {raw!r} is not one of {', '.join(allowed)}; not imported",
                    col=col,
                )
                return
            entry[role] = value
        elif role == "status":
            value = raw.strip().lower()
            value = value if value in _STATUSES else value_of(value) or value  # 已移除
            lifecycle = lifecycle_of(raw) if value not in _STATUSES else None
            if lifecycle is not None:  # "deprecated: merged (use E2 instead)", as HTML writes
                value, reason, replacement = lifecycle
                if reason:
                    entry["reason"] = reason
                if replacement:
                    entry["replaced_by"] = (
                        int(replacement) if INT_RE.fullmatch(replacement) else replacement
                    )
            if value not in _STATUSES:
                self.unplaced(
                    line,
                    f"status {raw!r} is not active, deprecated or removed; not imported",
                    col=col,
                )
                return
            entry["status"] = value
        elif role == "reason":
            entry["reason"] = raw.strip()
        elif role == "replaced_by":
            code = strip_code_span(raw.strip())
            entry["replaced_by"] = int(code) if INT_RE.fullmatch(code) else code
        elif role in ("space", "module"):
            entry["_" + role] = raw.strip()
        else:  # pragma: no cover - every role is handled above
            raise ValueError(role)

    # -- finishing ---------------------------------------------------------------------

    def finish(
        self, catalog_id: str | None, name: str, *, http_codes: bool = False
    ) -> dict[str, Any] | None:
        """Return catalog data, or None (with a problem reported) when no entry was found.

        ``http_codes``: give entries of an HTTP space their code as HTTP status
        (documents leave it implied; CSV and JSON state it or not).
        """
        if not self.entries:
            seen = len(self.diagnostics)
            self.unplaced(
                1,
                "no error codes found in the document"
                + (
                    f": {seen} structures seen, none an error listing (each is named below)"
                    if seen
                    else ""
                ),
                hint="a code column, `CODE` - text bullets or a heading per code is needed",
            )
            return None
        if self.progress is not None:
            self.progress("Assembling the catalog", 0, None)
        if not self.spaces:
            self.spaces["app"] = {}
        kinds = self._kinds()
        for sid, kind in kinds.items():
            self.spaces[sid] = {"kind": kind, **self.spaces[sid]}
        self._resolve_carried(kinds)
        self._drop_out_of_range(kinds)
        self._drop_unclean_codes()
        if not self.entries:
            return None
        for entry in self.entries if http_codes else ():
            space = self._space_of(entry)
            if (
                kinds.get(space) == "http"
                and type(entry.get("code")) is int
                and 100 <= entry["code"] <= 599
            ):
                entry.setdefault("http_status", entry["code"])
        cid = (
            catalog_id
            or self.catalog_id
            or slug(self.title or "")
            or slug(PurePath(name).stem)
            or "imported"
        )
        if not cid[0].isalnum():
            cid = "imported-" + cid.lstrip("-._") if cid.lstrip("-._") else "imported"
        catalog: dict[str, Any] = {"id": cid}
        if self.title:
            catalog["title"] = self.title
        if self.description:
            catalog["description"] = self.description
        catalog["default_locale"] = self._locale()
        if len(self.spaces) > 1:
            catalog["default_space"] = next(iter(self.spaces))
        self._merge_repeats()
        errors = []
        for entry in self.entries:
            out = {k: v for k, v in entry.items() if not k.startswith("_")}
            errors.append(out)
        data: dict[str, Any] = {"catalog": catalog, "spaces": self.spaces}
        if self.modules:
            data["modules"] = self.modules
        data["errors"] = errors
        return data

    def _merge_repeats(self) -> None:
        """One entry per code of a space: a code listed again is merged into its first entry.

        A document may list a code once per condition (a rowspan over several
        descriptions) or once per section. Another message becomes a variant,
        another description or solution a paragraph of its own; another value of
        any other field is reported, the first kept. Each repeated code is noted once.
        """
        first: dict[tuple[str, Any], int] = {}
        keep: list[int] = []
        repeats: dict[int, list[int]] = {}
        for i, entry in enumerate(self.entries):
            key = (self._space_of(entry), entry.get("code"))
            into = first.get(key, -1)
            if into < 0 or not self._same_error(self.entries[into], entry):
                # a code another section gives to another error (a one-level list of
                # two spaces' codes) stays as it is, for the check to report
                first.setdefault(key, i)
                keep.append(i)
                continue
            repeats.setdefault(into, []).append(i)
            self._merge(self.entries[into], entry, self._lines[into], self._lines[i])
        for into, others in repeats.items():
            lines = ", ".join(str(self._lines[j]) for j in [into, *others])
            self.guessed(
                self._lines[into],
                f"code {self.entries[into]['code']} is listed {len(others) + 1} times "
                f"(lines {lines}); merged into one entry",
                hint="list each code once, its conditions as variants or in its description",
            )
        self.entries = [self.entries[i] for i in keep]
        self._lines = [self._lines[i] for i in keep]

    @staticmethod
    def _same_error(a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Two listings of one code that are one error: same section, or same name."""
        if a.get("module") == b.get("module") and a.get("space") == b.get("space"):
            return True
        return bool(a.get("name")) and a.get("name") == b.get("name")

    def _merge(self, into: dict[str, Any], other: dict[str, Any], at: int, line: int) -> None:
        for key, value in other.items():
            if key == "code" or key.startswith("_") or value in (None, ""):
                continue
            current = into.get(key)
            if current is None:
                into[key] = value
            elif current == value:
                continue
            elif key == "message":
                variants = into.setdefault("variants", [])
                if {"message": value} not in variants:
                    variants.append({"message": value})
            elif key in ("description", "solution", "title") and isinstance(value, str):
                if value not in str(current).split("\n\n"):
                    into[key] = f"{current}\n\n{value}"
            elif key == "variants" and isinstance(value, list):
                into.setdefault("variants", []).extend(v for v in value if v not in current)
            elif key == "module":
                continue  # the first section names the entry's module
            else:
                self.unplaced(
                    line,
                    f"{key} {value!r} of code {into['code']} differs from {current!r} at line "
                    f"{at}; the first is kept",
                )

    def _drop_out_of_range(self, kinds: dict[str, str]) -> None:
        """Leave out each entry whose integer code its space cannot hold (E114, the rule
        ``errdex check`` would refuse the written catalog with): 32-bit in a JSON-RPC
        space, within ±(2^53-1) elsewhere."""
        keep = []
        for i, entry in enumerate(self.entries):
            code = entry.get("code")
            space = self._space_of(entry)
            jsonrpc = kinds.get(space) == "jsonrpc"
            low, high = (INT32_MIN, INT32_MAX) if jsonrpc else (-SAFE_INTEGER, SAFE_INTEGER)
            if type(code) is int and not low <= code <= high:
                what = "a 32-bit integer" if jsonrpc else "an integer within ±(2^53-1)"
                self.out_of_range(
                    self._lines[i],
                    f"code {_shown(code)} in space {space!r} is out of range: it must be "
                    f"{what} (what every wire and target language holds); not imported",
                    "use a smaller code, or a string code (quote it in the document)",
                )
                continue
            keep.append(i)
        if len(keep) < len(self.entries):
            self.entries = [self.entries[i] for i in keep]
            self._lines = [self._lines[i] for i in keep]

    def _drop_unclean_codes(self) -> None:
        """Leave out each entry whose string code a catalog refuses (E005: empty, blanks
        around it, a control or invisible character such as ESC), and a ``replaced_by``
        naming such a code, each reported at its row: loading the written catalog would
        refuse it, and nothing would be imported."""
        keep = []
        for i, entry in enumerate(self.entries):
            code = entry.get("code")
            if type(code) is str and not clean_code(code):
                message, hint = bad_code("code", code)
                self.refused(self._lines[i], f"{message}; not imported", hint)
                continue
            replacement = entry.get("replaced_by")
            if type(replacement) is str and not clean_code(replacement):
                message, hint = bad_code("replaced_by", replacement)
                self.refused(self._lines[i], f"{message}; not imported", hint)
                del entry["replaced_by"]
            keep.append(i)
        if len(keep) < len(self.entries):
            self.entries = [self.entries[i] for i in keep]
            self._lines = [self._lines[i] for i in keep]

    def _space_of(self, entry: dict[str, Any]) -> str:
        if "space" in entry:
            return str(entry["space"])
        if "module" in entry:
            return str(self.modules[entry["module"]]["space"])
        return next(iter(self.spaces))

    def _kinds(self) -> dict[str, str]:
        codes: dict[str, list[Any]] = {sid: [] for sid in self.spaces}
        for entry in self.entries:
            codes.setdefault(self._space_of(entry), []).append(entry.get("code"))
        kinds = {}
        for sid, values in codes.items():
            title = (
                (self.spaces.get(sid, {}).get("title") or sid)
                .lower()
                .replace("-", "")
                .replace("_", "")
            )
            ints = bool(values) and all(type(c) is int for c in values)
            if (
                ints
                and all(100 <= c <= 599 for c in values)
                and ("http" in title or "状态码" in title)
            ):
                kinds[sid] = "http"
            elif ints and ("jsonrpc" in title or all(-32768 <= c <= -32000 for c in values)):
                kinds[sid] = "jsonrpc"
            else:
                kinds[sid] = "app"
        return kinds

    def _resolve_carried(self, kinds: dict[str, str]) -> None:
        if not self._carried:
            return
        index: dict[Any, list[int]] = {}
        for i, entry in enumerate(self.entries):
            index.setdefault(entry.get("code"), []).append(i)
        for holder, codes in self._carried:
            status = self.entries[holder].get("code")
            own = self._space_of(self.entries[holder])
            for raw, line in codes:
                code = parse_code(raw)
                hits = [i for i in index.get(code, []) if self._space_of(self.entries[i]) != own]
                if not hits:
                    self.unplaced(
                        line,
                        f"code {raw} listed under {status} is not in the document; "
                        "the mapping was not imported",
                    )
                    continue
                hits.sort(key=lambda i: kinds.get(self._space_of(self.entries[i])) != "jsonrpc")
                target = self.entries[hits[0]]
                if type(status) is int and 100 <= status <= 599:
                    target.setdefault("http_status", status)

    def _locale(self) -> str:
        if _CJK.search((self.title or "") + (self.description or "")):
            return "zh-CN"
        total = cjk = 0
        for entry in self.entries[:200]:
            for key in ("title", "message", "description", "solution"):
                value = entry.get(key)
                if value:
                    total += len(value)
                    cjk += len(_CJK.findall(value))
        return "zh-CN" if total and cjk * 5 > total else "en"
