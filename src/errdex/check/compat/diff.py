"""Compare two catalogs and classify every change of every entry.

Entries are paired in three passes, each a dict lookup per entry (no pass
compares all entries with all others):

1. by **name**: an entry whose name exists on both sides is the same error,
   wherever its code went (a different code is a renumbering);
2. by **code** (space and normalised code) for entries the names did not pair
   (unnamed entries, renamed or reused codes);
3. by **code in another space** for what is left: the same code and name
   under another space is a space change.

Old entries left unpaired were deleted; new ones are additions, or reuse of a
code that an old entry held. Paired entries are compared field by field, see
:mod:`errdex.check.compat.kinds` for every kind of change and its severity.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from operator import attrgetter
from typing import Any

from errdex.check.compat import kinds as K
from errdex.check.compat.catalog_changes import catalog_changes
from errdex.check.compat.change import Change, Report, Shift
from errdex.check.text import parse_template
from errdex.io.diagnostic import Diagnostic, rule
from errdex.model import Catalog, Code, Entry, normalize_code

UNKNOWN_KIND = rule("C001")

_RETRY_ORDER = ("safe", "idempotent-only", "outcome-unknown", "never")
"""Retry classes from the most to the least a client may retry (``retry``)."""
_RETRY_WORDS = {
    "safe": "always (safe)",
    "idempotent-only": "for idempotent requests only",
    "outcome-unknown": "only with an idempotency key (outcome-unknown)",
    "never": "never",
}

SAME, RENUMBERED, SPACE = "same", "renumbered", "space"
"""How two entries were paired."""

_TEXTS = ("title", "message", "description", "solution")
_OTHER = (
    "module",
    "retry_after",
    "fault",
    "since",
    "replaced_by",
    "reason",
    "variants",
    "examples",
    "tags",
    "locale",
)


def diff(old: Catalog, new: Catalog, *, old_label: str = "old", new_label: str = "new") -> Report:
    """Return every change from ``old`` to ``new``, classified, with shifts summarised.

    Breaking changes the new catalog accepts in ``[[compat.allow]]`` carry the
    reason in :attr:`Change.allowed` and do not make :attr:`Report.exit_code` 1.
    """
    return _Differ(old, new).run(old_label, new_label)


class _Differ:
    """One comparison: the indexes of both sides and the changes found so far."""

    def __init__(self, old: Catalog, new: Catalog) -> None:
        self.old = old
        self.new = new
        self.changes: list[Change] = []
        self.show_space = len(old.spaces) > 1 or len(new.spaces) > 1

    # -- pairing -----------------------------------------------------------------

    def run(self, old_label: str, new_label: str) -> Report:
        old, new = self.old.entries, self.new.entries
        old_at, new_at = _Where(old), _Where(new)
        old_ids, new_ids = _identities(old), _identities(new)

        # new index -> old index, and how they were paired when not SAME (two flat dicts of
        # ints: a tuple per pair would be 100,000 objects for the collector to walk)
        partner: dict[int, int] = {}
        how_of: dict[int, str] = {}
        unpaired: list[int] = []
        for i, o in enumerate(old):  # pass 1: by name (by text for unnamed entries)
            ident = o.name if o.name is not None else _text_id(o)
            j = new_ids.get(ident, -1) if ident is not None and old_ids.get(ident) == i else -1
            if j >= 0 and j not in partner:
                n = new[j]
                partner[j] = i
                if n.key != o.key:
                    how_of[j] = RENUMBERED
                elif n.space != o.space:
                    how_of[j] = SPACE
            else:
                unpaired.append(i)
        left: list[int] = []
        for i in unpaired:  # pass 2: by code
            o = old[i]
            at = new_at.get(o.space, o.key)
            if at is not None and at not in partner:
                partner[at] = i
            else:
                left.append(i)
        gone: list[int] = []
        if left:  # pass 3: same code and name in another space
            by_key: dict[Code, list[int]] = {}
            for j, n in enumerate(new):
                if j not in partner and not old_at.has(n.space, n.key):
                    by_key.setdefault(n.key, []).append(j)
            for i in left:
                o = old[i]
                moved = [
                    j for j in by_key.get(o.key, ()) if j not in partner and new[j].name == o.name
                ]
                if len(moved) == 1:
                    partner[moved[0]] = i
                    how_of[moved[0]] = SPACE
                else:
                    gone.append(i)

        old_partner = {i: j for j, i in partner.items()}
        compare = self._compare
        for j, n in enumerate(new):
            paired = partner.get(j)
            if paired is None:
                self._unpaired_new(j, n, old_at, old_partner)
            else:
                how = how_of.get(j, SAME)
                if how != SAME or old[paired] != n:
                    compare(paired, j, how)
        for i in gone:
            self._gone(i, new_at)

        self.changes.extend(catalog_changes(self.old, self.new))
        self._apply_allows()
        changes = sorted(self.changes, key=lambda c: K.severity_rank(c.kind.severity))
        return Report(old_label, new_label, tuple(changes), tuple(_shifts(changes)))

    # -- reporting helpers ---------------------------------------------------------

    def _label(self, e: Entry) -> str:
        text = f"{e.code}" + (f" ({e.name})" if e.name else "")
        return text + (f" in space {e.space!r}" if self.show_space else "")

    def _add(
        self,
        kind: K.Kind,
        e: Entry,
        where: tuple[Catalog, int],
        message: str,
        *,
        field: tuple[Any, ...] = (),
        old: Any = None,
        new: Any = None,
        keys: tuple[Code, ...] = (),
    ) -> None:
        catalog, index = where
        origin = catalog.origin(index)
        source, path = (origin[0], tuple(origin[1]) + field) if origin else (None, ())
        self.changes.append(
            Change(
                kind,
                code=e.code,
                space=e.space,
                name=e.name,
                message=message,
                old=old,
                new=new,
                source=source,
                path=path,
                keys=keys or (e.key,),
            )
        )

    # -- unpaired entries ----------------------------------------------------------

    def _unpaired_new(self, j: int, n: Entry, old_at: _Where, old_partner: dict[int, int]) -> None:
        where = (self.new, j)
        i = old_at.get(n.space, n.key)
        if i is None:
            what = "deprecated " if n.status == "deprecated" else ""
            if n.is_removed:
                what = "tombstone for "
            self._add(K.ADDED, n, where, f"new {what}code {self._label(n)}", new=n.code)
            return
        o = self.old.entries[i]
        moved = old_partner.get(i)
        m = self.new.entries[moved] if moved is not None else None
        if m is not None and (m.space, m.key) != (n.space, n.key):
            before = f"held by {self._label(o)}, which moved to {m.code}"
        elif m is not None:
            before = f"held by {self._label(m)} too: the code is defined twice"
        else:
            before = f"held by {self._label(o)}"
        self._add(
            K.REUSED,
            n,
            where,
            f"code {n.code} now means {n.name or n.message or 'another error'!r}; it was {before}",
            field=("code",),
            old=o.name,
            new=n.name,
        )

    def _gone(self, i: int, new_at: _Where) -> None:
        o = self.old.entries[i]
        j = new_at.get(o.space, o.key)
        taken = ""
        if j is not None:
            n = self.new.entries[j]
            taken = f"; its code now holds {self._label(n)}"
        if o.is_removed:
            msg = f"the tombstone of {self._label(o)} was deleted{taken}"
            self._add(K.TOMBSTONE_DELETED, o, (self.old, i), msg, old=o.code)
        else:
            msg = f"{self._label(o)} was deleted without a tombstone{taken}"
            self._add(K.REMOVED, o, (self.old, i), msg, old=o.code)

    # -- paired entries ------------------------------------------------------------

    def _compare(self, i: int, j: int, how: str) -> None:
        """Report what changed between paired entries (``run`` skips equal SAME pairs)."""
        o, n = self.old.entries[i], self.new.entries[j]
        at = (self.new, j)
        if how == RENUMBERED:
            moved = f" and from space {o.space!r} to {n.space!r}" if o.space != n.space else ""
            self._add(
                K.RENUMBERED,
                n,
                at,
                f"{n.name or _snippet(n)!r} moved from code {o.code} to {n.code}{moved}",
                field=("code",),
                old=o.code,
                new=n.code,
                keys=(o.key, n.key),
            )
        elif how == SPACE:
            self._add(
                K.SPACE_CHANGED,
                n,
                at,
                f"{n.code}"
                + (f" ({n.name})" if n.name else "")
                + f" moved from space {o.space!r} to {n.space!r}",
                field=("space",),
                old=o.space,
                new=n.space,
            )
        elif o.code != n.code or type(o.code) is not type(n.code):
            self._add(
                K.CODE_RESPELLED,
                n,
                at,
                f"code {o.code!r} is now written {n.code!r}",
                field=("code",),
                old=o.code,
                new=n.code,
            )
        reused = False
        if o.name != n.name:
            reused = self._name(o, n, at)
        elif o.name is None and how == SAME and (unrelated_texts(o, n) or _replaced(o, n)):
            reused = True
            msg = f"code {n.code} now means {_snippet(n)!r}; it meant {_snippet(o)!r}"
            self._add(K.REUSED, n, at, msg, field=("message",), old=_snippet(o), new=_snippet(n))
        self._status(o, n, at)
        if o.is_removed or n.is_removed:
            return  # a tombstone is never raised: its mappings and texts do not matter
        self._mappings(o, n, at)
        if not reused:  # another error's texts are not an edit of the old ones
            self._params(o, n, at)
            self._texts(o, n, at)

    def _name(self, o: Entry, n: Entry, at: tuple[Catalog, int]) -> bool:
        """Report a name change; return whether the code now means another error."""
        if o.name is None:
            self._add(
                K.NAME_ADDED, n, at, f"{self._label(n)} got a name", field=("name",), new=n.name
            )
            return False
        texts_kept = o.message == n.message and o.description == n.description
        tomb = "tombstoned " if o.is_removed else ""
        if n.name is None:
            kind, msg = K.RENAMED, f"{tomb}code {n.code} lost its name {o.name!r}"
        elif texts_kept:
            kind, msg = K.RENAMED, f"{tomb}code {n.code} was renamed from {o.name!r} to {n.name!r}"
        else:
            kind = K.REUSED
            msg = f"{tomb}code {n.code} now means {n.name!r}; it meant {o.name!r}"
        self._add(kind, n, at, msg, field=("name",), old=o.name, new=n.name)
        return kind is K.REUSED

    def _status(self, o: Entry, n: Entry, at: tuple[Catalog, int]) -> None:
        if o.status == n.status:
            return
        label = self._label(n)
        if o.is_removed:
            kind, msg = K.REVIVED, f"tombstoned code {label} is {n.status} again"
        elif n.is_removed:
            kind = K.TOMBSTONED
            why = f": {n.reason}" if n.reason else " (no reason given: add reason = ...)"
            msg = f"{label} was removed{why}"
            if n.replaced_by is not None:
                msg += f"; use {n.replaced_by} instead"
        elif n.status == "deprecated":
            kind = K.DEPRECATED
            msg = f"{label} is deprecated" + (f": {n.reason}" if n.reason else "")
            if n.replaced_by is not None:
                msg += f"; use {n.replaced_by} instead"
        else:
            kind, msg = K.UNDEPRECATED, f"{label} is no longer deprecated"
        self._add(kind, n, at, msg, field=("status",), old=o.status, new=n.status)

    def _mappings(self, o: Entry, n: Entry, at: tuple[Catalog, int]) -> None:
        label = self._label(n)
        for field, kind, what in (
            ("http_status", K.HTTP_STATUS_CHANGED, "HTTP status"),
            ("jsonrpc_code", K.JSONRPC_CODE_CHANGED, "JSON-RPC code"),
        ):
            before, after = getattr(o, field), getattr(n, field)
            if before == after:
                continue
            if before is None:
                self._add(
                    K.MAPPING_ADDED,
                    n,
                    at,
                    f"{label} is now sent with {what} {after}",
                    field=(field,),
                    old=None,
                    new=after,
                )
            else:
                now = (
                    f"is now sent with {what} {after}" if after is not None else f"lost its {what}"
                )
                self._add(
                    kind,
                    n,
                    at,
                    f"{label} {now} (was {before})",
                    field=(field,),
                    old=before,
                    new=after,
                )
        if o.retryable is not n.retryable:
            if o.retryable is True:
                self._add(
                    K.RETRY_DROPPED,
                    n,
                    at,
                    f"{label} is no longer retryable",
                    field=("retryable",),
                    old=True,
                    new=n.retryable,
                )
            elif n.retryable is True:
                self._add(
                    K.RETRY_ADDED,
                    n,
                    at,
                    f"{label} is now retryable",
                    field=("retryable",),
                    old=o.retryable,
                    new=True,
                )

        elif o.retry != n.retry and o.retry is not None and n.retry is not None:
            narrower = _RETRY_ORDER.index(n.retry) > _RETRY_ORDER.index(o.retry)
            self._add(
                K.RETRY_DROPPED if narrower else K.RETRY_ADDED,
                n,
                at,
                f"{label} is now retried {_RETRY_WORDS[n.retry]} (was {_RETRY_WORDS[o.retry]})",
                field=("retry",),
                old=o.retry,
                new=n.retry,
            )

    def _params(self, o: Entry, n: Entry, at: tuple[Catalog, int]) -> None:
        if o.message == n.message and o.params == n.params:
            return
        before = _placeholders(o) | set(o.params)
        after = _placeholders(n) | set(n.params)
        lost, gained = sorted(before - after), sorted(after - before)
        label = self._label(n)
        if len(lost) == 1 and len(gained) == 1:
            msg = f"{label}: parameter {{{lost[0]}}} was renamed to {{{gained[0]}}}"
            self._add(K.PARAM_RENAMED, n, at, msg, field=("message",), old=lost[0], new=gained[0])
            return
        if lost:
            names = ", ".join(f"{{{p}}}" for p in lost)
            msg = f"{label}: the message no longer has {names}"
            self._add(K.PLACEHOLDER_REMOVED, n, at, msg, field=("message",), old=lost, new=None)
        if gained:
            names = ", ".join(f"{{{p}}}" for p in gained)
            msg = f"{label}: callers must now pass {names}"
            self._add(K.PLACEHOLDER_ADDED, n, at, msg, field=("message",), old=None, new=gained)

    def _texts(self, o: Entry, n: Entry, at: tuple[Catalog, int]) -> None:
        label = self._label(n)
        edited = [f for f in _TEXTS if getattr(o, f) != getattr(n, f)]
        if edited:
            self._add(
                K.TEXT_EDITED,
                n,
                at,
                f"{label}: {', '.join(edited)} edited",
                field=(edited[0],),
                old={f: getattr(o, f) for f in edited},
                new={f: getattr(n, f) for f in edited},
            )
        if o.translations != n.translations:
            for locale in sorted(set(o.translations) | set(n.translations)):
                before, after = o.translations.get(locale), n.translations.get(locale)
                if before == after:
                    continue
                field = ("translations", locale)
                if before is None:
                    self._add(
                        K.TRANSLATION_ADDED,
                        n,
                        at,
                        f"{label}: {locale} translation added",
                        field=field,
                        new=locale,
                    )
                elif after is None:
                    self._add(
                        K.TRANSLATION_REMOVED,
                        n,
                        at,
                        f"{label}: {locale} translation removed",
                        field=field,
                        old=locale,
                    )
                else:
                    fields = [f for f in before._fields if getattr(before, f) != getattr(after, f)]
                    msg = f"{label}: {locale} translation edited ({', '.join(fields)})"
                    self._add(K.TRANSLATION_EDITED, n, at, msg, field=field, old=locale, new=locale)
        other = [f for f in _OTHER if getattr(o, f) != getattr(n, f)]
        if o.status != n.status:  # the reason and replacement are part of that change
            other = [f for f in other if f not in ("reason", "replaced_by")]
        if o.params != n.params and set(o.params) == set(n.params):
            retyped = [p for p in o.params if o.params[p].type != n.params[p].type]
            for p in retyped:
                self._add(
                    K.PARAM_TYPE_CHANGED,
                    n,
                    at,
                    f"{label}: parameter {{{p}}} is now {n.params[p].type} "
                    f"(was {o.params[p].type})",
                    field=("params", p, "type"),
                    old=o.params[p].type,
                    new=n.params[p].type,
                )
            if any(
                o.params[p]._replace(type="") != n.params[p]._replace(type="") for p in o.params
            ):
                other.append("params")
        if o.docs_url != n.docs_url:
            self._add(
                K.DOCS_URL_CHANGED,
                n,
                at,
                f"{label}: docs URL changed from {o.docs_url!r} to {n.docs_url!r}",
                field=("docs_url",),
                old=o.docs_url,
                new=n.docs_url,
            )
        if o.variants != n.variants:
            kept = {v.message for v in n.variants}
            gone = [v.message for v in o.variants if v.message not in kept]
            if gone:
                shown = ", ".join(repr(m) for m in gone[:3]) + (" …" if len(gone) > 3 else "")
                self._add(
                    K.VARIANT_CHANGED,
                    n,
                    at,
                    f"{label}: known message {shown} is no longer sent as written",
                    field=("variants",),
                    old=gone,
                    new=[
                        v.message
                        for v in n.variants
                        if v.message not in {x.message for x in o.variants}
                    ],
                )
                other = [f for f in other if f != "variants"]
        if o.retryable is not n.retryable and o.retryable is not True and n.retryable is not True:
            other.append("retryable")
        if other:
            self._add(
                K.FIELD_CHANGED,
                n,
                at,
                f"{label}: {', '.join(other)} changed",
                field=(other[0],),
                old={f: _plain(getattr(o, f)) for f in other},
                new={f: _plain(getattr(n, f)) for f in other},
            )

    # -- allows --------------------------------------------------------------------

    def _apply_allows(self) -> None:
        allowed: dict[tuple[Code, str], str] = {}
        for a in self.new.compat:
            try:
                allowed.setdefault((normalize_code(a.code), a.change), a.reason)
            except TypeError:
                continue
        if not allowed:
            return
        for c in self.changes:
            if c.kind.severity != "breaking":
                continue
            for key in c.keys:
                reason = allowed.get((key, c.kind.id))
                if reason is not None:
                    c.allowed = reason
                    break


def _placeholders(e: Entry) -> set[str]:
    """The parameters an entry's message fills, as the runtime reads the template."""
    return set(parse_template(e.message).placeholders) if e.message else set()


