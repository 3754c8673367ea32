"""Escaping texts for each target: Markdown, MyST, reST, CSV, HTML, code spans and links.

One function per target, each the only way a generator writes catalog text:

- Markdown (:func:`md_inline`, :func:`md_cell`, :func:`md_block`, :func:`code_span`):
  raw HTML and entities escaped, links whose scheme is not allowed (:func:`safe_url`)
  broken into text;
- MyST (:func:`myst_inline`): Markdown plus roles (``{download}`...```), directive
  fences (```` ```{include} ````) and colon fences shown as text;
- reST (:func:`rst_text`): inline markup escaped, every line started with an escaped
  character so no text opens a directive (``.. include::``), a list, a table, a
  field list or a section title, and colons escaped so no role or non-allowed
  standalone URI (``javascript:``) is recognised;
- CSV (:func:`csv_cell`): a cell a spreadsheet would run as a formula (``=``, ``+``,
  ``-``, ``@``, TAB, CR) gets a leading ``'``;
- HTML (:func:`html_text`); code fence languages (:func:`fence_lang`);
- code blocks and anything else written as it is (:func:`shown`).

Every one of them but CSV's (data, as JSON is) first shows control and bidi
characters in a visible form (control pictures ``␛``, ``␇`` and ``⟨U+202E⟩``;
:func:`shown`, the rule of :mod:`errdex.io.controls` the web directory's pages
follow too), so an ESC, a BEL or a right-to-left override in a catalog never
reaches a page raw.

Catalog texts are Markdown already (links, ``**bold**``, code spans stay as
written). What must not survive is what would change the document around the
text: an HTML tag (``<script>``) where Markdown would pass it through raw, a
``|`` or a newline inside a table cell. Every escape here has an exact
inverse in :mod:`errdex.convert.importers.markdown`, so imports round-trip.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable

from errdex.io.controls import in_document
from errdex.io.richtext import SAFE_SCHEMES, safe_url

_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_UNESCAPE = re.compile(r"&(lt|amp);")
_BR = re.compile(r"<br\s*/?>", re.I)


def shown(text: str) -> str:
    """``text`` with every control and bidi character but TAB, LF and CR in a visible
    form (``␛``, ``⟨U+202E⟩``): for text written where no other escape applies (a code
    block's body)."""
    return in_document(text)


def one_line(text: str) -> str:
    """``text`` on one line, runs of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


_MD_LINK = re.compile(r"\]\((\s*<?)([^\s)>]*)")
_MD_REFDEF = re.compile(r"^( {0,3})\[([^\]\n]+)\]:[ \t]*<?(\S*)", re.M)


def md_links(text: str) -> str:
    """Break every Markdown link, image or link definition whose URL :func:`safe_url` refuses.

    ``[x](javascript:alert(1))`` becomes ``[x]\\(javascript:alert(1))``: shown as
    written, never a link.
    """
    if "](" in text:
        text = _MD_LINK.sub(
            lambda m: m.group() if safe_url(m.group(2)) is not None else "]\\(" + m.group()[2:],
            text,
        )
    if "]:" in text:
        text = _MD_REFDEF.sub(
            lambda m: (
                m.group()
                if safe_url(m.group(3)) is not None
                else m.group(1) + "\\" + m.group()[len(m.group(1)) :]
            ),
            text,
        )
    return text


_TICKS_OR_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]|`+")
_LINE_END = re.compile(r"[\r\n]")
_TICKS = re.compile(r"`+")


def code_spans(text: str) -> list[tuple[int, int]]:
    """The code spans CommonMark reads in ``text``, as ``(start, end)`` offsets, in order.

    A run of backticks opens a span when a run of the same length closes it;
    a backslash-escaped backtick opens none (``\\`<b>``` is no span). Only spans
    inside one line count: a line break may be a block boundary (a blank line, a
    heading) that ends the paragraph first, so what a multi-line "span" holds is
    escaped like any other text. Escapes that skip code spans rely on this being
    never wider than what the parser reads.
    """
    if "`" not in text:
        return []
    spans: list[tuple[int, int]] = []
    pos, line_end = 0, -1
    closers: dict[int, list[int]] = {}  # run length -> where such runs start, on this line
    while (m := _TICKS_OR_ESCAPE.search(text, pos)) is not None:
        pos = m.end()
        if m.group()[0] == "\\":
            continue
        if pos > line_end:
            end = _LINE_END.search(text, pos)
            line_end = len(text) if end is None else end.start()
            closers = {}
            for r in _TICKS.finditer(text, m.start(), line_end):
                closers.setdefault(r.end() - r.start(), []).append(r.start())
        at = closers.get(pos - m.start(), [])
        i = bisect.bisect_left(at, pos)
        if i < len(at):
            close = at[i] + pos - m.start()
            spans.append((m.start(), close))
            pos = close
    return spans


def _outside_code(text: str, fix: Callable[[str], str]) -> str:
    """``fix`` applied to the parts of ``text`` outside code spans; spans kept as written."""
    spans = code_spans(text)
    if not spans:
        return fix(text)
    out, last = [], 0
    for start, end in spans:
        out += [fix(text[last:start]), text[start:end]]
        last = end
    out.append(fix(text[last:]))
    return "".join(out)


def _escape_html(text: str) -> str:
    return _HTML_START.sub("&lt;", _ENTITY.sub("&amp;", text))


def md_inline(text: str) -> str:
    """Escape what Markdown would read as raw HTML (``<tag``, ``&entity;``) or a bad link.

    Code spans are kept as written: Markdown shows their ``<`` and ``&`` literally
    already, so ```<T>``` stays ```<T>``` instead of showing ``&lt;T>``. Controls
    are shown (:func:`shown`).
    """
    text = in_document(text)
    if "<" in text or "&" in text:
        text = _outside_code(text, _escape_html)
    if "](" in text or "]:" in text:
        text = md_links(text)
    return text


_MYST_ROLE = re.compile(r"\{(?=[^{}\s`]*\}`)")
_MYST_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,}|:{3,}|\+{3}|\(|%)", re.M)


def _escape_roles(text: str) -> str:
    """Escape the brace of every ``{role}`` followed by a backtick, outside code spans.

    A brace after an odd run of backslashes is escaped already and kept: one more
    backslash would escape the backslash instead and bring the role to life.
    """

    spans = code_spans(text)
    starts = [a for a, _ in spans]

    def fix(m: re.Match[str]) -> str:
        at = m.start()
        i = bisect.bisect_right(starts, at) - 1
        return m.group() if i >= 0 and at < spans[i][1] else _escape_brace(m)

    return _MYST_ROLE.sub(fix, text)


def _escape_brace(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    while at > 0 and text[at - 1] == "\\":  # only the run before the brace: linear overall
        at -= 1
    return "{" if (m.start() - at) % 2 == 1 else "\\{"


def myst_inline(text: str) -> str:
    """:func:`md_inline` for MyST: no role, directive fence, target or comment comes alive.

    ``{download}`/etc/passwd``` keeps its text with the brace escaped; a line
    opening a fence (```` ``` ````, ``~~~``, ``:::``), a block break (``+++``), a
    target (``(label)=``) or a comment (``%``) starts with a backslash.
    Fences are escaped first: the backslash before a line's backticks changes which
    code spans the text holds, and the other escapes skip exactly those.
    """
    if any(c in text for c in "`~:+(%"):
        text = _MYST_FENCE.sub(r"\1\\\2", text)
    text = md_inline(text)
    if "{" in text:
        text = _escape_roles(text)
    return text


_HEADING_START = re.compile(r"^( {0,3})#", re.M)


def myst_cell(text: str) -> str:
    """:func:`myst_inline` for a ``{csv-table}`` cell, whose text MyST parses as blocks: a
    line opening an ATX heading starts with ``&#35;`` instead, so no section is built
    inside the table (it still reads ``#``). Unambiguous: :func:`md_inline` writes every
    other ``&`` as ``&amp;``, so :func:`myst_cell_unescape` undoes exactly this."""
    text = myst_inline(text)
    return _HEADING_START.sub(r"\1&#35;", text) if "#" in text else text


def myst_cell_unescape(text: str) -> str:
    """Undo :func:`myst_cell`."""
    return md_unescape(text.replace("&#35;", "#") if "&#35;" in text else text)


def md_unescape(text: str) -> str:
    """Undo :func:`md_inline` (code spans are kept as written, as it keeps them)."""
    if "&" not in text:
        return text
    return _outside_code(text, _unescape_html)


def _unescape_html(text: str) -> str:
    return _UNESCAPE.sub(lambda m: "<" if m.group(1) == "lt" else "&", text)


_PIPE = re.compile(r"(\\*)\|")
_ESCAPED_PIPE = re.compile(r"(\\+)\|")


def md_cell(text: str) -> str:
    """A text as one Markdown table cell: HTML escaped, ``|`` as ``\\|``, newlines as ``<br>``.

    Backslashes before a ``|`` are doubled first (``a\\|b`` is ``a\\\\\\|b``): a
    ``\\\\|`` would be an escaped backslash and a bare ``|``, which Python-Markdown
    (MkDocs) splits the cell at, losing the rest of the row.
    """
    text = md_inline(text)
    if "|" in text:
        text = _PIPE.sub(lambda m: m.group(1) * 2 + "\\|", text)
    if "\n" in text or "\r" in text:
        text = "<br>".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return text


def md_cell_unescape(cell: str) -> str:
    """Undo :func:`md_cell` on a stripped cell."""
    if "<" in cell:
        cell = _BR.sub("\n", cell)
    if "\\|" in cell:
        cell = _ESCAPED_PIPE.sub(_unescape_pipe, cell)
    return md_unescape(cell)


def _unescape_pipe(m: re.Match[str]) -> str:
    n = len(m.group(1))  # odd as md_cell writes it; a hand-written even run loses one
    return "\\" * (n // 2 if n % 2 else n - 1) + "|"


def md_block(text: str, indent: int, inline: Callable[[str], str] | None = None) -> str:
    """A multi-line text continuing a list item: later lines indented by ``indent`` spaces.

    ``inline`` escapes the text (default :func:`md_inline`).
    """
    text = (inline or md_inline)(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\n" not in text:
        return text
    pad = " " * indent
    first, *rest = text.split("\n")
    return "\n".join([first, *(pad + line if line.strip() else "" for line in rest)])


def code_span(text: str) -> str:
    """``text`` as a Markdown code span, with a fence longer than any backtick run inside."""
    text = in_document(text)
    if "`" not in text:
        return f"`{text}`"
    longest = max(len(run) for run in re.findall(r"`+", text))
    fence = "`" * (longest + 1)
    return f"{fence} {text} {fence}"


def strip_code_span(text: str) -> str:
    """Undo :func:`code_span` (and plain single backticks) around a whole cell or value."""
    text = text.strip()
    m = re.fullmatch(r"(`+)(.*?)\1", text, re.S)
    if not m:
        return text
    inner = m.group(2)
    if len(m.group(1)) > 1 and inner.startswith(" ") and inner.endswith(" ") and len(inner) > 1:
        inner = inner[1:-1]
    return inner


def fence_for(body: str, char: str = "`") -> str:
    """A code fence longer than any run of ``char`` at a line start inside ``body``."""
    runs = re.findall(rf"^\s*({re.escape(char)}{{3,}})", body, re.M)
    return char * max([3, *(len(r) + 1 for r in runs)])


_RST_SPECIAL = re.compile(r"([\\`*_|\[\]<>])")
_RST_COLON = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)?:")
# what opens a construct at a line start that a catalog text never means: explicit
# markup (``..``: directives, comments, targets), a line of one repeated punctuation
# (section underline, transition, simple table), a field (``:name:``), a grid table
# (``+--``) and a doctest (``>>>``). Bullets and enumerators mean the same list
# in Markdown and reST and are kept.
_RST_OPENER = re.compile(
    r"^([ \t]*)(?=\.\.(?:\s|$)|([!-/:-@\[-`{-~])\2+[ \t]*$|:|\+[-=]|>>>)", re.M
)
_RST_COLON = re.compile(r"::|([A-Za-z][A-Za-z0-9+.-]*):(?=[^\s:])")


def rst_inline(text: str) -> str:
    """Escape reStructuredText inline markup so the text shows literally (controls shown)."""
    return _RST_SPECIAL.sub(r"\\\1", in_document(text))


def _rst_colon(m: re.Match[str]) -> str:
    scheme = m.group(1)
    if scheme is not None and scheme.lower() in SAFE_SCHEMES:
        return m.group()
    return (scheme or "") + "\\:" * len(m.group().removeprefix(scheme or ""))


def rst_text(text: str) -> str:
    """A catalog text as reST that shows exactly as written and starts no construct.

    Inline markup is escaped (:func:`rst_inline`, so no role or hyperlink); a
    ``::`` and a colon after a URL scheme other than http, https and mailto are
    escaped (no literal block, no ``javascript:`` standalone link); a line that
    would open a construct (a directive or comment, a table, a field list, a
    section underline or transition) starts with an escaped character:
    ``.. include:: /etc/hostname`` stays text.
    """
    return _RST_OPENER.sub(r"\1\\", rst_words(text))


def rst_words(text: str) -> str:
    """:func:`rst_text` but for line starts: inline markup and colons escaped, for a piece
    of a line (:mod:`errdex.convert.rstmarkup` escapes the line starts it writes)."""
    text = rst_inline(text)
    if ":" in text:
        text = _RST_COLON.sub(_rst_colon, text)
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def csv_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ``'`` before a formula start.

    Cells starting with ``=``, ``+``, ``-``, ``@``, TAB, CR or LF (or their
    full-width forms) that are not plain numbers (``-32000`` stays as is) get
    the ``'`` OWASP recommends; :func:`csv_uncell` removes it again.
    """
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return "'" + value  # a text that already looks neutralised keeps its own quote
    return value


def csv_uncell(value: str) -> str:
    """Undo :func:`csv_cell`."""
    if value.startswith("'") and value[1:].startswith((*_FORMULA_START, "'")):
        rest = value[1:]
        if rest.startswith(_FORMULA_START) or rest[1:].startswith(_FORMULA_START):
            return rest
    return value


_FENCE_LANG = re.compile(r"[A-Za-z0-9_+.#-]{1,40}")


def fence_lang(lang: str | None) -> str:
    """An example's language as a code fence info string: safe characters only, else ``""``."""
    if lang and _FENCE_LANG.fullmatch(lang):
        return lang
    return ""


def csv_quote(value: str) -> str:
    """One CSV field, always quoted (RFC 4180: a quote inside is doubled)."""
    return '"' + value.replace('"', '""') + '"'


def html_text(text: str) -> str:
    """Escape ``&``, ``<``, ``>`` and both quotes for HTML text and attribute values
    (controls shown)."""
    return html.escape(in_document(text), quote=True)
