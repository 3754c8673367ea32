"""reStructuredText: labelled section titles and one ``csv-table`` per module.

The same plan as the MyST page (:mod:`errdex.convert.myst`), in RST syntax:
``.. _label:`` targets, underlined titles (``=``, ``-``, ``~``, ``^``) sized
for wide characters, ``.. csv-table::`` with an indented body (each code cell opens
with the code's ``.. _label:``, so the target's HTML id is on that code's row), known messages
as a bullet list and examples as ``.. code-block::``. Entry texts are catalog
Markdown, written as reST markup (:mod:`errdex.convert.rstmarkup`: bold is bold,
a link a link), every other character escaped so it shows as written. A deprecated or removed
code's status cell says why and what to use instead, the replacement linked to
its code's label.
"""

from __future__ import annotations

import unicodedata

from errdex.convert.escape import (
    csv_quote,
    fence_lang,
    one_line,
    rst_inline,
    rst_text,
    shown,
)
from errdex.convert.labels import labels_for
from errdex.convert.layout import CodeLabels, Group, Layout, Lifecycle, document
from errdex.convert.myst import label
from errdex.convert.rstmarkup import rst_markup
from errdex.model import Catalog, Entry

_UNDERLINES = "=-~^\"'"
_MARKDOWN_ROLES = frozenset({"title", "message", "name_or_message", "description", "solution"})
"""The cells whose text is catalog Markdown, written as reST markup (:mod:`.rstmarkup`)."""


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _title(out: list[str], text: str, level: int) -> None:
    text = rst_text(one_line(text))
    out += [text, _UNDERLINES[min(level, len(_UNDERLINES)) - 1] * max(_width(text), 3), ""]


def _paragraph(out: list[str], text: str) -> None:
    out += [rst_markup(text), ""]


def _flush(text: str) -> str:
    """Lines of a paragraph start at its margin: an indented line would open a block quote."""
    if text.isascii() and text.isprintable():  # no line break of any kind: the common case
        return text.strip()
    return "\n".join(line.strip() for line in text.splitlines())


def render_rst(catalog: Catalog, *, locale: str | None = None) -> str:
    """Render ``catalog`` as a reStructuredText page."""
    layout = Layout(catalog, locale)
    labels = labels_for(layout.locale)
    cid = catalog.meta.id
    code_label = CodeLabels.of(layout)
    out: list[str] = [f".. _{label(cid)}:", ""]
    _title(out, layout.title, 1)
    if catalog.meta.description:
        _paragraph(out, catalog.meta.description)
    for section in layout.sections:
        space = section.space
        level = 2
        if section.heading:
            out += [f".. _{label(cid, space.id)}:", ""]
            _title(out, layout.space_heading(space), 2)
            if space.description:
                _paragraph(out, space.description)
            level = 3
        for group in section.groups:
            if group.module is not None:
                out += [f".. _{label(cid, space.id, group.module.id)}:", ""]
                _title(out, layout.module_heading(group.module), level)
                if group.module.description:
                    _paragraph(out, group.module.description)
            _csv_table(out, layout, group, labels, code_label)
            for entry in group.entries:
                _extras(out, entry, labels)
    return document(out)


def _indent(text: str, pad: str) -> str:
    # docutils splits lines with str.splitlines(): CR, U+2028 and friends end a line too
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def _csv_table(
    out: list[str], layout: Layout, group: Group, labels: dict[str, str], code_label: dict[int, str]
) -> None:
    cols = layout.columns(group)
    space = group.space
    head = [layout.header(r, space, labels) for r in cols]
    out += [
        ".. csv-table::",
        "   :header: " + ", ".join(csv_quote(h) for h in head),
        "   :align: left",
        "",
    ]
    for entry in group.entries:
        cells = []
        for role in cols:
            value = layout.cell(entry, role, space)
            life = layout.lifecycle(entry) if role == "status" else None
            if life is not None:
                cells.append(csv_quote(_lifecycle(life, labels, code_label)))
                continue
            if role == "carried" and value is not None:
                value = ", ".join(value.split("\n"))
            if value is None:
                shown = ""
            elif role in _MARKDOWN_ROLES:
                shown = rst_markup(value)
            else:
                shown = rst_text(_flush(value))
            if role == "code":  # the code's label, then the code: the target is on its row
                shown = f".. _{code_label[id(entry)]}:\n\n{shown}"
            cells.append(csv_quote(shown))
        out.append(_indent(", ".join(cells), "   "))
    out.append("")


def _lifecycle(life: Lifecycle, labels: dict[str, str], code_label: dict[int, str]) -> str:
    """``STATE[: reason][ (use X instead)]``, the replacement a link to its code's label."""
    out = rst_text(life.state)
    if life.reason is not None:
        out += ": " + rst_markup(life.reason)
    if life.replaced_by is not None:
        code = rst_inline(life.replaced_by)
        if life.target is not None:  # an anonymous reference: no target name of its own
            code = f"`{code} <{code_label[id(life.target)]}_>`__"
        else:
            code = _literal(life.replaced_by)
        out += f" ({life.note(labels, code)})"
    return out


def _literal(code: str) -> str:
    """A code as an inline literal (``\u0060\u0060E1\u0060\u0060``): shown as written, no
    escaping inside; a code a literal cannot hold (a backtick, blanks at an end) as
    escaped text."""
    code = shown(code)
    if "`" in code or code != code.strip() or not code:
        return rst_inline(code)
    return f"``{code}``"


def _extras(out: list[str], entry: Entry, labels: dict[str, str]) -> None:
    code = _literal(str(entry.code))
    if entry.variants:
        out += [f"**{labels['variants']}** ({code}):", ""]
        for v in entry.variants:
            item = rst_text(_flush(f'"{v.message}"'))
            if v.description is not None:
                item += ": " + rst_markup(v.description)
            out += [_indent("- " + item, "  ")[2:], ""]
    for example in entry.examples:
        caption = rst_text(one_line(example.title or labels["example"]))
        out += [f"**{caption}** ({code}):", ""]
        out += [f".. code-block:: {fence_lang(example.lang) or 'text'}", ""]
        out += [_indent(shown(example.body.rstrip("\n")), "   "), ""]
