"""Control and bidi characters shown as visible escapes: the one rule for every output.

Catalog texts are untrusted. An ESC (CSI colours, cursor moves, screen clears),
an OSC (window titles, hyperlinks, clipboard writes), a BEL, a C1 control
(U+0080 to U+009F, which some terminals read as ESC + a letter) or a Unicode
format control that reorders or hides text (a bidi embedding, override,
isolate or mark: U+202E shows ``abc`` as ``cba``) acts on a reader's terminal
and deceives a reader of a web page. Wherever errdex writes catalog text — a
terminal (:mod:`errdex.io.terminal`), a generated document
(:mod:`errdex.convert.escape`) — each such character is shown as the visible
escape ``\\x1b`` or ``\\u202e``, so what was there stays readable and acts on
nothing. Zero-width joiners are kept: emoji and Indic scripts need them.

What each place keeps differs only in line ends: :func:`in_terminal` keeps TAB
and LF; :func:`in_document` keeps CR too (a line end in every document format,
which each generator handles); :func:`in_line` keeps none (one line of output).
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""C0 controls but TAB, LF and CR; DEL; C1; the bidi marks, embeddings, overrides, isolates."""

_IN_DOCUMENT = re.compile(f"[{_CONTROLS}]")
_IN_TERMINAL = re.compile(f"[{_CONTROLS}\r]")
_IN_LINE = re.compile(f"[{_CONTROLS}\t\n\r\u2028\u2029]")


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _plain(text: str) -> bool:
    """Whether ``text`` holds no control at all (the common case: no regex pass)."""
    return text.isascii() and text.isprintable()


def in_terminal(text: str) -> str:
    """``text`` with every control but TAB and LF shown as a visible escape."""
    return text if _plain(text) else _IN_TERMINAL.sub(_visible, text)


def in_document(text: str) -> str:
    """``text`` with every control but TAB, LF and CR shown as a visible escape."""
    return text if _plain(text) else _IN_DOCUMENT.sub(_visible, text)


def in_line(text: str) -> str:
    """``text`` for one line: TAB and line breaks (LF, CR, NEL, U+2028, U+2029) escaped too."""
    return text if _plain(text) else _IN_LINE.sub(_visible, text)
