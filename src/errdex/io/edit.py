"""Catalog editing: append a new entry to a TOML catalog file, leaving every other byte alone.

:func:`append_entry` is what ``errdex new`` writes with. It finds the file that
holds the module (``modules/<module>.toml`` in a folder catalog, else the main
file), finds the module's LAST entry in it, and inserts the new ``[[errors]]``
table right after that entry's last line (its content, and a comment written
right under it): before the blank lines and comments that introduce whatever
follows. The entry itself is rendered by
tomlkit, so every string is quoted and escaped as TOML wants. Nothing else of
the file changes: the diff of the edit is exactly the new entry.

Why text insertion and not a tomlkit document edit: tomlkit attaches the
comments that separate two entries to the entry above them, so inserting into
its array of tables would put the new entry *below* the comment that introduces
the next section. The edit is checked instead: the new text is parsed again and
its ``errors`` must be the old ones with exactly the new entry added at the
chosen place; anything else refuses with :class:`EditError`.

Concurrency: because a new entry always goes at the end of its module's block,
two branches that each add a code to the same module insert different lines
at the same place, and git reports a merge conflict instead of merging two
entries (with the same allocated code) silently. See ``docs/lifecycle.md``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from errdex.io import spec
from errdex.io.diagnostic import HintedError
from errdex.model.catalog import Catalog

ENTRY_KEY_ORDER = tuple(spec.ENTRY)
"""The order in which a new entry's keys are written: the format's, as ``errdex fmt`` writes."""

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]*?)\s*(\]\]?)\s*(#.*)?$")


class EditError(HintedError):
    """Raised when a catalog file cannot be edited safely; ``hint`` says what to do."""


class Edit(NamedTuple):
    """A planned change of one file: its path, old and new text, the new entry's line and text."""

    path: Path
    before: str
    after: str
    line: int
    added: str


def module_file(catalog: Catalog, module: str) -> Path:
    """Return the file that new entries of ``module`` go to.

    The module's own file (``modules/<module>.*``) in a folder catalog, else the
    main file (the first source of the catalog).
    """
    paths: list[Path] = [s.path for s in catalog.sources if getattr(s, "path", None) is not None]
    if not paths:
        raise EditError(
            "the catalog was not read from a file",
            "load it from a path to edit it",
        )
    for path in paths[1:]:
        if path.parent.name == "modules" and path.stem == module:
            return path
    return paths[0]


def render_entry(values: Mapping[str, Any]) -> str:
    """Render one ``[[errors]]`` table with tomlkit, keys in :data:`ENTRY_KEY_ORDER`."""
    import tomlkit

    table = tomlkit.table()
    keys = [k for k in ENTRY_KEY_ORDER if k in values] + [
        k for k in values if k not in ENTRY_KEY_ORDER
    ]
    for key in keys:
        value = values[key]
        if value is None:
            continue
        table.add(key, list(value) if isinstance(value, tuple) else value)
    aot = tomlkit.aot()
    aot.append(table)
    doc = tomlkit.document()
    doc.append("errors", aot)
    return tomlkit.dumps(doc)


class _Line(NamedTuple):
    kind: str  # "blank", "comment", "header", "content"
    header: str | None  # for headers: "[[errors]]", "[errors.translations.en]" → its key
    array: bool


def _classify(lines: list[str]) -> list[_Line]:
    """Classify each line, following multi-line strings so their lines count as content."""
    out: list[_Line] = []
    open_quote: str | None = None
    for line in lines:
        if open_quote is not None:
            out.append(_Line("content", None, False))
            if line.count(open_quote) % 2 == 1:
                open_quote = None
            continue
        stripped = line.strip()
        if not stripped:
            out.append(_Line("blank", None, False))
            continue
        if stripped.startswith("#"):
            out.append(_Line("comment", None, False))
            continue
        match = _HEADER.match(line)
        if stripped.startswith("[") and match and len(match.group(1)) == len(match.group(3)):
            key = re.sub(r"\s*\.\s*", ".", match.group(2))
            out.append(_Line("header", key, match.group(1) == "[["))
            continue
        out.append(_Line("content", None, False))
        for quote in ("'''", '"""'):
            if line.count(quote) % 2 == 1:
                open_quote = quote
                break
    return out


