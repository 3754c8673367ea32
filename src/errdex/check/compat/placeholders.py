"""Placeholders of a message template: the ``{name}`` fields a caller fills.

``{{`` and ``}}`` are literal braces; ``{user.id}`` and ``{items[0]}`` use the
parameter ``user`` and ``items``; a format spec (``{age:d}``) is ignored. A
template that is not valid Python format syntax (a lone ``{``) is scanned
leniently, so a broken message still yields its evident placeholders.
"""

from __future__ import annotations

import re
from string import Formatter

_LENIENT = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}(?!\})")
_FORMATTER = Formatter()


def placeholders(template: str | None) -> frozenset[str]:
    """Return the parameter names a message template uses (empty for None)."""
    if not template or "{" not in template:
        return frozenset()
    names: set[str] = set()
    try:
        for _literal, field, _spec, _conv in _FORMATTER.parse(template):
            if field:
                names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    except ValueError:
        return frozenset(_LENIENT.findall(template))
    return frozenset(names)
