"""Format catalog files on disk, safely: a result is only offered when it loads the same.

:func:`format_paths` expands command-line paths into catalog files (a folder
catalog is ``errdex.toml`` plus every module and locale file), formats each
one, and verifies the result three ways before offering it:

1. the formatted text parses to the same data as the original;
2. formatting it again changes nothing (the formatter is idempotent);
3. the catalog built from the formatted files equals the catalog built from
   the originals (when the originals build without errors).

A TOML file that is the canonical writer's text for its own data, with
comments only where the formatter keeps them (:mod:`.toml_settled`), is known
to be a fixed point: it is offered as it is without running the formatter
(the ``fmt --check`` and pre-commit case of a big catalog). One that is that
text with keys moved inside tables gets the canonical text with its comments
placed as the formatter places them (:mod:`.toml_placed`), reading only the
tables that hold comments.

A file that fails a check is refused with an internal-error diagnostic and
left alone. Nothing here writes: the caller decides (``errdex fmt`` writes
atomically, ``errdex fmt --check`` only reports).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from errdex.io.build import Document, build
from errdex.io.diagnostic import INVALID_VALUE, Diagnostic, has_errors, rule
from errdex.io.export import to_data
from errdex.io.finite import HINT, describe, non_finite
from errdex.io.fmt import shape as shapes
from errdex.io.fmt.json_format import format_json
from errdex.io.fmt.toml_comments import lex
from errdex.io.fmt.toml_cst import CSTError
from errdex.io.fmt.toml_format import format_toml
from errdex.io.fmt.toml_placed import placed
from errdex.io.fmt.toml_settled import settled
from errdex.io.fmt.toml_writer import Trace, to_toml
from errdex.io.load import MAIN_NAMES, find_catalogs
from errdex.io.progress import Steps
from errdex.io.read import format_of, parse, read_text, unreadable
from errdex.io.source import FORMATS, SourceFile, display_path

FORMAT_REFUSED = rule("E090")
_KEY_ENDS = {q: re.compile(q + r"[ \t]*[=.\]]") for q in "\"'"}
"""The closing quote of a quoted key (``"zh-CN"]``, ``"x" =``), and of a few strings that
end an array or a sentence: a literal to scan for at C speed, met rarely."""

YAML_SKIPPED = "not formatted: YAML formatting would drop the file's comments; left as it is"


class FormatError(Exception):
    """Raised by :func:`format_checked` when a formatted text would not read back the same."""


class Formatted(NamedTuple):
    """The outcome for one file.

    ``before``: the file's text as read (None when it could not be read);
    ``after``: its canonical text (None when it was not formatted);
    ``problems``: why it was not formatted (syntax error, refusal);
    ``skipped``: why it was deliberately left alone (a YAML file).
    """

    path: Path
    before: str | None
    after: str | None
    problems: list[Diagnostic]
    skipped: str | None = None

    @property
    def changed(self) -> bool:
        """Whether formatting changes the file."""
        return self.after is not None and self.after != self.before


def format_text(text: str, format: str = "toml", role: str = "main") -> str:
    """The canonical text of a catalog file (``role``: ``main``, ``module`` or ``locale``).

    ``text`` must be syntactically valid; this does not verify the result
    (see :func:`format_checked`). YAML text is returned unchanged.
    """
    shape = shapes.of_file(role)
    if format == "toml":
        return format_toml(text, shape)
    if format == "json":
        return format_json(text, shape)
    return text


def format_checked(text: str, format: str = "toml", role: str = "main") -> str:
    """Like :func:`format_text`, verified: same data when read back, and stable.

    Raises :class:`FormatError` (an internal error of the formatter) when the
    canonical text would read back differently or is not a fixed point.
    """
    return _format_checked(text, format, role)[0]


def _format_checked(
    text: str, format: str, role: str, data: Any = None
) -> tuple[str, dict[str, Any]]:
    """:func:`format_checked` given ``text``'s data when already read (None: read it
    here); also returns the formatted text's data."""
    try:
        after = format_text(text, format, role)
    except CSTError as exc:
        raise FormatError(f"the formatter could not follow the file ({exc})") from exc
    before_data = data if data is not None else parse(text, SourceFile(None, text, format))[0]
    after_data, problem = parse(after, SourceFile(None, after, format))
    if problem is not None or after_data is None:
        why = problem.message if problem is not None else "no data"
        raise FormatError(f"the formatted text does not parse ({why})")
    if not _identical(before_data, after_data):
        where = first_difference(before_data, after_data)
        if where is not None:
            raise FormatError(f"the formatted text holds different data at {where}")
    # Stable: known without a second run when the result is the writer's text plus kept
    # comments (the usual result for a main file), else formatted again and compared.
    known = format == "toml" and role == "main" and formatted_already(after, after_data)
    if not known and format_text(after, format, role) != after:
        raise FormatError("formatting the formatted text changes it again")
    return after, after_data