def _entry_end(kinds: list[_Line], index: int) -> int:
    """Return the line number (0-based) of the last line of entry ``index``.

    That is its last line of content, or the last line of the comments written
    right under it (no blank line between) when a blank line or the end of
    the file follows them: such a comment annotates the entry (ZAN's
    ``# 对应错误码: …``). Comments that run straight into the next header
    introduce that header instead.
    """
    starts = [
        i for i, k in enumerate(kinds) if k.kind == "header" and k.array and k.header == "errors"
    ]
    start = starts[index]
    last = start
    for i in range(start + 1, len(kinds)):
        k = kinds[i]
        if k.kind == "header" and not (k.header or "").startswith("errors."):
            break
        if k.kind == "header" and k.header == "errors":
            break
        if k.kind in ("content", "header"):
            last = i
    after = last + 1
    while after < len(kinds) and kinds[after].kind == "comment":
        after += 1
    if after > last + 1 and (after == len(kinds) or kinds[after].kind == "blank"):
        return after - 1
    return last


def append_entry(catalog: Catalog, module: str, values: Mapping[str, Any]) -> Edit:
    """Plan the insertion of a new entry of ``module`` after the module's last entry.

    ``values`` are the keys to write (``code`` first); the caller validates
    them (see :mod:`errdex.model.allocate`). Returns the :class:`Edit`; nothing is
    written. Raises :class:`EditError` for a non-TOML file or a file whose
    layout cannot be edited safely.
    """
    import tomllib

    path = module_file(catalog, module)
    if path.suffix.lower() != ".toml":
        raise EditError(
            f"{path} is {path.suffix.lstrip('.').upper()}: errdex new edits TOML catalogs only",
            "add the entry by hand, or convert the catalog to TOML",
        )
    source = next(s for s in catalog.sources if getattr(s, "path", None) == path)
    before: str = source.text
    is_module_file = path.parent.name == "modules" and path.stem == module
    values = dict(values)
    if is_module_file:
        values.pop("module", None)
    else:
        values["module"] = module
    rendered = render_entry(values)

    positions = [
        origin[1][1]
        for entry, origin in zip(catalog.entries, catalog.origins, strict=False)
        if entry.module == module and origin[0] is source and origin[1][0] == "errors"
    ]
    newline = "\r\n" if "\r\n" in before else "\n"
    lines = before.split(newline)
    if lines and lines[-1] == "":
        lines.pop()  # the final newline; it is written back below
    kinds = _classify(lines)
    headers = sum(1 for k in kinds if k.kind == "header" and k.array and k.header == "errors")
    old_errors = tomllib.loads(before).get("errors", [])
    if headers != len(old_errors):
        raise EditError(
            f"{source.display}: cannot find the [[errors]] tables of the file "
            f"({headers} headers for {len(old_errors)} entries)",
            "write each entry as an [[errors]] table, then run errdex new again",
        )
    new_lines = rendered.rstrip("\n").split("\n")
    if positions:
        at = max(positions)
        end = _entry_end(kinds, at)
        rest = lines[end + 1 :]
        gap = [""] if rest and rest[0].strip() else []  # keep a blank line before a comment
        out_lines = [*lines[: end + 1], "", *new_lines, *gap, *rest]
        entry_line = end + 3
        insert_index = at + 1
    else:
        trailing = lines
        while trailing and not trailing[-1].strip():
            trailing = trailing[:-1]
        out_lines = [*lines, *([""] if trailing else []), *new_lines]
        entry_line = len(lines) + (2 if trailing else 1)
        insert_index = len(old_errors)
    after = newline.join(out_lines) + newline
    expected = [
        *old_errors[:insert_index],
        tomllib.loads(rendered)["errors"][0],
        *old_errors[insert_index:],
    ]
    if tomllib.loads(after).get("errors", []) != expected:
        raise EditError(
            f"{source.display}: the new entry would not land after module {module!r}'s last entry",
            "the file's layout is unusual (inline tables, odd multi-line strings): "
            "add the entry by hand",
        )
    return Edit(path, before, after, entry_line, rendered)
