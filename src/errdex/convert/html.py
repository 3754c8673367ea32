"""One self-contained HTML page: no scripts, no external assets, every text escaped.

The page follows the Markdown ``table`` layout (:mod:`errdex.convert.layout`)
with a small inline stylesheet, a table of contents, an ``id`` per entry
(``<space>-<code>``, linkable), the retry hint as a column where a group has
one, and each entry's known messages and examples below its group's table.
Texts are shown as written (Markdown is not interpreted), line breaks kept.
"""

from __future__ import annotations

import re

from errdex.convert.escape import fence_lang
from errdex.convert.escape import html_text as esc
from errdex.convert.labels import labels_for
from errdex.convert.layout import Group, Layout
from errdex.model import Catalog, Entry

_CSS = """\
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top;
white-space:pre-line}
th{background:#f6f8fa}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:90%}
pre{background:#f6f8fa;padding:.75rem;overflow:auto;white-space:pre}
.removed{text-decoration:line-through;color:#8c959f}
.deprecated{color:#9a6700}
.desc{white-space:pre-line}
nav ul{columns:2}"""

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def anchor(*parts: object) -> str:
    """An HTML id made of ``parts`` (unsafe characters become ``_``)."""
    return "-".join(_ID_UNSAFE.sub("_", str(p)) for p in parts)


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
        out.append(f'<p class="desc">{esc(catalog.meta.description.strip())}</p>')
    toc = []
    for section in layout.sections:
        if section.heading:
            toc.append((anchor("space", section.space.id), layout.space_heading(section.space)))
        for group in section.groups:
            if group.module is not None:
                toc.append((anchor("module", group.module.id), layout.module_heading(group.module)))
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
                out.append(f'<p class="desc">{esc(space.description.strip())}</p>')
            level = 3
        for group in section.groups:
            module = group.module
            if module is not None:
                title = esc(layout.module_heading(module))
                out.append(f'<h{level} id="{anchor("module", module.id)}">{title}</h{level}>')
                if module.description:
                    out.append(f'<p class="desc">{esc(module.description.strip())}</p>')
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
    out.append("<table>")
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
            else:
                cells.append(f"<td>{esc(value)}</td>")
        if retry:
            hint = {True: "yes", False: "no", None: ""}[entry.retryable]
            cells.append(f"<td>{hint}</td>")
        out.append(f'<tr id="{anchor(space.id, entry.code)}"{cls}>' + "".join(cells) + "</tr>")
    out.append("</tbody>")
    out.append("</table>")


def _extras(out: list[str], entry: Entry, labels: dict[str, str]) -> None:
    code = esc(str(entry.code))
    if entry.variants:
        out.append(f"<p><strong>{esc(labels['variants'])}</strong> (<code>{code}</code>):</p>")
        out.append("<ul>")
        for v in entry.variants:
            desc = f": {esc(v.description)}" if v.description else ""
            out.append(f"<li><q>{esc(v.message)}</q>{desc}</li>")
        out.append("</ul>")
    for example in entry.examples:
        caption = esc(example.title or labels["example"])
        safe_lang = fence_lang(example.lang)
        lang = f' class="language-{safe_lang}"' if safe_lang else ""
        out.append(f"<p><strong>{caption}</strong> (<code>{code}</code>):</p>")
        out.append(f"<pre><code{lang}>{esc(example.body.rstrip())}</code></pre>")
