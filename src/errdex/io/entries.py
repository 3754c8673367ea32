"""Build the entries of one catalog file: the hot path of loading (100,000 entries).

An entry table whose keys all hold plain values (a string, an integer, a
boolean: one ``type()`` test each) needs no validation; any other goes through
:class:`~errdex.io.validate.Builder` first, which reports and drops what is
wrong. Either way the entry is then merged, *by field name*, over the base
values of its module (space, locale, status, empty collections and the
module's or space's defaults, :func:`errdex.model.effective.inherit`), and the
result is read in :class:`~errdex.model.types.Entry`'s own field order: adding
or reordering a field of ``Entry`` needs no change here.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from operator import itemgetter
from types import MappingProxyType
from typing import Any

from errdex.io import spec
from errdex.io.diagnostic import BAD_REFERENCE, INVALID_VALUE, MISSING_FIELD, WRONG_TYPE
from errdex.io.examples import build_example
from errdex.io.origins import Origins
from errdex.io.source import SourceFile
from errdex.io.validate import FAST, Builder, bad_code, choice_hint, clean_code, kind_of
from errdex.io.validate import retry_conflict as _retry_conflict
from errdex.model.codes import normalize_code
from errdex.model.effective import DEFAULT_FIELDS, NO_DEFAULTS
from errdex.model.types import EMPTY, Entry, Module, Param, Space, Translation, Variant

ORDER = Entry._fields
"""The fields of an entry, in the order ``Entry`` declares them."""

_PLAIN_PAIRS = frozenset((key, t) for key, types in FAST.items() for t in types)
"""(key, type) pairs an entry may hold without any conversion or report."""

_COMPOUND = frozenset({"params", "variants", "examples", "translations"})
_new_entry = tuple.__new__
_values = itemgetter(*ORDER)
"""An entry's values in field order, from a dict that holds every field (a base merged)."""

Base = dict[str, Any]
"""The values an entry of one module (or of a space, without module) has when it sets none."""


def _base(
    space: str | None, defaults: tuple[Any, ...], module: str | None, locale: str | None
) -> Base:
    base: Base = dict.fromkeys(ORDER)  # every field, so that _values finds each
    base |= {
        "space": space,
        "module": module,
        "status": "active",
        "params": EMPTY,
        "variants": (),
        "examples": (),
        "tags": (),
        "translations": EMPTY,
        "locale": locale,
    }
    base.update((k, v) for k, v in zip(DEFAULT_FIELDS, defaults, strict=True) if v is not None)
    return base


def bases(
    modules: Mapping[str, Module],
    spaces: Mapping[str, Space],
    default_space: str | None,
    space_defaults: Mapping[str, tuple[Any, ...]],
    module_defaults: Mapping[str, tuple[Any, ...]],
) -> tuple[dict[str | None, Base], dict[str, Base]]:
    """The base values per module id (None: no module, the default space) and per space."""
    by_space = {sid: _base(sid, space_defaults[sid], None, None) for sid in spaces}
    by_module: dict[str | None, Base] = {
        mid: _base(m.space, module_defaults[mid], mid, m.locale) for mid, m in modules.items()
    }
    fallback = by_space.get(default_space) if default_space is not None else None
    by_module[None] = fallback if fallback is not None else _base(None, NO_DEFAULTS, None, None)
    return by_module, by_space


def _validated(
    b: Builder, raw: dict[str, Any], src: SourceFile, path: tuple[Any, ...]
) -> dict[str, Any]:
    """The entry's keys with valid, normalised values; every other key reported and dropped."""
    fields = spec.ENTRY
    plain = _PLAIN_PAIRS
    vals = dict(raw)
    for key, value in raw.items():
        if (key, type(value)) in plain:
            continue
        if value is None:  # canonical JSON writes unset keys as null
            del vals[key]
            continue
        field = fields.get(key)
        if field is None:
            b._unknown(key, fields, src, path, "an entry")
            del vals[key]
            continue
        ok, norm = b.value(field, value, src, (*path, key))
        if ok:
            vals[key] = norm
        else:
            del vals[key]
    return vals


def _compound(
    b: Builder, merged: dict[str, Any], vals: Mapping[str, Any], src: SourceFile, i: int
) -> None:
    """Turn the validated tables of an entry into the model's immutable values."""
    params = vals.get("params")
    if params:
        merged["params"] = MappingProxyType({k: Param(**p) for k, p in params.items()})
    variants = vals.get("variants")
    if variants is not None:
        merged["variants"] = tuple(Variant(**v) for v in variants if "message" in v)
    examples = vals.get("examples")
    if examples is not None:
        built = (
            build_example(b.report, e, src, ("errors", i, "examples", j))
            for j, e in enumerate(examples)
        )
        merged["examples"] = tuple(e for e in built if e is not None)
    translations = vals.get("translations")
    if translations:
        merged["translations"] = MappingProxyType(
            {k: Translation(**t) for k, t in translations.items()}
        )
    elif translations is not None:
        merged["translations"] = EMPTY
    if not params and "params" in vals:
        merged["params"] = EMPTY


