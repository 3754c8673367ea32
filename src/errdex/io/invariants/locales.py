"""Locale tags that are BCP 47 (E115): in ``locales``, ``default_locale``, a module's or
an entry's ``locale``, an entry's ``translations`` and a locale file's name.

A tag becomes a file and folder name (a built site, gettext files) and a
``Content-Language`` header, so a tag that is not BCP 47 (``../x``, ``zh CN``)
makes the catalog invalid.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from operator import attrgetter

from errdex.io.context import Context
from errdex.io.diagnostic import Diagnostic
from errdex.io.rules import rule
from errdex.model.locales import is_locale_tag

INVALID_LOCALE = rule("E115")

_HINT = "write a BCP 47 language tag: a language, then optional script and region (zh-Hant-TW)"


def _shown(tag: str) -> str:
    return repr(tag if len(tag) <= 40 else tag[:40] + "…")


def locale_tags(ctx: Context) -> Iterator[Diagnostic]:
    """Every locale tag a catalog names, well-formed BCP 47."""
    catalog = ctx.catalog
    meta = catalog.meta
    if not is_locale_tag(meta.default_locale):
        yield ctx.top_diag(
            INVALID_LOCALE,
            ("catalog", "default_locale"),
            f"default_locale {_shown(meta.default_locale)} is not a BCP 47 language tag",
            _HINT,
        )
    for j, tag in enumerate(meta.locales):
        if not is_locale_tag(tag):
            yield ctx.top_diag(
                INVALID_LOCALE,
                ("catalog", "locales", j),
                f"locale {_shown(tag)} in locales is not a BCP 47 language tag",
                _HINT,
            )
    for mid, mod in catalog.modules.items():
        if mod.locale is not None and not is_locale_tag(mod.locale):
            message = f"module {mid!r} has locale {_shown(mod.locale)}: not a BCP 47 language tag"
            yield ctx.module_diag(INVALID_LOCALE, mid, "locale", message, _HINT)
    files = set()
    for src in catalog.sources:
        path = getattr(src, "path", None)
        if path is not None and path.parent.name == "locales" and not is_locale_tag(path.stem):
            files.add(path.stem)
            yield Diagnostic(
                INVALID_LOCALE,
                f"locale file {path.name!r} is not named by a BCP 47 language tag",
                source=src,
                path=(),
                hint=f"rename it, e.g. locales/zh-CN{path.suffix}",
            )
    entries = ctx.entries
    # entries without translations (an empty mapping, falsy) are skipped in C
    tags = set(chain.from_iterable(filter(None, map(attrgetter("translations"), entries))))
    tags.update(map(attrgetter("locale"), entries))
    tags.discard(None)
    if all(is_locale_tag(tag) for tag in tags):
        return  # every tag the entries use is fine: no need to look at them one by one
    for i, e in enumerate(entries):
        owner = catalog.modules.get(e.module) if e.module is not None else None
        inherited = owner is not None and owner.locale == e.locale
        if e.locale is not None and not inherited and not is_locale_tag(e.locale):
            message = f"{ctx.label(i)} has locale {_shown(e.locale)}: not a BCP 47 language tag"
            yield ctx.entry_diag(INVALID_LOCALE, i, ("locale",), message, _HINT)
        for tag in e.translations:
            if not is_locale_tag(tag) and tag not in files:
                yield ctx.entry_diag(
                    INVALID_LOCALE,
                    i,
                    ("translations", tag),
                    f"{ctx.label(i)} is translated to {_shown(tag)}: not a BCP 47 language tag",
                    _HINT,
                )
