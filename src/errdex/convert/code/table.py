"""The language-neutral view every code generator renders: rows, module bases, decode rules.

:func:`code_table` turns a catalog into a :class:`CodeTable` once: one
:class:`Row` per entry with its unique identifier, the module bases with their
code patterns (prefix or range, for the fallback of unknown codes), and the
:class:`BodyShape` list a decoder tries on a response body, in order:

1. JSON-RPC ``{"error": {"code", "message"}}`` (prefers ``jsonrpc`` spaces);
2. the catalog's plain profiles (``{"code": 1051, "error": "..."}``), read
   from each profile's ``body`` template (where ``$code`` and ``$message`` sit);
3. problem+json: ``code`` with ``detail``/``title``, then ``status`` alone
   (looked up in ``http`` spaces).

Generators only format this table; none of them re-derives these rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from errdex._version import __version__
from errdex.convert.code.naming import entry_idents, module_idents
from errdex.convert.escape import one_line
from errdex.model import Catalog, Entry

MESSAGE_REFS = ("$message", "$title", "$description")
"""Profile references a decoder reads the error's message from, best first."""


class Row(NamedTuple):
    """One entry as generated code sees it."""

    ident: str
    entry: Entry
    space_kind: str


class ModuleBase(NamedTuple):
    """A module's base error: its identifier and how to recognise its unknown codes."""

    id: str
    ident: str
    title: str | None
    prefix: str | None
    range: tuple[int, int] | None


class BodyShape(NamedTuple):
    """Where a response body holds the code and the message, and which space kind it implies."""

    code: tuple[str, ...]
    messages: tuple[tuple[str, ...], ...]
    kind: str | None


class CodeTable(NamedTuple):
    """Everything a code generator needs, computed once from a catalog."""

    catalog: Catalog
    rows: tuple[Row, ...]
    modules: tuple[ModuleBase, ...]
    shapes: tuple[BodyShape, ...]

    @property
    def space_kinds(self) -> dict[str, str]:
        """Space id → kind (``app``, ``http``, ``jsonrpc``)."""
        return {s.id: s.kind for s in self.catalog.spaces.values()}


def provenance(catalog: Catalog) -> str:
    """``errdex X from catalog 'id' version V``: one line, safe inside any line comment."""
    meta = catalog.meta
    text = f"errdex {__version__} from catalog {meta.id!r}"
    if meta.version:
        text += " version " + comment_text(meta.version)
    return text


def comment_text(text: str) -> str:
    """``text`` on one line for a ``//`` or ``/* */`` comment: controls dropped, ``*/`` broken."""
    return one_line("".join(ch if ch.isprintable() else " " for ch in text)).replace("*/", "* /")


def _find_refs(body: Any, path: tuple[str, ...], found: dict[str, tuple[str, ...]]) -> None:
    if isinstance(body, Mapping):
        for key, value in body.items():
            _find_refs(value, (*path, str(key)), found)
    elif isinstance(body, str) and body.startswith("$") and not body.startswith("$$"):
        found.setdefault(body, path)


def body_shapes(catalog: Catalog) -> tuple[BodyShape, ...]:
    """The shapes a decoder tries, in order: JSON-RPC, the catalog's profiles, problem+json."""
    shapes = [BodyShape(("error", "code"), (("error", "message"),), "jsonrpc")]
    for profile in catalog.profiles.values():
        found: dict[str, tuple[str, ...]] = {}
        _find_refs(profile.body, (), found)
        if "$code" not in found:
            continue
        messages = tuple(found[r] for r in MESSAGE_REFS if r in found)
        shapes.append(BodyShape(found["$code"], messages, None))
    shapes.append(BodyShape(("code",), (("detail",), ("title",), ("message",)), None))
    shapes.append(BodyShape(("status",), (("detail",), ("title",)), "http"))
    merged: dict[tuple[str, ...], BodyShape] = {}
    for shape in shapes:  # one shape per code path: messages and kind merged, first wins
        old = merged.get(shape.code)
        if old is None:
            merged[shape.code] = shape
        else:
            messages = old.messages + tuple(m for m in shape.messages if m not in old.messages)
            merged[shape.code] = BodyShape(old.code, messages, old.kind or shape.kind)
    return tuple(merged.values())


def code_table(catalog: Catalog, reserved: tuple[str, ...] = ()) -> CodeTable:
    """Build the :class:`CodeTable` of ``catalog``; ``reserved`` names are kept from entries."""
    bases = module_idents(catalog.modules, "Error", reserved)
    idents = entry_idents(catalog.entries, (*reserved, *bases.values()))
    kinds = {s.id: s.kind for s in catalog.spaces.values()}
    rows = tuple(
        Row(ident, e, kinds.get(e.space, "app"))
        for ident, e in zip(idents, catalog.entries, strict=True)
    )
    modules = tuple(
        ModuleBase(m.id, bases[m.id], m.title, m.prefix, m.range) for m in catalog.modules.values()
    )
    return CodeTable(catalog, rows, modules, body_shapes(catalog))
