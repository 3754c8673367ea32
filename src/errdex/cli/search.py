"""``errdex search QUERY``: ranked full-text search over every catalog of the registry.

Searches codes, names and every text in every locale (Chinese included);
exact code and name matches come first. Filters narrow by catalog, module,
code space, HTTP status, retry hint and locale. Exit 0 when something
matched, 1 when nothing did, 2 when the command cannot run.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from errdex.cli.output import color_enabled, console, format_option, write_json
from errdex.cli.registry_option import (
    build_index,
    catalog_path_option,
    index_cache,
    no_cache_option,
    searchable_or_exit,
)
from errdex.directory.paging import MAX_LIMIT, MAX_OFFSET
from errdex.io.terminal import safe_line

if TYPE_CHECKING:  # rich is imported for a terminal or colour only: piped text needs none of it
    from rich.console import Console
    from rich.text import Text

    from errdex.directory.search import Found


@click.command("search")
@click.argument("query", nargs=-1)
@click.option("--catalog", "catalog_id", metavar="ID", help="Only this catalog.")
@click.option("--module", metavar="MODULE", help="Only this module.")
@click.option("--space", metavar="SPACE", help="Only this code space.")
@click.option(
    "--status",
    "http_status",
    type=click.IntRange(100, 599),
    metavar="N",
    help="Only errors sent with HTTP status N.",
)
@click.option(
    "--retryable/--no-retryable", default=None, help="Only errors that may (or may not) be retried."
)
@click.option(
    "--locale",
    metavar="LOCALE",
    help="Only errors with text in LOCALE (zh matches zh-CN); snippets in it.",
)
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_LIMIT),
    default=20,
    show_default=True,
    help=f"At most this many results (at most {MAX_LIMIT}, as errdex serve).",
)
@click.option(
    "--offset",
    type=click.IntRange(0, MAX_OFFSET),
    default=0,
    help=f"Skip this many results (paging; at most {MAX_OFFSET}, as errdex serve).",
)
@format_option
@catalog_path_option
@no_cache_option
def search(
    query: tuple[str, ...],
    catalog_id: str | None,
    module: str | None,
    space: str | None,
    http_status: int | None,
    retryable: bool | None,
    locale: str | None,
    limit: int,
    offset: int,
    output_format: str,
    catalog_paths: tuple[str, ...],
    no_cache: bool,
) -> None:
    """Search error codes, names and texts in every catalog and locale.

    QUERY may be empty when a filter is given. Exit 1 when nothing matches (a page past
    the last result still exits 0: the query matched). The index is kept in a cache
    folder between runs (see --no-cache).
    """
    from errdex.cli.known_filters import check_or_exit
    from errdex.directory.filter_values import known_in_index
    from errdex.directory.search import Filters
    from errdex.directory.stored import StoredRegistry

    text = " ".join(query)
    filters = Filters(catalog_id, module, space, http_status, retryable, locale)
    if not text.strip() and filters == Filters():
        from errdex.cli.common import fail  # loads catalog io: only for this refusal

        fail(
            "search",
            "nothing to search for: no QUERY and no filter",
            "give words, a code or a name (errdex search rate limit), or a filter "
            "to list its entries (errdex search --status 429)",
        )
    shown = output_format != "json"  # a progress bar on a terminal, never beside JSON
    registry = searchable_or_exit(catalog_paths, cache=index_cache(no_cache), show_progress=shown)
    if not isinstance(registry, StoredRegistry):  # loaded: its index is still to be built
        build_index(registry, show_progress=shown)
    check_or_exit("search", filters, known_in_index(registry.index))
    result = registry.index.search(text, filters, limit=limit, offset=offset)
    hits = [hit_data(h) for h in result.hits]
    if output_format == "json":
        payload = {
            "query": text,
            "total": result.total,
            "limit": result.limit,
            "offset": result.offset,
            "truncated": result.truncated,
            "total_exact": result.total_exact,
            "hits": hits,
            "suggestions": list(result.suggestions),
        }
        write_json(payload)
    elif plain_output():
        sys.stdout.write(
            plain_text(
                result.total,
                offset,
                hits,
                result.truncated,
                result.total_exact,
                result.suggestions,
            )
        )
    else:
        render(
            console(),
            result.total,
            offset,
            hits,
            result.truncated,
            result.total_exact,
            result.suggestions,
        )
    sys.exit(0 if result.total else 1)


def hit_data(hit: Found) -> dict[str, Any]:
    """One hit as JSON-ready data (what ``--json`` prints per hit)."""
    doc = hit.doc
    snippet = hit.snippet
    return {
        "catalog": doc.catalog_id,
        "space": doc.space,
        "module": doc.module,
        "code": doc.code,
        "name": doc.name,
        "title": doc.title,
        "status": doc.status,
        "http_status": doc.http_status,
        "retryable": doc.retryable,
        "retryable_for_messages": list(doc.retryable_for_messages),
        "score": hit.score,
        "fields": list(hit.fields),
        "snippet": None
        if snippet is None
        else {
            "text": snippet.text,
            "marks": [list(m) for m in snippet.marks],
            "field": snippet.field,
            "locale": snippet.locale,
        },
        "path": doc.path,
    }


def plain_output() -> bool:
    """Whether the text goes out without styles or wrapping: stdout is no terminal and colour
    is off (then rich would print exactly :func:`plain_text`, so it is not imported)."""
    tty = bool(getattr(sys.stdout, "isatty", lambda: False)())
    return not tty and not color_enabled(sys.stdout)


def plain_text(
    total: int,
    offset: int,
    hits: list[dict[str, Any]],
    truncated: bool,
    total_exact: bool = True,
    suggestions: Sequence[str] = (),
) -> str:
    """What :func:`render` prints when there are no styles and no wrapping, as one text."""
    lines = []
    if truncated:
        lines.append("note: the query was too long and was cut")
    if not total:
        lines.append("no errors match")
        if suggestions:
            lines.append(_did_you_mean(suggestions))
        return "\n".join(lines) + "\n"
    lines.append(_count_line(total, offset, len(hits), total_exact))
    for h in hits:
        lines.append("")
        head = safe_line(str(h["code"]))
        if h["name"]:
            head += f" {safe_line(h['name'])}"
        head += f"  {safe_line(h['catalog'])} · {safe_line(h['space'])}"
        if h["status"] != "active":
            head += f"  [{h['status']}]"
        head += _for_messages(h.get("retryable_for_messages", ()))
        lines.append(head)
        snippet = h["snippet"]
        if snippet:
            lines.append("  " + safe_line(snippet["text"]))
    return "\n".join(lines) + "\n"


def _for_messages(answers: Sequence[bool]) -> str:
    """``  [retryable for some messages]`` when some of a hit's messages answer otherwise."""
    said = [("retryable" if a else "not retryable") for a in answers]
    return f"  [{' / '.join(said)} for some messages]" if said else ""


