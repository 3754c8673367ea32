"""Import error codes from source code: Go, Rust, Python, TypeScript/JavaScript, Java, C/C++,
Protocol Buffers and OpenAPI.

:func:`import_sources` reads files and folders (a folder: every file of a
known language below it, in sorted order, skipping vendored and hidden
folders), picks the reader by file extension (or ``language`` when forced)
and builds one catalog; each entry carries a ``# from path:line`` comment.
Python is read with the ``ast`` module, Protocol Buffers with
proto-schema-parser and the rest with tree-sitter grammars (the
``import-source`` extra). Structures that look like code listings but are not
taken are reported with their place, the reason, and the ``--from`` that
would force them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from errdex.convert.importers.source.found import Findings, Skipped, build

_READERS = {
    "go": ("errdex.convert.importers.source.go", "read_go"),
    "proto": ("errdex.convert.importers.source.proto", "read_proto"),
    "python": ("errdex.convert.importers.source.python", "read_python"),
    "rust": ("errdex.convert.importers.source.rust", "read_rust"),
    "typescript": ("errdex.convert.importers.source.typescript", "read_typescript"),
    "javascript": ("errdex.convert.importers.source.typescript", "read_javascript"),
    "java": ("errdex.convert.importers.source.java", "read_java"),
    "c": ("errdex.convert.importers.source.cfamily", "read_c"),
    "cpp": ("errdex.convert.importers.source.cfamily", "read_cpp"),
    "openapi": ("errdex.convert.importers.source.openapi", "read_openapi"),
}
"""Each language's reader: module and function, imported on first use."""
LANGUAGES = tuple(_READERS)
EXTENSIONS = {
    ".go": "go",
    ".rs": "rust",
    ".py": "python",
    ".pyi": "python",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "typescript",
    ".js": "javascript",
    ".mjs": "javascript",
    ".cjs": "javascript",
    ".jsx": "javascript",
    ".java": "java",
    ".c": "c",
    ".h": "cpp",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".hpp": "cpp",
    ".hh": "cpp",
    ".hxx": "cpp",
    ".proto": "proto",
}
_SKIP_DIRS = frozenset(
    {"vendor", "node_modules", "target", "build", "dist", "__pycache__", "testdata"}
)
Reader = Callable[[str, str, bool], Findings]


def language_of(path: Path, text: str | None = None) -> str | None:
    """The language of a file from its extension (OpenAPI: a YAML/JSON file that says so)."""
    suffix = path.suffix.lower()
    if suffix in EXTENSIONS:
        language = EXTENSIONS[suffix]
        return language if language in _READERS else None
    if (
        suffix in (".yaml", ".yml", ".json")
        and text is not None
        and "openapi" in _READERS
        and is_openapi(text, json_text=suffix == ".json")
    ):
        return "openapi"
    return None


_YAML_ROOT_KEY = re.compile(r"""^["']?(?:openapi|swagger)["']?[ \t]*:""", re.MULTILINE)
_JSON_KEY = re.compile(r'"(?:openapi|swagger)"[ \t\r\n]*:')


def is_openapi(text: str, *, json_text: bool) -> bool:
    """Whether a YAML or JSON document is an OpenAPI (or Swagger 2) description.

    It must have a top-level ``openapi`` or ``swagger`` key, wherever it is in
    the file (after a long comment header or ``info`` block too): in YAML a
    key line at column 0; in JSON a member of the root object (parsed only
    when the key's text occurs). A text that merely mentions ``openapi:`` in
    a value or a nested key is not one.
    """
    if not json_text:
        return _YAML_ROOT_KEY.search(text) is not None
    if _JSON_KEY.search(text) is None:
        return False
    import json

    try:
        root = json.loads(text)
    except ValueError:
        return False
    return isinstance(root, dict) and ("openapi" in root or "swagger" in root)


def reader(language: str) -> Reader:
    """The reader function of ``language``."""
    module_name, function = _READERS[language]
    found: Reader = getattr(importlib.import_module(module_name), function)
    return found


def source_files(paths: Iterable[Path]) -> list[Path]:
    """The files to read: each file given, and every file below each folder given."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if any(p.startswith(".") or p in _SKIP_DIRS for p in rel[:-1]):
                    continue
                if child.is_file() and (
                    child.suffix.lower() in EXTENSIONS
                    or child.suffix.lower() in (".yaml", ".yml", ".json")
                ):
                    out.append(child)
        else:
            out.append(path)
    return out


def read_source(text: str, display: str, language: str, force: bool = False) -> Findings:
    """The findings of one file's text. Never raises for bad input: a parse failure is reported."""
    try:
        return reader(language)(text, display, force)
    except RecursionError:
        found = Findings()
        found.skipped.append(Skipped(display, 1, 1, "the file", "it nests too deeply to read"))
        return found


__all__ = [
    "EXTENSIONS",
    "LANGUAGES",
    "Findings",
    "build",
    "language_of",
    "read_source",
    "source_files",
]
