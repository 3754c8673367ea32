"""Build the immutable model from parsed catalog documents, reporting every problem.

The builder never raises for bad input: it reports a :class:`Diagnostic` and
leaves the bad value out, so one run shows every problem of a catalog. The
entry loop is the hot path of loading (100,000 entries): keys whose value has
the plain expected type are accepted with one ``type()`` test each, and only
the rest go through the generic validator.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from errdex.io import spec
from errdex.io.diagnostic import (
    BAD_REFERENCE,
    INVALID_VALUE,
    MISSING_FIELD,
    UNKNOWN_FIELD,
    WRONG_TYPE,
    Diagnostic,
    Rule,
)
from errdex.io.examples import build_example, build_verify
from errdex.io.source import SourceFile
from errdex.model.catalog import Catalog
from errdex.model.codes import normalize_code
from errdex.model.effective import DEFAULT_FIELDS, NO_DEFAULTS, inherit, settle_retry
from errdex.model.types import (
    EMPTY,
    STATUSES,
    CatalogMeta,
    CompatAllow,
    Entry,
    Module,
    Param,
    Profile,
    Scan,
    ScanPattern,
    Space,
    Target,
    Translation,
    Variant,
)


class Document(NamedTuple):
    """One parsed file of a catalog and its role: ``main``, ``module`` or ``locale``."""

    source: SourceFile
    data: dict[str, Any]
    role: str = "main"


_PY_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "code": (int, str),
}

# Entry keys whose value needs no more than a type test on the fast path.
_FAST: dict[str, tuple[type, ...]] = {
    key: _PY_TYPES[field.kind] for key, field in spec.ENTRY.items() if field.kind in _PY_TYPES
}


# Words people use for a choice that spelling alone does not reveal (status "retired").
_ALIASES = {
    "retired": "removed",
    "deleted": "removed",
    "tombstone": "removed",
    "obsolete": "deprecated",
    "enabled": "active",
    "live": "active",
}


def _suggest(word: str, choices: Any) -> str | None:
    import difflib  # only needed when something is misspelt

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


class Builder:
    """Validates documents against :mod:`errdex.io.spec` and builds a :class:`Catalog`."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []

    # -- reporting -----------------------------------------------------------

    def report(
        self,
        rule: Rule,
        message: str,
        source: SourceFile,
        path: tuple[Any, ...],
        hint: str | None = None,
    ) -> None:
        """Record one problem."""
        self.diagnostics.append(Diagnostic(rule, message, source=source, path=path, hint=hint))

    def _unknown(
        self,
        key: str,
        table: Mapping[str, spec.Field],
        src: SourceFile,
        path: tuple[Any, ...],
        where: str,
    ) -> None:
        if type(key) is not str:  # YAML keys may be numbers, booleans or null
            hint = 'quote the key ("...") or use one of: ' + ", ".join(table)
            self.report(
                WRONG_TYPE, f"key {key!r} in {where} is not a string", src, (*path, key), hint
            )
            return
        guess = _suggest(key, table)
        hint = f"did you mean {guess!r}?" if guess else "known keys: " + ", ".join(table)
        self.report(UNKNOWN_FIELD, f"unknown field {key!r} in {where}", src, (*path, key), hint)

    # -- generic validation ----------------------------------------------------

    def value(
        self, field: spec.Field, value: Any, src: SourceFile, path: tuple[Any, ...]
    ) -> tuple[bool, Any]:
        """Validate one value against its field; return ``(ok, normalised value)``."""
        kind = field.kind
        name = path[-1] if path else "value"
        allowed = _PY_TYPES.get(kind)
        if allowed is not None:
            if type(value) in allowed:
                if kind != "code" or type(value) is int or _clean_code(value):
                    return True, value
                message, hint = _bad_code(name, value)
                self.report(INVALID_VALUE, message, src, path, hint)
                return False, None
        elif kind == "enum":
            if type(value) is str and value in field.choices:
                return True, value
            if type(value) is str:
                found = _suggest(value, field.choices) or _ALIASES.get(value.lower())
                choice = found if found in field.choices else None
                self.report(
                    INVALID_VALUE,
                    f"{name!r} is {value!r}, expected {spec.type_name(field)}",
                    src,
                    path,
                    f"did you mean {choice!r}?" if choice else f"use {spec.type_name(field)}",
                )
                return False, None
        elif kind == "strs":
            if type(value) is list and all(type(v) is str for v in value):
                return True, tuple(value)
        elif kind == "pair":
            if type(value) is list and len(value) == 2 and all(type(v) is int for v in value):
                if value[0] > value[1]:
                    self.report(
                        INVALID_VALUE,
                        f"{name!r} is [{value[0]}, {value[1]}]: the low end is above the high end",
                        src,
                        path,
                        f"write [{value[1]}, {value[0]}]",
                    )
                    return False, None
                return True, (value[0], value[1])
        elif kind == "table":
            if type(value) is dict:
                return True, self.table(value, field.sub or {}, src, path, f"{name!r}")
        elif kind == "tables":
            if type(value) is list:
                out = []
                for i, item in enumerate(value):
                    if type(item) is dict:
                        out.append(self.table(item, field.sub or {}, src, (*path, i), f"{name!r}"))
                    else:
                        self.report(
                            WRONG_TYPE,
                            f"item {i} of {name!r} is {_kind_of(item)}, expected a table",
                            src,
                            (*path, i),
                            "write each item as a table: { key = value, ... }",
                        )
                return True, out
        elif kind == "map":
            if type(value) is dict:
                out_map = {}
                for key, item in value.items():
                    if type(key) is not str:
                        self.report(
                            WRONG_TYPE,
                            f"key {key!r} in {name} is not a string",
                            src,
                            (*path, key),
                            'quote the key ("...")',
                        )
                    elif type(item) is dict:
                        out_map[key] = self.table(
                            item, field.sub or {}, src, (*path, key), f"{name}.{key}"
                        )
                    else:
                        self.report(
                            WRONG_TYPE,
                            f"{name}.{key} is {_kind_of(item)}, expected a table",
                            src,
                            (*path, key),
                            f"write [{'.'.join(str(p) for p in path if type(p) is str)}.{key}]"
                            " as a table of keys",
                        )
                return True, out_map
        elif kind == "any":
            if _depth_exceeds(value, _MAX_ANY_DEPTH):
                self.report(
                    INVALID_VALUE,
                    f"{name!r} is nested more than {_MAX_ANY_DEPTH} levels deep",
                    src,
                    path,
                    "flatten it: an envelope template needs a few levels at most",
                )
                return False, None
            return True, value
        self.report(
            WRONG_TYPE,
            f"{name!r} is {_kind_of(value)}, expected {spec.type_name(field)}",
            src,
            path,
            f"write {name} as {spec.type_name(field)}",
        )
        return False, None

    def table(
        self,
        raw: Mapping[str, Any],
        fields: Mapping[str, spec.Field],
        src: SourceFile,
        path: tuple[Any, ...],
        where: str,
    ) -> dict[str, Any]:
        """Validate a closed table; return the valid keys with normalised values."""
        out: dict[str, Any] = {}
        for key, value in raw.items():
            if value is None:  # canonical JSON writes unset keys as null
                continue
            field = fields.get(key)
            if field is None:
                self._unknown(key, fields, src, path, where)
                continue
            ok, norm = self.value(field, value, src, (*path, key))
            if ok:
                out[key] = norm
        for key, field in fields.items():
            if field.required and key not in raw:
                self.report(
                    MISSING_FIELD,
                    f"{where} has no {key!r}",
                    src,
                    path,
                    f"add {key} = ... ({field.doc})",
                )
        return out

    def collection(
        self, raw: Any, fields: Mapping[str, spec.Field], src: SourceFile, key: str
    ) -> dict[str, dict[str, Any]]:
        """Validate ``spaces``/``modules``/``profiles``: tables by name, or a list with ``id``s."""
        out: dict[str, dict[str, Any]] = {}
        if type(raw) is list:
            for i, item in enumerate(raw):
                if type(item) is not dict or type(item.get("id")) is not str:
                    self.report(
                        WRONG_TYPE if type(item) is not dict else MISSING_FIELD,
                        f"item {i} of {key!r} needs an 'id' string",
                        src,
                        (key, i),
                        f'write {{"id": "name", ...}} or use a table [{key}.name]',
                    )
                    continue
                if item["id"] in out:
                    self.report(
                        INVALID_VALUE,
                        f"{key} {item['id']!r} is defined twice",
                        src,
                        (key, i, "id"),
                        "keep one of them, or give this one another id",
                    )
                body = {k: v for k, v in item.items() if k != "id"}
                out[item["id"]] = self.table(body, fields, src, (key, i), f"{key}.{item['id']}")
            return out
        ok, value = self.value(spec.Field("map", "", sub=dict(fields)), raw, src, (key,))
        return value if ok else {}


