"""The mutation corpus: every kind of change, applied alone to every example catalog.

Each mutation takes an example catalog, picks an entry, builds a *base*
catalog where the entry has what the mutation needs (a name, a placeholder, a
translation, a tombstone…) and a *changed* catalog that differs from the base
by exactly one change. ``diff(base, changed)`` must report exactly the
expected kinds, for exactly the expected codes: no false breaking change, no
missed one. The identity diff of each example reports nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import errdex
from errdex.check.compat import KINDS, Report, diff
from errdex.model import (
    Catalog,
    CompatAllow,
    Entry,
    Param,
    Profile,
    Space,
    Translation,
    Variant,
    normalize_code,
)

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
NAMES = sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir() or p.suffix == ".toml")

Pairs = list[tuple[Entry, Any]]
Expected = Counter[tuple[str, Any]]
Mutation = Callable[[Catalog, int], tuple[Catalog, Catalog, Expected]]

_CACHE: dict[str, Catalog] = {}

OTHER_TEXT = "The flux capacitor of the quantum warehouse overheated during inventory."


def example(name: str) -> Catalog:
    if name not in _CACHE:
        _CACHE[name] = errdex.load(EXAMPLES / name)
    return _CACHE[name]


# -- building changed catalogs --------------------------------------------------------


def pairs(cat: Catalog) -> Pairs:
    return list(zip(cat.entries, cat.origins, strict=True))


def rebuild(
    cat: Catalog,
    items: Pairs,
    *,
    spaces: dict[str, Space] | None = None,
    compat: tuple[CompatAllow, ...] | None = None,
) -> Catalog:
    return Catalog(
        cat.meta,
        cat.spaces if spaces is None else spaces,
        cat.modules,
        [e for e, _ in items],
        profiles=cat.profiles,
        targets=cat.targets,
        compat=cat.compat if compat is None else compat,
        sources=cat.sources,
        origins=[o for _, o in items],
    )


def replace(cat: Catalog, i: int, **fields: Any) -> Catalog:
    items = pairs(cat)
    entry, origin = items[i]
    items[i] = (entry._replace(**fields), origin)
    return rebuild(cat, items)


def delete(cat: Catalog, i: int) -> Catalog:
    items = pairs(cat)
    del items[i]
    return rebuild(cat, items)


def append(cat: Catalog, entry: Entry, origin_of: int) -> Catalog:
    items = pairs(cat)
    items.append((entry, cat.origins[origin_of]))
    return rebuild(cat, items)


_NUM = re.compile(r"^(.*?)(\d+)$")


def split(code: Any) -> tuple[str, int, bool]:
    """Prefix, number and sign of a code (``-32000`` → ``("", 32000, True)``)."""
    if type(code) is int:
        return ("", abs(code), code < 0)
    m = _NUM.match(code)
    assert m, code
    return (m.group(1), int(m.group(2)), False)


def shifted(code: Any, delta: int) -> Any:
    """The code ``delta`` further along its numbering (``"AUTH-ERR-3"``, +1 → ``"AUTH-ERR-4"``)."""
    if type(code) is int:
        return code + delta
    prefix, number, _ = split(code)
    return f"{prefix}{number + delta}"


def number(code: Any) -> int:
    return code if type(code) is int else split(code)[1]


def free_code(cat: Catalog, entry: Entry) -> Any:
    """A code of the entry's numbering that no entry of its space uses."""
    used = {e.key for e in cat.entries if e.space == entry.space}
    code = entry.code
    while normalize_code(code) in used:
        code = shifted(code, 1)
    return code


def identifiable(cat: Catalog, i: int) -> bool:
    """Whether diff can follow entry ``i`` to another code: a name, or a unique text."""
    e = cat.entries[i]
    if e.name is not None:
        return True
    if not (e.message or e.description):
        return False
    same = [
        x
        for x in cat.entries
        if x.name is None and (x.message, x.description) == (e.message, e.description)
    ]
    return len(same) == 1


