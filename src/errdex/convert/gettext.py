"""Translation workflow with gettext: catalog texts out to ``.pot``/``.po``, translations back in.

Three steps, one function each, all on Babel's message catalogs:

- :func:`template` — one message per entry text (``title``, ``message``,
  ``description``, ``solution``; empty texts and tombstones are left out).
  ``msgctxt`` is ``"<space>:<code>:<field>"``, so identical texts of two
  entries stay two messages and a message always knows its entry; ``#.``
  comments name the code and the entry; ``#:`` points at the catalog file and
  line the text is written on. A ``message`` with ``{placeholders}`` carries the
  ``python-brace-format`` flag, so ``msgfmt --check`` verifies translations keep
  them.
- :func:`merge` — brings a locale's ``.po`` up to date with the template. The
  key is the context: a text whose source changed keeps its old ``msgstr``,
  becomes ``fuzzy`` and records the old source as ``#| msgid``. A ``.po`` made
  for the first time is seeded from the translations the catalog already has
  (fuzzy when their ``source_hash`` no longer matches). Messages whose entry
  is gone become obsolete (``#~``).
- :func:`compile_translations` — the translated, non-fuzzy messages whose
  ``msgid`` is still the entry's current text, grouped into one
  :class:`~errdex.model.Translation` per entry, with the current
  :func:`~errdex.model.source_hash`. An entry is compiled only when every one
  of its texts is translated: a translation in the catalog is always complete
  and current. :func:`locale_file_text` writes them as a folder catalog's
  ``locales/<locale>.toml`` (with tomlkit: comments of an existing file stay).

Entries whose own language (``locale`` of the entry or its module, else the
catalog's ``default_locale``) is the target locale are not translated into it.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from errdex.io.diagnostic import HintedError
from errdex.model.catalog import Catalog
from errdex.model.codes import Code, normalize_code
from errdex.model.hashing import source_hash
from errdex.model.template import placeholders as template_names
from errdex.model.types import Entry, Translation

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog as PoCatalog
    from babel.messages.catalog import Message

FIELDS = ("title", "message", "description", "solution")
"""The entry texts that are translated, in the order they are extracted."""


class GettextError(HintedError):
    """Raised when a ``.po`` file or a catalog cannot take part in the workflow."""


def _msgid(message: Any) -> str:
    """A message's id as text (Babel types it as a plural tuple too; errdex has none)."""
    found = message.id
    return found if isinstance(found, str) else str(found[0])


def babel_locale(locale: str) -> str:
    """Babel's spelling of a BCP 47 tag: ``zh-CN`` → ``zh_CN``."""
    return locale.replace("-", "_")


def context(entry: Entry, field: str) -> str:
    """The ``msgctxt`` of one text of an entry: ``"<space>:<code>:<field>"``."""
    return f"{entry.space}:{entry.code}:{field}"


def parse_context(ctx: str | None) -> tuple[str, Code, str] | None:
    """Split a ``msgctxt`` into ``(space, code, field)``; None when it is not errdex's."""
    if not ctx or ctx.count(":") < 2:
        return None
    space, rest = ctx.split(":", 1)
    code_text, field = rest.rsplit(":", 1)
    if field not in FIELDS or not code_text:
        return None
    code: Code = int(code_text) if re.fullmatch(r"[+-]?\d+", code_text) else code_text
    return space, code, field


def source_locale(catalog: Catalog, entry: Entry) -> str:
    """The language an entry's own texts are written in."""
    return entry.locale or catalog.meta.default_locale


def placeholders(text: str | None) -> set[str]:
    """The ``{name}`` placeholders of a message template (``{{`` and ``}}`` are literal)."""
    return set(template_names(text))


def _texts(entry: Entry) -> list[tuple[str, str]]:
    return [(f, getattr(entry, f)) for f in FIELDS if getattr(entry, f)]


def _catalog_root(catalog: Catalog) -> Path | None:
    path = getattr(catalog.sources[0], "path", None) if catalog.sources else None
    return path.parent if path is not None else None


def _location(
    catalog: Catalog, index: int, field: str, root: Path | None
) -> tuple[str, int] | None:
    origin = catalog.origin(index)
    if origin is None:
        return None
    src, keypath = origin
    path = getattr(src, "path", None)
    if path is None:
        return None
    line = src.locate((*keypath, field))[0]
    try:
        name = path.relative_to(root).as_posix() if root is not None else path.name
    except ValueError:
        name = path.name
    return name, line


