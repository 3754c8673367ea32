"""Code normalisation: how users spell a code, and how errdex compares codes.

Integer codes and strings holding a decimal integer are one code (``1054`` and
``"1054"``); other strings compare case-insensitively (``"AUTH-ERR-4"`` and
``"auth-err-4"``). :func:`normalize_code` gives the comparison key used by every
index; :func:`parse_code_query` additionally accepts what people type on a
command line (hex, surrounding backticks or quotes).
"""

from __future__ import annotations

import re

Code = int | str
"""A code as written in a catalog: an integer or a string."""

_INT_RE = re.compile(r"[+-]?[0-9]+")
_HEX_RE = re.compile(r"[+-]?0[xX][0-9a-fA-F]+")


def normalize_code(code: Code) -> Code:
    """Return the comparison key of ``code``: an ``int``, or an upper-cased ``str``.

    ``bool`` is not a code and raises :class:`TypeError`, as do other types.
    """
    if type(code) is int:
        return code
    if type(code) is str:
        text = code.strip()
        if _INT_RE.fullmatch(text):
            try:
                return int(text)
            except ValueError:  # more digits than int() reads (sys.get_int_max_str_digits)
                pass  # no integer code is that long: compare it as the string it is
        return text.upper()
    raise TypeError(f"a code is an integer or a string, not {type(code).__name__}")


def parse_code_query(text: str) -> list[Code]:
    """Return the candidate keys a user may mean by ``text``, best first.

    ``"0x41E"`` means 1054 (and the string code ``0X41E``); backticks and
    quotes around a code are dropped. Used by lookups that take free text.
    """
    raw = text.strip().strip("`'\"").strip()
    keys: list[Code] = [normalize_code(raw)]
    if _HEX_RE.fullmatch(raw):
        sign = -1 if raw.startswith("-") else 1
        value = sign * int(raw.lstrip("+-"), 16)
        if value not in keys:
            keys.insert(0, value)
    return keys


def code_sort_key(code: Code) -> tuple[int, int, str]:
    """Sort integers numerically before strings, strings by natural order of their number."""
    if type(code) is int:
        return (0, code, "")
    text = str(code)
    start = len(text.rstrip("0123456789"))  # linear, in C; a regex search is quadratic here
    while start > 0 and text[start - 1].isdecimal():  # other scripts' digits, as \d matches
        start -= 1
    if start < len(text):
        digits = text[start:][-4000:]  # int() reads at most 4,300 digits
        return (1, int(digits), text[:start].upper())
    return (2, 0, str(code).upper())
