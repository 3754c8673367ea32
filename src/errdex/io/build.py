"""Assemble the immutable model from parsed catalog documents, reporting every problem.

Three steps, one module each: :mod:`errdex.io.validate` checks values against
the format (:class:`~errdex.io.validate.Builder`), this module assembles the
catalog (metadata, spaces, modules and their inherited defaults, profiles,
targets, scan settings, locale files) and :mod:`errdex.io.entries` builds the
entries, the hot path. Nothing raises for bad input: every problem is a
:class:`Diagnostic` and the bad value is left out.
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
    WRONG_TYPE,
    Diagnostic,
)
from errdex.io.entries import bases, build_entries
from errdex.io.examples import build_verify
from errdex.io.origins import Origins
from errdex.io.source import SourceFile
from errdex.io.validate import Builder, choice_hint, kind_of, retry_conflict
from errdex.model.catalog import Catalog
from errdex.model.codes import normalize_code
from errdex.model.effective import inherit
from errdex.model.types import (
    CatalogMeta,
    CompatAllow,
    Entry,
    Module,
    Profile,
    Scan,
    ScanPattern,
    Space,
    Target,
    Translation,
)


class Document(NamedTuple):
    """One parsed file of a catalog and its role: ``main``, ``module`` or ``locale``."""

    source: SourceFile
    data: dict[str, Any]
    role: str = "main"


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
        conflict = retry_conflict(s)
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
            choice_hint(default_space, spaces),
        )
        default_space = None
    if default_space is None and len(spaces) == 1:
        default_space = next(iter(spaces))

    # modules
    modules: dict[str, Module] = {}
    for mid, m in modules_raw.items():
        msrc, mpath = module_srcs[mid]
        conflict = retry_conflict(m)
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
                choice_hint(space_id, spaces),
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
    by_module, by_space = bases(modules, spaces, default_space, space_defaults, module_defaults)

    # entries
    entries: list[Entry] = []
    origins = Origins()
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
        doc.source.locator.count = len(items)
        file_module = (
            doc.source.path.stem if doc.role == "module" and doc.source.path is not None else None
        )
        build_entries(
            b,
            items,
            doc.source,
            file_module,
            spaces,
            modules,
            by_module,
            by_space,
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
            b.report(BAD_REFERENCE, msg, src, (*path, "space"), choice_hint(space, spaces))
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
            msg = f"item {i} of 'ignore' is {kind_of(code)}, expected a code"
            b.report(WRONG_TYPE, msg, src, ("scan", "ignore", i), "list integer or string codes")
    for i, space in enumerate(val.get("spaces", ())):
        if space not in spaces:
            msg = f"scan names unknown space {space!r}"
            b.report(BAD_REFERENCE, msg, src, ("scan", "spaces", i), choice_hint(space, spaces))
    defaults = Scan()
    return Scan(
        calls=val.get("calls", defaults.calls),
        patterns=tuple(patterns),
        ignore=tuple(ignore),
        spaces=tuple(s for s in val.get("spaces", ()) if s in spaces),
        exclude=val.get("exclude", ()),
    )


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
