"""Integers too big for any reader: refused where the file is parsed, with their place.

TOML and YAML spell integers in hexadecimal, octal and binary (and YAML 1.1
in base 60, ``1:20:30``), and Python reads those at any size: ``0x`` and ten
thousand digits is one integer Python cannot even print (``str()`` stops at
4,300 digits), so every message naming it would fail. Integers up to
:data:`LIMIT_BITS` go on to the range rules (E114 says which range each field
holds); bigger ones are refused as soon as the file is parsed, as an E114 at
their key (:class:`HugeInteger`), and the file is treated like one that does
not parse.

Looking costs next to nothing: TOML text is searched once for a long ``0x``,
``0o`` or ``0b`` literal (a decimal literal that long is already a syntax
error), and the parsed data is walked only when one occurs; YAML's integers
are bounded as PyYAML constructs them (:func:`bounded_int`).
"""

from __future__ import annotations

import re
from typing import Any

_LONG_LITERAL = re.compile(r"0[xob][0-9a-fA-F_]{256}")
"""What every TOML literal beyond :data:`LIMIT_BITS` starts with (256 hexadecimal, octal
or binary digits hold at most 1,024 bits): one scan, and texts mentioning ``0x41E`` pass."""

LIMIT_BITS = 1024
"""The biggest integer a file may hold, in bits: far beyond any range a field allows
(64 bits at most), small enough to print and compare quickly."""


class HugeInteger(Exception):
    """An integer of more than :data:`LIMIT_BITS` bits; ``path`` (TOML) or ``line``/``col``
    (YAML, 1-based) say where it is."""

    def __init__(self, bits: int, path: tuple[Any, ...] = (), line: int = 0, col: int = 0):
        super().__init__(f"an integer of {bits} bits")
        self.bits = bits
        self.path = path
        self.line = line
        self.col = col


def check_toml(text: str, data: Any) -> None:
    """Raise :class:`HugeInteger` for the first integer of parsed TOML ``data`` beyond the limit."""
    if _LONG_LITERAL.search(text) is None:
        return
    stack: list[tuple[tuple[Any, ...], Any]] = [((), data)]
    while stack:
        path, item = stack.pop()
        kind = type(item)
        if kind is int:
            if item.bit_length() > LIMIT_BITS:
                raise HugeInteger(item.bit_length(), path)
        elif kind is dict:
            stack.extend(((*path, k), v) for k, v in reversed(item.items()))
        elif kind is list:
            stack.extend(((*path, i), v) for i, v in reversed(list(enumerate(item))))


def bounded_int(constructor: Any, node: Any) -> Any:
    """PyYAML's ``!!int`` constructor, refusing an integer beyond :data:`LIMIT_BITS`."""
    from yaml.constructor import SafeConstructor

    value = SafeConstructor.construct_yaml_int(constructor, node)
    if type(value) is int and value.bit_length() > LIMIT_BITS:
        mark = node.start_mark
        raise HugeInteger(value.bit_length(), line=mark.line + 1, col=mark.column + 1)
    return value


def bounded_constructor() -> Any:
    """A PyYAML safe constructor whose ``!!int`` is :func:`bounded_int`."""
    from yaml.constructor import SafeConstructor

    class Bounded(SafeConstructor):
        pass

    Bounded.add_constructor("tag:yaml.org,2002:int", bounded_int)
    return Bounded()
