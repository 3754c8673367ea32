"""What a generated document shows: its sections, each section's columns, each cell's text.

Every doc generator walks the same structure, so the formats agree on it and
the importers can read it back:

- a title (the catalog's title, else its id) and the catalog description;
- one section per code space when the catalog has several (heading: the space
  title, else its id; then the space description);
- inside, one group per module in order of first use (heading: the module
  title, else its id; then the module description); entries without a module
  form a group without a heading;
- per group, the columns that hold something for at least one of its entries
  (:func:`columns`).

Numbers a reader can infer are left out: a space's default HTTP status,
JSON-RPC code, ``fault`` or ``retry`` (stated by the space), an HTTP entry's own status, a JSON-RPC
entry's own code, and the HTTP status of an entry listed in the ``carried``
column of an HTTP entry (ZAN's 对应错误码).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from errdex.convert.labels import labels_for, status_label
from errdex.model import Catalog, Entry, Module, Space

TextOf = Callable[[Entry, str], "str | None"]


class Group(NamedTuple):
    """Entries of one module (or of no module) inside one space, in catalog order."""

    space: Space
    module: Module | None
    entries: list[Entry]


class SpaceSection(NamedTuple):
    """One code space's part of a document; ``heading`` is False for a single-space catalog."""

    space: Space
    heading: bool
    groups: list[Group]


class Lifecycle(NamedTuple):
    """What a document says of a deprecated or removed entry (``STATE[: reason][ (use X
    instead)]``, as every format writes it and :func:`errdex.convert.labels.lifecycle_of`
    reads it back).

    ``state`` is the translated state, ``reason`` the raw (unescaped) reason,
    ``replaced_by`` the replacement's code as text, ``target`` the replacement entry
    when this catalog holds it (in the entry's space): a format with anchors links it.
    """

    state: str
    reason: str | None
    replaced_by: str | None
    target: Entry | None

    def note(self, labels: dict[str, str], code: str) -> str:
        """The replacement note around ``code`` (already written for the target):
        ``use CODE instead``, in the labels' language."""
        return labels["use_instead"].replace("{code}", code)


class Layout:
    """The shared plan of a document for one catalog and locale."""

    def __init__(self, catalog: Catalog, locale: str | None = None) -> None:
        self.catalog = catalog
        self.locale = locale or catalog.meta.default_locale
        self.text = text_getter(catalog, locale)
        self.sections = _sections(catalog)
        self.carried = _carried(catalog)
        self.carried_keys = {id(e) for codes in self.carried.values() for e in codes}

    @property
    def title(self) -> str:
        """The document title."""
        return self.catalog.meta.title or self.catalog.meta.id

    def space_heading(self, space: Space) -> str:
        """A space's heading text."""
        return space.title or space.id

    def module_heading(self, module: Module) -> str:
        """A module's heading text."""
        return module.title or module.id

    # -- numbers ---------------------------------------------------------------

    def http_shown(self, entry: Entry, space: Space) -> int | None:
        """The HTTP status to print for ``entry``, or None when inferable (see module doc)."""
        status = entry.http_status
        if status is None or status == space.http_status:
            return None
        if space.kind == "http" and status == entry.code:
            return None
        if id(entry) in self.carried_keys:
            return None
        return status

    def jsonrpc_shown(self, entry: Entry, space: Space) -> int | None:
        """The JSON-RPC code to print for ``entry``, or None when inferable."""
        code = entry.jsonrpc_code
        if code is None or code == space.jsonrpc_code:
            return None
        if space.kind == "jsonrpc" and code == entry.code:
            return None
        return code

    def retry_shown(self, entry: Entry, space: Space, field: str) -> str | None:
        """The ``fault`` or ``retry`` (``field``) to print for ``entry``, or None when it
        states none or the space's default is the same (the space says it once)."""
        value: str | None = getattr(entry, field)
        if value is None or value == getattr(space, field, None):
            return None
        return value

    def carried_codes(self, entry: Entry, space: Space) -> list[Entry]:
        """For an HTTP entry: the entries of other spaces sent with this status."""
        if space.kind != "http":
            return []
        return self.carried.get((space.id, entry.key), [])

    # -- columns ---------------------------------------------------------------

    def columns(self, group: Group, *, merge: bool = True) -> list[str]:
        """The roles shown for ``group``, in order; ``merge`` allows ``name_or_message``."""
        text = self.text
        space = group.space
        present = set()
        both = False
        for e in group.entries:
            has_name = e.name is not None
            msg = text(e, "message")
            if has_name:
                present.add("name")
            if msg is not None:
                present.add("message")
                both = both or has_name
            for role in ("title", "description", "solution"):
                if role not in present and text(e, role) is not None:
                    present.add(role)
            if "http_status" not in present and self.http_shown(e, space) is not None:
                present.add("http_status")
            if "jsonrpc_code" not in present and self.jsonrpc_shown(e, space) is not None:
                present.add("jsonrpc_code")
            for field in ("fault", "retry"):
                if field not in present and self.retry_shown(e, space, field) is not None:
                    present.add(field)
            if "carried" not in present and self.carried_codes(e, space):
                present.add("carried")
            if e.status != "active":
                present.add("status")
        cols = ["code"]
        if merge and not both and {"name", "message"} <= present:
            present -= {"name", "message"}
            present.add("name_or_message")
        order = (
            "name",
            "name_or_message",
            "title",
            "carried",
            "message",
            "description",
            "solution",
            "http_status",
            "jsonrpc_code",
            "fault",
            "retry",
            "status",
        )
        cols += [role for role in order if role in present]
        return cols

    def header(self, role: str, space: Space, labels: dict[str, str]) -> str:
        """The header label of a column (or bullet) ``role``: an HTTP space's code is a status."""
        if role == "code" and space.kind == "http":
            return labels["code_http"]
        return labels[role]

    def cell(self, entry: Entry, role: str, space: Space) -> str | None:
        """The raw (unescaped) value of one cell, or None when empty."""
        if role == "code":
            return str(entry.code)
        if role == "name":
            return entry.name
        if role == "name_or_message":
            return entry.name if entry.name is not None else self.text(entry, "message")
        if role in ("title", "message", "description", "solution"):
            return self.text(entry, role)
        if role == "http_status":
            value = self.http_shown(entry, space)
            return None if value is None else str(value)
        if role == "jsonrpc_code":
            value = self.jsonrpc_shown(entry, space)
            return None if value is None else str(value)
        if role == "carried":
            codes = self.carried_codes(entry, space)
            return "\n".join(str(e.code) for e in codes) if codes else None
        if role in ("fault", "retry"):
            return self.retry_shown(entry, space, role)
        if role == "status":
            if entry.status == "active":
                return None
            return status_label(entry.status, labels_for(self.locale))
        raise ValueError(f"unknown column role {role!r}")

    def lifecycle(self, entry: Entry) -> Lifecycle | None:
        """The state, reason and replacement of a deprecated or removed entry; None when active.

        Every document shows them: a tombstone without its reason and replacement
        tells a reader only that a code is gone, not why nor what to use instead.
        """
        if entry.status == "active":
            return None
        replaced = entry.replaced_by
        target = None if replaced is None else self.catalog.get(replaced, entry.space)
        return Lifecycle(
            status_label(entry.status, labels_for(self.locale)),
            entry.reason or None,
            None if replaced is None else str(replaced),
            target,
        )

    def summary(self, entry: Entry) -> str | None:
        """The one text a bullet list shows: message, else title, description or name."""
        for field in ("message", "title", "description"):
            value = self.text(entry, field)
            if value is not None:
                return value
        return entry.name


