"""One self-contained HTML page: no scripts, no external assets, every text escaped.

The page follows the Markdown ``table`` layout (:mod:`errdex.convert.layout`)
with a small inline stylesheet (light and dark, readable from 390 px: wide
tables scroll inside their box), a table of contents (each space and module
once), an ``id`` per entry (``<space>-<code>``, linkable), the retry hint as a
column where a group has one, a tombstone's reason and replacement in its
status cell, and each entry's known messages and examples below its group's
table. Catalog texts are Markdown, rendered as the one subset the web directory
renders too (:mod:`errdex.io.richtext`: raw HTML off, links limited to http, https,
mailto and relative URLs, a heading inside a text a strong paragraph, a table
shown as its text — never a table inside a cell).
"""

from __future__ import annotations

import re

from errdex.convert.escape import fence_lang
from errdex.convert.escape import html_text as esc
from errdex.convert.labels import labels_for
from errdex.convert.layout import Group, Layout, Lifecycle
from errdex.io.richtext import to_html, to_html_inline
from errdex.model import Catalog, Entry

_CSS = """\
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d0d7de;
--head:#f6f8fa;--link:#0969da;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;
--line:#3d444d;--head:#151b23;--link:#4493f8;--warn:#d29922}}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
.table{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:var(--head)}
td p,td ul,td ol{margin:0 0 .4rem}td>:last-child{margin-bottom:0}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:90%}
pre{background:var(--head);padding:.75rem;overflow:auto;white-space:pre}
td code{white-space:nowrap}
tr.removed td{color:var(--muted)}tr.removed td:first-child code{text-decoration:line-through}
.deprecated td:first-child{color:var(--warn)}
nav ul{columns:2;padding-left:1.2rem}
@media (max-width:600px){body{margin:1rem auto;padding:0 .75rem}nav ul{columns:1}
th,td{padding:.3rem .4rem}}"""

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def md_block(text: str) -> str:
    """A catalog text (Markdown) as HTML blocks: the subset of :mod:`errdex.io.richtext`,
    the one the web directory renders too."""
    return to_html(text.strip())


def md_line(text: str) -> str:
    """A one-line catalog text (Markdown) as inline HTML (:mod:`errdex.io.richtext`)."""
    return to_html_inline(text.strip())


def anchor(*parts: object) -> str:
    """An HTML id made of ``parts`` (unsafe characters become ``_``)."""
    return "-".join(_ID_UNSAFE.sub("_", str(p)) for p in parts)


def _module_anchor(space: str, module: str, several_spaces: bool) -> str:
    return anchor("module", space, module) if several_spaces else anchor("module", module)


def render_html(catalog: Catalog, *, locale: str | None = None) -> str:
    """Render ``catalog`` as one HTML page."""
    layout = Layout(catalog, locale)
    labels = labels_for(layout.locale)
    lang = esc(layout.locale)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(layout.title)}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{esc(layout.title)}</h1>",
    ]
    if catalog.meta.description:
        out.append(f'<div class="desc">{md_block(catalog.meta.description)}</div>')
    toc: list[tuple[str, str]] = []
    seen: set[str] = set()
    for section in layout.sections:
        if section.heading:
            toc.append((anchor("space", section.space.id), layout.space_heading(section.space)))
        for group in section.groups:
            if group.module is not None:
                a = _module_anchor(section.space.id, group.module.id, section.heading)
                text = layout.module_heading(group.module)
                if a in seen or (toc and toc[-1][1] == text):
                    continue  # listed already, or titled like its space just above
                seen.add(a)
                toc.append((a, text))
    if len(toc) > 1:
        out.append("<nav><ul>")
        out += [f'<li><a href="#{a}">{esc(t)}</a></li>' for a, t in toc]
        out.append("</ul></nav>")
    for section in layout.sections:
        space = section.space
        level = 2
        if section.heading:
            out.append(
                f'<h2 id="{anchor("space", space.id)}">{esc(layout.space_heading(space))}</h2>'
            )
            if space.description:
                out.append(f'<div class="desc">{md_block(space.description)}</div>')
            level = 3
        for group in section.groups:
            module = group.module
            if module is not None:
                title = esc(layout.module_heading(module))
                a = _module_anchor(space.id, module.id, section.heading)
                out.append(f'<h{level} id="{a}">{title}</h{level}>')
                if module.description:
                    out.append(f'<div class="desc">{md_block(module.description)}</div>')
            _table(out, layout, group, labels)
            for entry in group.entries:
                _extras(out, entry, labels)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _table(out: list[str], layout: Layout, group: Group, labels: dict[str, str]) -> None:
    space = group.space
    cols = layout.columns(group, merge=False)
    retry = any(e.retryable is not None and e.retryable != space.retryable for e in group.entries)
    head = [layout.header(r, space, labels) for r in cols]
    if retry:
        head.append(labels["retryable"])
    out.append('<div class="table"><table>')
    out.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr></thead>")
    out.append("<tbody>")
    cell = layout.cell
    for entry in group.entries:
        cls = f' class="{entry.status}"' if entry.status != "active" else ""
        cells = []
        for role in cols:
            value = cell(entry, role, space)
            if value is None:
                cells.append("<td></td>")
            elif role in ("code", "name"):
                cells.append(f"<td><code>{esc(value)}</code></td>")
            elif role in ("description", "solution"):
                cells.append(f"<td>{md_block(value)}</td>")
            elif role in ("title", "message"):
                cells.append(f"<td>{md_line(value)}</td>")
            elif role == "status" and (life := layout.lifecycle(entry)) is not None:
                cells.append(f"<td>{_status(life, labels)}</td>")
            elif role == "carried":
                cells.append(f"<td>{esc(', '.join(value.splitlines()))}</td>")
            else:
                cells.append(f"<td>{esc(value)}</td>")
        if retry:
            hint = {True: labels["yes"], False: labels["no"], None: ""}[entry.retryable]
            cells.append(f"<td>{esc(hint)}</td>")
        out.append(f'<tr id="{anchor(space.id, entry.code)}"{cls}>' + "".join(cells) + "</tr>")
    out.append("</tbody>")
    out.append("</table></div>")


def _status(life: Lifecycle, labels: dict[str, str]) -> str:
    """A lifecycle cell: the state, the reason and the replacement of a tombstone or
    deprecation, the replacement linked to its row when the page holds it."""
    parts = [esc(life.state)]
    if life.reason is not None:
        parts.append(f": {md_line(life.reason)}")
    if life.replaced_by is not None:
        code = f"<code>{esc(life.replaced_by)}</code>"
        if life.target is not None:
            code = f'<a href="#{anchor(life.target.space, life.target.code)}">{code}</a>'
        parts.append(f" ({esc(labels['use_instead']).replace('{code}', code)})")
    return "".join(parts)


def _extras(out: list[str], entry: Entry, labels: dict[str, str]) -> None:
    code = esc(str(entry.code))
    if entry.variants:
        out.append(f"<p><strong>{esc(labels['variants'])}</strong> (<code>{code}</code>):</p>")
        out.append("<ul>")
        for v in entry.variants:
            desc = f": {md_line(v.description)}" if v.description else ""
            out.append(f"<li><q>{esc(v.message)}</q>{desc}</li>")
        out.append("</ul>")
    for example in entry.examples:
        caption = esc(example.title or labels["example"])
        safe_lang = fence_lang(example.lang)
        lang = f' class="language-{safe_lang}"' if safe_lang else ""
        out.append(f"<p><strong>{caption}</strong> (<code>{code}</code>):</p>")
        out.append(f"<pre><code{lang}>{esc(example.body.rstrip())}</code></pre>")
