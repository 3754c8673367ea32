"""The Unicode tables of ``static/errdex-text.js``, generated from this Python's ``unicodedata``.

The static site's search replays :mod:`errdex.directory.tokenize` in the
browser, and that must cut and fold text exactly as Python does. A browser's
own Unicode data is of another version (Chromium and node ship newer ones than
Python 3.11's 14.0), so the script does not ask it: every character class the
Python side uses comes from these tables, written into the script between two
marker lines:

- ``WORD``: Python's ``[^\\W_]`` (letters and digits) less :data:`tokenize.CJK`;
- ``CJK``: :data:`tokenize.CJK` itself, and ``CJK_WORD`` its letters (with ``WORD``
  and ``_``, Python's ``\\w``);
- ``SPACE``: ``str.isspace`` (what ``str.split()``, ``strip()`` and ``\\s`` mean);
- ``DECOMP``: the characters NFKD changes (the script decomposes only those, with
  the browser's ``normalize``: decompositions never change once assigned);
- ``COMBINING``: ``unicodedata.combining(ch) != 0``;
- ``LOWER`` / ``LOWER_MULTI``: ``str.lower`` of each character;
- ``IGNORABLE`` / ``CASED``: what ``str.lower`` looks at to write a capital sigma
  as final (measured by lowering probes, since Python keeps the properties inside).

Run ``python -m errdex.directory.web.texttables`` after a change of
:data:`tokenize.CJK` or of the Python version the server runs on; the tests
check that the script's tables are the ones this Python gives.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from errdex.directory import tokenize

SCRIPT = Path(__file__).with_name("static") / "errdex-text.js"
BEGIN = "  /* BEGIN GENERATED TABLES: python -m errdex.directory.web.texttables */"
END = "  /* END GENERATED TABLES */"

_LIMIT = 0x110000
_SIGMA = "\u03a3"


def _is_surrogate(cp: int) -> bool:
    return 0xD800 <= cp < 0xE000


def _ranges(test: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The inclusive ``(first, last)`` code point ranges of the characters passing ``test``."""
    out: list[tuple[int, int]] = []
    start = None
    for cp in range(_LIMIT):
        if not _is_surrogate(cp) and test(chr(cp)):
            if start is None:
                start = cp
        elif start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, _LIMIT - 1))
    return out


def encode_ranges(ranges: list[tuple[int, int]]) -> str:
    """Ranges as ``gap.length`` pairs in base 36 (gap from the previous range's end)."""
    out = []
    after = 0
    for first, last in ranges:
        out.append(f"{_b36(first - after)}.{_b36(last - first)}")
        after = last + 1
    return ",".join(out)


def _b36(n: int) -> str:
    if n < 0:
        return "-" + _b36(-n)
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def _lower_runs() -> tuple[str, dict[str, str]]:
    """``str.lower`` per character: one-character mappings as runs ``gap.count.step.delta``
    (base 36), longer ones as a map of code point (base 36) to text."""
    single: list[tuple[int, int]] = []
    multi: dict[str, str] = {}
    for cp in range(_LIMIT):
        if _is_surrogate(cp) or chr(cp) == _SIGMA:
            continue
        low = chr(cp).lower()
        if low == chr(cp):
            continue
        if len(low) == 1:
            single.append((cp, ord(low) - cp))
        else:
            multi[_b36(cp)] = low
    runs: list[tuple[int, int, int, int]] = []  # first, count, step, delta
    for cp, delta in single:
        if runs:
            first, count, step, d = runs[-1]
            last = first + (count - 1) * step
            if d == delta and ((count == 1 and cp - last in (1, 2)) or cp - last == step):
                runs[-1] = (first, count + 1, cp - last if count == 1 else step, d)
                continue
        runs.append((cp, 1, 1, delta))
    out = []
    after = 0
    for first, count, step, delta in runs:
        out.append(f"{_b36(first - after)}.{_b36(count)}.{step}.{_b36(delta)}")
        after = first + (count - 1) * step + 1
    return ",".join(out), multi


def _final(text: str, at: int) -> bool:
    """Whether ``str.lower`` writes the capital sigma at ``at`` of ``text`` as final."""
    return text.lower()[at] == "\u03c2"


def tables() -> dict[str, str | dict[str, str]]:
    """Every table, encoded as the script reads it."""
    word = re.compile(r"[^\W_]")
    cjk = re.compile(f"[{tokenize.CJK}]")
    lower, lower_multi = _lower_runs()

    def ignorable(ch: str) -> bool:  # skipped on both sides of the sigma
        before = _final("A" + ch + _SIGMA, 1 + len(ch.lower()))
        return before and _final("A" + _SIGMA + ch, 1) and ch != _SIGMA

    def cased(ch: str) -> bool:  # a cased character that is not skipped
        return _final(ch + _SIGMA, len(ch.lower()))

    return {
        "UNICODE": unicodedata.unidata_version,
        "WORD": encode_ranges(_ranges(lambda ch: bool(word.match(ch)) and not cjk.match(ch))),
        "CJK": encode_ranges(_ranges(lambda ch: bool(cjk.match(ch)))),
        "CJK_WORD": encode_ranges(_ranges(lambda ch: bool(word.match(ch) and cjk.match(ch)))),
        "SPACE": encode_ranges(_ranges(str.isspace)),
        "DECOMP": encode_ranges(_ranges(lambda ch: unicodedata.normalize("NFKD", ch) != ch)),
        "COMBINING": encode_ranges(_ranges(lambda ch: unicodedata.combining(ch) != 0)),
        "LOWER": lower,
        "LOWER_MULTI": lower_multi,
        "IGNORABLE": encode_ranges(_ranges(ignorable)),
        "CASED": encode_ranges(_ranges(cased)),
    }


def render() -> str:
    """The generated block of the script, marker lines included."""
    lines = [BEGIN, "  var TABLES = {"]
    items = list(tables().items())
    for i, (name, value) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"    {name}: {json.dumps(value, ensure_ascii=True)}{comma}")
    lines += ["  };", END]
    return "\n".join(lines)


def current(script: str) -> str:
    """The generated block as the script has it now (marker lines included)."""
    start = script.index(BEGIN)
    end = script.index(END, start) + len(END)
    return script[start:end]


def main() -> int:
    """Rewrite the generated block of the script with this Python's tables."""
    script = SCRIPT.read_text(encoding="utf-8")
    try:
        old = current(script)
    except ValueError:
        print(f"{SCRIPT}: the marker lines of the generated tables are missing", file=sys.stderr)
        return 1
    SCRIPT.write_text(script.replace(old, render()), encoding="utf-8")
    print(f"{SCRIPT}: tables of Unicode {unicodedata.unidata_version} written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