def _identical(a: Any, b: Any) -> bool:
    """Whether two documents hold the same data in the same order with the same types
    (``==`` ignores order and takes ``1`` for ``1.0`` and ``True``; the JSON spelling
    tells them apart), at C speed. False also when JSON cannot spell the data."""
    try:
        return bool(a == b) and orjson.dumps(a) == orjson.dumps(b)
    except (TypeError, orjson.JSONEncodeError):
        return False


def canonical_text(
    text: str,
    data: Any,
    trace: Trace | None = None,
    quoted: set[str] | None = None,
    role: str = "main",
) -> str | None:
    """What the canonical writer writes for ``data``, read from ``text`` (a TOML file of
    ``role``): with the key names ``text`` quotes kept quoted (``quoted``: those names,
    when already found). None when the writer cannot spell the data. ``trace``: filled as
    :func:`~errdex.io.fmt.toml_writer.to_toml` fills it."""
    if not isinstance(data, dict):
        return None
    if quoted is None:
        quoted = quoted_keys(text)
    try:
        return to_toml(data, quoted=quoted, trace=trace, role=role)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def quoted_keys(text: str) -> set[str]:
    """The names ``text`` may quote as keys: each quoted string standing where a key part
    stands (after ``.`` or ``[`` before ``=``, ``.`` or ``]``; after ``{``, ``,`` or at a
    line's start before ``=`` or ``.``). Too many (a string closing an array) or too few
    (a key with escapes) only makes the texts :func:`canonical_text` compares differ, and
    the formatter then runs."""
    found: set[str] = set()
    for quote, ends in _KEY_ENDS.items():
        if quote == "'" and "'" not in text:
            continue
        for m in ends.finditer(text):
            end = m.start()
            start = text.rfind(quote, text.rfind("\n", 0, end) + 1, end)
            if start < 0:
                continue
            name = text[start + 1 : end]
            if quote == '"' and "\\" in name:
                continue
            before = start
            while before > 0 and text[before - 1] in " \t":
                before -= 1
            mark = text[before - 1] if before else "\n"
            if mark in ".[" or (mark in "{,\n" and text[m.end() - 1] != "]"):
                found.add(name)  # after "{", "," or at a line's start: a key before = or .
    return found


def canonical_already(text: str, data: Any) -> bool:
    """Whether ``text``, a main TOML file that reads as ``data``, is exactly what the
    canonical writer writes for that data: then it is a fixed point of the formatter (the
    writer's contract, tested over generated catalogs) and formatting would change
    nothing. A file with a comment, another spelling or another order is never equal;
    nor is any data the writer cannot spell."""
    return canonical_text(text, data) == text


def formatted_already(text: str, data: Any) -> bool:
    """Whether formatting ``text`` (a main TOML file with LF line ends that reads as
    ``data``) is known to give ``text`` back, without running the formatter: it is the
    canonical writer's text (:func:`canonical_already`), or that text with comments
    where the formatter keeps them (:func:`~errdex.io.fmt.toml_settled.settled`).
    False means "not known": :func:`format_paths` then runs the formatter."""
    canonical = canonical_text(text, data)
    if canonical is None:
        return False
    return canonical == text or settled(text, canonical)


def known_format(text: str, data: Any, role: str = "main") -> str | None:
    """What formatting ``text`` (a TOML file of ``role`` with LF line ends that reads as
    ``data``) gives, when known without running the formatter: ``text`` itself when it is formatted
    already (:func:`formatted_already`), or the canonical text with its comments placed
    where the formatter puts them (:func:`~errdex.io.fmt.toml_placed.placed`) when the
    file is that text with keys moved inside tables (the result recognised as a fixed
    point). None means "not known": :func:`format_paths` then runs the formatter.

    The result reads as ``data`` with the keys of some spec tables in another order (the
    file less its comments is the writer's text with key lines moved inside tables):
    the same data and the same catalog (a catalog reads a spec table's keys by name)."""
    trace = Trace()
    quoted = quoted_keys(text)
    canonical = canonical_text(text, data, trace, quoted, role)
    if canonical is None:
        return None
    if canonical == text:
        return text
    lexed = lex(text)
    if lexed is None:
        return None
    if not trace.moved and settled(text, canonical, lexed):  # (keys moved: not as written)
        return text
    return placed(text, canonical, trace, quoted, lexed, role)


