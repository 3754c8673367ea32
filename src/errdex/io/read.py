"""Read catalog files: TOML, YAML or JSON text into plain data, with syntax positions."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from errdex.io.diagnostic import SYNTAX, UNREADABLE, WRONG_TYPE, Diagnostic
from errdex.io.source import FORMATS, SourceFile

_TOML_POS = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")


def format_of(path: Path) -> str | None:
    """The format of a catalog file by its suffix (``toml``, ``json``, ``yaml``), or None."""
    return FORMATS.get(path.suffix.lower())


def read_text(path: Path) -> tuple[str | None, Diagnostic | None]:
    """Read a file as UTF-8 (a BOM is dropped); report why when it cannot be read."""
    src = SourceFile(path, "", format_of(path) or "toml")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, Diagnostic(UNREADABLE, f"no such file: {src.display}", source=src, position=(0, 0), hint="check the path")
    except IsADirectoryError:
        return None, Diagnostic(UNREADABLE, f"{src.display} is a folder", source=src, position=(0, 0), hint="pass the folder itself as the catalog")
    except OSError as exc:
        return None, Diagnostic(UNREADABLE, f"cannot read {src.display}: {exc.strerror}", source=src, position=(0, 0), hint="check the file's permissions")
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
    import tomllib

    import orjson

    try:
        if fmt == "json":
            data = orjson.loads(text)
        elif fmt == "yaml":
            import yaml

            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            if data is None:
                data = {}
        else:
            data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        pos = (1, 1)
        m = _TOML_POS.search(msg)
        if m:
            pos = (int(m.group(1)), int(m.group(2)))
            msg = msg[: m.start()]
        elif _TOML_END.search(msg):
            lines = text.splitlines() or [""]
            pos = (len(lines), len(lines[-1]) + 1)
            msg = _TOML_END.sub("", msg) + " at the end of the file"
        return None, Diagnostic(SYNTAX, f"invalid TOML: {_lower_first(msg)}", source=source, position=pos, hint=_toml_hint(msg))
    except orjson.JSONDecodeError as exc:
        return None, Diagnostic(
            SYNTAX,
            f"invalid JSON: {_lower_first(exc.msg)}",
            source=source,
            position=(exc.lineno, exc.colno),
            hint="check for a missing comma, quote or bracket just before this place",
        )
    except Exception as exc:  # yaml.YAMLError and its marks
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        pos = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, Diagnostic(SYNTAX, f"invalid YAML: {problem}", source=source, position=pos, hint="check indentation and quoting at this place")
    if not isinstance(data, dict):
        kind = type(data).__name__
        return None, Diagnostic(WRONG_TYPE, f"the file holds a {kind}, expected a table of keys", source=source, position=(1, 1), hint="start the file with [catalog] (TOML) or an object (JSON/YAML)")
    return data, None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _toml_hint(msg: str) -> str:
    low = msg.lower()
    if "twice" in low or "overwrite" in low:
        return "a key or table is defined twice: merge the two or rename one"
    if "invalid value" in low:
        return "quote strings (\"...\"), and write true/false, numbers and [lists] as TOML does"
    if "unclosed" in low or "end of" in low:
        return "close the string, list or table that starts before this place"
    return "see https://toml.io for the syntax"
