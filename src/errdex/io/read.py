"""Read catalog files: TOML, YAML or JSON text into plain data, with syntax positions."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

from errdex.io.diagnostic import SYNTAX, UNREADABLE, WRONG_TYPE, Diagnostic, rule
from errdex.io.source import FORMATS, SourceFile

INTEGER_RANGE = rule("E114")

_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


def format_of(path: Path) -> str | None:
    """The format of a catalog file by its suffix (``toml``, ``json``, ``yaml``), or None."""
    return FORMATS.get(path.suffix.lower())


def unreadable(path: Path, message: str, hint: str) -> Diagnostic:
    """An E006 diagnostic about a whole file or folder; ``{}`` in ``message`` is its path."""
    src = SourceFile(path, "", format_of(path) or "toml")
    return Diagnostic(
        UNREADABLE, message.replace("{}", src.display), source=src, position=(0, 0), hint=hint
    )


def read_text(path: Path) -> tuple[str | None, Diagnostic | None]:
    """Read a file as UTF-8 (a BOM is dropped); report why when it cannot be read.

    The file is looked at before it is opened (:func:`file_problem`) and opened
    non-blocking: a FIFO or a device in place of a catalog file is reported,
    never waited on or read for ever.
    """
    problem = file_problem(path)
    if problem is not None:
        if problem.message.startswith("no such file or folder"):
            return None, unreadable(path, "no such file: {}", "check the path")
        return None, problem
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):  # swapped for a special file since it was looked at
                return None, unreadable(
                    path, f"{{}} is {_kind(mode)}, expected a catalog file", "use a regular file"
                )
            data = fh.read()
    except FileNotFoundError:
        return None, unreadable(path, "no such file: {}", "check the path")
    except IsADirectoryError:
        return None, unreadable(path, "{} is a folder", "pass the folder itself as the catalog")
    except PermissionError:
        return None, unreadable(
            path, "cannot read {}: permission denied", "check the file's permissions"
        )
    except OSError as exc:
        why = "cannot read {}: " + str(exc.strerror or exc)
        return None, unreadable(path, why, "check the file's permissions")
    return decode(data, SourceFile(path, "", format_of(path) or "toml"))


def decode(data: bytes, src: SourceFile) -> tuple[str | None, Diagnostic | None]:
    """Decode a catalog file's bytes as UTF-8 (a BOM is dropped); report a bad byte at its place."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic(
            UNREADABLE,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x})",
            source=src,
            position=(line, col),
            hint="save the file as UTF-8",
        )
    return text, None


