"""Run the source readers over files and folders and build one imported catalog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from errdex.convert.importers import ImportResult
from errdex.convert.importers.draft import UNPLACED
from errdex.convert.importers.source import language_of, read_source, source_files
from errdex.convert.importers.source.found import Findings, Skipped, build
from errdex.convert.importers.source.treesit import MissingGrammar
from errdex.io import Diagnostic, SourceFile
from errdex.io.progress import Steps
from errdex.io.read import read_text
from errdex.io.source import display_path


def import_sources(
    paths: Sequence[Path],
    language: str = "auto",
    *,
    catalog_id: str | None = None,
    progress: Steps | None = None,
) -> ImportResult:
    """Import the error codes defined in the source files below ``paths``.

    ``language``: ``auto`` (by file extension) or one language, which also
    forces structures whose names do not say they hold errors.
    ``progress(label, done, total)`` hears each file read.
    """
    findings = Findings()
    diagnostics: list[Diagnostic] = []
    sources: dict[str, SourceFile] = {}
    unreadable = 0  # files whose language's parser (an extra) is missing
    files = list(source_files(paths))
    for done, path in enumerate(files):
        if progress is not None:
            progress(f"Reading {display_path(path)}", done, len(files))
        text, problem = read_text(path)
        if problem is not None:
            diagnostics.append(problem)
            continue
        assert text is not None
        display = display_path(path)
        lang = language if language != "auto" else language_of(path, text)
        if lang is None:
            continue
        sources[display] = SourceFile(None, text, "toml", display=display)
        try:
            findings.extend(read_source(text, display, lang, force=language != "auto"))
        except MissingGrammar as exc:
            findings.skipped.append(Skipped(display, 1, 1, "the file", str(exc)))
            unreadable += 1
    title = _title(paths)
    if not findings.found:
        for item in findings.skipped:
            diagnostics.append(_diagnostic(item, sources, "error"))
        if unreadable and unreadable == len(findings.skipped):
            # every file needs a parser that is not installed: the errors above say which
            return ImportResult(None, diagnostics)
        where = ", ".join(str(p) for p in paths)
        diagnostics.append(
            Diagnostic(
                UNPLACED,
                f"no error codes found in {where}"
                + (
                    f" ({len(findings.skipped)} structures seen, none taken)"
                    if findings.skipped
                    else ""
                ),
                source=None,
                hint="errdex reads enums, const blocks and error classes whose names say they "
                "hold errors; `--from LANGUAGE` takes every enum of that language",
            )
        )
        return ImportResult(None, diagnostics)
    data, comments = build(findings, title)
    if catalog_id:
        data["catalog"]["id"] = catalog_id
    for item in findings.skipped:
        diagnostics.append(_diagnostic(item, sources, "note"))
    for item in findings.dropped:
        diagnostics.append(_diagnostic(item, sources, "warning"))
    return ImportResult(data, diagnostics, list(comments))


def _title(paths: Sequence[Path]) -> str:
    if len(paths) == 1:
        path = paths[0].resolve()
        return path.name if path.is_dir() else path.stem
    return "imported"


def _diagnostic(item: Skipped, sources: dict[str, SourceFile], severity: str) -> Diagnostic:
    hint = f"force it with `--from {item.force}`" if item.force else None
    message = f"{item.what} not imported: {item.why}"
    return Diagnostic(
        UNPLACED,
        message,
        source=sources.get(item.path) or SourceFile(None, "", "toml", display=item.path),
        position=(item.line, item.col),
        hint=hint,
        severity=severity,
    )
