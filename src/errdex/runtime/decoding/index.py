"""The lookup tables decoding needs, precomputed once per catalog on its first decode."""

from __future__ import annotations

from typing import Any

from errdex.model import Catalog, Entry
from errdex.model.effective import stated_jsonrpc_code
from errdex.runtime.factory import ClassFactory
from errdex.runtime.profiles.plain import field_map
from errdex.runtime.spec import google_reason


class DecodeIndex:
    """Tables for the decode steps of one catalog: by JSON-RPC code, by google reason,
    the ``http`` spaces, module prefixes and ranges, the plain profiles' field maps."""

    def __init__(self, catalog: Catalog, factory: ClassFactory) -> None:
        self.catalog = catalog
        self.factory = factory
        kinds = {s.id: s.kind for s in catalog.spaces.values()}
        self.kinds = kinds
        self.by_jsonrpc: dict[int, list[Entry]] = {}
        for entry in catalog.entries:
            code = stated_jsonrpc_code(entry, kinds.get(entry.space, "app"))
            if code is not None:
                self.by_jsonrpc.setdefault(code, []).append(entry)
        self._by_reason: dict[str, list[Entry]] | None = None
        seen: dict[Any, int] = {}
        for entry in catalog.entries:
            seen[entry.key] = seen.get(entry.key, 0) + 1
        self.unique: dict[Any, Entry] = {}
        """Codes one entry alone has, as the catalog spells them (``"AUTH-ERR-4"``,
        ``1051``): what an envelope errdex rendered names, found with one dict hit."""
        for entry in catalog.entries:
            if seen[entry.key] == 1 and type(entry.code) in (int, str):
                self.unique.setdefault(entry.code, entry)
        self.fast: dict[Any, Any] = {}
        """:class:`~errdex.runtime.decoding.fast.Known` by unique code, made on its first decode."""
        self.fast_rpc: dict[int, Any] = {}
        """:class:`~errdex.runtime.decoding.fast.Known` by ``id(entry)`` for entries found by
        their JSON-RPC code (the catalog keeps the entries alive)."""
        self.synthetic: dict[tuple[Any, ...], Any] = {}
        """Specs of decoded unknown codes by what made them (bounded; see ``build``)."""
        self.http_spaces = tuple(s.id for s in catalog.spaces.values() if s.kind == "http")
        """Spaces whose codes are HTTP statuses: a body with no envelope is found by status."""
        self.jsonrpc_space = next(
            (s.id for s in catalog.spaces.values() if s.kind == "jsonrpc"), None
        )
        """The first ``jsonrpc`` space: an unknown JSON-RPC code falls in it."""
        self.prefixes = tuple(
            (m.prefix.upper(), m.id) for m in catalog.modules.values() if m.prefix
        )
        ranges = [
            (m.range, m.id, kinds.get(m.space) == "jsonrpc") for m in catalog.modules.values()
        ]
        self.ranges = tuple((r, mid, rpc) for r, mid, rpc in ranges if r)
        self.plain: tuple[tuple[str, dict[str, tuple[str | int, ...]], Any], ...] = tuple(
            (name, field_map(p.body), p.body) for name, p in catalog.profiles.items()
        )
        """Each plain profile's name, where its ``$references`` sit, and its body template."""

    @property
    def by_reason(self) -> dict[str, list[Entry]]:
        """Entries by their google ``ErrorInfo.reason`` (built on the first google body)."""
        found = self._by_reason
        if found is None:
            found = {}
            for entry in self.catalog.entries:
                found.setdefault(google_reason(entry), []).append(entry)
            self._by_reason = found
        return found
