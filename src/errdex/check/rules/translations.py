"""Rules about message templates and translations: syntax, placeholders, missing and stale."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from operator import attrgetter, itemgetter, ne

from errdex.check.context import Context, value_at
from errdex.check.registry import check
from errdex.check.text import Template, parse_template
from errdex.io.diagnostic import Diagnostic, rule
from errdex.model import Entry, source_hash

PLACEHOLDER_MISMATCH = rule("E107")
TEMPLATE_SYNTAX = rule("E108")
MISSING_TRANSLATION = rule("W301")
STALE_TRANSLATION = rule("W302")


_parse = lru_cache(maxsize=4096)(parse_template)


@check(TEMPLATE_SYNTAX)
def template_syntax(ctx: Context) -> Iterator[Diagnostic]:
    """Message templates with unbalanced braces or fields other than ``{name}``."""
    bad: dict[str, Template] = {}
    for text in ctx.values("message"):
        if text and ("{" in text or "}" in text):
            parsed = parse_template(text)
            if parsed.problems:
                bad[text] = parsed
    # each distinct text is parsed once; only entries with a bad one, or with variants, are
    # walked one by one
    suspects = set(ctx.having("variants"))
    if bad:
        suspects.update(i for i, text in enumerate(ctx.column("message")) if text in bad)
    translated = ctx.translations
    bad_translations = {
        text for text in {tr.message for _, _, tr in translated} if text and _parse(text).problems
    }
    if bad_translations:
        suspects.update(i for i, _, tr in translated if tr.message in bad_translations)
    entries = ctx.entries
    for i in sorted(suspects):
        e = entries[i]
        texts: list[tuple[tuple[str | int, ...], Template]] = []
        if e.message is not None and e.message in bad:
            texts.append((("message",), bad[e.message]))
        for j, variant in enumerate(e.variants):
            parsed = _parse(variant.message)
            if parsed.problems:
                texts.append((("variants", j, "message"), parsed))
        for locale, tr in e.translations.items():
            if tr.message:
                parsed = _parse(tr.message)
                if parsed.problems:
                    texts.append((("translations", locale, "message"), parsed))
        for path, parsed in texts:
            text = value_at(e, path)
            for problem in parsed.problems:
                token = text[problem.offset :].split("}", 1)[0] + (
                    "}" if "}" in text[problem.offset :] else ""
                )
                yield ctx.entry_diag(
                    TEMPLATE_SYNTAX,
                    i,
                    path,
                    f"{problem.message} of {ctx.label(i)}"
                    if path == ("message",)
                    else f"{problem.message} ({'.'.join(map(str, path))} of {ctx.label(i)})",
                    problem.hint,
                    needle=token if len(token) > 1 else None,
                )


def _names(text: str | None) -> frozenset[str]:
    """The placeholders of a message (none for no message)."""
    return frozenset(_parse(text).placeholders) if text else frozenset()


@check(PLACEHOLDER_MISMATCH)
def placeholders(ctx: Context) -> Iterator[Diagnostic]:
    """A translated message must use exactly the source message's placeholders."""
    entries = ctx.entries
    translated = [(i, locale, tr) for i, locale, tr in ctx.translations if tr.message is not None]
    pairs = {(entries[i].message, tr.message or "") for i, _, tr in translated}
    wrong: set[tuple[str | None, str]] = set()
    for message, translation in pairs:  # each distinct pair of texts is compared once
        if not _parse(translation).problems and _names(translation) != _names(message):
            wrong.add((message, translation))  # (a translation with syntax problems is E108)
    if not wrong:
        return
    for i, locale, tr in translated:
        e = entries[i]
        if (e.message, tr.message) not in wrong:
            continue
        source, got = _names(e.message), _names(tr.message)
        missing = ", ".join(f"{{{n}}}" for n in sorted(source - got))
        extra = ", ".join(f"{{{n}}}" for n in sorted(got - source))
        parts = []
        if missing:
            parts.append(f"lacks {missing}")
        if extra:
            parts.append(f"has {extra}, which the source message does not")
        yield ctx.entry_diag(
            PLACEHOLDER_MISMATCH,
            i,
            ("translations", locale, "message"),
            f"the {locale} message of {ctx.label(i)} {' and '.join(parts)}",
            "use the source message's placeholders: "
            + (", ".join(f"{{{n}}}" for n in sorted(source)) or "none"),
        )


@check(MISSING_TRANSLATION)
def missing_translations(ctx: Context) -> list[Diagnostic]:
    """Every entry that is not a tombstone and has a text needs a translation to each declared
    locale other than the catalog's default locale and the entry's own ``locale``."""
    meta = ctx.catalog.meta
    wanted = [locale for locale in meta.locales if locale != meta.default_locale]
    found: list[Diagnostic] = []
    if not wanted:
        return found  # the catalog's own language only: entries fall back to their own text
    entries = ctx.entries
    translatable = _translatable(ctx)
    translated = ctx.having("translations")
    own_locales = ctx.values("locale")
    for locale in wanted:
        said = f" has no {locale} translation, and the catalog declares locale {locale!r}"
        hint = f"add [errors.translations.{locale}] to the entry (or to locales/{locale}.toml)"
        done = {i for i in translated if locale in entries[i].translations}
        if locale in own_locales:  # entries written in this locale need no translation to it
            done.update(i for i, e in enumerate(entries) if e.locale == locale)
        lacking = [i for i in translatable if i not in done] if done else translatable
        shown = map(entries.__getitem__, lacking)
        messages = [f"{e.code} ({e.name}){said}" if e.name else f"{e.code}{said}" for e in shown]
        found += Diagnostic.batch(MISSING_TRANSLATION, messages, ctx.origins(lacking), hint)
    return found


def _translatable(ctx: Context) -> list[int]:
    """The entries that need translations: not tombstones, with a text (not only blanks:
    those are E106). Decided per distinct message first, as most entries have one."""
    entries = ctx.entries
    removed = "removed" in ctx.values("status")
    if not removed and all(type(t) is str and not t.isspace() and t for t in ctx.values("message")):
        return list(range(len(entries)))  # every entry has a message with words
    return [i for i, e in enumerate(entries) if e.status != "removed" and _has_text(e)]


def _has_text(e: Entry) -> bool:
    """Whether an entry has a text to translate (not only blanks: those are E106)."""
    for text in (e.message, e.description, e.solution, e.title):
        if text and not text.isspace():
            return True
    return False


@check(STALE_TRANSLATION)
def stale_translations(ctx: Context) -> Iterator[Diagnostic]:
    """A translation whose ``source_hash`` no longer matches the entry's source texts."""
    entries = ctx.entries
    hashed = [(i, locale, tr) for i, locale, tr in ctx.translations if tr.source_hash is not None]
    sources = attrgetter("message", "description", "solution")
    texts = [sources(entries[i]) for i, _, _ in hashed]
    current = {t: source_hash(*t) for t in set(texts)}  # each distinct source hashed once
    now = list(map(current.__getitem__, texts))
    said = map(attrgetter("source_hash"), map(itemgetter(2), hashed))
    for (i, locale, tr), hash_now in compress(zip(hashed, now, strict=True), map(ne, said, now)):
        yield ctx.entry_diag(
            STALE_TRANSLATION,
            i,
            ("translations", locale, "source_hash"),
            f"the {locale} translation of {ctx.label(i)} is stale: it was made from texts "
            f"with hash {tr.source_hash}, the source texts now hash to {hash_now}",
            f"update the translation to the current message, description and solution, "
            f'then set source_hash = "{hash_now}"',
        )