def target(cat: Catalog) -> int:
    """A middle entry that is active and identifiable: the one every mutation changes."""
    candidates = [
        i for i, e in enumerate(cat.entries) if e.status == "active" and identifiable(cat, i)
    ]
    assert candidates, "the example has no identifiable active entry"
    return candidates[len(candidates) // 2]


def fresh(cat: Catalog, i: int, **fields: Any) -> Entry:
    """A new entry in the same module and space as entry ``i``, with another meaning."""
    e = cat.entries[i]
    base = Entry(
        code=e.code,
        key=e.key,
        space=e.space,
        module=e.module,
        name="brandNewError" if e.name is not None else None,
        message=OTHER_TEXT,
        description=OTHER_TEXT,
    )
    return base._replace(**fields)


def kinds(report: Report) -> Expected:
    return Counter((c.kind.id, normalize_code(c.code)) for c in report.changes)


def expect(*items: tuple[str, Any]) -> Expected:
    return Counter((kind, normalize_code(code)) for kind, code in items)


# -- the mutations ------------------------------------------------------------------------


def m_identity(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    return cat, rebuild(cat, pairs(cat)), expect()


def m_removed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    return cat, delete(cat, i), expect(("removed", cat.entries[i].code))


def m_tombstoned(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    new = replace(cat, i, status="removed", reason="no longer raised")
    return cat, new, expect(("tombstoned", cat.entries[i].code))


def m_tombstone_deleted(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, status="removed", reason="obsolete")
    return base, delete(base, i), expect(("tombstone-deleted", cat.entries[i].code))


def m_revived(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, status="removed", reason="obsolete")
    return base, cat, expect(("revived", cat.entries[i].code))


def m_tombstone_reused(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, status="removed", reason="obsolete")
    e = cat.entries[i]
    new = replace(
        cat, i, name="otherError" if e.name else None, message=OTHER_TEXT, description=OTHER_TEXT
    )
    return base, new, expect(("revived", e.code), ("reused", e.code))


def m_renumbered(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    e = cat.entries[i]
    code = free_code(cat, e)
    new = replace(cat, i, code=code, key=normalize_code(code))
    return cat, new, expect(("renumbered", code))


def _block(cat: Catalog, i: int) -> list[int]:
    """Indexes of the entries numbered after entry ``i`` (itself included) in its module."""
    e = cat.entries[i]
    prefix, _, negative = split(e.code)

    def same_block(x: Entry) -> bool:
        if x.space != e.space or x.module != e.module or type(x.code) is not type(e.code):
            return False
        p, _, neg = split(x.code)
        return p == prefix and neg == negative and number(x.code) >= number(e.code)

    return [j for j, x in enumerate(cat.entries) if same_block(x)]


def _shift_target(cat: Catalog) -> tuple[int, list[int]]:
    """An entry where inserting a line shifts at least two identifiable entries by +1."""
    keys = {(e.space, e.key) for e in cat.entries}
    best = None
    for i, e in enumerate(cat.entries):
        if e.status != "active":
            continue
        block = _block(cat, i)
        if len(block) < 3 or not all(identifiable(cat, j) for j in block):
            continue
        moved = {
            (cat.entries[j].space, normalize_code(shifted(cat.entries[j].code, 1))) for j in block
        }
        own = {(cat.entries[j].space, cat.entries[j].key) for j in block}
        if moved & (keys - own):
            continue
        if best is None or len(block) < len(best[1]):  # the shortest tail keeps the test small
            best = (i, block)
    assert best is not None, "no module with a shiftable numbered block"
    return best


def m_iota_shift(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    """A line inserted in an iota block: the new error takes the code, the rest move +1."""
    i, block = _shift_target(cat)
    items = pairs(cat)
    for j in block:
        e, origin = items[j]
        code = shifted(e.code, 1)
        items[j] = (e._replace(code=code, key=normalize_code(code)), origin)
    items.append((fresh(cat, i), cat.origins[i]))
    expected = expect(
        ("reused", cat.entries[i].code),
        *(("renumbered", shifted(cat.entries[j].code, 1)) for j in block),
    )
    return cat, rebuild(cat, items), expected


def m_deletion_shift(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    """A line deleted from an iota block: its code is gone, the rest move -1."""
    i, block = _shift_target(cat)
    start = cat.entries[i]
    rest = [j for j in block if j != i]
    items = pairs(cat)
    for j in rest:
        e, origin = items[j]
        code = shifted(e.code, -1)
        items[j] = (e._replace(code=code, key=normalize_code(code)), origin)
    del items[i]
    expected = expect(
        ("removed", start.code),
        *(("renumbered", shifted(cat.entries[j].code, -1)) for j in rest),
    )
    return cat, rebuild(cat, items), expected


def m_reused_named(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, name=cat.entries[i].name or "someError")
    new = replace(base, i, name="otherError", message=OTHER_TEXT, description=OTHER_TEXT)
    return base, new, expect(("reused", cat.entries[i].code))


def m_reused_unnamed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    e = cat.entries[i]
    text = e.description or e.message or "The database could not store the record."
    base = replace(cat, i, name=None, description=text)
    new = replace(base, i, message=OTHER_TEXT, description=OTHER_TEXT)
    return base, new, expect(("reused", cat.entries[i].code))


def m_duplicate_code(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    return cat, append(cat, fresh(cat, i), i), expect(("reused", cat.entries[i].code))


def m_renamed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, name=cat.entries[i].name or "someError")
    return base, replace(base, i, name="someErrorRenamed"), expect(("renamed", cat.entries[i].code))


def m_name_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, name=None)
    return base, replace(base, i, name="newlyNamed"), expect(("name-added", cat.entries[i].code))


def m_code_respelled(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    code = cat.entries[i].code
    spelled = str(code) if type(code) is int else code.lower()
    return cat, replace(cat, i, code=spelled), expect(("code-respelled", spelled))


def m_space_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    spaces = {**cat.spaces, "elsewhere": Space("elsewhere")}
    base = rebuild(cat, pairs(cat), spaces=spaces)
    return base, replace(base, i, space="elsewhere"), expect(("space-changed", cat.entries[i].code))


def m_http_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, http_status=400)
    return (
        base,
        replace(base, i, http_status=409),
        expect(("http-status-changed", cat.entries[i].code)),
    )


def m_http_dropped(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, http_status=503)
    return (
        base,
        replace(base, i, http_status=None),
        expect(("http-status-changed", cat.entries[i].code)),
    )


def m_mapping_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, http_status=None)
    return base, replace(base, i, http_status=500), expect(("mapping-added", cat.entries[i].code))


def m_jsonrpc_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, jsonrpc_code=-32000)
    new = replace(base, i, jsonrpc_code=-32001)
    return base, new, expect(("jsonrpc-code-changed", cat.entries[i].code))


def m_retry_dropped(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, retryable=True)
    return base, replace(base, i, retryable=False), expect(("retry-dropped", cat.entries[i].code))


def m_retry_unset(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, retryable=True)
    return base, replace(base, i, retryable=None), expect(("retry-dropped", cat.entries[i].code))


def m_retry_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, retryable=None)
    return base, replace(base, i, retryable=True), expect(("retry-added", cat.entries[i].code))


TEMPLATE = "The {account} has no quota left after {count} calls."


def m_placeholder_removed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, message=TEMPLATE)
    new = replace(base, i, message="The {account} has no quota left.")
    code = cat.entries[i].code
    return base, new, expect(("placeholder-removed", code), ("text-edited", code))


def m_param_renamed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, message=TEMPLATE)
    new = replace(base, i, message=TEMPLATE.replace("{account}", "{user}"))
    code = cat.entries[i].code
    return base, new, expect(("param-renamed", code), ("text-edited", code))


