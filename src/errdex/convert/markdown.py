"""Markdown documents in three layouts: ``list``, ``table`` and ``sections``.

- ``list``: one bullet per code, ``- `1054` - text`` (the SubQuery indexer
  proxy's "Error code directory"); the text is the entry's message, else its
  title, description or name. Modules are not shown; a catalog with several
  code spaces gets one heading per space.
- ``table``: per module a heading and a pipe table whose columns are the fields
  the module's entries use (Alchemy, ZAN, yuanrong's REST table).
- ``sections``: per module a heading, per code a ``### `CODE``` heading and
  ``- **Label:** value`` bullets (CSGHub's generated page).

Every code carries an anchor, ``<a id="<space>-<code>"></a>`` before its code
(in the table's code cell, the bullet or the heading): the id the HTML export
gives the code's row (:func:`errdex.convert.html.anchor`), so ``page.md#http-400``
and ``page.html#http-400`` reach the same code. Raw inline HTML is kept by
GitHub (which shows the id as ``user-content-http-400`` and scrolls to it for
``#http-400``), MkDocs (Python-Markdown) and markdown-it; the importer drops it.

A deprecated or removed code's status says why and what to use instead,
``removed: merged (use [`E2`](#app-E2) instead)``, the replacement linked to its
anchor when the page holds it (:func:`lifecycle`); the list layout puts it on a
line of its own under the bullet.

Known messages (variants) and example responses follow their table or entry,
each introduced by a bold caption naming the code, so an importer can attach
them again. See :mod:`errdex.convert.layout` for what is shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from errdex.convert.escape import (
    code_span,
    fence_for,
    fence_lang,
    html_text,
    md_block,
    md_cell,
    md_inline,
    one_line,
    shown,
)
from errdex.convert.html import anchor
from errdex.convert.labels import labels_for
from errdex.convert.layout import Group, Layout, Lifecycle, document
from errdex.model import Catalog, Entry, Space


def render_markdown(catalog: Catalog, *, style: str = "table", locale: str | None = None) -> str:
    """Render ``catalog`` as Markdown in ``style`` (``list``, ``table`` or ``sections``)."""
    if style not in ("list", "table", "sections"):
        raise ValueError(f"unknown Markdown style {style!r}; choose list, table or sections")
    layout = Layout(catalog, locale)
    labels = labels_for(layout.locale)
    out: list[str] = [f"# {md_inline(one_line(layout.title))}", ""]
    if catalog.meta.description:
        out += [md_inline(catalog.meta.description.strip()), ""]
    for section in layout.sections:
        level = 2
        if section.heading:
            out += [f"## {md_inline(one_line(layout.space_heading(section.space)))}", ""]
            if section.space.description:
                out += [md_inline(section.space.description.strip()), ""]
            level = 3
        if style == "list":
            for group in section.groups:
                for entry in group.entries:
                    out.append(_bullet(layout, entry, section.space))
            out.append("")
            continue
        for group in section.groups:
            heading = group.module is not None
            if heading:
                assert group.module is not None
                title = one_line(layout.module_heading(group.module))
                out += [f"{'#' * level} {md_inline(title)}", ""]
                if group.module.description:
                    out += [md_inline(group.module.description.strip()), ""]
            if style == "table":
                _table(out, layout, group, labels)
                for entry in group.entries:
                    extras(out, entry, labels)
            else:
                code_level = level + 1 if heading else level
                for entry in group.entries:
                    _section(out, layout, entry, group.space, labels, code_level)
    return document(out)


def code_anchor(space: Space, entry: Entry) -> str:
    """The invisible HTML anchor of one code: ``<a id="<space>-<code>"></a>``, as in HTML."""
    return f'<a id="{html_text(anchor(space.id, entry.code))}"></a>'


def _bullet(layout: Layout, entry: Entry, space: Space) -> str:
    text = layout.summary(entry)
    head = f"- {code_anchor(space, entry)}{code_span(str(entry.code))}"
    bullet = head if text is None else f"{head} - {md_block(text, 2)}"
    life = layout.lifecycle(entry)
    if life is None:
        return bullet
    return f"{bullet}\n  {lifecycle(life, labels_for(layout.locale), lambda t: md_block(t, 2))}"


def lifecycle(
    life: Lifecycle,
    labels: dict[str, str],
    escape: Callable[[str], str] = md_inline,
    fragment: Callable[[Entry], str] | None = None,
) -> str:
    """A deprecated or removed code's status as Markdown: ``STATE[: reason][ (use X instead)]``.

    ``escape`` writes the state and the reason for the place they go (:func:`md_inline`,
    :func:`md_cell`, MyST's); the replacement is a code span, linked to
    ``#fragment(target)`` (default: the code's HTML anchor) when the page holds that code.
    """
    out = escape(life.state)
    if life.reason is not None:
        out += ": " + escape(life.reason)
    if life.replaced_by is not None:
        code = code_span(life.replaced_by)
        target = life.target
        if target is not None:
            to = anchor(target.space, target.code) if fragment is None else fragment(target)
            code = f"[{code}](#{to})"
        out += f" ({life.note(labels, escape(code))})"
    return out


def _table(out: list[str], layout: Layout, group: Group, labels: dict[str, str]) -> None:
    cols = layout.columns(group)
    space = group.space
    head = [layout.header(r, space, labels) for r in cols]
    out.append("| " + " | ".join(head) + " |")
    out.append("|" + "|".join(" --- " for _ in cols) + "|")
    cell = layout.cell
    for entry in group.entries:
        values = []
        for role in cols:
            value = cell(entry, role, space)
            life = layout.lifecycle(entry) if role == "status" else None
            if life is not None:
                shown = lifecycle(life, labels, md_cell)
            else:
                shown = "" if value is None else md_cell(value)
            values.append(code_anchor(space, entry) + shown if role == "code" else shown)
        out.append("| " + " | ".join(values) + " |")
    out.append("")


def _section(
    out: list[str], layout: Layout, entry: Entry, space: Space, labels: dict[str, str], level: int
) -> None:
    code = str(entry.code)
    out += [f"{'#' * level} {code_anchor(space, entry)}{code_span(code)}", ""]
    for role in (
        "code",
        "name",
        "title",
        "message",
        "description",
        "solution",
        "carried",
        "http_status",
        "jsonrpc_code",
        "fault",
        "retry",
        "status",
    ):
        value = layout.cell(entry, role, space)
        if value is None:
            continue
        label = layout.header(role, space, labels)
        if role in ("code", "name"):
            shown = code_span(value)
        elif role == "carried":
            shown = ", ".join(value.split("\n"))
        elif role == "status" and (life := layout.lifecycle(entry)) is not None:
            shown = lifecycle(life, labels, lambda t: md_block(t, 2))
        else:
            shown = md_block(value, 2)
        out.append(f"- **{label}:**" + (f" {shown}" if shown else ""))
    out.append("")
    extras(out, entry, labels)


def extras(
    out: list[str],
    entry: Entry,
    labels: dict[str, str],
    inline: Callable[[str], str] = md_inline,
) -> None:
    """Known messages and examples of one entry, each under a caption naming the code.

    ``inline`` escapes a text for the target (:func:`md_inline`, or MyST's).
    """
    code = code_span(str(entry.code))
    if entry.variants:
        out += [f"**{labels['variants']}** ({code}):", ""]
        for v in entry.variants:
            item = "- " + inline(json.dumps(shown(v.message), ensure_ascii=False))
            if v.description is not None:
                item += ": " + md_block(v.description, 2, inline)
            out.append(item)
        out.append("")
    for example in entry.examples:
        caption = example.title or labels["example"]
        body = shown(example.body.rstrip("\n"))
        fence = fence_for(body)
        out += [f"**{inline(one_line(caption))}** ({code}):", ""]
        out += [f"{fence}{fence_lang(example.lang)}", body, fence, ""]
