"""Templates and JSON for the generated Python runtime: filled messages, errdex's JSON bytes.

Part of the runtime ``errdex gen --lang python`` embeds (see :mod:`.python`); it
imports nothing but the standard library and :mod:`.py_safe` (errdex's own
``runtime/text.py``: capped values and public JSON scalars), which the
generator copies in before it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .py_safe import _INT_MAX, _INT_MIN, PUBLIC_CAP, cap, json_scalar, safe_str

MESSAGE_CAP = 4 * PUBLIC_CAP
_BIG = 10**18


# -- templates -----------------------------------------------------------------------


def _show(name: str, value: Any, limit: int) -> str:
    kind = type(value)
    if value is None:
        return "{" + name + "}"
    if kind is str:
        return cap(value, limit)
    if (kind is int and -_BIG < value < _BIG) or kind is float or kind is bool:
        return str(value)
    return safe_str(value, limit)


def fill(parts: Sequence[str], params: Mapping[str, Any], hidden: Iterable[str] = ()) -> str:
    """Fill a compiled template: ``parts`` alternates literal text and placeholder names
    (``("Hello ", "name", "!")``, always an odd count). A missing, None or hidden
    (non-public) value keeps ``{name}`` as written; values are capped."""
    if len(parts) == 1:
        return parts[0]
    out = [parts[0]]
    for i in range(1, len(parts) - 1, 2):
        name = parts[i]
        out.append(_show(name, None if name in hidden else params.get(name), PUBLIC_CAP))
        out.append(parts[i + 1])
    return "".join(out)


# -- JSON as errdex writes it ------------------------------------------------------------


def _float(value: float) -> str:
    """A float as errdex writes it: shortest round-trip digits, ``1e-7``, ``0.00001``."""
    text = repr(value)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    mantissa, _, exp = text.partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac).lstrip("0")
    point = len(whole) + (int(exp) if exp else 0)  # value = 0.DIGITS × 10^point (before strip)
    point -= len(whole + frac) - len((whole + frac).lstrip("0"))
    digits = digits.rstrip("0") or "0"
    if digits == "0":
        return sign + "0.0"
    n = len(digits)
    if 0 < point <= 16:
        if n <= point:
            return sign + digits + "0" * (point - n) + ".0"
        return sign + digits[:point] + "." + digits[point:]
    if -5 < point <= 0:
        return sign + "0." + "0" * -point + digits
    e = point - 1
    body = digits[0] + ("." + digits[1:] if n > 1 else "")
    return sign + body + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _write(value: Any, out: list[str], depth: int) -> None:
    kind = type(value)
    if value is None:
        out.append("null")
    elif kind is str:
        out.append(_string(value))
    elif kind is bool:
        out.append("true" if value else "false")
    elif kind is int:
        if not _INT_MIN <= value <= _INT_MAX:
            raise TypeError("integer out of range")
        out.append(str(value))
    elif kind is float:
        if not math.isfinite(value):
            out.append("null")
        else:
            out.append(_float(value))
    elif depth > 254:
        raise TypeError("too deep")
    elif isinstance(value, Mapping):
        out.append("{")
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError("non-string key")
            out.append("" if first else ",")
            first = False
            out.append(_string(key))
            out.append(":")
            _write(item, out, depth + 1)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _write(item, out, depth + 1)
        out.append("]")
    else:
        out.append(_string(_default(value)))


def _default(value: Any) -> str:
    return safe_str(value).encode("utf-8", "replace").decode("utf-8")


def _sanitize(value: Any, depth: int = 0) -> Any:
    if depth > 32:
        return "…"
    if isinstance(value, Mapping):
        return {safe_str(k): _sanitize(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_sanitize(v, depth + 1) for v in value]
    value = json_scalar(value, None, 4 * PUBLIC_CAP)
    if type(value) is str:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON, members in insertion order, as errdex writes it; never raises."""
    out: list[str] = []
    try:
        _write(value, out, 0)
        return "".join(out).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError, RecursionError):
        out = []
        _write(_sanitize(value), out, 0)
        return "".join(out).encode("utf-8")