def unknown_allows(catalog: Catalog) -> list[Diagnostic]:
    """``[[compat.allow]]`` entries whose ``change`` names no kind: they accept nothing.

    A typo (``"remove"``) would leave the breaking change failing with no word
    about why the allow did not apply; each one is a warning at its place.
    """
    source = catalog.sources[0] if catalog.sources else None
    out = []
    for i, allow in enumerate(catalog.compat):
        if allow.change in K.KINDS:
            continue
        guess = difflib.get_close_matches(allow.change, list(K.KINDS), n=1)
        out.append(
            Diagnostic(
                UNKNOWN_KIND,
                f"[[compat.allow]] for {allow.code!r} names change {allow.change!r}, "
                "which is not a kind of change: it accepts nothing",
                source=source,
                path=("compat", "allow", i, "change"),
                hint=f"did you mean {guess[0]!r}?"
                if guess
                else "use a kind id from docs/compatibility.md",
            )
        )
    return out


def _plain(value: Any) -> Any:
    """A field's value as JSON data: variants, params and examples become plain tables."""
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items() if v is not None}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


_SPACE, _KEY, _NAME = attrgetter("space"), attrgetter("key"), attrgetter("name")


class _Where:
    """Where each ``(space, key)`` first occurs in a tuple of entries.

    Kept as one dict of keys per space rather than a dict keyed by
    ``(space, key)`` tuples: codes and indexes are atomic, so these dicts are
    never walked by the garbage collector, where 100,000 fresh tuples per
    catalog cost a full collection of both catalogs in the middle of a diff.
    """

    __slots__ = ("_spaces",)

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        spaces: dict[str, dict[Code, int]] = {}
        names = set(map(_SPACE, entries))
        if len(names) == 1:  # one space (the usual case): one dict built in C
            # from the last index to the first, so each key keeps its first
            keys = map(_KEY, reversed(entries))
            spaces[names.pop()] = dict(zip(keys, range(len(entries) - 1, -1, -1), strict=True))
        else:
            groups: dict[str, list[int]] = {}
            for i, e in enumerate(entries):
                groups.setdefault(e.space, []).append(i)
            for space, indexes in groups.items():
                spaces[space] = {entries[i].key: i for i in reversed(indexes)}
        self._spaces = spaces

    def get(self, space: str, key: Code) -> int | None:
        """The index of the first entry with this space and key, None when there is none."""
        found = self._spaces.get(space)
        return None if found is None else found.get(key)

    def has(self, space: str, key: Code) -> bool:
        """Whether an entry has this space and key."""
        found = self._spaces.get(space)
        return found is not None and key in found