def m_placeholder_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, message=TEMPLATE)
    new = replace(base, i, message=TEMPLATE.replace(" calls.", " calls in {window}."))
    code = cat.entries[i].code
    return base, new, expect(("placeholder-added", code), ("text-edited", code))


def m_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    code = free_code(cat, cat.entries[i])
    entry = fresh(cat, i, code=code, key=normalize_code(code))
    return cat, append(cat, entry, i), expect(("added", code))


def m_text_edited(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    e = cat.entries[i]
    new = replace(cat, i, description=(e.description or "") + " See the service log for details.")
    return cat, new, expect(("text-edited", e.code))


def m_solution_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, solution=None)
    new = replace(base, i, solution="Send the request again.")
    return base, new, expect(("text-edited", cat.entries[i].code))


def _with_locale(cat: Catalog, i: int, tr: Translation | None) -> Catalog:
    translations = {k: v for k, v in cat.entries[i].translations.items() if k != "fr"}
    if tr is not None:
        translations["fr"] = tr
    return replace(cat, i, translations=translations)


def m_translation_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = _with_locale(cat, i, None)
    new = _with_locale(cat, i, Translation(description="Une erreur."))
    return base, new, expect(("translation-added", cat.entries[i].code))


def m_translation_removed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = _with_locale(cat, i, Translation(description="Une erreur."))
    return base, _with_locale(cat, i, None), expect(("translation-removed", cat.entries[i].code))


