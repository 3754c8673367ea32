"""A rule about permalinks: a code whose permalink no static host can serve from folders."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import product

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule
from errdex.model import Entry
from errdex.model.urls import MAX_FOLDER_BYTES, fill_docs_url, permalink_path, unservable_segment

STATIC_PERMALINK = rule("W210")


def _why(segment: str) -> str:
    """Why the decoded path ``segment`` is no folder name (see :func:`unservable_segment`)."""
    if segment in (".", ".."):
        return "is a step up or in place, not a folder"
    for char, said in (("/", "'/'"), ("\\", "'\\'"), ("\x00", "a NUL")):
        if char in segment:
            return f"holds {said}"
    return f"is longer than {MAX_FOLDER_BYTES} bytes"


PLAIN_MAX = 40
"""The longest value (code, name, module, space, catalog id) the fast path calls plain."""
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9_+~\n-]")
"""A character a plain value never holds."""


def _not_plain(values: Sequence[str]) -> set[int]:
    """The indexes of the values that are not plain: one regular-expression pass over the
    column joined by newlines and one ``len`` each, so a plain column of 100,000 codes
    costs milliseconds."""
    text = "\n".join(values)
    found: set[int] = set()
    line, at = 0, 0
    for m in _NOT_PLAIN.finditer(text):
        line += text.count("\n", at, m.start())
        at = m.start()
        found.add(line)
    if max(map(len, values), default=0) > PLAIN_MAX:
        found.update(i for i, v in enumerate(values) if len(v) > PLAIN_MAX)
    return found


def _plain_is_servable(template: str | None, catalog_id: str) -> bool:
    """Whether every entry whose values are plain (:data:`PLAIN_MAX` characters at most of
    ``A-Z a-z 0-9 _ - + ~``, name and module possibly empty) has a servable permalink.

    A plain value is the same quoted and decoded, holds no ``/``, ``\\``, NUL or dot,
    so a path segment is unservable only through the template's own text, an empty
    value (a segment of dots alone, or no path: then the ``/<catalog>/<space>/<code>``
    fallback) or its length: trying the longest plain values, with name and module
    empty or not, covers every plain entry.
    """
    longest = "x" * PLAIN_MAX
    for module, name in product(("", longest), repeat=2):
        probe = Entry(code=longest, key=longest, space=longest, module=module, name=name)
        url = fill_docs_url(template, catalog_id, probe) if template else None
        if unservable_segment(permalink_path(url, catalog_id, probe)) is not None:
            return False
    return True


@check(STATIC_PERMALINK)
def static_permalinks(ctx: Context) -> Iterator[Diagnostic]:
    """A code whose permalink path (its docs URL's path, else ``/<catalog>/<space>/<code>``)
    has a segment a static host cannot serve as a folder: ``A/B`` (``…/A%2FB``),
    ``../../etc``, a name over 200 bytes. ``errdex serve`` serves it, but ``errdex build
    --site`` must put its page at another path, so its problem+json ``type`` URL does not
    resolve on a static host."""
    catalog = ctx.catalog
    entries = ctx.entries
    catalog_id = catalog.meta.id
    if _plain_is_servable(catalog.meta.docs_url, catalog_id) and not _not_plain([catalog_id]):
        suspects = sorted(
            _not_plain([str(e.code) for e in entries])
            | _not_plain([e.name or "" for e in entries])
            | _not_plain([e.module or "" for e in entries])
            | _not_plain([e.space for e in entries])
            | {i for i, e in enumerate(entries) if e.docs_url}
        )
    else:
        suspects = list(range(len(entries)))
    for i in suspects:
        entry = entries[i]
        path = permalink_path(catalog.docs_url(entry), catalog.meta.id, entry)
        segment = unservable_segment(path)
        if segment is None:
            continue
        field = ("docs_url",) if entry.docs_url else ("code",)
        yield ctx.entry_diag(
            STATIC_PERMALINK,
            i,
            field,
            f"the permalink of {ctx.label(i)}, {path}, is no folder path on a static host: "
            f"its part {segment!r} {_why(segment)}",
            "errdex serve serves it, but errdex build --site puts its page at an escaped "
            "folder, where its type URL does not lead; use a code without '/', '\\' or only "
            "dots, or give the entry a docs_url whose path holds no such segment",
        )
