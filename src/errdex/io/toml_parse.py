"""The TOML parser errdex reads catalogs with: tomllib, or its compiled twin when installed.

tomli 2.3 is the parser :mod:`tomllib` was taken from, at the same TOML
version (1.0), compiled with mypyc: the same values and the same error
messages, about three times faster — a 50 MB catalog parses in seconds
instead of most of the budget of ``errdex check``. It is used only when it is
that series and compiled: later tomli versions read TOML 1.1 (newlines in
inline tables, ``\\e``, times without seconds), which tomllib rejects, and a
catalog must read the same wherever errdex runs; a pure-Python tomli is no
faster than tomllib.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

TOML_SERIES = "2.3."
"""The tomli versions that read exactly what tomllib reads."""

Parser = Callable[[str], dict[str, Any]]


@cache
def parser() -> tuple[Parser, tuple[type[Exception], ...]]:
    """``(loads, errors)``: the parser to use and the exceptions it raises for invalid TOML
    (each worded as tomllib words it, ``"... (at line L, column C)"``). Picked on first
    use, so that reading JSON or YAML imports neither."""
    import tomllib

    try:
        import tomli
        import tomli._parser
    except ImportError:
        return tomllib.loads, (tomllib.TOMLDecodeError,)
    compiled = str(getattr(tomli._parser, "__file__", "")).endswith((".so", ".pyd"))
    if compiled and str(getattr(tomli, "__version__", "")).startswith(TOML_SERIES):
        return tomli.loads, (tomli.TOMLDecodeError, tomllib.TOMLDecodeError)
    return tomllib.loads, (tomllib.TOMLDecodeError,)


def loads(text: str) -> dict[str, Any]:
    """Parse TOML ``text`` (raises one of :func:`errors` when it is invalid)."""
    return parser()[0](text)


def errors() -> tuple[type[Exception], ...]:
    """The exceptions :func:`loads` raises for invalid TOML."""
    return parser()[1]