class _Plan:
    """How to build the entries of one *shape*: the same keys in the same order, each
    value of the same type, every one plain (or a table of plain translations). Such an
    entry needs no validation and no dict: one ``itemgetter`` picks its fields, in
    ``Entry``'s order, from its own values, the values computed for it (a string code's
    key, its translations) and its module's base values (:data:`Base` as a tuple;
    ``bases`` per module id, learnt as modules come up). Any other entry, and any entry
    whose values turn out to need a report, takes the general path (:func:`_general`)."""

    __slots__ = (
        "bases",
        "code_at",
        "getter",
        "module_at",
        "no_retry",
        "simple",
        "str_code",
        "tr_at",
    )

    def __init__(self, keys: tuple[str, ...], types: tuple[type, ...]) -> None:
        self.code_at = keys.index("code")
        self.str_code = types[self.code_at] is str
        self.tr_at = keys.index("translations") if "translations" in keys else -1
        self.simple = not self.str_code and self.tr_at < 0
        self.module_at = keys.index("module") if "module" in keys else -1
        self.no_retry = "retryable" in keys  # a lone retryable drops an inherited retry
        self.bases: dict[str | None, tuple[Any, ...]] = {}
        n = len(keys)
        computed: dict[str, int] = {}  # field -> index among the values computed per entry
        if self.str_code:
            computed["key"] = len(computed)
        if self.tr_at >= 0:
            computed["translations"] = len(computed)
        offset = n + len(computed)
        picks = []
        for field in ORDER:
            if field in computed:
                picks.append(n + computed[field])
            elif field == "key":
                picks.append(self.code_at)
            elif field in keys:
                picks.append(keys.index(field))
            else:
                picks.append(offset + ORDER.index(field))
        self.getter = itemgetter(*picks)

    def base(
        self, module: str | None, by_module: Mapping[str | None, Base]
    ) -> tuple[Any, ...] | None:
        """The base values of ``module`` in field order, or None when the entry must take
        the general path to be reported (an unknown module, no space)."""
        found = by_module.get(module)
        if found is None or found["space"] is None:
            return None
        values = {**found, "retry": None} if self.no_retry else found
        base: tuple[Any, ...] = _values(values)
        self.bases[module] = base
        return base

    def computed(self, vals: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The values computed for one entry (see ``__init__``), or None when one of them
        needs the general path (a string code to report, a translation to validate)."""
        out: tuple[Any, ...] = ()
        if self.str_code:
            code = vals[self.code_at]
            if not clean_code(code):
                return None
            out = (normalize_code(code),)
        if self.tr_at >= 0:
            translations = _translations(vals[self.tr_at])
            if translations is None:
                return None
            out += (translations,)
        return out


_TRANSLATION_KEYS = frozenset(spec.TRANSLATION)
assert frozenset(Translation._fields) == _TRANSLATION_KEYS
_STR = frozenset({str})
assert all(f.kind == "str" for f in spec.TRANSLATION.values())  # what _translations tests


def _translations(value: dict[Any, Any]) -> Mapping[str, Translation] | None:
    """A table of translations as the model holds it, if every one is a table of known
    keys with string values; None when any needs validating (and maybe a report)."""
    out = {}
    for locale, texts in value.items():
        if (
            type(locale) is not str
            or type(texts) is not dict
            or not _TRANSLATION_KEYS.issuperset(texts)
            or not _STR.issuperset(map(type, texts.values()))
        ):
            return None
        out[locale] = _new_entry(Translation, map(texts.get, Translation._fields))
    return MappingProxyType(out) if out else EMPTY


_FAST_EXCLUDED = frozenset({"space", "retry"})
_FAST_PAIRS = _PLAIN_PAIRS | {("translations", dict)}


def _plan(sig: tuple[Any, ...]) -> _Plan | None:
    """The plan for an entry signature (its keys, then their value types), or None."""
    n = len(sig) // 2
    keys, types = sig[:n], sig[n:]
    if "code" not in keys or not _FAST_EXCLUDED.isdisjoint(keys):
        return None
    if not _FAST_PAIRS.issuperset(zip(keys, types, strict=True)):
        return None
    return _Plan(keys, types)


def build_entries(
    b: Builder,
    items: list[Any],
    src: SourceFile,
    file_module: str | None,
    spaces: Mapping[str, Space],
    modules: Mapping[str, Module],
    by_module: Mapping[str | None, Base],
    by_space: Mapping[str, Base],
    out: list[Entry],
    origins: Origins,
) -> None:
    """Append the entries of ``items`` (the ``errors`` list of ``src``) to ``out``, and where
    each was read to ``origins``; report every problem to ``b`` and leave bad entries out.

    Also tells ``src``'s locator whether every item is a table with a ``code`` key (a
    JSON file's entries are then found from their code keys): known per shape of entry,
    so it costs nothing per entry."""
    new = _new_entry
    coded = True
    append = out.append
    dropped: list[int] = []
    plans: dict[tuple[Any, ...], _Plan | None] = {}
    last_sig: tuple[Any, ...] = ()
    last_plan: _Plan | None = None
    for i, raw in enumerate(items):
        if type(raw) is dict:
            vals = tuple(raw.values())
            sig = (*raw, *map(type, vals))
            if sig == last_sig:  # entries come in runs of one shape: no hash of the tuple
                plan = last_plan
            else:
                try:
                    plan = plans[sig]
                except KeyError:
                    plan = plans[sig] = _plan(sig)
                    coded = coded and "code" in raw  # every item of this shape has its keys
                last_sig, last_plan = sig, plan
            if plan is not None:
                module = vals[plan.module_at] if plan.module_at >= 0 else file_module
                base: tuple[Any, ...] | None
                try:
                    base = plan.bases[module]
                except KeyError:
                    base = plan.base(module, by_module)
                if base is not None:
                    if plan.simple:
                        append(new(Entry, plan.getter(vals + base)))
                        continue
                    computed = plan.computed(vals)
                    if computed is not None:
                        append(new(Entry, plan.getter(vals + computed + base)))
                        continue
        elif coded:
            coded = False
        entry = _general(b, raw, i, src, file_module, spaces, modules, by_module, by_space)
        if entry is not None:
            append(entry)
        else:
            dropped.append(i)
    src.locator.coded = coded
    if dropped:
        left_out = set(dropped)
        origins.add(src, array("q", (i for i in range(len(items)) if i not in left_out)))
    else:
        origins.add(src, range(len(items)))


def _general(
    b: Builder,
    raw: Any,
    i: int,
    src: SourceFile,
    file_module: str | None,
    spaces: Mapping[str, Space],
    modules: Mapping[str, Module],
    by_module: Mapping[str | None, Base],
    by_space: Mapping[str, Base],
) -> Entry | None:
    """Entry ``i`` built by validating and merging it key by key, every problem reported
    (None when it must be left out): any entry a :class:`_Plan` does not cover."""
    plain = _PLAIN_PAIRS
    if type(raw) is not dict:
        hint = "write each entry as [[errors]] with code = ..."
        b.report(
            WRONG_TYPE,
            f"entry {i} is {kind_of(raw)}, expected a table",
            src,
            ("errors", i),
            hint,
        )
        return None
    if plain.issuperset(zip(raw, map(type, raw.values()), strict=True)):
        vals = raw
    else:
        vals = _validated(b, raw, src, ("errors", i))
    code = vals.get("code")
    if code is None or (type(code) is str and not clean_code(code)):
        path = ("errors", i)
        if code is not None:
            message, hint = bad_code("code", code)
            b.report(INVALID_VALUE, message, src, (*path, "code"), hint)
        elif "code" not in raw:
            hint = "add code = 1234 (or a string code)"
            b.report(MISSING_FIELD, "entry has no 'code'", src, path, hint)
        return None
    mod_id = vals.get("module", file_module)
    base = by_module.get(mod_id)
    if base is None:
        hint = choice_hint(mod_id, modules)  # type: ignore[arg-type]
        message = f"code {code!r} names unknown module {mod_id!r}"
        b.report(BAD_REFERENCE, message, src, ("errors", i, "module"), hint)
        base = by_module[None]
        if "module" in vals:
            vals = {**vals, "module": None}
    space = vals.get("space")
    if space is not None and space != base["space"]:
        if space not in spaces:
            message = f"code {code!r} names unknown space {space!r}"
            b.report(
                BAD_REFERENCE, message, src, ("errors", i, "space"), choice_hint(space, spaces)
            )
            return None
        # an entry in another space than its module's: that space's defaults
        base = {**by_space[space], "module": base["module"], "locale": base["locale"]}
    elif base["space"] is None:
        b.report(
            MISSING_FIELD,
            f"code {code!r} has no space and the catalog has several",
            src,
            ("errors", i),
            "add space = ... or module = ..., or default_space to [catalog]",
        )
        return None
    merged = {**base, **vals}
    merged["key"] = code if type(code) is int else normalize_code(code)
    if "retry" in vals:
        if "retryable" in vals:
            conflict = _retry_conflict(vals)
            if conflict is not None:
                hint = 'keep one of them: retry = "never" means retryable = false'
                message = f"code {code!r}: {conflict}"
                b.report(INVALID_VALUE, message, src, ("errors", i, "retry"), hint)
        merged["retryable"] = vals["retry"] != "never"
    elif "retryable" in vals:
        merged["retry"] = None  # a lone retryable drops an inherited retry class
    if not _COMPOUND.isdisjoint(vals):
        _compound(b, merged, vals, src, i)
    return _new_entry(Entry, _values(merged))