def first_difference(a: Any, b: Any, path: str = "the top") -> str | None:
    """Where two parsed documents first differ (a readable key path), or None if equal."""
    if type(a) is not type(b):
        return path
    if isinstance(a, dict):
        for key in a.keys() | b.keys():
            if key not in a or key not in b:
                return f"{path}.{key}" if path != "the top" else str(key)
            sub = f"{path}.{key}" if path != "the top" else str(key)
            found = first_difference(a[key], b[key], sub)
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else path


# -- files and catalogs ---------------------------------------------------------------


def _data_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)


def catalog_files(folder: Path) -> list[tuple[Path, str]]:
    """The files of a folder catalog with their roles, in the order the loader reads them."""
    main = next(folder / n for n in MAIN_NAMES if (folder / n).is_file())
    files = [(main, "main")]
    files += [(p, "module") for p in _data_files(folder / "modules")]
    files += [(p, "locale") for p in _data_files(folder / "locales")]
    return files


def _folder_of(path: Path) -> tuple[Path | None, str]:
    """The folder catalog a file belongs to (None for a standalone file) and its role there."""
    parent = path.parent
    if parent.name in ("modules", "locales") and any(
        (parent.parent / n).is_file() for n in MAIN_NAMES
    ):
        return parent.parent, "module" if parent.name == "modules" else "locale"
    if path.name in MAIN_NAMES:
        return parent, "main"
    return None, "main"


def _non_finite(data: Any, src: SourceFile) -> Diagnostic | None:
    """An E005 diagnostic at the first NaN or infinity of a file's data, or None.

    ``nan`` is not equal to itself, so no formatted text could be shown to hold
    the same data: the file is refused with the key's place, never reformatted.
    """
    if "nan" not in src.text and "inf" not in src.text:  # TOML's spellings; JSON has none
        return None
    found = non_finite(data)
    if found is None:
        return None
    path, number = found
    shown = "".join(f"[{p}]" if type(p) is int else f".{p}" for p in path).lstrip(".")
    return Diagnostic(
        INVALID_VALUE,
        f"{shown} is {describe(number)}: NaN and infinity are no value of a catalog "
        "(JSON has no such number, no wire carries it); the file was left untouched",
        source=src,
        path=path,
        hint=HINT,
    )


class _File:
    """One file of a catalog while it is being formatted."""

    def __init__(self, path: Path, role: str) -> None:
        self.path = path
        self.role = role
        self.kind = format_of(path) or "toml"
        self.before: str | None = None
        self.text: str | None = None  # the text the loader sees (a BOM dropped)
        self.data: dict[str, Any] | None = None
        self.after: str | None = None
        self.after_data: dict[str, Any] | None = None  # when formatted by the formatter
        self.same_catalog = False  # known to load as the same catalog without a check
        self.problems: list[Diagnostic] = []
        self.skipped: str | None = None

    def read(self) -> None:
        text, problem = read_text(self.path)
        if problem is not None:
            self.problems.append(problem)
            return
        assert text is not None
        self.text = text
        with self.path.open("rb") as fh:  # the text as read keeps its BOM
            self.before = "\ufeff" + text if fh.read(3) == codecs.BOM_UTF8 else text
        src = SourceFile(self.path, text, self.kind)
        data, problem = parse(text, src)
        if problem is None and self.kind != "yaml":
            problem = _non_finite(data, src)
        if problem is not None:
            self.problems.append(problem)
            return
        self.data = data

    def reformat(self) -> None:
        if self.data is None or self.text is None:
            return
        if self.kind == "yaml":
            self.skipped = YAML_SKIPPED
            return
        # The formatter reads CRLF as LF, and writes CRLF when the first line has it.
        first = self.text.find("\n")
        crlf = self.text.endswith("\r", 0, len(self.text) if first < 0 else first)
        text = self.text.replace("\r\n", "\n") if "\r\n" in self.text else self.text
        known = None
        if self.kind == "toml":
            known = known_format(text, self.data, self.role)
        if known is not None:
            self.after = known.replace("\n", "\r\n") if crlf else known
            self.same_catalog = True
            return
        try:
            after, self.after_data = _format_checked(self.text, self.kind, self.role, self.data)
        except FormatError as exc:
            self.refuse(str(exc))
            return
        except RecursionError:  # ~1,000-deep dotted keys: the formatter recurses per level
            self.refuse(
                "its keys are nested too deeply to format",
                "flatten this structure: a catalog nests tables a few levels deep",
                internal=False,
            )
            return
        if crlf:
            after = after.replace("\n", "\r\n")
        self.after = after

    def refuse(self, why: str, hint: str | None = None, *, internal: bool = True) -> None:
        """Leave the file as it is, saying why: an internal error of the formatter (a bug
        to report) unless ``internal`` is false (a limit the file exceeds; ``hint``)."""
        self.after = None
        self.problems.append(
            Diagnostic(
                FORMAT_REFUSED,
                f"{'internal error: ' if internal else ''}{why}; the file was left untouched",
                source=SourceFile(self.path, self.text or "", self.kind),
                position=(0, 0),
                hint=hint or "please report this errdex bug with the file attached",
            )
        )

    def document(self, formatted: bool) -> Document | None:
        text = self.after if formatted and self.after is not None else self.text
        if text is None or self.data is None:
            return None
        src = SourceFile(self.path, text, self.kind)
        data: dict[str, Any] | None = self.data
        if formatted and self.after is not None:
            data = self.after_data if self.after_data is not None else parse(text, src)[0]
        if data is None:
            return None
        return Document(src, data, self.role)

    def result(self) -> Formatted:
        return Formatted(self.path, self.before, self.after, self.problems, self.skipped)


