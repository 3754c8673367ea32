"""What a source-code reader finds: error codes with their place, and what it passed over.

Every reader (one per language) returns a :class:`Findings`: the codes it read
(:class:`Found`, each with the file and line it was read from) and the
structures it saw but did not take (:class:`Skipped`, with the reason and the
``--from`` that would force them). :func:`build` turns the findings of many
files into catalog data: one module per enum, class or block, in one code
space, or a space of its own for a group whose codes repeat another's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

ERRORISH = re.compile(
    r"err|error|errno|status|reason|fault|exception|failure|result|problem|错误",
    re.IGNORECASE,
)
"""A name that says it holds errors (an enum, a type, a class, a variable)."""


@dataclass
class Found:
    """One error code read from source: its value, texts, and where it was defined."""

    code: int | str
    path: str
    line: int
    group: str
    name: str | None = None
    message: str | None = None
    description: str | None = None
    http_status: int | None = None
    translations: dict[str, dict[str, str]] | None = None

    def update(self, fields: dict[str, Any]) -> None:
        """Take the fields a comment or a registry call states (not overwriting code or name)."""
        for key in ("message", "description", "http_status", "translations"):
            value = fields.get(key)
            if value not in (None, "", {}):
                setattr(self, key, value)


@dataclass
class Skipped:
    """A structure that looked like a code listing but was not taken, and why."""

    path: str
    line: int
    col: int
    what: str
    why: str
    force: str | None = None


@dataclass
class Findings:
    """What one reader got from one file."""

    found: list[Found] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    dropped: list[Skipped] = field(default_factory=list)
    """Values read but not kept (a field no catalog field holds), reported as warnings."""

    def extend(self, other: Findings) -> None:
        """Add another file's findings."""
        self.found += other.found
        self.skipped += other.skipped
        self.dropped += other.dropped


def errorish(*names: str | None) -> bool:
    """Whether any of ``names`` says it holds errors."""
    return any(n and ERRORISH.search(n) for n in names)


_CODE_NAME = re.compile(r"(?:^|[a-z0-9_])(?:Codes?|_codes?)$|^codes?$")
"""An enum named for codes: ``Code``, ``RpcCode``, ``return_codes``."""


def code_enum(name: str, *context: str | None) -> bool:
    """An enum named for codes (``Code``) inside a scope that says it holds errors.

    gRPC's ``Status.Code`` (Java), ``status.rs``'s ``enum Code`` (Rust) and
    ``google.rpc.Code`` ("The canonical error codes") say "errors" one level up:
    in the enclosing type, the file's name or the enum's own doc comment.
    """
    return bool(_CODE_NAME.search(name)) and errorish(*context)


def stem(path: str) -> str:
    """The file name of ``path`` without folders or extensions: ``status`` of ``src/status.rs``."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.split(".", 1)[0]


def http_of(value: int | None) -> int | None:
    """``value`` when it is an HTTP status (100-599), else None."""
    return value if value is not None and 100 <= value <= 599 else None


def build(findings: Findings, title: str) -> tuple[dict[str, Any], list[str]]:
    """Catalog data for ``findings`` and the ``# from path:line`` comment of each entry."""
    spaces: dict[str, dict[str, Any]] = {"app": {"kind": "app"}}
    modules: dict[str, dict[str, Any]] = {}
    taken: dict[str, set[int | str]] = {"app": set()}
    groups: dict[tuple[str, str], str] = {}
    errors: list[dict[str, Any]] = []
    comments: list[str] = []
    by_group: dict[tuple[str, str], list[Found]] = {}
    for item in findings.found:
        by_group.setdefault((item.path, item.group), []).append(item)
    _merge_companions(by_group)
    for (path, group), items in by_group.items():
        codes = {i.code for i in items}
        space = next((s for s, used in taken.items() if not used & codes), None)
        if space is None:
            space = _unique(_slug(group) or "space", spaces)
            spaces[space] = {"kind": "app", "title": group}
            taken[space] = set()
        mid = _unique(_slug(group) or "module", modules)
        groups[(path, group)] = mid
        modules[mid] = {"title": group, "space": space}
        for item in items:
            if item.code in taken[space]:
                continue  # the same code twice in one group: the reader reported it
            taken[space].add(item.code)
            entry: dict[str, Any] = {"code": item.code, "module": mid}
            for key in ("name", "message", "description", "http_status", "translations"):
                value = getattr(item, key)
                if value not in (None, ""):
                    entry[key] = value
            errors.append(entry)
            comments.append(f"from {item.path}:{item.line}")
    catalog: dict[str, Any] = {"id": _slug(title) or "imported", "title": title}
    catalog["default_locale"] = "en"
    if len(spaces) > 1:
        catalog["default_space"] = "app"
    data = {"catalog": catalog, "spaces": spaces, "modules": modules, "errors": errors}
    return data, comments


def _merge_companions(by_group: dict[tuple[str, str], list[Found]]) -> None:
    """A table of texts for codes listed before in the same file fills in those entries.

    (MetaMask's ``errorValues`` gives the messages of the codes ``errorCodes`` names;
    C's message arrays beside an enum.) The table's own group disappears.
    """
    seen: dict[str, dict[int | str, Found]] = {}
    for key in list(by_group):
        path, _group = key
        known = seen.setdefault(path, {})
        items = by_group[key]
        if known and all(i.code in known for i in items):
            for item in items:
                target = known[item.code]
                for attr in ("message", "description", "http_status", "name"):
                    if getattr(target, attr) in (None, "") and getattr(item, attr) not in (
                        None,
                        "",
                    ):
                        setattr(target, attr, getattr(item, attr))
            del by_group[key]
            continue
        for item in items:
            known.setdefault(item.code, item)


def _slug(text: str) -> str:
    text = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", text)
    value = re.sub(r"[^a-z0-9._-]+", "-", text.strip().lower()).strip("-._")
    return value if value[:1].isalnum() else ""


def _unique(base: str, taken: dict[str, Any]) -> str:
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key
