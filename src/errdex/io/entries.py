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

from collections.abc import Mapping
from operator import itemgetter
from types import MappingProxyType
from typing import Any

from errdex.io import spec
from errdex.io.diagnostic import BAD_REFERENCE, INVALID_VALUE, MISSING_FIELD, WRONG_TYPE
from errdex.io.examples import build_example
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
    origins: list[tuple[SourceFile, tuple[Any, ...]]],
) -> None:
    """Append the entries of ``items`` (the ``errors`` list of ``src``) to ``out``, and where
    each was read to ``origins``; report every problem to ``b`` and leave bad entries out."""
    plain = _PLAIN_PAIRS
    compound = _COMPOUND
    values = _values
    new = _new_entry
    kept: list[int] = []
    for i, raw in enumerate(items):
        if type(raw) is not dict:
            hint = "write each entry as [[errors]] with code = ..."
            b.report(
                WRONG_TYPE,
                f"entry {i} is {kind_of(raw)}, expected a table",
                src,
                ("errors", i),
                hint,
            )
            continue
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
            continue
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
                continue
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
            continue
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
        if not compound.isdisjoint(vals):
            _compound(b, merged, vals, src, i)
        out.append(new(Entry, values(merged)))
        kept.append(i)
    origins.extend([(src, ("errors", i)) for i in kept])
