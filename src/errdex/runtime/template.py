"""Safe message templates: ``{name}`` fills a parameter, nothing else is evaluated.

A template is compiled once per entry and locale into a leading literal and
``(name, literal)`` pairs, joined once per fill. Only ``{identifier}`` is a
placeholder; ``{{`` and ``}}`` are literal braces. Anything else between
braces — ``{x.__class__}``, ``{x[0]}``, ``{x!r}``, ``{x:>10}``, ``{}`` — is
copied literally and never evaluated (unlike :meth:`str.format`). A
placeholder with no value (missing parameter, ``None``, or a non-public
parameter in public output) is kept as written, ``{name}``, so the message
stays readable and the error path never fails.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping
from typing import Any, NamedTuple

from errdex.model.template import Part, Slot, parse_template
from errdex.runtime.text import PUBLIC_CAP, cap, safe_str

_BIG = 10**18  # integers below this print fast and safely (str() of huge ints can raise)


def show(name: str, value: Any, limit: int) -> str:
    """Return the text a placeholder shows for ``value``: capped, ``{name}`` for None."""
    kind = type(value)
    if value is None:
        return "{" + name + "}"
    if kind is str:
        return value if len(value) <= limit else cap(value, limit)
    if (kind is int and -_BIG < value < _BIG) or kind is float or kind is bool:
        return str(value)
    return safe_str(value, limit)


class Template(NamedTuple):
    """A compiled message template: a leading literal, then ``(name, literal)`` pairs."""

    source: str
    parts: tuple[Part, ...]
    static: str | None
    """The text when the template has no placeholder (the fast path), else None."""
    lead: str
    """The literal text before the first placeholder."""
    pairs: tuple[tuple[str, str], ...]
    """One ``(placeholder name, literal text after it)`` per placeholder, in order."""

    @property
    def names(self) -> tuple[str, ...]:
        """The placeholder names, in order of appearance (repeats kept once)."""
        return tuple(dict.fromkeys(name for name, _ in self.pairs))

    def fill(self, values: Mapping[str, Any]) -> str:
        """Fill every placeholder from ``values`` for public output (values capped at
        :data:`~errdex.runtime.text.PUBLIC_CAP`); never raises."""
        static = self.static
        if static is not None:
            return static
        text = self.lead
        get = values.get
        for name, after in self.pairs:
            value = get(name)
            if type(value) is not str or len(value) > PUBLIC_CAP:
                value = show(name, value, PUBLIC_CAP)
            text += value + after
        return text

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
        get = values.get
        out = [self.lead]
        for name, after in self.pairs:
            out.append(show(name, None if name in hidden else get(name), limit))
            out.append(after)
        return "".join(out)

    def hide(self, names: Container[str]) -> Template:
        """Return this template with the placeholders in ``names`` turned into their
        literal ``{name}`` text: what public output shows for non-public parameters."""
        if not any(name in names for name, _ in self.pairs):
            return self
        return _assemble(
            self.source,
            ["{" + p.name + "}" if type(p) is Slot and p.name in names else p for p in self.parts],
        )


def string_filler(template: Template) -> Callable[[Mapping[str, str]], str]:
    """Return a function filling ``template`` from parameters known to be short strings.

    The caller has checked that every value is a ``str`` of at most
    :data:`~errdex.runtime.text.PUBLIC_CAP` characters; a missing name keeps its
    ``{name}`` text. The result equals :meth:`Template.fill` for such parameters; it is
    compiled once per template (one or two placeholders unrolled), for the render fast path.
    """
    lead, pairs = template.lead, template.pairs
    if not pairs:
        return lambda values: lead
    marks = ["{" + name + "}" for name, _ in pairs]
    if len(pairs) == 1:
        ((n1, a1),) = pairs
        (m1,) = marks

        def fill_one(values: Mapping[str, str]) -> str:
            return lead + values.get(n1, m1) + a1

        return fill_one
    if len(pairs) == 2:
        (n1, a1), (n2, a2) = pairs
        m1, m2 = marks
        join = "".join

        def fill_two(values: Mapping[str, str]) -> str:
            get = values.get
            return join((lead, get(n1, m1), a1, get(n2, m2), a2))

        return fill_two
    slots = tuple((name, mark, after) for (name, after), mark in zip(pairs, marks, strict=True))

    def fill_many(values: Mapping[str, str]) -> str:
        get = values.get
        out = [lead]
        for name, mark, after in slots:
            out += (get(name, mark), after)
        return "".join(out)

    return fill_many


def two_slots(template: Template) -> tuple[str, str, str, str, str] | None:
    """``(lead, name1, after1, name2, after2)`` for a template with exactly two placeholders
    of different names (``"Quota {quota} of plan {plan}."``), else None: the shape the
    render fast path unrolls."""
    if len(template.pairs) != 2:
        return None
    (n1, a1), (n2, a2) = template.pairs
    return None if n1 == n2 else (template.lead, n1, a1, n2, a2)


def _assemble(source: str, parts: list[Part]) -> Template:
    """Build a template from its parts, merging adjacent literals."""
    merged: list[Part] = []
    for part in parts:
        if type(part) is str and merged and type(merged[-1]) is str:
            merged[-1] += part
        elif part != "":
            merged.append(part)
    lead = ""
    pairs: list[tuple[str, str]] = []
    for part in merged:
        if type(part) is Slot:
            pairs.append((part.name, ""))
        elif pairs:
            pairs[-1] = (pairs[-1][0], part)  # type: ignore[assignment]
        else:
            lead = part  # type: ignore[assignment]
    static = lead if not pairs else None
    return Template(source, tuple(merged), static, lead, tuple(pairs))


def compile_template(source: str) -> Template:
    """Compile ``source`` once; the result renders any values safely."""
    return _assemble(source, list(parse_template(source).parts))