def _clean_code(code: str) -> bool:
    """Whether a string code is usable: not empty, no blanks around it (they travel on the wire)."""
    return code != "" and not code[0].isspace() and not code[-1].isspace()


def _bad_code(name: str, code: str) -> tuple[str, str]:
    """The message and hint for a string code that is empty, blank, or has blanks around it."""
    if not code.strip():
        return f"{name!r} is {'empty' if code == '' else 'blank'}", "write the code, e.g. 1234"
    return (
        f"{name!r} {code!r} has blanks around it",
        f'write {name} = "{code.strip()}": clients compare codes as they are sent',
    )


_MAX_ANY_DEPTH = 32
"""Deepest nesting a free-form value (a profile body) may have: JSON export and
rendering walk it recursively, and no real envelope comes near this."""


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether lists/tables in ``value`` nest deeper than ``limit`` (iterative, no recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        children: Any
        if type(item) is dict:
            children = item.values()
        elif type(item) is list:
            children = item
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a float"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if value is None:
        return "null"
    return f"a {type(value).__name__}"  # YAML dates, timestamps, binary, sets


def _retry_conflict(vals: Mapping[str, Any]) -> str | None:
    """The message when one table sets ``retryable`` and a ``retry`` that contradict."""
    flag, retry = vals.get("retryable"), vals.get("retry")
    if type(flag) is not bool or retry not in spec.ENTRY["retry"].choices:
        return None
    if flag == (retry != "never"):
        return None
    return f"retryable = {str(flag).lower()} contradicts retry = {retry!r}"


def build(documents: list[Document]) -> tuple[Catalog | None, list[Diagnostic]]:
    """Build a catalog from its documents; return it (None if it cannot be built) and problems."""
    b = Builder()
    main = next((d for d in documents if d.role == "main"), None)
    if main is None:
        return None, b.diagnostics
    src, raw = main.source, main.data

    for key in raw:
        if key not in spec.TOP:
            b._unknown(key, spec.TOP, src, (), "the catalog file")

    # [catalog]
    meta_raw: dict[str, Any] = {}
    if "catalog" in raw:
        ok, meta_val = b.value(spec.TOP["catalog"], raw["catalog"], src, ("catalog",))
        meta_raw = meta_val if ok else {}
    else:
        b.report(
            MISSING_FIELD,
            "the catalog has no [catalog] table",
            src,
            (),
            'add [catalog] with id = "your-catalog"',
        )

    spaces_raw = b.collection(raw.get("spaces", {}), spec.SPACE, src, "spaces")
    modules_raw = b.collection(raw.get("modules", {}), spec.MODULE, src, "modules")
    module_srcs: dict[str, tuple[SourceFile, tuple[Any, ...]]] = {
        k: (src, ("modules", k)) for k in modules_raw
    }
    for doc in documents:
        if doc.role != "module":
            continue
        for key in doc.data:
            if key not in spec.MODULE_FILE:
                b._unknown(key, spec.MODULE_FILE, doc.source, (), "a module file")
        mid = doc.source.path.stem if doc.source.path is not None else "module"
        if mid in modules_raw:
            b.report(
                INVALID_VALUE,
                f"module {mid!r} is defined twice",
                doc.source,
                ("module",),
                f"keep one definition: in [modules.{mid}] or in this file",
            )
        ok, mod_val = b.value(
            spec.MODULE_FILE["module"], doc.data.get("module", {}), doc.source, ("module",)
        )
        modules_raw[mid] = mod_val if ok else {}
        module_srcs[mid] = (doc.source, ("module",))

    # spaces
    if not spaces_raw:
        spaces_raw = {"app": {"kind": "app"}}
    spaces: dict[str, Space] = {}
    for sid, s in spaces_raw.items():
        conflict = _retry_conflict(s)
        if conflict is not None:
            b.report(INVALID_VALUE, f"space {sid!r}: {conflict}", src, ("spaces", sid, "retry"))
        spaces[sid] = Space(id=sid, **s)
    default_space = meta_raw.get("default_space")
    if default_space is not None and default_space not in spaces:
        b.report(
            BAD_REFERENCE,
            f"default_space {default_space!r} is not a declared space",
            src,
            ("catalog", "default_space"),
            _choice_hint(default_space, spaces),
        )
        default_space = None
    if default_space is None and len(spaces) == 1:
        default_space = next(iter(spaces))

    # modules
    modules: dict[str, Module] = {}
    for mid, m in modules_raw.items():
        msrc, mpath = module_srcs[mid]
        conflict = _retry_conflict(m)
        if conflict is not None:
            b.report(INVALID_VALUE, f"module {mid!r}: {conflict}", msrc, (*mpath, "retry"))
        space_id = m.get("space", default_space)
        if space_id is None:
            b.report(
                MISSING_FIELD,
                f"module {mid!r} names no space and the catalog has several",
                msrc,
                mpath,
                "add space = ... to the module, or default_space = ... to [catalog]",
            )
            space_id = next(iter(spaces))
        elif space_id not in spaces:
            b.report(
                BAD_REFERENCE,
                f"module {mid!r} names unknown space {space_id!r}",
                msrc,
                (*mpath, "space"),
                _choice_hint(space_id, spaces),
            )
            space_id = default_space or next(iter(spaces))
        if "prefix" in m and "range" in m:
            b.report(
                INVALID_VALUE,
                f"module {mid!r} has both a prefix and a range",
                msrc,
                (*mpath, "range"),
                "keep prefix for string codes or range for integer codes",
            )
        modules[mid] = Module(id=mid, **{**m, "space": space_id})

    space_defaults = {sid: inherit(s._asdict()) for sid, s in spaces.items()}
    module_defaults = {
        mid: inherit(m._asdict(), space_defaults[m.space]) for mid, m in modules.items()
    }

    # entries
    entries: list[Entry] = []
    origins: list[tuple[SourceFile, tuple[Any, ...]]] = []
    for doc in documents:
        if doc.role == "locale":
            continue
        items = doc.data.get("errors")
        if items is None:
            continue
        if type(items) is not list:
            b.report(
                WRONG_TYPE,
                "'errors' must be a list of tables",
                doc.source,
                ("errors",),
                "write each entry as [[errors]]",
            )
            continue
        file_module = (
            doc.source.path.stem if doc.role == "module" and doc.source.path is not None else None
        )
        _entries(
            b,
            items,
            doc.source,
            file_module,
            default_space,
            spaces,
            modules,
            space_defaults,
            module_defaults,
            entries,
            origins,
        )

    # locale files
    for doc in documents:
        if doc.role == "locale":
            _merge_locale(b, doc, entries)

    meta = _meta(b, meta_raw, src, default_space)
    profiles = {
        pid: Profile(id=pid, **p)
        for pid, p in b.collection(raw.get("profiles", {}), spec.PROFILE, src, "profiles").items()
        if "body" in p
    }
    targets = []
    if "targets" in raw:
        ok, tval = b.value(spec.TOP["targets"], raw["targets"], src, ("targets",))
        targets = [Target(**t) for t in tval if "kind" in t and "output" in t] if ok else []
    compat: list[CompatAllow] = []
    if "compat" in raw:
        ok, cval = b.value(spec.TOP["compat"], raw["compat"], src, ("compat",))
        if ok:
            compat = [CompatAllow(**a) for a in cval.get("allow", []) if len(a) == 3]
    scan = _scan(b, raw["scan"], src, spaces) if "scan" in raw else None
    verify = None
    if "verify" in raw:
        ok, vval = b.value(spec.TOP["verify"], raw["verify"], src, ("verify",))
        verify = build_verify(b.report, vval, src) if ok else None

    catalog = Catalog(
        meta,
        spaces,
        modules,
        entries,
        profiles=profiles,
        targets=targets,
        compat=compat,
        scan=scan,
        verify=verify,
        sources=[d.source for d in documents],
        origins=origins,
    )
    return catalog, b.diagnostics


def _scan(b: Builder, raw: Any, src: SourceFile, spaces: Mapping[str, Space]) -> Scan | None:
    """Validate ``[scan]``: regexes must compile and capture ``code``; spaces must exist."""
    import re

    ok, val = b.value(spec.TOP["scan"], raw, src, ("scan",))
    if not ok:
        return None
    patterns = []
    for i, pat in enumerate(val.get("patterns", [])):
        if "files" not in pat or "regex" not in pat:
            continue
        path = ("scan", "patterns", i)
        try:
            compiled = re.compile(pat["regex"])
        except re.error as exc:
            hint = "write a Python regular expression (in '...' TOML strings \\ needs no escaping)"
            msg = f"the scan regex does not compile: {exc}"
            b.report(INVALID_VALUE, msg, src, (*path, "regex"), hint)
            continue
        if "code" not in compiled.groupindex:
            hint = "capture the code with (?P<code>...)"
            msg = "the scan regex has no group named 'code'"
            b.report(INVALID_VALUE, msg, src, (*path, "regex"), hint)
            continue
        space = pat.get("space")
        if space is not None and space not in spaces:
            msg = f"scan pattern names unknown space {space!r}"
            b.report(BAD_REFERENCE, msg, src, (*path, "space"), _choice_hint(space, spaces))
            continue
        patterns.append(ScanPattern(files=pat["files"], regex=pat["regex"], space=space))
    ignore = []
    raw_ignore = val.get("ignore", [])
    if type(raw_ignore) is not list:
        hint = 'write ignore = [1099, "AUTH-ERR-7"]'
        b.report(WRONG_TYPE, "'ignore' is not a list of codes", src, ("scan", "ignore"), hint)
        raw_ignore = []
    for i, code in enumerate(raw_ignore):
        if type(code) in (int, str) and code != "":
            ignore.append(code)
        else:
            msg = f"item {i} of 'ignore' is {_kind_of(code)}, expected a code"
            b.report(WRONG_TYPE, msg, src, ("scan", "ignore", i), "list integer or string codes")
    for i, space in enumerate(val.get("spaces", ())):
        if space not in spaces:
            msg = f"scan names unknown space {space!r}"
            b.report(BAD_REFERENCE, msg, src, ("scan", "spaces", i), _choice_hint(space, spaces))
    defaults = Scan()
    return Scan(
        calls=val.get("calls", defaults.calls),
        patterns=tuple(patterns),
        ignore=tuple(ignore),
        spaces=tuple(s for s in val.get("spaces", ()) if s in spaces),
        exclude=val.get("exclude", ()),
    )


def _choice_hint(value: str, choices: Mapping[str, Any]) -> str:
    guess = _suggest(value, choices)
    if guess:
        return f"did you mean {guess!r}?"
    return "declared: " + (", ".join(choices) or "none")


_SLUG = re.compile(spec.CATALOG["id"].pattern or "")
_NOT_SLUG = re.compile(r"[^a-z0-9._-]+")


def _meta(
    b: Builder, raw: dict[str, Any], src: SourceFile, default_space: str | None
) -> CatalogMeta:
    values = dict(raw)
    cid = values.setdefault("id", "unnamed")
    if not _SLUG.fullmatch(cid):
        fixed = _NOT_SLUG.sub("-", cid.strip().lower()).strip("-._") or "my-catalog"
        b.report(
            INVALID_VALUE,
            f"catalog id {cid!r} is not a slug",
            src,
            ("catalog", "id"),
            f'use lower-case letters, digits, ".", "_" and "-": id = "{fixed}"',
        )
    values["default_space"] = default_space
    locales = values.get("locales")
    if locales is not None:
        values["locales"] = tuple(locales)
    return CatalogMeta(**values)


_ORDER = Entry._fields
_I = {name: i for i, name in enumerate(_ORDER)}
# (key, type) pairs an entry may hold without any conversion or report.
_PLAIN_PAIRS = frozenset((key, t) for key, types in _FAST.items() for t in types)
_new_entry = tuple.__new__


def _entries(
    b: Builder,
    items: list[Any],
    src: SourceFile,
    file_module: str | None,
    default_space: str | None,
    spaces: Mapping[str, Space],
    modules: Mapping[str, Module],
    space_defaults: Mapping[str, tuple[Any, ...]],
    module_defaults: Mapping[str, tuple[Any, ...]],
    out: list[Entry],
    origins: list[tuple[SourceFile, tuple[Any, ...]]],
) -> None:
    fields = spec.ENTRY
    plain = _PLAIN_PAIRS
    order = _ORDER
    i_key, i_space, i_module, i_status = _I["key"], _I["space"], _I["module"], _I["status"]
    i_http, i_params, i_variants, i_examples = (
        _I["http_status"],
        _I["params"],
        _I["variants"],
        _I["examples"],
    )
    i_tags, i_translations, i_locale = _I["tags"], _I["translations"], _I["locale"]
    no_defaults = NO_DEFAULTS
    module_locales = {mid: m.locale for mid, m in modules.items()}
    has_defaults = {
        k: any(v is not None for v in d)
        for k, d in (*space_defaults.items(), *module_defaults.items())
    }
    for i, raw in enumerate(items):
        if type(raw) is not dict:
            b.report(
                WRONG_TYPE,
                f"entry {i} is {_kind_of(raw)}, expected a table",
                src,
                ("errors", i),
                "write each entry as [[errors]] with code = ...",
            )
            continue
        vals = raw
        path = ("errors", i)
        if not plain.issuperset(zip(raw, map(type, raw.values()), strict=True)):
            # slow path: something needs conversion, validation or reporting
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
        args = list(map(vals.get, order))
        code = args[0]
        if code is None or (type(code) is str and not _clean_code(code)):
            if code is not None:
                message, hint = _bad_code("code", code)
                b.report(INVALID_VALUE, message, src, (*path, "code"), hint)
            elif "code" not in raw:
                hint = "add code = 1234 (or a string code)"
                b.report(MISSING_FIELD, "entry has no 'code'", src, path, hint)
            continue
        status = args[i_status]
        if status is None:
            args[i_status] = "active"
        elif status not in STATUSES:
            b.value(fields["status"], status, src, (*path, "status"))
            args[i_status] = "active"
        mod_id = args[i_module]
        if mod_id is None:
            mod_id = file_module
        mod = modules.get(mod_id) if mod_id is not None else None
        if mod_id is not None and mod is None:
            b.report(
                BAD_REFERENCE,
                f"code {code!r} names unknown module {mod_id!r}",
                src,
                (*path, "module"),
                _choice_hint(mod_id, modules),
            )
            mod_id = None
        args[i_module] = mod_id
        space = args[i_space]
        if space is None:
            space = mod.space if mod is not None else default_space
            if space is None:
                b.report(
                    MISSING_FIELD,
                    f"code {code!r} has no space and the catalog has several",
                    src,
                    path,
                    "add space = ... or module = ..., or default_space to [catalog]",
                )
                continue
            args[i_space] = space
        elif space not in spaces:
            b.report(
                BAD_REFERENCE,
                f"code {code!r} names unknown space {space!r}",
                src,
                (*path, "space"),
                _choice_hint(space, spaces),
            )
            continue
        if mod is not None and space == mod.space:
            d = module_defaults[mod_id]  # type: ignore[index]
            wanted = has_defaults[mod_id]  # type: ignore[index]
        else:
            d = space_defaults.get(space, no_defaults)
            wanted = has_defaults.get(space, False)
        if wanted:
            for j in range(len(DEFAULT_FIELDS)):
                if args[i_http + j] is None:
                    args[i_http + j] = d[j]
        if "retry" in vals or "retryable" in vals:
            conflict = _retry_conflict(vals)
            if conflict is not None:
                hint = 'keep one of them: retry = "never" means retryable = false'
                b.report(INVALID_VALUE, f"code {code!r}: {conflict}", src, (*path, "retry"), hint)
            settle_retry(args, i_http + 2, vals.get("retryable"), vals.get("retry"))
        args[i_key] = normalize_code(code)
        params = args[i_params]
        args[i_params] = (
            MappingProxyType({k: Param(**p) for k, p in params.items()}) if params else EMPTY
        )
        variants = args[i_variants]
        args[i_variants] = (
            tuple(Variant(**v) for v in variants if "message" in v) if variants else ()
        )
        examples = args[i_examples]
        if examples:
            built = (
                build_example(b.report, e, src, (*path, "examples", j))
                for j, e in enumerate(examples)
            )
            args[i_examples] = tuple(e for e in built if e is not None)
        else:
            args[i_examples] = ()
        if args[i_tags] is None:
            args[i_tags] = ()
        translations = args[i_translations]
        args[i_translations] = (
            MappingProxyType({k: Translation(**t) for k, t in translations.items()})
            if translations
            else EMPTY
        )
        if args[i_locale] is None and mod_id is not None:
            args[i_locale] = module_locales[mod_id]
        out.append(_new_entry(Entry, args))
        origins.append((src, path))


def _merge_locale(b: Builder, doc: Document, entries: list[Entry]) -> None:
    locale = doc.source.path.stem if doc.source.path is not None else "und"
    src = doc.source
    for key in doc.data:
        if key not in spec.LOCALE_FILE:
            b._unknown(key, spec.LOCALE_FILE, src, (), "a locale file")
    raw = doc.data.get("errors", {})
    if type(raw) is dict:  # YAML reads `1054:` as an integer key: a code all the same
        raw = {str(k) if type(k) is int else k: v for k, v in raw.items()}
    ok, table = b.value(spec.LOCALE_FILE["errors"], raw, src, ("errors",))
    if not ok:
        return
    index: dict[Any, list[int]] = {}
    for i, e in enumerate(entries):
        index.setdefault(e.key, []).append(i)
    for code, values in table.items():
        space = values.pop("space", None)
        try:
            wanted = normalize_code(code)
        except TypeError:
            continue
        hits = [i for i in index.get(wanted, []) if space is None or entries[i].space == space]
        if not hits:
            b.report(
                BAD_REFERENCE,
                f"translation for unknown code {code!r}",
                src,
                ("errors", code),
                "remove it, or add the entry to the catalog",
            )
            continue
        if len(hits) > 1:
            b.report(
                INVALID_VALUE,
                f"code {code!r} is in several spaces",
                src,
                ("errors", code),
                "add space = ... to say which entry this translates",
            )
            continue
        entry = entries[hits[0]]
        merged = dict(entry.translations)
        if locale in merged:
            b.report(
                INVALID_VALUE,
                f"{code!r} is translated to {locale} twice",
                src,
                ("errors", code),
                "keep the translation in one place: the entry or the locale file",
            )
        merged[locale] = Translation(**values)
        entries[hits[0]] = entry._replace(translations=MappingProxyType(merged))
