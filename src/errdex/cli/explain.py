"""``errdex explain CODE``: everything the registry knows about a code, like ``rustc --explain``.

One query can match several catalogs and code spaces (1003 is a SubQuery JWT
error and a yuanrong SDK error); every match is shown, grouped by catalog
and space. Codes in any case, hex (``0x3EB``) and names (``invalidJWT``) are
accepted. Exit 0 when the code is known (even if undocumented, deprecated or
removed: the output says which), 1 when it is unknown (with suggestions),
2 when the command cannot run.

Output is styled with rich on a terminal and plain text otherwise; catalog
texts are printed as text, never interpreted as rich markup.
"""

from __future__ import annotations

import sys
from typing import Any

import click
from rich.console import Console
from rich.text import Text

from errdex.cli.output import console, format_option, progress, write_json
from errdex.cli.registry_option import (
    catalog_path_option,
    entries_of,
    index_cache,
    no_cache_option,
    registry_or_exit,
)
from errdex.io.terminal import safe

STATE_STYLES = {
    "active": "green",
    "undocumented": "yellow",
    "deprecated": "yellow",
    "removed": "red",
}
HOW_NOTES = {
    "hex": "matched as hex",
    "case-insensitive": "matched ignoring case",
    "name": "matched by name",
    "name-case-insensitive": "matched by name, ignoring case",
}


@click.command("explain")
@click.argument("code")
@click.option("--catalog", "catalog_id", metavar="ID", help="Only look in this catalog.")
@click.option("--space", metavar="SPACE", help="Only look in this code space.")
@click.option(
    "--locale", metavar="LOCALE", help="Show texts in this locale where translated (e.g. zh-CN)."
)
@format_option
@catalog_path_option
@no_cache_option
def explain(
    code: str,
    catalog_id: str | None,
    space: str | None,
    locale: str | None,
    output_format: str,
    catalog_paths: tuple[str, ...],
    no_cache: bool,
) -> None:
    """Explain an error CODE (a number, hex, string code or name) from every catalog that has it.

    Exit 0 when known, 1 when unknown (close matches are suggested), 2 for an empty CODE
    or a --catalog, --space or --locale no entry has.
    """
    from errdex.cli.known_filters import check_or_exit
    from errdex.directory.explain import explain as run_explain
    from errdex.directory.explain import explanation_data
    from errdex.directory.filter_values import known_in_catalogs
    from errdex.directory.search import Filters

    if not code.strip():
        raise click.UsageError("CODE is empty: give a code, a hex number or a name (e.g. 1003)")
    # an unknown code is answered with search hits: the index comes from the cache
    shown = output_format != "json"  # a progress bar on a terminal, never beside JSON
    registry = registry_or_exit(catalog_paths, cache=index_cache(no_cache), show_progress=shown)
    filters = Filters(catalog=catalog_id, space=space, locale=locale)
    if filters != Filters():  # the known values are read from every entry: only when asked
        docs = ((registry.catalog(cid), entry) for cid, entry in registry.entries())
        check_or_exit("explain", filters, known_in_catalogs(docs))
    with progress(f"Looking up {code}", show=shown) as ticker:
        if ticker is not None:  # an unknown code's suggestions may build the search index
            total = entries_of(registry)
            registry.index_progress = lambda done: ticker.step("Indexing", done, total)
        result = run_explain(registry, code, catalog=catalog_id, space=space, locale=locale)
    registry.index_progress = None  # the bar is gone
    data = explanation_data(registry, result)
    if output_format == "json":
        write_json(data)
    else:
        render(console(), terminal_safe(data))
    sys.exit(0 if result.found else 1)


