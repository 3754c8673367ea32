# A copy of src/errdex/runtime/text.py (errdex.convert.code.embedded.copy_of): edit
# that module, then run UPDATE_EMBEDDED=1 pytest tests/convert/code/embedded/test_embedded_copies.py
"""Safe text for the error path: values turned into capped strings or JSON scalars.

Everything here runs while an error is being raised or rendered, so nothing
here raises: an object whose ``__str__`` raises, an integer too large to print,
a huge string, ``None`` — each becomes a short, printable value. Public output
caps every parameter value at :data:`PUBLIC_CAP` characters.
"""

from __future__ import annotations

from typing import Any

PUBLIC_CAP = 256
"""Longest parameter value (in characters) that reaches public output."""

ELLIPSIS = "…"
_INT_MIN = -(2**63)
_INT_MAX = 2**64 - 1


def cap(text: str, limit: int = PUBLIC_CAP) -> str:
    """Return ``text`` cut to ``limit`` characters, ending in ``…`` when cut."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)] + ELLIPSIS


def safe_str(value: Any, limit: int = PUBLIC_CAP) -> str:
    """Return ``str(value)`` capped at ``limit``; never raises.

    An object whose ``__str__`` fails (or returns a non-string) is shown as
    ``<TypeName object>``.
    """
    if type(value) is str:
        return cap(value, limit)
    try:
        text = str(value)
        printable = type(text) is str
    except Exception:
        printable = False
    if not printable:
        try:
            name = type(value).__name__
        except Exception:
            name = "unprintable"
        text = f"<{name} object>"
    return cap(text, limit)


def json_scalar(value: Any, declared: str | None = None, limit: int = PUBLIC_CAP) -> Any:
    """Return ``value`` as a JSON-safe public value (for ``params`` members).

    ``declared`` is the parameter's catalog type (``str``, ``int``, ``float``,
    ``bool``) or None. Values of the declared type (or JSON scalars when
    undeclared) stay as they are — integers only inside the 64-bit range,
    strings capped; everything else becomes a capped string. ``None`` stays None.
    """
    kind = type(value)
    if value is None:
        return None
    if kind is str:
        return cap(value, limit)
    if kind is bool:
        if declared in (None, "bool"):
            return value
    elif kind is int:
        if declared in (None, "int", "float") and _INT_MIN <= value <= _INT_MAX:
            return value if declared != "float" else float(value)
    elif kind is float and declared in (None, "float"):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    return safe_str(value, limit)


def coerce_back(value: Any, declared: str | None) -> Any:
    """Return a decoded parameter value in its declared type when it converts cleanly.

    Used by ``decode``: google ``ErrorInfo.metadata`` carries every value as a
    string, so ``"5"`` comes back as ``5`` for an ``int`` parameter.
    """
    if type(value) is not str or declared in (None, "str"):
        return value
    try:
        if declared == "int":
            return int(value)
        if declared == "float":
            return float(value)
        if declared == "bool" and value in ("true", "false", "True", "False"):
            return value in ("true", "True")
    except ValueError:
        return value
    return value