def m_translation_edited(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = _with_locale(cat, i, Translation(description="Une erreur."))
    new = _with_locale(cat, i, Translation(description="Une erreur grave."))
    return base, new, expect(("translation-edited", cat.entries[i].code))


def m_deprecated(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    new = replace(cat, i, status="deprecated", reason="use the v2 API")
    return cat, new, expect(("deprecated", cat.entries[i].code))


def m_undeprecated(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, status="deprecated")
    return base, cat, expect(("undeprecated", cat.entries[i].code))


def m_field_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    new = replace(cat, i, tags=(*cat.entries[i].tags, "billing"))
    return cat, new, expect(("field-changed", cat.entries[i].code))


def remeta(cat: Catalog, **fields: Any) -> Catalog:
    return Catalog(
        cat.meta._replace(**fields),
        cat.spaces,
        cat.modules,
        list(cat.entries),
        profiles=cat.profiles,
        targets=cat.targets,
        compat=cat.compat,
        sources=cat.sources,
        origins=list(cat.origins),
    )


def with_profile(cat: Catalog, body: Any) -> Catalog:
    return Catalog(
        cat.meta,
        cat.spaces,
        cat.modules,
        list(cat.entries),
        profiles={"plain": Profile(id="plain", body=body)},
        targets=cat.targets,
        compat=cat.compat,
        sources=cat.sources,
        origins=list(cat.origins),
    )


def m_catalog_id_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    return cat, remeta(cat, id=cat.meta.id + "-v2"), expect(("catalog-id-changed", "catalog"))


def m_docs_url_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    new = remeta(cat, docs_url="https://docs.example.com/errors/{code}")
    return cat, new, expect(("docs-url-changed", "catalog"))


def m_entry_docs_url_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, docs_url="https://docs.example.com/a")
    new = replace(base, i, docs_url="https://docs.example.com/b")
    return base, new, expect(("docs-url-changed", cat.entries[i].code))


def m_internal_error_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    new = remeta(cat, internal_error=cat.entries[i].code)
    return cat, new, expect(("internal-error-changed", "catalog"))


def m_envelope_key_renamed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = with_profile(cat, {"code": "{code}", "error": "{message}"})
    new = with_profile(cat, {"code": "{code}", "msg": "{message}"})
    return base, new, expect(("envelope-changed", "catalog"))


def m_envelope_key_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = with_profile(cat, {"code": "{code}", "error": "{message}"})
    new = with_profile(cat, {"code": "{code}", "error": "{message}", "name": "{name}"})
    return base, new, expect()


def m_variant_edited(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, variants=(Variant("already known"), Variant("nonce too low")))
    new = replace(base, i, variants=(Variant("already known"), Variant("nonce is too low")))
    return base, new, expect(("variant-changed", cat.entries[i].code))


def m_variant_added(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, variants=(Variant("already known"),))
    new = replace(base, i, variants=(Variant("already known"), Variant("nonce too low")))
    return base, new, expect(("field-changed", cat.entries[i].code))


def m_param_type_changed(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    base = replace(cat, i, params={"limit": Param(type="int")})
    new = replace(base, i, params={"limit": Param(type="str")})
    return base, new, expect(("param-type-changed", cat.entries[i].code))


def m_unnamed_message_replaced(cat: Catalog, i: int) -> tuple[Catalog, Catalog, Expected]:
    e = cat.entries[i]
    base = replace(cat, i, name=None, message="Token expired.", description=e.description)
    new = replace(base, i, message="Disk full.")
    return base, new, expect(("reused", e.code))


MUTATIONS: dict[str, Mutation] = {
    name.removeprefix("m_").replace("_", "-"): func
    for name, func in dict(globals()).items()
    if name.startswith("m_") and callable(func)
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
@pytest.mark.parametrize("name", NAMES)
def test_each_change_alone_is_classified_exactly(name: str, mutation: str) -> None:
    cat = example(name)
    old, new, expected = MUTATIONS[mutation](cat, target(cat))
    report = diff(old, new)
    assert kinds(report) == expected
    breaking = any(KINDS[kind].severity == "breaking" for kind, _ in expected)
    assert report.exit_code == (1 if breaking else 0)


def test_the_corpus_covers_every_kind() -> None:
    cat = example(NAMES[0])
    seen = set()
    for mutation in MUTATIONS.values():
        _, _, expected = mutation(cat, target(cat))
        seen |= {kind for kind, _ in expected}
    assert seen == set(KINDS)


@pytest.mark.parametrize("name", NAMES)
def test_an_iota_shift_is_summarised_as_one_shift(name: str) -> None:
    cat = example(name)
    i, block = _shift_target(cat)
    old, new, _ = m_iota_shift(cat, i)
    report = diff(old, new)
    assert len(report.shifts) == 1
    shift = report.shifts[0]
    assert shift.delta == 1
    assert len(shift.changes) == len(block)
    assert normalize_code(shift.first) == cat.entries[i].key


@pytest.mark.parametrize("name", NAMES)
def test_an_allowed_breaking_change_does_not_fail(name: str) -> None:
    cat = example(name)
    i = target(cat)
    old, new, _ = m_renumbered(cat, i)
    moved = next(e for e in new.entries if e.key not in {x.key for x in cat.entries})
    allowed = rebuild(
        new, pairs(new), compat=(CompatAllow(moved.code, "renumbered", "v2 renumbering agreed"),)
    )
    report = diff(old, allowed)
    assert report.exit_code == 0
    assert [c.allowed for c in report.changes] == ["v2 renumbering agreed"]
    # the old code names the change just as well
    by_old = rebuild(
        new, pairs(new), compat=(CompatAllow(cat.entries[i].code, "renumbered", "ok"),)
    )
    assert diff(old, by_old).exit_code == 0
    # an allow for another kind of change accepts nothing
    wrong = rebuild(new, pairs(new), compat=(CompatAllow(moved.code, "removed", "not this"),))
    assert diff(old, wrong).exit_code == 1