def _snippet(e: Entry, width: int = 60) -> str:
    """A short text naming an entry: its name, else the start of its message or description."""
    text = e.name or e.message or e.description or str(e.code)
    return text if len(text) <= width else text[: width - 1] + "…"


def _text_id(e: Entry) -> tuple[str | None, str | None] | None:
    """The identity of an unnamed entry: its message and description (None when both empty)."""
    return (e.message, e.description) if e.message or e.description else None


def _identities(entries: tuple[Entry, ...]) -> dict[Any, int]:
    """Name → index (first of a duplicated name), and for unnamed entries text → index.

    A text shared by several unnamed entries identifies none of them: it maps to -1.
    """
    names = list(map(_NAME, entries))
    if None not in names:  # every entry named (the usual case): one dict built in C, from
        # the last index to the first so each name keeps its first
        return dict(zip(reversed(names), range(len(names) - 1, -1, -1), strict=True))
    index: dict[Any, int] = {}
    for i, e in enumerate(entries):
        if e.name is not None:
            index.setdefault(e.name, i)
        elif e.message or e.description:
            ident = (e.message, e.description)
            index[ident] = -1 if ident in index else i
    return index


_WORD = re.compile(r"[^\W_]{3,}")
_COMMON = frozenset(
    ("the", "and", "for", "with", "not", "this", "that", "are", "was", "has", "have", "from")
)


