"""Safe message templates: ``{name}`` fills a parameter, nothing else is evaluated.

A template is compiled once per entry and locale into a tuple of literal
strings and :class:`Slot` markers. Only ``{identifier}`` is a placeholder;
``{{`` and ``}}`` are literal braces. Anything else between braces —
``{x.__class__}``, ``{x[0]}``, ``{x!r}``, ``{x:>10}``, ``{}`` — is copied
literally and never evaluated (unlike :meth:`str.format`). A placeholder with
no value (missing parameter, ``None``, or a non-public parameter in public
output) is kept as written, ``{name}``, so the message stays readable and the
error path never fails.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from typing import Any, NamedTuple

from errdex.runtime.text import PUBLIC_CAP, cap, safe_str

_BIG = 10**18  # integers below this print fast and safely (str() of huge ints can raise)
_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Slot(NamedTuple):
    """A placeholder inside a compiled template."""

    name: str


Part = str | Slot


class Template(NamedTuple):
    """A compiled message template: literal parts and :class:`Slot` placeholders."""

    source: str
    parts: tuple[Part, ...]
    static: str | None
    """The text when the template has no placeholder (the fast path), else None."""
    fmt: str
    """The template as a ``%``-format string with one ``%s`` per slot (rendering is one ``%``)."""
    slots: tuple[str, ...]
    """The placeholder names in order, one per ``%s`` of :attr:`fmt`."""

    @property
    def names(self) -> tuple[str, ...]:
        """The placeholder names, in order of appearance (repeats kept once)."""
        return tuple(dict.fromkeys(self.slots))

    def render(
        self,
        values: Mapping[str, Any],
        limit: int = PUBLIC_CAP,
        hidden: Container[str] = (),
    ) -> str:
        """Fill the placeholders from ``values``; never raises.

        Values are shown with :func:`~errdex.runtime.text.safe_str` capped at
        ``limit``; a name in ``hidden`` keeps ``{name}`` as written (used to keep
        non-public parameters out of public output).
        """
        if self.static is not None:
            return self.static
        out: list[Any] = []
        get = values.get
        for name in self.slots:
            value = get(name)
            kind = type(value)
            if value is None or name in hidden:
                out.append("{" + name + "}")
            elif kind is str:
                out.append(value if len(value) <= limit else cap(value, limit))
            elif (kind is int and -_BIG < value < _BIG) or kind is float or kind is bool:
                out.append(value)
            else:
                out.append(safe_str(value, limit))
        return self.fmt % tuple(out)


def compile_template(source: str) -> Template:
    """Compile ``source`` once; the result renders any values safely."""
    parts: list[Part] = []
    pos = 0
    buf: list[str] = []
    for match in _TOKEN.finditer(source):
        buf.append(source[pos : match.start()])
        token = match.group(0)
        if token == "{{":
            buf.append("{")
        elif token == "}}":
            buf.append("}")
        else:
            if any(buf):
                parts.append("".join(buf))
            buf = []
            parts.append(Slot(match.group(1)))
        pos = match.end()
    buf.append(source[pos:])
    if any(buf):
        parts.append("".join(buf))
    static = None if any(type(p) is Slot for p in parts) else "".join(parts)  # type: ignore[arg-type]
    fmt = "".join("%s" if type(p) is Slot else p.replace("%", "%%") for p in parts)  # type: ignore[union-attr]
    slots = tuple(p.name for p in parts if type(p) is Slot)  # type: ignore[union-attr]
    return Template(source, tuple(parts), static, fmt, slots)
