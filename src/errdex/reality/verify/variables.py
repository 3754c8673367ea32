"""``${NAME}`` templates in request examples: the environment and captured values.

A request example may hold ``${NAME}`` in its path, headers, query, body and
JSON strings. ``NAME`` is a value captured by a ``[[verify.setup]]`` request,
else an environment variable. ``$${`` writes a literal ``${``. A name with no
value is an error naming it, never an empty string sent in its place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_VAR = re.compile(r"\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class MissingVariable(LookupError):
    """Raised when a ``${NAME}`` template names a value that is neither captured
    nor in the environment."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"${{{name}}} has no value: set the environment variable {name} "
            "or capture it in a [[verify.setup]] request"
        )
        self.name = name


def fill(text: str, values: Mapping[str, str]) -> str:
    """Return ``text`` with every ``${NAME}`` replaced by ``values[NAME]``."""
    if "$" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return "${"
        try:
            return values[name]
        except KeyError:
            raise MissingVariable(name) from None

    return _VAR.sub(one, text)


def fill_any(value: Any, values: Mapping[str, str]) -> Any:
    """Fill the templates of every string inside a JSON value (keys untouched)."""
    if isinstance(value, str):
        return fill(value, values)
    if isinstance(value, list):
        return [fill_any(v, values) for v in value]
    if isinstance(value, dict):
        return {k: fill_any(v, values) for k, v in value.items()}
    return value