def _new_po(catalog: Catalog, locale: str | None) -> PoCatalog:
    from babel.messages.catalog import Catalog as PoCatalog

    title = catalog.meta.title or catalog.meta.id
    now = datetime.now(UTC)
    return PoCatalog(
        locale=babel_locale(locale) if locale else None,
        domain=catalog.meta.id,
        header_comment=(
            f"# Translations of the errdex catalog {catalog.meta.id!r} ({title}).\n"
            "# Written by errdex i18n: translate each msgstr, keep msgctxt as it is\n"
            "# (it names the entry: <space>:<code>:<field>)."
        ),
        project=catalog.meta.id,
        version=catalog.meta.version,
        copyright_holder=None,
        msgid_bugs_address=None,
        creation_date=now,
        revision_date=now,
        fuzzy=locale is None,
        charset="utf-8",
    )


def _add(po: PoCatalog, msgid: str, **kwargs: Any) -> Message:
    message = po.add(msgid, **kwargs)
    # Babel flags any text with a %-sequence as python-format; these texts are
    # not %-formatted, and the flag would make msgfmt --check demand the same
    # sequences in the translation.
    message.flags.discard("python-format")
    return message


def template(catalog: Catalog, locale: str | None = None) -> PoCatalog:
    """The catalog's texts as a gettext template (for ``locale``: without the entries
    already written in it)."""
    po = _new_po(catalog, None)
    root = _catalog_root(catalog)
    for index, entry in enumerate(catalog.entries):
        if entry.is_removed:
            continue
        if locale is not None and source_locale(catalog, entry) == locale:
            continue
        label = f"{entry.code}" + (f" {entry.name}" if entry.name else "")
        for field, text in _texts(entry):
            where = _location(catalog, index, field, root)
            flags = ["python-brace-format"] if field == "message" and placeholders(text) else []
            _add(
                po,
                text,
                context=context(entry, field),
                locations=[where] if where else [],
                auto_comments=[f"{label} — {field}"],
                flags=flags,
            )
    return po


class MergeReport(NamedTuple):
    """What :func:`merge` did: counts of messages by what happened to them."""

    added: int
    changed: int
    seeded: int
    obsolete: int
    translated: int
    total: int


def merge(
    existing: PoCatalog | None, catalog: Catalog, locale: str
) -> tuple[PoCatalog, MergeReport]:
    """Return the ``.po`` catalog of ``locale`` brought up to date with ``catalog``'s texts."""
    fresh = template(catalog, locale)
    po = _new_po(catalog, locale)
    if existing is not None:  # keep what translators set in the header
        po.creation_date = existing.creation_date
        po.revision_date = existing.revision_date
        po.last_translator = existing.last_translator
        po.language_team = existing.language_team
    old_by_ctx: dict[str, Message] = {}
    if existing is not None:
        for message in existing:
            if message.id and message.context:
                old_by_ctx[message.context] = message
    by_context = _entries_by_context(catalog)
    added = changed = seeded = translated = 0
    for message in fresh:
        if not message.id:
            continue
        ctx = message.context
        old = old_by_ctx.pop(ctx, None) if ctx else None
        string = ""
        fuzzy = False
        previous: list[str] = []
        if old is not None:
            string = old.string if isinstance(old.string, str) else ""
            if old.id == message.id:
                fuzzy = old.fuzzy
                previous = list(old.previous_id) if fuzzy else []
            elif string:
                fuzzy = True
                changed += 1
                previous = list(old.previous_id) if old.fuzzy and old.previous_id else [_msgid(old)]
        else:
            entry = by_context.get(ctx or "")
            tr = entry.translations.get(locale) if entry is not None else None
            field = ctx.rsplit(":", 1)[1] if ctx else ""
            if tr is not None and getattr(tr, field, None):
                string = getattr(tr, field)
                current = source_hash(entry.message, entry.description, entry.solution)  # type: ignore[union-attr]
                fuzzy = tr.source_hash is not None and tr.source_hash != current
                seeded += 1
            else:
                added += 1
        flags = set(message.flags) | ({"fuzzy"} if fuzzy else set())
        _add(
            po,
            _msgid(message),
            string=string,
            context=ctx,
            locations=message.locations,
            auto_comments=message.auto_comments,
            user_comments=old.user_comments if old is not None else [],
            flags=sorted(flags),
            previous_id=previous,
        )
        if string and not fuzzy:
            translated += 1
    for ctx, old in old_by_ctx.items():
        po.obsolete[(_msgid(old), ctx)] = old
    total = sum(1 for m in po if m.id)
    report = MergeReport(added, changed, seeded, len(old_by_ctx), translated, total)
    return po, report


def _entries_by_context(catalog: Catalog) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for entry in catalog.entries:
        for field in FIELDS:
            out.setdefault(context(entry, field), entry)
    return out


_PO_STRING = rb'"(?:[^"\\\r\n]|\\.)*"'
_PO_LINE = re.compile(
    rb"[ \t]*(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+)?"
    + _PO_STRING
    + rb"[ \t]*\r?"
)
_PO_KEYWORD = re.compile(rb"[ \t]*(msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\b[ \t]*")