def _verify_catalog(files: list[_File]) -> None:
    """Refuse every changed file of a catalog when the formatted catalog differs."""
    changed = [f for f in files if f.after is not None and f.after != f.text]
    if all(f.same_catalog or _identical(f.data, f.after_data) for f in changed):
        return  # the same data in the same order: the same catalog
    docs = [f.document(False) for f in files]
    if any(d is None for d in docs):
        return  # a file does not parse: only the per-file checks apply
    original, found = build([d for d in docs if d is not None])
    if original is None or has_errors(found):
        return  # the catalog does not load as it is: the data checks above still hold
    new_docs = [f.document(True) for f in files]
    formatted, found = (
        build([d for d in new_docs if d is not None]) if None not in new_docs else (None, [])
    )
    if formatted is None or has_errors(found) or to_data(formatted) != to_data(original):
        for f in changed:
            f.refuse("the formatted files would load to a different catalog")


def _format_catalog(
    files: list[tuple[Path, str]], targets: set[Path], progress: Steps | None = None
) -> list[Formatted]:
    """Format the ``targets`` (resolved paths) among the files of one catalog."""
    group = [_File(p, role) for p, role in files]
    steps = len(group) + 1
    for done, f in enumerate(group):
        if progress is not None:
            progress(f"Formatting {display_path(f.path)}", done, steps)
        f.read()
        if f.path.resolve() in targets:
            f.reformat()
    if progress is not None:
        progress("Verifying the formatted catalog", len(group), steps)
    _verify_catalog(group)
    return [f.result() for f in group if f.path.resolve() in targets]


def format_paths(paths: Iterable[str | Path], progress: Steps | None = None) -> list[Formatted]:
    """Format the catalogs at ``paths`` (files, catalog folders, folders of catalogs).

    Returns one :class:`Formatted` per file, in a stable order; writes nothing.
    A path that is not a catalog gives a result with a problem saying why.
    ``progress(label, done, total)`` hears each file read and each catalog verified.
    """
    results: list[Formatted] = []
    seen: set[Path] = set()
    for arg in paths:
        for catalog in find_catalogs(arg):
            if catalog.is_dir():
                if not any((catalog / n).is_file() for n in MAIN_NAMES):
                    results.append(_not_a_catalog(catalog, "holds no errdex.toml"))
                    continue
                files = catalog_files(catalog)
                wanted = {p.resolve() for p, _ in files}
            elif not catalog.is_file() or format_of(catalog) is None:
                why = (
                    "no such file"
                    if not catalog.exists()
                    else "not a .toml, .yaml, .yml or .json file"
                )
                results.append(_not_a_catalog(catalog, why))
                continue
            else:
                folder, role = _folder_of(catalog)
                files = catalog_files(folder) if folder is not None else [(catalog, role)]
                wanted = {catalog.resolve()}
            targets = wanted - seen
            seen |= targets
            if targets:
                results += _format_catalog(files, targets, progress)
    return results


def _not_a_catalog(path: Path, why: str) -> Formatted:
    hint = "pass a catalog file (.toml, .json, .yaml) or a folder holding errdex.toml"
    return Formatted(path, None, None, [unreadable(path, "{}: " + why, hint)])