def _words(e: Entry) -> set[str]:
    text = f"{e.message or ''} {e.description or ''}".casefold()
    return {w for w in _WORD.findall(text) if w not in _COMMON}


def unrelated_texts(old: Entry, new: Entry) -> bool:
    """Whether two texts of an unnamed code describe different errors (a reuse, not an edit).

    Both must be non-empty, and fewer than half of the words of the shorter one
    (three letters or more, common words left out) occur in the other.
    """
    a, b = _words(old), _words(new)
    if not a or not b:
        return False
    return len(a & b) * 2 < min(len(a), len(b))


def _replaced(old: Entry, new: Entry) -> bool:
    """Whether an unnamed code's message was replaced outright (another error on the wire).

    The message is what a client shows; a new one that shares fewer than half
    of its words (or, for messages of one or two words, less than half of its
    characters) with the old one means another error, whatever the description.
    """
    a, b = old.message, new.message
    if not a or not b or a == b:
        return False
    wa, wb = _msg_words(a), _msg_words(b)
    if len(wa) >= 3 and len(wb) >= 3:
        return len(wa & wb) * 2 < min(len(wa), len(wb))
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() < 0.5


def _msg_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.casefold()) if w not in _COMMON}


_NUMBERED = re.compile(r"^(.*?)(-?\d+)$")