def _po_syntax(data: bytes) -> tuple[int, int, str] | None:
    """The first line Babel would misread silently: ``(line, col, what)``, or None.

    Babel's reader skips or mangles lines it does not understand (an unclosed
    string loses the message); msgfmt refuses them. Every line of a ``.po``
    file is blank, a ``#`` comment, a keyword with a quoted string, or a
    quoted string continuing the one above.
    """
    for number, line in enumerate(data.split(b"\n"), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(b"#") or _PO_LINE.fullmatch(line):
            continue
        keyword = _PO_KEYWORD.match(line)
        if keyword is None and not stripped.startswith(b'"'):
            col = len(line) - len(line.lstrip()) + 1
            return number, col, "expected msgctxt, msgid, msgstr or a quoted string"
        col = (keyword.end() if keyword else len(line) - len(line.lstrip())) + 1
        rest = line[col - 1 :]
        if not rest.startswith(b'"'):
            return number, col, "expected a quoted string"
        closed = re.match(_PO_STRING, rest)
        if closed is None:
            return number, col, "the string is not closed on this line"
        after = col - 1 + closed.end()
        after += len(line[after:]) - len(line[after:].lstrip())
        return number, after + 1, "unexpected text after the string"
    return None


def read_po_file(path: Path, locale: str | None = None) -> PoCatalog:
    """Read a ``.po``/``.pot`` file with Babel; raise :class:`GettextError` if it is broken.

    The error names the place, ``file:line:col``, and how to fix it.
    """
    from babel.core import UnknownLocaleError
    from babel.messages.pofile import PoFileError, read_po

    from errdex.io.source import display_path

    shown = display_path(path)
    fix = "fix the .po file (msgfmt --check names every problem), or delete it and run update"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GettextError(
            f"no such file: {shown}",
            "create it with errdex i18n update CATALOG --locale "
            + (locale or path.stem)
            + " (or pass -d DIR, the folder of your .po files)",
        ) from None
    except OSError as exc:
        raise GettextError(f"cannot read {shown}: {exc.strerror}", "check the file") from None
    problem = _po_syntax(data)
    if problem is not None:
        line, col, what = problem
        raise GettextError(f"{shown}:{line}:{col}: {what}", fix)
    try:
        po = read_po(
            io.BytesIO(data), locale=babel_locale(locale) if locale else None, abort_invalid=True
        )
    except PoFileError as exc:
        what = str(exc).rsplit(" on ", 1)[0]
        raise GettextError(f"{shown}:{exc.lineno + 1}:1: {what}", fix) from None
    except UnicodeDecodeError as exc:
        try:
            data.decode("utf-8")
            where = ""
        except UnicodeDecodeError as utf8:
            line = data.count(b"\n", 0, utf8.start) + 1
            col = utf8.start - data.rfind(b"\n", 0, utf8.start)
            where = f":{line}:{col}"
        raise GettextError(
            f"{shown}{where}: the file is not in its declared charset ({exc.reason})",
            'save it as UTF-8 with "Content-Type: text/plain; charset=UTF-8" in its header',
        ) from None
    except (UnknownLocaleError, ValueError) as exc:
        raise GettextError(
            f"{shown}: {locale!r} is not a locale Babel knows ({exc})",
            "name .po files by their locale: en.po, zh-CN.po",
        ) from None
    for message in po:
        _previous_from_comments(message)
    return po


def _previous_from_comments(message: Message) -> None:
    """Turn the ``#| msgid`` lines Babel read as comments back into ``previous_id``.

    Babel writes previous msgids but reads them as translator comments
    (``"| msgid ..."``); left so, an ``update`` would write them back as
    ``# | msgid`` comments, and the old source a translator compares a fuzzy
    message with would stop being one.
    """
    from babel.messages.pofile import unescape

    if not any(c.startswith("|") for c in message.user_comments):
        return
    kept: list[str] = []
    parts: list[str] | None = None
    for comment in message.user_comments:
        if not comment.startswith("|"):
            kept.append(comment)
            continue
        body = comment[1:].strip()
        if body.startswith("msgid "):
            parts = [unescape(body[len("msgid ") :].strip())]
        elif body.startswith('"') and parts is not None:
            parts.append(unescape(body))
    message.user_comments = kept
    if parts is not None:
        message.previous_id = ["".join(parts)]


def po_bytes(po: PoCatalog) -> bytes:
    """Serialise a Babel catalog as ``.po`` text (previous msgids and obsolete messages kept)."""
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, po, width=76, include_previous=True, sort_output=False)
    return buffer.getvalue()


class CompileReport(NamedTuple):
    """What :func:`compile_translations` found besides the translations it compiled."""

    incomplete: tuple[Code, ...]
    outdated: tuple[str, ...]
    unknown: tuple[str, ...]
    bad_placeholders: tuple[str, ...]


