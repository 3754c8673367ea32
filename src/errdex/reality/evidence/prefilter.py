"""The lines of a JSON-lines block that can hold an error, found without parsing any.

A record is an error when its status is 400 or more, when it names an error
code, or when its body is a JSON-RPC error (see :func:`.jsonl.observe`). Each of
these leaves a trace in the line's text, so a few sweeps over the whole block —
``bytes.find`` and one compiled expression, all at C speed — find every line
that can be one, and only those lines are parsed:

- an error status: a status path's last key, then ``:`` and a 4xx or 5xx value
  (``"status": 503``, ``"http.response.status_code": "404"``);
- a code: the start of a code path's first key (``"err`` stands for ``"error"``,
  ``"err"``, ``"error_code"``, ``"errdex"``…);
- a JSON-RPC error body: it holds the member ``"error"``, so the line holds
  ``"err`` whether the body is a nested object or a string (``{\\"error\\":…}``);
- ``\\u``: a JSON escape can spell any of the above (``"st\\u0061tus"``), so a
  line with one is always parsed.

The set found is a superset of the error lines whatever the field paths
(tested against parsing every line); the message, space and headers paths do
not make a record an error, so they are not searched for. A line of the set
that is not JSON is what the reader counts as malformed.
"""

from __future__ import annotations

import re

from errdex.reality.evidence.fields import Fields

SPACE = rb"[ \t\r\f\v]*"
"""Blanks between a key and its value, within one line."""
ERROR_VALUE = rb'"' + SPACE + rb":" + SPACE + rb'"?[45][0-9][0-9](?![0-9])'
"""After a key's name: ``: 503``, ``:"404"``."""
RPC = b'"err'
"""What a line whose body is a JSON-RPC error always holds."""
ESCAPE = b"\\u"
ASCII_ESCAPE = b"\\u00"
"""The start of an escape that spells an ASCII character (``\\u0061``) when the next
digit is 0 to 7: only such escapes can spell names that are all ASCII (non-ASCII text
written escaped, ``\\u00e9`` or ``\\u4e2d``, cannot)."""
DIGITS = frozenset(bytes([d]) for d in b"01234567")
"""The digit after :data:`ASCII_ESCAPE` that makes it an ASCII character."""
ASCII_SWEEP = re.compile(rb"\\u00[0-7]")
DENSE = 256
DENSE_SPAN = 1024
"""Backslash lines looked at one by one; when the first :data:`DENSE` of a block sit
within ``DENSE * DENSE_SPAN`` bytes, the rest of the block is swept with
:data:`ASCII_SWEEP` instead."""
BACKSLASH = 0x5C
SHORT_ESCAPES = frozenset('"\\/\b\f\n\r\t')
"""What JSON may write with a two-character escape (``\\/`` for ``/``)."""


def status_pattern(fields: Fields) -> re.Pattern[bytes]:
    """An error status under the last key of any of the status paths."""
    keys = sorted({steps[-1].encode() for _dotted, steps in fields.paths["status"]})
    names = b"|".join(re.escape(k) for k in keys)
    return re.compile(rb"(?:" + names + rb")" + ERROR_VALUE)


def needles(fields: Fields) -> tuple[bytes, ...]:
    """The literal texts one of which a line must hold to name a code or carry a
    JSON-RPC error (besides an error status).

    Each code path's first key, quoted and cut to three characters, plus
    :data:`RPC` and an escape: :data:`ASCII_ESCAPE` when every searched name is
    ASCII, else :data:`ESCAPE`, or any backslash when a name holds a character of
    :data:`SHORT_ESCAPES`; a needle that another one starts with is dropped.
    """
    found = {RPC}
    searched = [steps[-1] for _dotted, steps in fields.paths["status"]]
    for _dotted, steps in fields.paths["code"]:
        key = steps[0][:3]
        searched.append(key)
        found.add(('"' + (key if len(key) >= 3 else key + '"')).encode())
    # a name with a character JSON may also write as \/, \\, \" … hides behind any escape;
    # names all ASCII (with the digits, quotes and colon around them) only behind \u00[0-7]
    if any(SHORT_ESCAPES.intersection(name) for name in searched):
        found.add(b"\\")
    else:
        found.add(ASCII_ESCAPE if all(name.isascii() for name in searched) else ESCAPE)
    kept = sorted(found)
    return tuple(n for n in kept if not any(o != n and n.startswith(o) for o in kept))


STATUS = re.compile(rb"(?:status|statusCode|status_code)" + ERROR_VALUE)
"""The error status of the default field paths (:func:`status_pattern` of them)."""


def candidates(
    block: bytes,
    texts: tuple[bytes, ...],
    status: re.Pattern[bytes] = STATUS,
    start: int = 0,
    end: int | None = None,
) -> list[int]:
    """The start offsets, in order, of the lines of ``block[start:end]`` (whole lines)
    that hold one of ``texts`` or a ``status`` match: a superset of the error lines."""
    if end is None:
        end = len(block)
    starts: set[int] = set()
    add = starts.add
    find, rfind = block.find, block.rfind
    for text in texts:
        if text[0] == BACKSLASH:  # rare in most lines: memchr to each, then look in that line
            ascii_only = text == ASCII_ESCAPE
            pos = find(b"\\", start, end)
            began, looked = pos, 0
            while pos >= 0:
                looked += 1
                if ascii_only and looked > DENSE and pos - began < DENSE * DENSE_SPAN:
                    # backslashes on most lines (escaped text): one sweep for the rest
                    for match in ASCII_SWEEP.finditer(block, pos, end):
                        add(rfind(b"\n", start, match.start()) + 1 or start)
                    break
                stop = find(b"\n", pos, end)
                if stop < 0:
                    stop = end
                hit = find(text, pos, stop)
                while ascii_only and hit >= 0 and block[hit + 4 : hit + 5] not in DIGITS:
                    hit = find(text, hit + 4, stop)
                if hit >= 0:
                    add(rfind(b"\n", start, pos) + 1 or start)
                pos = find(b"\\", stop, end)
            continue
        pos = find(text, start, end)
        while pos >= 0:
            add(rfind(b"\n", start, pos) + 1 or start)
            pos = find(b"\n", pos, end)
            if pos < 0:
                break
            pos = find(text, pos, end)
    for match in status.finditer(block, start, end):
        add(rfind(b"\n", start, match.start()) + 1 or start)
    return sorted(starts)


class Prefilter:
    """The sweeps of one set of field paths, compiled once."""

    def __init__(self, fields: Fields) -> None:
        self.texts = needles(fields)
        self.status = status_pattern(fields)

    def lines(self, block: bytes, start: int = 0, end: int | None = None) -> list[int]:
        """The start offsets of the lines of ``block[start:end]`` that can hold an error."""
        return candidates(block, self.texts, self.status, start, end)
