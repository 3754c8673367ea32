"""Text made safe for a terminal: no escape sequence of any kind reaches it raw.

Catalog texts and echoed source lines are untrusted: an ESC (CSI colours,
cursor moves, screen clears), an OSC (window titles, hyperlinks, clipboard
writes), a BEL, a C1 control (U+0080 to U+009F, which some terminals read as
ESC + a letter) or a bidi override would act on the reader's terminal. Every
command that prints catalog text passes it through :func:`safe` (``explain``,
``search`` and the diagnostics of ``check``). Controls are shown as visible
escapes (``\\x1b``, ``\\u202e``), so what was there stays readable; the rule
of which characters those are is :mod:`errdex.io.controls`, shared with the
generated documents.
"""

from __future__ import annotations

from errdex.io.controls import in_line, in_terminal


def safe(text: str) -> str:
    """``text`` with every terminal control but TAB and LF shown as a visible escape."""
    return in_terminal(text)


def safe_line(text: str) -> str:
    """Like :func:`safe`, for one line: line breaks (LF, CR, U+2028, NEL) escaped too."""
    return in_line(text)


def safe_lines(text: str) -> str:
    """Like :func:`safe`, keeping CRLF line ends (CSV's): a CR before LF moves nothing."""
    if "\r\n" not in text:
        return in_terminal(text)
    return "\r\n".join(in_terminal(part) for part in text.split("\r\n"))


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
