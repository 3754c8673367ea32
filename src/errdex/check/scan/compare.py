"""Walk source folders, collect code uses, and compare them with the catalog.

Findings (rules registered here, ids ``S…``):

- ``S001 undocumented-code`` (error): a code raised in source that the catalog
  lacks, at the use's ``file:line``.
- ``S002 unused-code`` (warning): an active or deprecated catalog code no
  scanned file raises, at the entry. Entries tagged ``external`` (raised by
  another service, or only decoded), codes listed in ``[scan].ignore`` and
  codes of spaces not in ``[scan].spaces`` are not reported.
- ``S003 swapped-code`` (error): the source sends code *A* with a message that
  is not *A*'s catalog message but is exactly the catalog message of another
  code *B* — the two were swapped (or one was copy-pasted).
- ``S004 message-drift`` (warning): the source sends a code with a message that
  is neither its catalog message nor any other code's.
- ``S005 removed-code-raised`` (error): the source raises a tombstoned code.
- ``S006 unparsable-source`` (warning): a Python file that does not parse, or
  a file to scan that is not UTF-8 text (a binary file matched by a pattern).

Messages are compared after folding case, collapsing blanks and dropping a
final full stop, so "Auth: bad header." and "auth: bad header" are one text.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path
from typing import NamedTuple

from errdex.check.scan.patterns import matches, pattern_uses
from errdex.check.scan.python import python_uses
from errdex.check.scan.uses import CodeUse
from errdex.io.diagnostic import Diagnostic, rule
from errdex.io.load import MAIN_NAMES
from errdex.io.progress import Steps
from errdex.io.read import decode
from errdex.io.source import SourceFile, display_path
from errdex.model.catalog import Catalog
from errdex.model.codes import Code, normalize_code
from errdex.model.types import Entry

UNDOCUMENTED = rule("S001")
UNUSED = rule("S002")
SWAPPED = rule("S003")
MESSAGE_DRIFT = rule("S004")
REMOVED_RAISED = rule("S005")
UNPARSABLE = rule("S006")

EXTERNAL_TAG = "external"
"""The tag that marks an entry raised outside the scanned code (never reported unused)."""

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "target", "__pycache__", ".venv", "venv"}
LANGUAGE_SUFFIXES = {".go", ".rs", ".ts", ".tsx", ".js", ".mjs", ".java", ".kt"}


class ScanResult(NamedTuple):
    """What :func:`scan` found: the uses, the findings, and what it could not read."""

    uses: list[CodeUse]
    diagnostics: list[Diagnostic]
    files: int
    unscanned: dict[str, int]
    """Files of a language no ``[[scan.patterns]]`` covers, by suffix."""


def _files(paths: Iterable[Path], exclude: tuple[str, ...]) -> Iterable[tuple[Path, str]]:
    for root in paths:
        if root.is_file():
            yield root, root.name
            continue
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(names):
                path = Path(folder) / name
                relative = path.relative_to(root).as_posix()
                if any(fnmatch(relative, g) or fnmatch(name, g) for g in exclude):
                    continue
                yield path, relative


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).rstrip(".").casefold()


def _read(path: Path) -> tuple[str | None, Diagnostic | None]:
    """A source file's text, or the S006 warning saying why its codes cannot be scanned."""
    src = SourceFile(path, "", "text")
    try:
        text, problem = decode(path.read_bytes(), src)
    except OSError as exc:
        text, problem = (
            None,
            Diagnostic(
                UNPARSABLE,
                f"cannot read {src.display}: {exc.strerror}",
                source=src,
                position=(0, 0),
            ),
        )
    if problem is None:
        return text, None
    return None, Diagnostic(
        UNPARSABLE,
        f"{problem.message}: its codes were not scanned",
        source=src,
        position=problem.position,
        hint="save it as UTF-8 text, or leave it out with [scan].exclude",
    )


def collect(catalog: Catalog, paths: Iterable[Path], progress: Steps | None = None) -> ScanResult:
    """Read every source file under ``paths`` and return the code uses found in them;
    ``progress(label, done, total)`` hears each file read."""
    config = catalog.scan
    uses: list[CodeUse] = []
    problems: list[Diagnostic] = []
    unscanned: Counter[str] = Counter()
    count = 0
    files = _files(paths, config.exclude)
    total: int | None = None
    if progress is not None:  # walking the folders is quick; reading the files is the work
        listed = list(files)
        files, total = listed, len(listed)
    for done, (path, relative) in enumerate(files):
        if progress is not None:
            progress(f"Scanning {relative}", done, total)
        is_python = path.suffix == ".py"
        patterns = [p for p in config.patterns if matches(relative, p.files)]
        if not is_python and not patterns:
            if path.suffix in LANGUAGE_SUFFIXES:
                unscanned[path.suffix] += 1
            continue
        text, problem = _read(path)
        if problem is not None:
            problems.append(problem)
            continue
        assert text is not None
        count += 1
        source = SourceFile(path, text, "text")
        if is_python:
            try:
                uses.extend(python_uses(source, config.calls))
            except SyntaxError as exc:
                problems.append(
                    Diagnostic(
                        UNPARSABLE,
                        f"cannot parse this Python file: {exc.msg}",
                        source=source,
                        position=(exc.lineno or 1, exc.offset or 1),
                        hint="fix the syntax error; its codes were not scanned",
                    )
                )
        for pattern in patterns:
            uses.extend(pattern_uses(source, pattern))
    return ScanResult(uses, problems, count, dict(unscanned))


