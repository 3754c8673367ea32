"""Import whitespace-separated code lists: PostgreSQL's ``errcodes.txt`` and its forks.

One code per line — ``sqlstate  E/W/S  ERRCODE_MACRO_NAME  spec_name`` —
with ``#`` comment lines and ``Section: Class 08 - Connection Exception``
lines that open a module. The SQLSTATE stays a five-character string
(``00000`` is not the number 0); the spec name (the PL/pgSQL condition name)
is the entry's name, else the macro name, which also names an entry whose
spec name another code already has (names are unique in a catalog; reported).
The kind letter and the other macro names have no catalog field and are
reported once each; a line of another shape is reported with its place.
"""

from __future__ import annotations

import re
from typing import Any

from errdex.convert.importers.draft import Draft
from errdex.io import Diagnostic, SourceFile
from errdex.io.progress import Steps, counted

_LINE = re.compile(
    r"^(?P<code>[0-9A-Z]{5})\s+(?P<kind>[EWS])\s+(?P<macro>\w+)(?:\s+(?P<spec>\w+))?\s*$"
)
_SECTION = re.compile(r"^Section:\s*(?P<title>.+?)\s*$")


def looks_like_errcodes(text: str) -> bool:
    """Whether most non-comment lines are ``sqlstate kind MACRO [spec]`` lines."""
    lines = [ln.strip() for ln in text.splitlines()[:400]]
    body = [ln for ln in lines if ln and not ln.startswith("#") and not _SECTION.match(ln)]
    return len(body) >= 2 and sum(1 for ln in body if _LINE.match(ln)) * 10 >= len(body) * 9


def import_errcodes(
    text: str,
    source: SourceFile,
    *,
    catalog_id: str | None = None,
    name: str = "<input>",
    progress: Steps | None = None,
) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    """Import an ``errcodes.txt``-style list; return catalog data and the problems found.
    ``progress`` hears how many lines are read."""
    draft = Draft(source, progress)
    module: str | None = None
    macro_note = False
    kinds: set[str] = set()
    seen: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}  # name -> the code that has it (names are unique)
    first_code_line = 0
    lines = text.lstrip("\ufeff").splitlines()
    for number, raw in enumerate(counted(lines, "Reading lines", progress), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        section = _SECTION.match(line)
        if section:
            module = draft.add_module(None, section["title"], "app")
            continue
        match = _LINE.match(line)
        if match is None:
            draft.unplaced(
                number, f"line {line[:60]!r} is not `code kind MACRO [spec_name]`; not imported"
            )
            continue
        code = match["code"]
        if code in seen:
            first = seen[code]
            if (
                match["spec"]
                and first["name"].startswith("ERRCODE_")
                and match["spec"] not in names
            ):
                names[match["spec"]] = code
                first["name"] = match["spec"]  # the alias line names the condition
            draft.unplaced(
                number,
                f"code {code} is listed again as {match['macro']} (an alias); "
                "the alias is not imported",
            )
            continue
        first_code_line = first_code_line or number
        kinds.add(match["kind"])
        name = match["spec"] or match["macro"]
        if name in names:
            draft.unplaced(
                number,
                f"spec name {name} of {code} is already the name of {names[name]}; "
                f"the macro name {match['macro']} is its name instead",
            )
            name = match["macro"]
        names.setdefault(name, code)
        entry: dict[str, Any] = {"code": code, "name": name}
        if match["spec"]:
            macro_note = True
        if module is not None:
            entry["module"] = module
        seen[code] = draft.add_entry(entry, number)
    if draft.entries:
        draft.spaces.setdefault("app", {})
        if macro_note:
            draft.unplaced(
                first_code_line,
                "the macro-name column (ERRCODE_…) is not imported where a spec name is given: "
                "an entry has one name",
                col=12,
            )
        draft.unplaced(
            first_code_line,
            f"the kind column ({'/'.join(sorted(kinds))}: error, warning, success) has no "
            "catalog field; it is not imported",
            col=10,
        )
    return draft.finish(catalog_id, name), sorted(draft.diagnostics, key=lambda d: d.position)