def _did_you_mean(suggestions: Sequence[str]) -> str:
    """``did you mean: errdex search insufficient?`` (each suggestion as a command)."""
    shown = " or ".join(f"errdex search {safe_line(q)}" for q in suggestions)
    return f"did you mean: {shown}?"


def _count_line(total: int, offset: int, shown: int, total_exact: bool) -> str:
    """``8 results (showing 1–8)``; a page past the last result says so: ``8 results (none
    on this page: --offset 100 is past the last)``."""
    count = f"{total}{'' if total_exact else '+'} result{'s' if total != 1 else ''}"
    if not shown:
        return f"{count} (none on this page: --offset {offset} is past the last)"
    return f"{count} (showing {offset + 1}–{offset + shown})"


def marked_line(text: str, marks: list[list[int]]) -> Text:
    """A snippet as one indented line, its marks highlighted; every piece made safe for the
    terminal (:func:`errdex.io.terminal.safe_line`) after the marks are placed, so an
    escaped control never shifts a highlight."""
    from rich.text import Text

    line = Text("  ")
    at = 0
    for start, end in marks:
        if start < at:
            continue
        line.append(safe_line(text[at:start]))
        line.append(safe_line(text[start:end]), "bold reverse")
        at = end
    line.append(safe_line(text[at:]))
    return line


def render(
    console: Console,
    total: int,
    offset: int,
    hits: list[dict[str, Any]],
    truncated: bool,
    total_exact: bool = True,
    suggestions: Sequence[str] = (),
) -> None:
    """Print hits: code, catalog and space, then the snippet with its matches highlighted.

    ``total_exact`` false means ``total`` is a lower bound: it prints as ``500+``. With
    no match, ``suggestions`` (corrected queries) follow as "did you mean".
    """
    from rich.text import Text

    if truncated:
        console.print(Text("note: the query was too long and was cut", "yellow"), style=None)
    if not total:
        console.print("no errors match")
        if suggestions:
            console.print(Text(_did_you_mean(suggestions)), style=None)
        return
    console.print(Text(_count_line(total, offset, len(hits), total_exact), "bold"))
    for h in hits:
        console.print()
        head = Text(safe_line(str(h["code"])), "bold")
        if h["name"]:
            head.append(f" {safe_line(h['name'])}", "bold")
        head.append(f"  {safe_line(h['catalog'])} · {safe_line(h['space'])}", "cyan")
        if h["status"] != "active":
            head.append(f"  [{h['status']}]", "yellow")
        head.append(_for_messages(h.get("retryable_for_messages", ())), "yellow")
        console.print(head)
        snippet = h["snippet"]
        if snippet:
            console.print(marked_line(snippet["text"], snippet["marks"]))
