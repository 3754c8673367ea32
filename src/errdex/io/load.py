"""Load catalogs: a file, a folder with ``errdex.toml``, or text; find catalogs under a folder."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from errdex.io.build import Document, build
from errdex.io.diagnostic import Diagnostic
from errdex.io.invariants import invalid
from errdex.io.read import format_of, parse, read_text, unreadable
from errdex.io.rules import INVALID
from errdex.io.source import FORMATS, SourceFile
from errdex.model.catalog import Catalog

MAIN_NAMES = ("errdex.toml", "errdex.yaml", "errdex.yml", "errdex.json")


class CatalogError(ValueError):
    """Raised by :func:`load` when a catalog cannot be loaded; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.severity == "error"] or diagnostics
        lines = [
            f"{d.location}: {d.rule.id} {d.message}" + (f" ({d.hint})" if d.hint else "")
            for d in errors[:5]
        ]
        more = len(errors) - 5
        if more > 0:
            lines.append(f"... and {more} more")
        super().__init__("cannot load catalog:\n  " + "\n  ".join(lines))


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a catalog is parsed and built.

    Loading creates hundreds of thousands of containers that are all alive
    until the load ends; each collection pass would scan them again for
    nothing (a third of the load time of a 100,000-entry catalog). Reference
    counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


P = ParamSpec("P")
R = TypeVar("R")


def _without_gc(func: Callable[P, R]) -> Callable[P, R]:
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with _no_gc():
            return func(*args, **kwargs)

    wrapper.__name__ = func.__name__
    wrapper.__qualname__ = func.__qualname__
    wrapper.__doc__ = func.__doc__
    wrapper.__wrapped__ = func  # type: ignore[attr-defined]
    return wrapper


def _data_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FORMATS)


@_without_gc
def read(path: str | Path) -> tuple[Catalog | None, list[Diagnostic]]:
    """Read a catalog file or folder; return the catalog (None if unusable) and all problems.

    Problems found while reading never raise: a missing file, a syntax error
    or an unknown key each become a :class:`Diagnostic`.
    """
    path = Path(path)
    if path.is_dir():
        main = next((path / n for n in MAIN_NAMES if (path / n).is_file()), None)
        if main is None:
            hint = "a catalog folder needs errdex.toml (or errdex.yaml/errdex.json)"
            return None, [unreadable(path, "{} holds no errdex.toml", hint)]
        files = [(main, "main")]
        files += [(p, "module") for p in _data_files(path / "modules")]
        files += [(p, "locale") for p in _data_files(path / "locales")]
    else:
        if not path.exists():
            return None, [unreadable(path, "no such file or folder: {}", "check the path")]
        if format_of(path) is None:
            hint = "a catalog is a .toml, .yaml, .yml or .json file, or a folder with errdex.toml"
            return None, [unreadable(path, "{} is not a catalog file", hint)]
        files = [(path, "main")]
    return build_sources((_source(file), role) for file, role in files)


def _source(file: Path) -> SourceFile | Diagnostic:
    text, problem = read_text(file)
    if problem is not None:
        return problem
    assert text is not None
    return SourceFile(file, text, format_of(file) or "toml")


@_without_gc
def build_sources(
    files: Iterable[tuple[SourceFile | Diagnostic, str]],
) -> tuple[Catalog | None, list[Diagnostic]]:
    """Parse and build the files of one catalog: ``(source, role)`` pairs, roles as :func:`read`'s.

    A file that could not be read comes as the :class:`Diagnostic` saying why.
    The catalog is None when no main file parses. Used by :func:`read` and by
    readers of files that are not in the working tree (``errdex diff git:REF``).
    """
    documents: list[Document] = []
    problems: list[Diagnostic] = []
    for src, role in files:
        if isinstance(src, Diagnostic):
            problems.append(src)
            continue
        data, problem = parse(src.text, src)
        if problem is not None:
            problems.append(problem)
            continue
        assert data is not None
        documents.append(Document(src, data, role))
    if any(d.role == "main" for d in documents):
        catalog, found = build(documents)
    else:
        catalog, found = None, []
    return catalog, problems + found


@_without_gc
def reads(
    text: str, format: str = "toml", name: str = "<string>"
) -> tuple[Catalog | None, list[Diagnostic]]:
    """Like :func:`read`, for catalog text held in memory."""
    src = SourceFile(None, text, format, display=name)
    data, problem = parse(text, src)
    if problem is not None:
        return None, [problem]
    assert data is not None
    return build([Document(src, data, "main")])


def refusals(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that make a catalog unusable: errors of the ``invalid`` class."""
    return [d for d in diagnostics if d.rule.kind == INVALID and d.severity == "error"]


def validated(
    catalog: Catalog | None, diagnostics: list[Diagnostic]
) -> tuple[Catalog | None, list[Diagnostic]]:
    """``(catalog, diagnostics)`` of a read, with the catalog's invariant diagnostics added
    (:func:`errdex.io.invariants.invalid`): what a command that consumes a catalog checks."""
    if catalog is None:
        return catalog, diagnostics
    return catalog, diagnostics + invalid(catalog)


def read_valid(path: str | Path) -> tuple[Catalog | None, list[Diagnostic]]:
    """Like :func:`read`, adding the catalog's invariants: refuse it when
    :func:`refusals` of the diagnostics is not empty."""
    return validated(*read(path))


def _ensure(catalog: Catalog | None, diagnostics: list[Diagnostic], lenient: bool) -> Catalog:
    if catalog is None:
        raise CatalogError(diagnostics)
    if lenient:
        return catalog
    refused = refusals(diagnostics) or refusals(invalid(catalog))
    if refused:
        raise CatalogError(refused)
    return catalog


def load(path: str | Path, *, lenient: bool = False) -> Catalog:
    """Load a catalog file or folder; raise :class:`CatalogError` when it is invalid.

    Invalid means a diagnostic of the ``invalid`` class (``docs/rules.md``): a file
    that does not parse or a key of the wrong type, an HTTP status outside 100–599,
    a code twice in one space, an integer out of range, a bad locale tag ...
    Findings (style, typos, empty texts) never stop a load: run ``errdex check``.
    ``lenient=True`` returns whatever catalog could be built (for tools that must
    read invalid catalogs: checkers, formatters, the old side of a diff).
    """
    return _ensure(*read(path), lenient)


def loads(
    text: str, format: str = "toml", name: str = "<string>", *, lenient: bool = False
) -> Catalog:
    """Load a catalog from text in ``format`` (``toml``, ``json`` or ``yaml``); see :func:`load`."""
    return _ensure(*reads(text, format, name), lenient)


def find_catalogs(path: str | Path) -> list[Path]:
    """Expand a command-line path into catalogs: a file, a catalog folder, or a folder of them.

    A folder without ``errdex.toml`` yields every catalog folder and catalog
    file directly inside it; a path that is none of these is returned as is,
    so that reading it reports why.
    """
    path = Path(path)
    if not path.is_dir() or _holds_catalog(path):
        return [path]
    found = [
        child
        for child in sorted(path.iterdir())
        if (child.is_dir() and _holds_catalog(child))
        or (child.is_file() and format_of(child) is not None and not child.name.startswith("."))
    ]
    return found or [path]


def _holds_catalog(folder: Path) -> bool:
    return any((folder / n).is_file() for n in MAIN_NAMES)
