"""Text made safe for a terminal: no escape sequence of any kind reaches it raw.

Catalog texts and echoed source lines are untrusted: an ESC (CSI colours,
cursor moves, screen clears), an OSC (window titles, hyperlinks, clipboard
writes), a BEL, a C1 control (U+0080 to U+009F, which some terminals read as
ESC + a letter) or a bidi override would act on the reader's terminal. Every
command that prints catalog text passes it through :func:`safe` (``explain``,
``search`` and the diagnostics of ``check``). Controls are shown as visible
escapes (``\\x1b``, ``\\u202e``), so what was there stays readable.
"""

from __future__ import annotations

import re

# C0 controls but TAB and LF, DEL, C1, and Unicode format controls that reorder
# or hide text (bidi embeddings, overrides, isolates, marks; zero-width joiners
# are kept: emoji and Indic scripts need them).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\x85]"
)


def _visible(m: re.Match[str]) -> str:
    ch = m.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str) -> str:
    """``text`` with every terminal control but TAB and LF shown as a visible escape."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(_visible, text)


def safe_line(text: str) -> str:
    """Like :func:`safe`, for one line: line breaks (LF, CR, U+2028, NEL) escaped too."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_ONE_LINE.sub(_visible, text)


def clip(text: str, limit: int = 240, *, around: int | None = None) -> str:
    """At most ``limit`` characters of ``text``; with ``around`` (an index), centred on it.

    Cut ends are marked with ``…``. Used for echoed source lines: a syntax error
    on a 50 MB line must not print the line.
    """
    if len(text) <= limit:
        return text
    if around is None:
        return text[: limit - 1] + "…"
    half = limit // 2
    start = max(0, min(around - half, len(text) - limit))
    end = start + limit
    head = "…" if start > 0 else ""
    tail = "…" if end < len(text) else ""
    return head + text[start:end] + tail