def parse(text: str, source: SourceFile) -> tuple[dict[str, Any] | None, Diagnostic | None]:
    """Parse ``text`` in ``source.format``; return the top-level table or a syntax diagnostic."""
    fmt = source.format
    # Parsers are imported on first use: ``import errdex`` must stay light.
    import orjson

    from errdex.io import toml_parse
    from errdex.io.duplicates import DuplicateKey, check_json
    from errdex.io.huge_ints import HugeInteger, check_toml

    try:
        if fmt == "json":
            data = orjson.loads(text)
            check_json(text, data)
        elif fmt == "yaml":
            from errdex.io.yaml_read import load_yaml

            data, source.locator.yaml_index = load_yaml(text)
            if data is None:
                data = {}
        else:
            data = toml_parse.loads(text)
            check_toml(text, data)
    except DuplicateKey as exc:
        return None, _duplicate(exc, source)
    except HugeInteger as exc:
        return None, _huge(exc, source)
    except toml_parse.errors() as exc:
        msg = str(exc)
        pos = (1, 1)
        m = _TOML_POS.search(msg)
        if m:
            pos = (int(m.group(1)), int(m.group(2)))
            msg = msg[: m.start()]
            lines = text.split("\n")
            if any(w in msg for w in ("twice", "overwrite", "immutable")) and pos[0] <= len(lines):
                line = lines[pos[0] - 1]  # tomllib points past the repeated key: show its start
                pos = (pos[0], len(line) - len(line.lstrip()) + 1)
        elif _TOML_END.search(msg):
            lines = text.rstrip().split("\n")  # just after the last character
            pos = (len(lines), len(lines[-1]) + 1)
            msg = _TOML_END.sub("", msg)
            if "twice" in msg or "overwrite" in msg:  # the last line repeats a key
                pos = (len(lines), len(lines[-1]) - len(lines[-1].lstrip()) + 1)
            else:
                msg += " at the end of the file"
        return None, Diagnostic(
            SYNTAX,
            f"invalid TOML: {_toml_message(msg)}",
            source=source,
            position=pos,
            hint=_toml_hint(msg),
        )
    except orjson.JSONDecodeError as exc:
        return None, Diagnostic(
            SYNTAX,
            f"invalid JSON: {_lower_first(exc.msg)}",
            source=source,
            position=(exc.lineno, exc.colno),
            hint="check for a missing comma, quote or bracket just before this place",
        )
    except RecursionError:  # tomllib and PyYAML recurse once per nesting level
        return None, Diagnostic(
            SYNTAX,
            f"invalid {fmt.upper()}: values are nested too deeply",
            source=source,
            position=(1, 1),
            hint="a catalog nests tables and lists a few levels deep: flatten this structure",
        )
    except Exception as exc:  # yaml.YAMLError and its marks; anything else a parser raises
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        pos = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = getattr(exc, "problem", None) or (str(exc).splitlines() or [repr(exc)])[0]
        context = getattr(exc, "context", None)
        if context and getattr(exc, "problem", None):  # "while scanning a quoted scalar"
            problem = f"{problem} {context}"
        yaml_hint = "check indentation and quoting at this place"
        return None, Diagnostic(
            SYNTAX,
            f"invalid {fmt.upper()}: {problem}",
            source=source,
            position=pos,
            hint=yaml_hint if fmt == "yaml" else None,
        )
    if not isinstance(data, dict):
        kind = _KINDS.get(type(data), f"a {type(data).__name__}")
        return None, Diagnostic(
            WRONG_TYPE,
            f"the file holds {kind}, expected a table of keys",
            source=source,
            position=(1, 1),
            hint="start the file with [catalog] (TOML) or an object (JSON/YAML)",
        )
    return data, None


def _duplicate(exc: Any, source: SourceFile) -> Diagnostic:
    """The E001 diagnostic of a :class:`~errdex.io.duplicates.DuplicateKey`: at the second
    key, naming the first one's line."""
    shown = repr(exc.key) if len(repr(exc.key)) <= 80 else repr(exc.key)[:77] + "..."
    where = "object" if source.format == "json" else "mapping"
    return Diagnostic(
        SYNTAX,
        f"invalid {source.format.upper()}: key {shown} is set twice in one {where} "
        f"(first at line {exc.first_line})",
        source=source,
        position=(exc.line, exc.col),
        hint="keep one of the two: with both, one value would be lost without a word",
    )


def _huge(exc: Any, source: SourceFile) -> Diagnostic:
    """The E114 diagnostic of a :class:`~errdex.io.huge_ints.HugeInteger`, at its key."""
    where: dict[str, Any] = (
        {"path": exc.path} if exc.line == 0 else {"position": (exc.line, exc.col)}
    )
    return Diagnostic(
        INTEGER_RANGE,
        f"an integer of {exc.bits} bits: no field of a catalog holds more than 64 bits",
        source=source,
        hint="write the number the field means (codes and statuses are small integers)",
        **where,
    )


_KINDS = {list: "a list", str: "a string", int: "an integer", float: "a number", bool: "a boolean"}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


_TOML_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_TOML_INLINE = re.compile(r"Cannot mutate immutable namespace \((.*)\)")


def _toml_message(msg: str) -> str:
    """tomllib's message, said the way a catalog author reads it."""
    if msg == "Illegal character '\\n'":
        return "the string is not closed before the end of the line"
    if msg == "Cannot overwrite a value":
        return "this key is already set above"
    for pattern, said in (
        (_TOML_TWICE, "table [{}] is declared twice"),  # "Cannot declare ('modules', 'auth') twice"
        (_TOML_INLINE, "cannot set {}: its table was written inline ({{...}})"),
    ):
        m = pattern.fullmatch(msg)
        if m:
            import ast

            try:
                parts = ast.literal_eval(f"({m.group(1)})")
            except (ValueError, SyntaxError):
                break
            parts = parts if isinstance(parts, tuple) else (parts,)
            return said.format(".".join(str(p) for p in parts))
    return _lower_first(msg)


