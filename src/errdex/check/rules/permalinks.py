"""A rule about permalinks: a code whose permalink no static host can serve from folders."""

from __future__ import annotations

from collections.abc import Iterator

from errdex.check.context import Context
from errdex.check.registry import check
from errdex.io.diagnostic import Diagnostic, rule
from errdex.model.urls import MAX_FOLDER_BYTES, permalink_path, unservable_segment

STATIC_PERMALINK = rule("W210")


def _why(segment: str) -> str:
    """Why the decoded path ``segment`` is no folder name (see :func:`unservable_segment`)."""
    if segment in (".", ".."):
        return "is a step up or in place, not a folder"
    for char, said in (("/", "'/'"), ("\\", "'\\'"), ("\x00", "a NUL")):
        if char in segment:
            return f"holds {said}"
    return f"is longer than {MAX_FOLDER_BYTES} bytes"


@check(STATIC_PERMALINK)
def static_permalinks(ctx: Context) -> Iterator[Diagnostic]:
    """A code whose permalink path (its docs URL's path, else ``/<catalog>/<space>/<code>``)
    has a segment a static host cannot serve as a folder: ``A/B`` (``…/A%2FB``),
    ``../../etc``, a name over 200 bytes. ``errdex serve`` serves it, but ``errdex build
    --site`` must put its page at another path, so its problem+json ``type`` URL does not
    resolve on a static host."""
    catalog = ctx.catalog
    for i, entry in enumerate(ctx.entries):
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
