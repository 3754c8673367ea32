"""``cat.error(...)``: the class a code raises, and the error built from it.

The bound catalog (:class:`errdex.Catalog`) keeps a ``code → class`` table of the
spellings already raised, so a repeat is one dict hit and :func:`new_error`;
the first raise of a spelling goes through :func:`raisable_class`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from errdex.model import Entry, UnknownCodeError
from errdex.model.codes import Code
from errdex.runtime.errors import OPTIONS, Error
from errdex.runtime.index import ErrorClasses

_new_exception = BaseException.__new__


class RemovedCodeError(LookupError):
    """Raised by ``cat.error(...)`` for a removed code: a tombstone is never raised again."""

    __module__ = "errdex"

    def __init__(self, entry: Entry, catalog_id: str) -> None:
        hint = f"; use {entry.replaced_by!r} instead" if entry.replaced_by is not None else ""
        why = f" ({entry.reason})" if entry.reason else ""
        super().__init__(f"error {entry.code!r} of catalog {catalog_id!r} was removed{why}{hint}")
        self.entry = entry

    def __reduce__(self) -> tuple[Any, ...]:
        entry = self.entry  # its read-only tables travel as dicts
        plain = entry._replace(params=dict(entry.params), translations=dict(entry.translations))
        return (_removed, (self.args, plain))


def _removed(args: tuple[Any, ...], entry: Entry) -> RemovedCodeError:
    err = RemovedCodeError.__new__(RemovedCodeError)
    err.args = args
    err.entry = entry._replace(
        params=MappingProxyType(entry.params), translations=MappingProxyType(entry.translations)
    )
    return err


def raisable_class(codes: ErrorClasses, code_or_name: Code, space: str | None) -> type[Error]:
    """The class ``cat.error`` raises for a code or name (in ``space`` when given).

    Raises :class:`~errdex.model.UnknownCodeError` for a code the catalog lacks
    (an unhashable one included), :class:`~errdex.model.AmbiguousCodeError` for a
    code in several spaces without ``space``, :class:`RemovedCodeError` for a tombstone.
    """
    try:
        cls = codes[code_or_name if space is None else (space, code_or_name)]
    except TypeError:
        raise UnknownCodeError(code_or_name, codes.catalog.meta.id, space) from None
    if cls._removed:
        assert cls.entry is not None
        raise RemovedCodeError(cls.entry, codes.catalog.meta.id)
    return cls


def new_error(cls: type[Error], params: dict[str, Any]) -> Error:
    """Build an error of ``cls`` with keyword arguments ``params`` (what ``cls(**params)``
    does, without the call when there are only message parameters)."""
    if not params:
        error: Error = _new_exception(cls)
        return error
    if OPTIONS.isdisjoint(params):
        error = _new_exception(cls)
        error.params = params
        return error
    return cls(**params)