def _toml_hint(msg: str) -> str:
    low = msg.lower()
    if "twice" in low or "overwrite" in low:
        return "a key or table is defined twice: merge the two or rename one"
    if "immutable namespace" in low:
        return "write all keys of that table in one place: inline, or as a [table]"
    if "illegal character '\\n'" in low:
        return 'close the string on the line where it starts (""" for multi-line text)'
    if any(w in low for w in ("unclosed", "unterminated", "end of the file", "expected ']'")):
        return "close the string, list or table that starts before this place"
    if "invalid value" in low:
        return 'quote strings ("..."), and write true/false, numbers and [lists] as TOML does'
    if "expected '='" in low:
        return "write each key as key = value"
    return "see https://toml.io for the syntax"


# -- the file system: what a catalog path or folder entry is ---------------------

_KIND_NAMES = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def _kind(mode: int) -> str:
    return _KIND_NAMES.get(stat.S_IFMT(mode), "not a regular file")


def file_problem(path: Path, *, expect: str = "file") -> Diagnostic | None:
    """Why ``path`` is not a readable regular file (``expect="file"``) or folder, or None.

    Looks without opening: a FIFO is never opened (it would block), a device
    never read (``/dev/zero`` never ends). Reports a dangling symlink, a
    symlink loop, a folder where a file is expected and the reverse, a special
    file, and a permission refusal, each naming the path.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.lexists(path):
            target = os.readlink(path)
            return unreadable(
                path,
                f"{{}} is a symlink to {target}, which does not exist",
                "fix or remove the link",
            )
        return unreadable(path, "no such file or folder: {}", "check the path")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return unreadable(path, "{} is a symlink loop", "point the link at a real file")
        if isinstance(exc, PermissionError):
            return unreadable(path, "cannot read {}: permission denied", "check the permissions")
        return unreadable(path, f"cannot read {{}}: {exc.strerror or exc}", "check the path")
    if expect == "folder":
        if stat.S_ISDIR(st.st_mode):
            return None
        what = "a file" if stat.S_ISREG(st.st_mode) else _kind(st.st_mode)
        return unreadable(path, f"{{}} is {what}, expected a folder", "make it a folder of files")
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISDIR(st.st_mode):
        return unreadable(
            path, "{} is a folder, expected a file", "rename the folder or move the file out of it"
        )
    return unreadable(
        path, f"{{}} is {_kind(st.st_mode)}, expected a catalog file", "use a regular file"
    )


def folder_problem(folder: Path) -> Diagnostic | None:
    """Why the entries of ``folder`` cannot be listed (permission, not a folder), or None."""
    problem = file_problem(folder, expect="folder")
    if problem is not None:
        return problem
    try:
        with os.scandir(folder) as entries:
            next(entries, None)
    except OSError as exc:
        why = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or exc
        return unreadable(folder, f"cannot list {{}}: {why}", "check the permissions")
    return None


def folder_files(folder: Path) -> tuple[list[Path], list[Diagnostic]]:
    """The catalog files directly inside ``folder`` (by suffix, sorted), and the problems.

    An absent folder holds nothing. A ``folder`` that is a file, unreadable,
    or an entry with a catalog suffix that is not a readable regular file (a
    dangling symlink, a folder named ``x.toml``, a FIFO, a device, a loop) is
    reported, never skipped silently.
    """
    if not os.path.lexists(folder):
        return [], []
    problem = file_problem(folder, expect="folder")
    if problem is not None:
        return [], [problem]
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries)
    except OSError as exc:
        why = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or exc
        return [], [unreadable(folder, f"cannot list {{}}: {why}", "check the permissions")]
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for name in names:
        child = folder / name
        if Path(name).suffix.lower() not in FORMATS or name.startswith("."):
            continue
        problem = file_problem(child)
        if problem is None:
            files.append(child)
        else:
            problems.append(problem)
    return files, problems
