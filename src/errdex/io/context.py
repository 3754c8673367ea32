"""What a rule sees of a catalog, and how it points a diagnostic at an entry's field.

A :class:`Context` wraps one catalog for one run of the rules. Rules report
through it: :meth:`Context.entry_diag` turns "entry 12, field ``message``"
into a diagnostic at that field's place in its source file. The place is a
key path; its line and column are resolved only if someone reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from errdex.io.diagnostic import Diagnostic, Rule
from errdex.io.origins import Origins
from errdex.model import Catalog, Entry, Translation

if TYPE_CHECKING:
    from errdex.io.source import SourceFile


class Spot(Diagnostic):
    """A diagnostic whose column is refined to where ``needle`` occurs at or after its key.

    Used for words inside texts: the caret goes under ``Unavaliable``, not under
    the ``name`` key in front of it.
    """

    __slots__ = ("needle",)

    def __init__(self, rule: Rule, message: str, *, needle: str, **kwargs: Any) -> None:
        super().__init__(rule, message, **kwargs)
        self.needle = needle

    @property
    def position(self) -> tuple[int, int]:
        if self._pos is None:
            line, col = super().position
            self._pos = _find(self.source, line, col, self.needle) if line else (line, col)
        return self._pos


def _find(source: SourceFile | None, line: int, col: int, needle: str) -> tuple[int, int]:
    """The first place of ``needle`` at or after ``line:col`` (within a few lines), else the key."""
    if source is None:
        return line, col
    for number in range(line, line + 40):
        text = source.line_text(number)
        if text is None:
            break
        at = text.find(needle, col - 1 if number == line else 0)
        if at >= 0:
            return number, at + 1
        if number > line and _starts_new_key(text):
            break
    return line, col


def _starts_new_key(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith("[") or (
        "=" in stripped and stripped.split("=", 1)[0].strip().isidentifier()
    )


class Context:
    """One catalog as the rules see it, with helpers to report at its entries and modules."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.entries: tuple[Entry, ...] = catalog.entries
        self.main: SourceFile | None = catalog.sources[0] if catalog.sources else None
        self._module_files: dict[str, SourceFile] | None = None
        self._name_shapes: set[str] | None = None
        self._locale_files: dict[str, SourceFile] | None = None
        self._values: dict[str, frozenset[Any]] = {}
        self._columns: dict[str, list[Any]] = {}
        self._having: dict[str, list[int]] = {}
        self._translations: list[tuple[int, str, Translation]] | None = None

    def values(self, field: str) -> frozenset[Any]:
        """The distinct values of one field over all entries (computed once per run: several
        rules and invariants ask whether any value is wrong before looking entry by entry)."""
        found = self._values.get(field)
        if found is None:
            column = self._columns.get(field)
            found = frozenset(map(attrgetter(field), self.entries) if column is None else column)
            self._values[field] = found
        return found

    def column(self, field: str) -> list[Any]:
        """One field of every entry, in entry order (computed once per run)."""
        found = self._columns.get(field)
        if found is None:
            found = self._columns[field] = list(map(attrgetter(field), self.entries))
        return found

    def having(self, field: str) -> list[int]:
        """The numbers of the entries whose ``field`` is set and not empty (``variants``,
        ``translations``): the few entries a rule about that field looks at (computed once)."""
        found = self._having.get(field)
        if found is None:
            found = list(compress(range(len(self.entries)), self.column(field)))
            self._having[field] = found
        return found

    @property
    def translations(self) -> list[tuple[int, str, Translation]]:
        """Every translation of every entry, in entry order: ``(entry number, locale,
        translation)``, so that the translation rules share one walk of the entries."""
        if self._translations is None:
            entries = self.entries
            self._translations = [
                (i, locale, tr)
                for i in self.having("translations")
                for locale, tr in entries[i].translations.items()
            ]
        return self._translations

    @property
    def name_shapes(self) -> set[str]:
        """The distinct names with their digits removed (``invalidToken12`` → ``invalidToken``):
        numbered names share their words, so word-level rules look at each shape once."""
        if self._name_shapes is None:
            names = [n for n in self.column("name") if n is not None]
            self._name_shapes = (
                set("\n".join(names).translate(_NO_DIGITS).split("\n")) if names else set()
            )
        return self._name_shapes

    # -- where things are --------------------------------------------------------

    def origin(self, index: int) -> tuple[SourceFile | None, tuple[Any, ...]]:
        """Source file and key path of entry number ``index``."""
        origin: tuple[SourceFile | None, tuple[Any, ...]] | None = self.catalog.origin(index)
        if origin is None:
            return self.main, ()
        src, path = origin
        return src, path

    def origins(
        self, indexes: Sequence[int]
    ) -> Sequence[tuple[SourceFile | None, tuple[Any, ...]]]:
        """:meth:`origin` of each entry number in ``indexes``, in one pass."""
        known = self.catalog.origins
        if isinstance(known, Origins) and indexes and max(indexes) < len(known):
            return known.of(indexes)
        return list(map(self.origin, indexes))

    def _files(self, folder: str) -> dict[str, SourceFile]:
        out: dict[str, SourceFile] = {}
        for src in self.catalog.sources:
            path = getattr(src, "path", None)
            if path is not None and path.parent.name == folder:
                out.setdefault(path.stem, src)
        return out

    def module_place(self, module: str) -> tuple[SourceFile | None, tuple[Any, ...]]:
        """Where module ``module`` is declared: its module file, or ``[modules.NAME]``."""
        if self._module_files is None:
            self._module_files = self._files("modules")
        src = self._module_files.get(module)
        if src is not None:
            return src, ("module",)
        return self.main, ("modules", module)

    def translation_place(
        self, index: int, locale: str
    ) -> tuple[SourceFile | None, tuple[Any, ...]]:
        """Where entry ``index``'s translation to ``locale`` is: a locale file or the entry."""
        if self._locale_files is None:
            self._locale_files = self._files("locales")
        src = self._locale_files.get(locale)
        if src is not None:
            code = self.entries[index].code
            for key in (code, str(code)):
                if src.has(("errors", key)):
                    return src, ("errors", key)
        src, path = self.origin(index)
        return src, (*path, "translations", locale)

    def location(self, index: int, *field: Any) -> str:
        """``file:line:col`` of an entry's field, for messages that mention another place."""
        src, path = self.origin(index)
        return Diagnostic(_PLACE, "", source=src, path=path + field).location

    # -- reporting -----------------------------------------------------------

    def entry_diag(
        self,
        rule: Rule,
        index: int,
        field: tuple[Any, ...],
        message: str,
        hint: str | None = None,
        *,
        needle: str | None = None,
        severity: str | None = None,
    ) -> Diagnostic:
        """A diagnostic at ``field`` (a key path inside the entry) of entry ``index``."""
        src, path = self.origin(index)
        if field and field[0] == "translations":
            src, path = self.translation_place(index, field[1])
            field = field[2:]
        if needle:
            return Spot(
                rule,
                message,
                needle=needle,
                source=src,
                path=path + field,
                hint=hint,
                severity=severity,
            )
        return Diagnostic(
            rule, message, source=src, path=path + field, hint=hint, severity=severity
        )

    def module_diag(
        self, rule: Rule, module: str, key: str, message: str, hint: str | None = None
    ) -> Diagnostic:
        """A diagnostic at key ``key`` of module ``module``."""
        src, path = self.module_place(module)
        return Diagnostic(rule, message, source=src, path=(*path, key), hint=hint)

    def top_diag(
        self, rule: Rule, path: tuple[Any, ...], message: str, hint: str | None = None
    ) -> Diagnostic:
        """A diagnostic at a key path of the catalog's main file (``("catalog", "locales")``)."""
        return Diagnostic(rule, message, source=self.main, path=path, hint=hint)

    # -- naming things in messages ---------------------------------------------

    def label(self, index: int) -> str:
        """How a message names an entry: its code, with its name when it has one."""
        entry = self.entries[index]
        code = entry.code
        return f"{code} ({entry.name})" if entry.name else str(code)


_PLACE = Rule("", "", "note", "")
_NO_DIGITS = str.maketrans("", "", "0123456789")


def value_at(entry: Entry, path: tuple[Any, ...]) -> Any:
    """The value at a key path inside an entry (``("variants", 0, "message")``)."""
    value: Any = entry
    for part in path:
        if type(part) is int or not hasattr(value, "_fields"):
            value = value[part]
        else:
            value = getattr(value, part)
    return value