def _number(code: Code) -> tuple[str, int] | None:
    """Split a code into its prefix and number (``"AUTH-ERR-5"`` → ``("AUTH-ERR-", 5)``)."""
    if type(code) is int:
        return ("", code)
    m = _NUMBERED.match(str(code))
    if m is None:
        return None
    prefix, digits = m.group(1), m.group(2)
    if digits.startswith("-") and prefix:  # "AUTH-ERR-5": the dash belongs to the prefix
        prefix, digits = prefix + "-", digits[1:]
    return (prefix.upper(), int(digits))


def _shifts(changes: list[Change]) -> list[Shift]:
    """Group renumberings by space, code prefix and offset; two or more make a shift."""
    groups: dict[tuple[str, str, int], list[tuple[int, Change]]] = {}
    for c in changes:
        if c.kind is not K.RENUMBERED:
            continue
        before, after = _number(c.old), _number(c.new)
        if before is None or after is None or before[0] != after[0]:
            continue
        delta = after[1] - before[1]
        groups.setdefault((c.space, before[0], delta), []).append((before[1], c))
    shifts = []
    for (space, _prefix, delta), members in groups.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: m[0])
        shifts.append(
            Shift(space, members[0][1].old, members[-1][1].old, delta, tuple(c for _, c in members))
        )
    return shifts