def compile_translations(
    po: PoCatalog, catalog: Catalog, locale: str
) -> tuple[dict[int, Translation], CompileReport]:
    """The complete, current translations a ``.po`` holds, by entry index.

    A message counts when it is translated, not fuzzy, its ``msgid`` is the
    entry's current text (else it is *outdated*: run update) and, for a
    ``message``, its placeholders are the source's.
    """
    index_of = {id(e): i for i, e in enumerate(catalog.entries)}
    found: dict[int, dict[str, str]] = {}
    outdated: list[str] = []
    unknown: list[str] = []
    bad: list[str] = []
    for message in po:
        if not message.id or not message.context:
            continue
        parsed = parse_context(message.context)
        if parsed is None:
            unknown.append(message.context)
            continue
        space, code, field = parsed
        entry = catalog.get(code, space) if space in catalog.spaces else None
        if entry is None:
            unknown.append(message.context)
            continue
        string = message.string if isinstance(message.string, str) else ""
        if not string or message.fuzzy:
            continue
        if getattr(entry, field) != message.id:
            outdated.append(message.context)
            continue
        if field == "message" and placeholders(string) != placeholders(_msgid(message)):
            bad.append(message.context)
            continue
        found.setdefault(index_of[id(entry)], {})[field] = string
    out: dict[int, Translation] = {}
    incomplete: list[Code] = []
    for index, fields in found.items():
        entry = catalog.entries[index]
        if source_locale(catalog, entry) == locale or entry.is_removed:
            continue
        needed = {f for f, _ in _texts(entry)}
        if not needed <= set(fields):
            incomplete.append(entry.code)
            continue
        out[index] = Translation(
            **fields, source_hash=source_hash(entry.message, entry.description, entry.solution)
        )
    return out, CompileReport(tuple(incomplete), tuple(outdated), tuple(unknown), tuple(bad))


def inline_translations(catalog: Catalog, locale: str) -> list[tuple[Entry, Any, tuple[Any, ...]]]:
    """Entries whose own file holds a ``translations.<locale>`` table (not a locale file).

    Returns ``(entry, source file, key path)`` for each, to point a message at it.
    """
    from errdex.io.read import parse

    parsed: dict[int, dict[str, Any] | None] = {}
    out = []
    for entry, (src, keypath) in zip(catalog.entries, catalog.origins, strict=False):
        if locale not in entry.translations:
            continue
        if id(src) not in parsed:
            parsed[id(src)] = parse(src.text, src)[0]
        data = parsed[id(src)]
        raw: Any = data
        for key in keypath:
            raw = raw[key] if raw is not None else None
        if isinstance(raw, dict) and locale in (raw.get("translations") or {}):
            out.append((entry, src, (*keypath, "translations", locale)))
    return out


def locale_file_text(
    existing: str | None, catalog: Catalog, locale: str, translations: dict[int, Translation]
) -> str:
    """The text of ``locales/<locale>.toml`` holding ``translations`` (by entry index).

    An existing file is edited with tomlkit: its comments, and translations of
    entries not in ``translations``, stay; compiled entries replace their table's
    keys. A code held by several spaces gets a ``space`` key.
    """
    import tomlkit
    from tomlkit.items import KeyType, SingleKey

    if existing is not None:
        doc = tomlkit.parse(existing)
    else:
        doc = tomlkit.document()
        doc.add(
            tomlkit.comment(
                f"{locale} translations of the errdex catalog {catalog.meta.id!r}, by code."
            )
        )
        doc.add(
            tomlkit.comment(
                f"Compiled from the gettext file {locale}.po by `errdex i18n compile`;"
                " translate there."
            )
        )
    if "errors" not in doc:
        doc.add("errors", tomlkit.table(is_super_table=True))
    table: Any = doc["errors"]
    existing_keys = {normalize_code(str(k)): str(k) for k in table}
    for index in sorted(translations):
        entry = catalog.entries[index]
        tr = translations[index]
        values: dict[str, Any] = {}
        if len(catalog.find(entry.key)) > 1:
            values["space"] = entry.space
        for field in ("title", "message", "description", "solution", "source_hash"):
            value = getattr(tr, field)
            if value is not None:
                values[field] = value
        key = existing_keys.get(entry.key)
        if key is not None and isinstance(table[key], dict):
            sub = table[key]
            for field in ("space", *FIELDS, "source_hash"):
                if field in values:
                    sub[field] = values[field]
            continue
        sub = tomlkit.table()
        for field, value in values.items():
            sub.add(field, value)
        table.add(SingleKey(str(entry.code), KeyType.Basic), sub)
        existing_keys[entry.key] = str(entry.code)
    return tomlkit.dumps(doc)
