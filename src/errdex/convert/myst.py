"""MyST Markdown for Sphinx: labelled headings and one ``{csv-table}`` per module.

The layout is yuanrong's page: ``(label)=`` targets before headings (so other
pages can ``{ref}`` a space or module), and each module's codes in a
``{csv-table}`` directive with a ``:header:`` row. Labels carry the ids:
``(catalog)=`` on the title, ``(catalog--space)=`` on a space and
``(catalog--space--module)=`` on a module, which lets the importer restore them;
each code's label (:class:`errdex.convert.layout.CodeLabels`) opens its row's code
cell (``"(shop--app--code-E1)=\nE1"``: a csv-table cell is parsed as MyST), so the
HTML id sits on that code's row and a ``{ref}`` or deep link lands on the code, not
on the top of its table.
A deprecated or removed code's status cell says why and what to use instead,
the replacement linked to its code's label. Known messages and examples follow
as in the Markdown ``table`` layout.
"""

from __future__ import annotations

import re

from errdex.convert.escape import csv_quote, myst_cell, myst_inline, one_line
from errdex.convert.labels import labels_for
from errdex.convert.layout import CodeLabels, Group, Layout, document
from errdex.convert.markdown import extras, lifecycle
from errdex.model import Catalog, Entry


def label(*ids: str) -> str:
    """The MyST/Sphinx label of a catalog, space or module: ids joined by ``--``."""
    return "--".join(ids)


def render_myst(catalog: Catalog, *, locale: str | None = None) -> str:
    """Render ``catalog`` as a MyST page with ``{csv-table}`` directives."""
    layout = Layout(catalog, locale)
    labels = labels_for(layout.locale)
    cid = catalog.meta.id
    code_label = CodeLabels.of(layout)
    out: list[str] = [f"({label(cid)})=", f"# {myst_inline(one_line(layout.title))}", ""]
    if catalog.meta.description:
        out += [myst_inline(catalog.meta.description.strip()), ""]
    for section in layout.sections:
        space = section.space
        level = 2
        if section.heading:
            out += [
                f"({label(cid, space.id)})=",
                f"## {myst_inline(one_line(layout.space_heading(space)))}",
                "",
            ]
            if space.description:
                out += [myst_inline(space.description.strip()), ""]
            level = 3
        for group in section.groups:
            module = group.module
            if module is not None:
                title = one_line(layout.module_heading(module))
                out += [
                    f"({label(cid, space.id, module.id)})=",
                    f"{'#' * level} {myst_inline(title)}",
                    "",
                ]
                if module.description:
                    out += [myst_inline(module.description.strip()), ""]
            _csv_table(out, layout, group, labels, code_label)
            for entry in group.entries:
                extras(out, entry, labels, myst_inline)
    return document(out)


def _csv_table(
    out: list[str], layout: Layout, group: Group, labels: dict[str, str], code_label: dict[int, str]
) -> None:
    cols = layout.columns(group)
    space = group.space
    head = [layout.header(r, space, labels) for r in cols]
    rows = []
    for entry in group.entries:
        cells = []
        for role in cols:
            value = layout.cell(entry, role, space)
            if role == "code":  # the code's label, then the code
                cells.append(csv_quote(f"({code_label[id(entry)]})=\n" + _code_text(entry, value)))
            elif role == "carried" and value is not None:
                cells.append(csv_quote(myst_inline(", ".join(value.split("\n")))))
            elif role == "status" and (life := layout.lifecycle(entry)) is not None:
                note = lifecycle(life, labels, myst_inline, lambda e: code_label[id(e)])
                cells.append(csv_quote(note))
            else:
                cells.append(csv_quote("" if value is None else myst_cell(value)))
        rows.append(", ".join(cells))
    body = "\n".join(rows)
    fence = "`" * max(3, _longest_backticks(body) + 1)
    # the header as a folded YAML scalar: MyST reads directive options as YAML
    out += [
        f"{fence}{{csv-table}}",
        ":header: >-",
        ":    " + ", ".join(csv_quote(h) for h in head),
        ":align: left",
        "",
    ]
    out += [body, fence, ""]


def _code_text(entry: Entry, value: str | None) -> str:
    return (value or "") if type(entry.code) is int else myst_inline(value or "")


def _longest_backticks(text: str) -> int:
    if "`" not in text:
        return 0
    return max(len(run) for run in re.findall(r"`+", text))