def text_getter(catalog: Catalog, locale: str | None) -> TextOf:
    """A function ``(entry, field) -> text`` in ``locale``, falling back to the source text."""
    default = catalog.meta.default_locale
    if locale is None or locale == default:
        return _source_text

    def text(entry: Entry, field: str) -> str | None:
        if entry.locale != locale:
            translated = entry.translations.get(locale)
            if translated is not None:
                value: str | None = getattr(translated, field)
                if value is not None:
                    return value
        own: str | None = getattr(entry, field)
        return own

    return text


def _source_text(entry: Entry, field: str) -> str | None:
    value: str | None = getattr(entry, field)
    return value


def _sections(catalog: Catalog) -> list[SpaceSection]:
    spaces = catalog.spaces
    modules = catalog.modules
    order: dict[str, dict[str | None, list[Entry]]] = {}
    for entry in catalog.entries:
        by_module = order.get(entry.space)
        if by_module is None:
            by_module = order[entry.space] = {}
        bucket = by_module.get(entry.module)
        if bucket is None:
            bucket = by_module[entry.module] = []
        bucket.append(entry)
    several = len(order) > 1
    out = []
    for sid, by_module in order.items():
        space = spaces.get(sid) or Space(id=sid)
        groups = [
            Group(space, modules.get(mid) if mid is not None else None, entries)
            for mid, entries in by_module.items()
        ]
        out.append(SpaceSection(space, several, groups))
    return out


def _carried(catalog: Catalog) -> dict[tuple[str, object], list[Entry]]:
    http_keys: dict[object, str] = {}
    for sid, space in catalog.spaces.items():
        if space.kind == "http":
            for entry in catalog.space_entries(sid):
                http_keys.setdefault(entry.key, sid)
    if not http_keys:
        return {}
    out: dict[tuple[str, object], list[Entry]] = {}
    spaces = catalog.spaces
    for entry in catalog.entries:
        status = entry.http_status
        if status is None or (entry.space in spaces and spaces[entry.space].kind == "http"):
            continue
        own = spaces.get(entry.space)
        if own is not None and own.http_status == status:
            continue
        home = http_keys.get(status)
        if home is not None:
            out.setdefault((home, status), []).append(entry)
    return out


def document(lines: list[str]) -> str:
    """A generator's lines as one text: trailing blank lines dropped, one final newline."""
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


_LABEL_UNSAFE = re.compile(r"[^A-Za-z0-9_.+-]+")


class CodeLabels:
    """One Sphinx label per code (MyST ``(label)=``, reST ``.. _label:``), unique in a page.

    ``<catalog>--<space>--code-<code>``, characters a label cannot hold as
    ``_``; a label made equal to another by that gets ``-2``, ``-3`` … So
    ``{ref}`E1 <shop--app--code-E1>``` and a deep link reach every code.
    """

    def __init__(self, catalog_id: str) -> None:
        self.catalog_id = catalog_id
        self.seen: set[str] = set()

    def __call__(self, space: str, code: object) -> str:
        base = "--".join(
            (
                _LABEL_UNSAFE.sub("_", self.catalog_id),
                _LABEL_UNSAFE.sub("_", space),
                "code-" + _LABEL_UNSAFE.sub("_", str(code)),
            )
        )
        label, n = base, 1
        while label.lower() in self.seen:  # Sphinx compares labels case-insensitively
            n += 1
            label = f"{base}-{n}"
        self.seen.add(label.lower())
        return label

    @classmethod
    def of(cls, layout: Layout) -> dict[int, str]:
        """Every code's label in ``layout``, keyed by ``id(entry)``, made in page order.

        Made before the page is written, so a note can link a code further down
        (a tombstone's replacement) by the label that code gets.
        """
        make = cls(layout.catalog.meta.id)
        return {
            id(e): make(section.space.id, e.code)
            for section in layout.sections
            for group in section.groups
            for e in group.entries
        }