def scan(
    catalog: Catalog, paths: Iterable[str | Path], progress: Steps | None = None
) -> ScanResult:
    """Scan source files and folders against ``catalog``; return uses and findings.
    ``progress(label, done, total)`` hears each file read, then the comparison."""
    found = collect(catalog, [Path(p) for p in paths], progress)
    if progress is not None:
        progress("Comparing the codes with the catalog", 0, None)
    diagnostics = list(found.diagnostics)
    used: set[tuple[str | None, Code]] = set()
    by_message: dict[str, list[Entry]] = {}
    for known in catalog.entries:
        if known.message and not known.is_removed:
            by_message.setdefault(_norm(known.message), []).append(known)
    for use in found.uses:
        entry = _resolve(catalog, use)
        if entry is None:
            diagnostics.append(_undocumented(catalog, use))
            continue
        used.add((entry.space, entry.key))
        if entry.is_removed:
            diagnostics.append(
                _at(
                    use,
                    REMOVED_RAISED,
                    f"{_label(entry)} is raised here, but the catalog removed it"
                    + (f" ({entry.reason})" if entry.reason else ""),
                    f"raise {entry.replaced_by!r} instead"
                    if entry.replaced_by is not None
                    else "raise a current code; a tombstone is never raised",
                )
            )
            continue
        if use.message is not None and entry.message is not None:
            diagnostics.extend(_message_check(use, entry, by_message))
    diagnostics.extend(_unused(catalog, used))
    return ScanResult(found.uses, diagnostics, found.files, found.unscanned)


def _resolve(catalog: Catalog, use: CodeUse) -> Entry | None:
    try:
        key = normalize_code(use.code)
    except TypeError:
        return None
    candidates = [e for e in catalog.find(key) if use.space is None or e.space == use.space]
    if candidates:
        return candidates[0]
    if type(use.code) is str:
        named = catalog.by_name(use.code)
        if named is not None and (use.space is None or named.space == use.space):
            return named
    return None


def _label(entry: Entry) -> str:
    return f"{entry.code!r}" + (f" ({entry.name})" if entry.name else "")


def _at(use: CodeUse, rule: object, message: str, hint: str) -> Diagnostic:
    return Diagnostic(rule, message, source=use.source, position=(use.line, use.col), hint=hint)  # type: ignore[arg-type]


def _undocumented(catalog: Catalog, use: CodeUse) -> Diagnostic:
    where = f" in space {use.space!r}" if use.space else ""
    module = _module_for(catalog, use.code) or "MODULE"
    code = use.code if type(use.code) is int else f"'{use.code}'"
    command = (
        f"errdex new {_catalog_arg(catalog)} --module {module} --code {code} "
        "--name NAME --message TEXT"
    )
    return _at(
        use,
        UNDOCUMENTED,
        f"code {use.code!r} is raised here but catalog {catalog.meta.id!r} has no such code{where}",
        f"document it ({command}), or fix the code",
    )


def _catalog_arg(catalog: Catalog) -> str:
    """How to name the catalog on a command line: its folder, or its file."""
    path = getattr(catalog.sources[0], "path", None) if catalog.sources else None
    if path is None:
        return "CATALOG"
    return display_path(path.parent if path.name in MAIN_NAMES else path)


def _module_for(catalog: Catalog, code: object) -> str | None:
    for module in catalog.modules.values():
        if module.range and type(code) is int and module.range[0] <= code <= module.range[1]:
            return module.id
        if module.prefix and type(code) is str and code.upper().startswith(module.prefix.upper()):
            return module.id
    return None


def _message_check(
    use: CodeUse, entry: Entry, by_message: dict[str, list[Entry]]
) -> list[Diagnostic]:
    said = _norm(use.message)
    if said == _norm(entry.message):
        return []
    others = [e for e in by_message.get(said, []) if e is not entry]
    if others:
        other = others[0]
        return [
            _at(
                use,
                SWAPPED,
                f"code {use.code!r} is sent with the message of {_label(other)}: "
                f"{use.message!r}; the catalog's message for {entry.code!r} is {entry.message!r}",
                f"swap the codes back in the source (use {other.code!r} for this message), "
                "or fix the catalog if the source is right",
            )
        ]
    return [
        _at(
            use,
            MESSAGE_DRIFT,
            f"code {use.code!r} is sent with {use.message!r}, "
            f"but the catalog says {entry.message!r}",
            "make the source and the catalog say the same (or add the text as a variant)",
        )
    ]


def _unused(catalog: Catalog, used: set[tuple[str | None, Code]]) -> list[Diagnostic]:
    config = catalog.scan
    ignored = set()
    for code in config.ignore:
        try:
            ignored.add(normalize_code(code))
        except TypeError:
            continue
    out = []
    for index, entry in enumerate(catalog.entries):
        if entry.is_removed or EXTERNAL_TAG in entry.tags or entry.key in ignored:
            continue
        if config.spaces and entry.space not in config.spaces:
            continue
        if (entry.space, entry.key) in used:
            continue
        origin = catalog.origin(index)
        source, path = origin if origin is not None else (None, ())
        out.append(
            Diagnostic(
                UNUSED,
                f"{_label(entry)} is documented but no scanned file raises it",
                source=source,
                path=(*path, "code"),
                hint=f'if it is raised elsewhere, tag it: tags = ["{EXTERNAL_TAG}"] (or list it in '
                '[scan].ignore); if it is gone, tombstone it: status = "removed"',
            )
        )
    return out
