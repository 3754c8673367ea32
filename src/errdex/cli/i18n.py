"""``errdex i18n extract|update|compile``: translate a catalog's texts with gettext tools.

``extract`` writes a ``.pot``; ``update`` merges the current texts into
``<dir>/<locale>.po`` (fuzzy where the source changed); ``compile`` brings the
translated, current messages back into the folder catalog's
``locales/<locale>.toml``. The work is done by :mod:`errdex.convert.gettext`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from errdex.cli.common import fail, inside, load_or_exit, save
from errdex.cli.one_catalog import one_catalog
from errdex.cli.output import format_option, write_json
from errdex.cli.paths import PathParam, catalog_path, output_path
from errdex.cli.screen import write_data
from errdex.cli.stdin import STDIN, stdin_file
from errdex.convert import gettext
from errdex.io.edit import LockTimeout, catalog_lock
from errdex.io.source import display_path
from errdex.model import Catalog

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog as PoCatalog


def _fail(message: str, hint: str | None = None) -> NoReturn:
    fail("i18n", message, hint)


def _stdin_locations(po: PoCatalog, path: str) -> None:
    """For a catalog read from ``-``: its messages' locations name ``<stdin>``, not the
    temporary file that held standard input."""
    if path != STDIN:
        return
    held = stdin_file().name
    for message in po:
        message.locations = [
            ("<stdin>" if name == held else name, line) for name, line in message.locations
        ]


def _root(path: str) -> Path:
    p = Path(path)
    return p if p.is_dir() else p.parent


def _po_dir(path: str, directory: str | None) -> Path:
    return Path(directory) if directory else _root(path) / "i18n"


_dir_option = click.option(
    "-d",
    "--dir",
    "directory",
    type=PathParam(
        "the .po folder",
        "give the folder of the .po files, or leave -d out for <catalog>/i18n",
        file_okay=False,
    ),
    help="Folder of the .po files (default: <catalog>/i18n).",
)


@click.group()
def i18n() -> None:
    """Translate catalog texts through gettext .pot/.po files (Babel, msgfmt, Poedit...)."""


@i18n.command()
@click.argument("path", type=catalog_path())
@click.option(
    "-o",
    "--output",
    type=output_path("the template file", dir_okay=False),
    help="Write the .pot here.",
)
@format_option
def extract(path: str, output: str | None, output_format: str) -> None:
    """Write the catalog's texts as a gettext template (stdout without -o).

    With --format json, one object says what was made: {"output", "messages",
    "pot"} (the template's text when there is no -o, else null).
    """
    path = one_catalog(path)
    catalog = load_or_exit(path)
    template = gettext.template(catalog)
    _stdin_locations(template, path)
    data = gettext.po_bytes(template)
    count = sum(1 for m in template if m.id)
    if output:
        save("i18n", output, data)
    if output_format == "json":
        shown = None if output else data.decode("utf-8")
        write_json({"output": output, "messages": count, "pot": shown})
    elif output:
        click.echo(f"wrote {count} messages to {output}", err=True)
    else:
        write_data(data)  # a pipe or a file gets the exact .pot; a terminal, visible escapes


def _check_locale(catalog: Catalog, locale: str) -> None:
    try:
        from babel import Locale, UnknownLocaleError

        Locale.parse(gettext.babel_locale(locale))
    except (ValueError, UnknownLocaleError):
        _fail(f"{locale!r} is not a locale Babel knows", "write a BCP 47 tag such as en or zh-CN")
    if locale not in catalog.meta.locales and locale != catalog.meta.default_locale:
        click.echo(
            f"note: {locale} is not in [catalog].locales of {catalog.meta.id!r}; "
            "add it to promise it",
            err=True,
        )


@i18n.command()
@click.argument("path", type=catalog_path())
@click.option(
    "--locale", "-l", "locales", multiple=True, required=True, help="Locale (repeatable)."
)
@_dir_option
@format_option
def update(path: str, locales: tuple[str, ...], directory: str | None, output_format: str) -> None:
    """Merge the catalog's current texts into DIR/<locale>.po, creating it if needed.

    A text whose source changed keeps its translation, marked fuzzy with the
    old source as `#| msgid`. A new .po is seeded with the catalog's existing
    translations.
    """
    if path == STDIN and directory is None:
        _fail(
            "a catalog read from standard input has no folder for its .po files",
            "name the folder of the .po files with -d DIR",
        )
    path = one_catalog(path)
    catalog = load_or_exit(path)
    folder = _po_dir(path, directory)
    results: list[dict[str, object]] = []
    for locale in locales:
        _check_locale(catalog, locale)
        po_path = inside("i18n", folder, f"{locale}.po")
        existing = None
        old_bytes = None
        if po_path.exists():
            try:
                existing = gettext.read_po_file(po_path, locale)
            except gettext.GettextError as exc:
                _fail(exc.message, exc.hint)
            old_bytes = po_path.read_bytes()
        po, report = gettext.merge(existing, catalog, locale)
        _stdin_locations(po, path)
        data = gettext.po_bytes(po)
        results.append(
            {
                "locale": locale,
                "path": display_path(po_path),
                "written": data != old_bytes,
                **{
                    key: getattr(report, key)
                    for key in ("total", "translated", "added", "changed", "seeded", "obsolete")
                },
            }
        )
        if data == old_bytes:
            click.echo(
                f"{display_path(po_path)}: up to date "
                f"({report.translated}/{report.total} translated)",
                err=True,
            )
            continue
        if existing is not None:
            po.revision_date = datetime.now(UTC)
            data = gettext.po_bytes(po)
        save("i18n", po_path, data)
        click.echo(
            f"{display_path(po_path)}: {report.total} messages, {report.translated} translated; "
            f"{report.added} new, {report.changed} changed (fuzzy), "
            f"{report.seeded} from the catalog, "
            f"{report.obsolete} obsolete",
            err=True,
        )
    if output_format == "json":
        write_json({"locales": results})


@i18n.command("compile")
@click.argument("path", type=catalog_path())
@click.option("--locale", "-l", "locales", multiple=True, help="Locale (default: every DIR/*.po).")
@_dir_option
@format_option
def compile_command(
    path: str, locales: tuple[str, ...], directory: str | None, output_format: str
) -> None:
    """Write translated, current .po messages into the catalog's locales/<locale>.toml.

    Needs a folder catalog (a folder with errdex.toml): translations live in
    its locale files. Fuzzy, untranslated and outdated messages are skipped;
    an entry is written only when all its texts are translated.
    """
    root = Path(path)
    if not root.exists():
        _fail(f"no such folder: {path}", "pass a folder catalog (a folder holding errdex.toml)")
    if not root.is_dir():
        hint = (
            f"pass the folder: errdex i18n compile {display_path(root.parent)}"
            if root.stem == "errdex"
            else f"move the file to {root.stem}/errdex.toml to make a folder catalog"
        )
        _fail(
            f"{path} is a single file: compiled translations go to a folder catalog's locales/",
            hint,
        )
    with _locked(root):
        catalog = load_or_exit(root)
        folder = _po_dir(path, directory)
        if not locales:
            locales = tuple(sorted(p.stem for p in folder.glob("*.po")))
            if not locales:
                _fail(
                    f"no .po files in {display_path(folder)}",
                    "run errdex i18n update PATH --locale L first",
                )
        results: list[dict[str, object]] = []
        for locale in locales:
            po_path = inside("i18n", folder, f"{locale}.po")
            try:
                po = gettext.read_po_file(po_path, locale)
            except gettext.GettextError as exc:
                _fail(exc.message, exc.hint)
            target = inside("i18n", root, f"locales/{locale}.toml")
            others = [p for p in (root / "locales").glob(f"{locale}.*") if p.suffix != ".toml"]
            if others:
                _fail(
                    f"{display_path(others[0])} already holds {locale}",
                    "keep one locale file per locale",
                )
            inline = gettext.inline_translations(catalog, locale)
            if inline:
                for entry, src, keypath in inline[:5]:
                    line, col = src.locate(keypath)
                    click.echo(
                        f"{src.display}:{line}:{col}: {entry.code!r} has an inline "
                        f"{locale} translation",
                        err=True,
                    )
                _fail(
                    f"{len(inline)} entries keep {locale} translations inline; "
                    "the locale file would translate them twice",
                    f"run errdex i18n update first (it copies them into {po_path.name}), "
                    f"then delete the [errors.translations.{locale}] tables",
                )
            translations, report = gettext.compile_translations(po, catalog, locale)
            existing = target.read_text(encoding="utf-8") if target.exists() else None
            text = gettext.locale_file_text(existing, catalog, locale, translations)
            if text != existing:
                save("i18n", target, text.encode("utf-8"))
            results.append(
                {
                    "locale": locale,
                    "path": display_path(target),
                    "translated": len(translations),
                    "written": text != existing,
                    "incomplete": [str(i) for i in report.incomplete],
                    "outdated": [str(i) for i in report.outdated],
                    "unknown": [str(i) for i in report.unknown],
                    "bad_placeholders": [str(i) for i in report.bad_placeholders],
                }
            )
            click.echo(f"{display_path(target)}: {len(translations)} entries translated", err=True)
            for what, items in (
                ("incomplete (some texts untranslated or fuzzy)", report.incomplete),
                ("outdated (source changed: run errdex i18n update)", report.outdated),
                ("unknown (no such entry)", report.unknown),
                ("placeholders differ from the source (skipped)", report.bad_placeholders),
            ):
                if items:
                    shown = ", ".join(str(i) for i in items[:8]) + (
                        " ..." if len(items) > 8 else ""
                    )
                    click.echo(f"  {len(items)} {what}: {shown}", err=True)
            if locale not in catalog.meta.locales:
                click.echo(f"note: add {locale!r} to [catalog].locales to promise it", err=True)
        if output_format == "json":
            write_json({"locales": results})


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Hold the catalog's edit lock while its locale files are read and written, or exit 2."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(catalog_lock(root))
        except LockTimeout as exc:
            _fail(exc.message, exc.hint)
        except OSError as exc:
            _fail(f"cannot lock {root}: {exc.strerror or exc}", "check the folder is writable")
        yield
