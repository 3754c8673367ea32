"""Control and bidi characters shown in a visible form: the one rule for every output.

Catalog texts are untrusted. An ESC (CSI colours, cursor moves, screen clears),
an OSC (window titles, hyperlinks, clipboard writes), a BEL, a C1 control
(U+0080 to U+009F, which some terminals read as ESC + a letter) or a bidi
embedding, override or isolate (U+202E shows ``abc`` as ``cba``: the "Trojan
Source" trick) acts on a reader's terminal and deceives a reader of a page.
Wherever errdex writes catalog text, each such character is replaced by a
visible form, so what was there stays readable and acts on nothing:

- on a page — the web directory (:mod:`errdex.directory.web.visible`), the HTML,
  Markdown, MyST and reST exports (:mod:`errdex.convert.escape`) —
  :func:`in_document` writes a C0 control as its Unicode control picture (ESC
  ``␛``, BEL ``␇``), DEL as ``␡``, a C1 control or bidi formatting character as
  ``⟨U+202E⟩``; TAB, LF and CR stay (line ends are each format's business), and
  so do the marks right-to-left text needs (LRM, RLM, ALM);
- on a terminal (:mod:`errdex.io.terminal`: ``explain``, ``search``, ``check``,
  ``export``) :func:`in_terminal` writes the escape ``\\x1b`` / ``\\u202e`` for
  all of those, the bidi marks and CR too (a bare CR overwrites the line);
  :func:`in_line` escapes TAB and the line breaks as well.

Zero-width joiners are kept everywhere: emoji and Indic scripts need them.
"""

from __future__ import annotations

import re

PAGE_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What :func:`in_document` replaces: C0 controls but TAB, LF and CR; DEL; C1; the bidi
embeddings, overrides and isolates."""

_MARKS = "\u061c\u200e\u200f"
_IN_TERMINAL = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_MARKS}\u202a-\u202e\u2066-\u2069]"  # CR too
)
_IN_LINE = re.compile(
    f"[\x00-\x1f\x7f-\x9f{_MARKS}\u202a-\u202e\u2066-\u2069\u2028\u2029]"  # TAB, LF too
)


def _picture(m: re.Match[str]) -> str:
    cp = ord(m.group())
    if cp < 0x20:
        return chr(0x2400 + cp)
    if cp == 0x7F:
        return "\u2421"
    return f"\u27e8U+{cp:04X}\u27e9"


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _plain(text: str) -> bool:
    """Whether ``text`` holds no control at all (the common case: no regex pass)."""
    return text.isascii() and text.isprintable()


def in_document(text: str) -> str:
    """``text`` for a page: controls and bidi formatting as control pictures or
    ``⟨U+202E⟩`` (see the module docstring); ``text`` itself when it holds none."""
    if _plain(text) or PAGE_HIDDEN.search(text) is None:
        return text
    return PAGE_HIDDEN.sub(_picture, text)


def in_terminal(text: str) -> str:
    """``text`` for a terminal: every control but TAB and LF as a visible escape."""
    return text if _plain(text) else _IN_TERMINAL.sub(_escape, text)


def in_line(text: str) -> str:
    """``text`` for one line: TAB and line breaks (LF, CR, NEL, U+2028, U+2029) escaped too."""
    return text if _plain(text) else _IN_LINE.sub(_escape, text)