def terminal_safe(data: Any) -> Any:
    """``data`` with every string made safe for a terminal (:func:`errdex.io.terminal.safe`):
    catalog texts never reach the terminal with an escape sequence, BEL, C1 or bidi control."""
    if isinstance(data, str):
        return safe(data)
    if isinstance(data, dict):
        return {terminal_safe(key): terminal_safe(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [terminal_safe(value) for value in data]
    return data


def render(console: Console, data: dict[str, Any]) -> None:
    """Print an explanation (:func:`errdex.directory.explain.explanation_data`) to ``console``."""
    query = data["query"] if len(data["query"]) <= 80 else data["query"][:79] + "…"
    matches = data["matches"]
    if not matches:
        console.print(
            Text.assemble(
                ("unknown code: ", "bold red"), (query, "bold"), " is in no catalog of the registry"
            )
        )
        if data["suggestions"]:
            console.print("did you mean:")
            for s in data["suggestions"]:
                line = Text("  ")
                line.append(str(s["code"]), "bold")
                line.append(f"  {s['catalog']} · {s['space']}  ")
                line.append(s["title"] or "")
                console.print(line)
        return
    catalogs = {(m["catalog"], m["space"]) for m in matches}
    if len(matches) > 1:
        n_cat = len({m["catalog"] for m in matches})
        console.print(
            Text(
                f"{query}: {len(matches)} errors in {n_cat} catalog{'s' if n_cat > 1 else ''}, "
                f"{len(catalogs)} code space{'s' if len(catalogs) > 1 else ''}",
                "bold",
            )
        )
    group: tuple[str, str] | None = None
    for m in matches:
        if (m["catalog"], m["space"]) != group:
            group = (m["catalog"], m["space"])
            console.print()
            heading = Text(f"── {m['catalog']}", "bold cyan")
            if m["catalog_title"]:
                heading.append(f" ({m['catalog_title']})", "cyan")
            heading.append(f" · space {m['space']}", "bold cyan")
            if m["space_title"]:
                heading.append(f" ({m['space_title']})", "cyan")
            console.print(heading)
        console.print()
        _render_entry(console, m)


def _field(console: Console, label: str, value: object) -> None:
    if value is None or value == "":
        return
    line = Text(f"  {label + ':':<15}", "dim")
    line.append(str(value))
    console.print(line)


def _section(console: Console, title: str, body: str | None) -> None:
    if not body:
        return
    console.print(Text(title, "bold"))
    for line in body.splitlines() or [""]:
        console.print(Text("  " + line))


def _render_entry(console: Console, m: dict[str, Any]) -> None:
    state = m["state"]
    head = Text("error", f"bold {STATE_STYLES[state]}")
    head.append(f"[{m['code']}]", "bold")
    if m["name"]:
        head.append(f" {m['name']}", "bold")
    headline = m["title"] or m["message"]
    if headline:
        head.append(": ")
        head.append(headline)
    console.print(head)
    if state != "active":
        note = Text(f"  {state.upper()}", f"bold {STATE_STYLES[state]}")
        note.append(f" — {m['state_note']}")
        console.print(note)
    if m["replaced_by"] is not None:
        repl = m["replacement"]
        _field(
            console,
            "replaced by",
            f"{m['replaced_by']}" + (f" — {repl['title']}" if repl else " (not in the catalog)"),
        )
    _field(console, "reason", m["reason"])
    _field(console, "since", m["since"])
    if m["how"] in HOW_NOTES:
        _field(console, "found", f"{HOW_NOTES[m['how']]} ({m['code']})")
    if m["module"]:
        _field(
            console,
            "module",
            m["module"] + (f" — {m['module_title']}" if m["module_title"] else ""),
        )
    if m["title"] and m["message"]:
        _field(console, "message", m["message"])
    _field(console, "HTTP status", m["http_status"])
    _field(console, "JSON-RPC code", m["jsonrpc_code"])
    _field(console, "retry", m["retry_advice"])
    for answer in m.get("retryable_for_messages", ()):
        said = "retryable" if answer else "not retryable"
        _field(console, "retry", f"{said} for some of its messages (see Variants)")
    for name, param in m["params"].items():
        _field(
            console,
            f"{{{name}}}",
            param["type"] + (f" — {param['description']}" if param["description"] else ""),
        )
    _field(console, "locale", m["locale"] if m["translations"] else None)
    _field(console, "docs", m["url"])
    _section(console, "Description", m["description"])
    _section(console, "Solution", m["solution"])
    if m["variants"]:
        console.print(Text("Variants (messages sent under this code)", "bold"))
        for v in m["variants"]:
            console.print(Text(f"  • {v['message']}"))
            for key in ("description", "solution"):
                if v[key]:
                    console.print(Text(f"    {v[key]}"))
            if v["retry_advice"]:
                console.print(Text(f"    retry: {v['retry_advice']}"))
    for ex in m["examples"]:
        console.print(Text(f"Example{': ' + ex['title'] if ex['title'] else ''}", "bold"))
        for line in ex["body"].splitlines():
            console.print(Text("  " + line, "dim"))
    others = {loc: t for loc, t in m["translations"].items() if loc != m["locale"]}
    if m["locale"] != m["own_locale"]:
        others = {m["own_locale"]: m["own_texts"], **others}
    if others:
        console.print(Text("Translations", "bold"))
        for loc, texts in others.items():
            for key, text in texts.items():
                console.print(Text(f"  [{loc}] {key}: ", "dim") + Text(text))
